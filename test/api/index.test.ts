/** The library entry (src/index.ts) exports every question arc answers, and the contract. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as arc from '../../src/index.js';

test('every question is exported, with the contract', () => {
  const questions = [
    'prove',
    'terminates',
    'checkNoPublicAccess',
    'checkNoNewAccess',
    'checkAccessNotGranted',
    'comparePolicies',
    'canRequest',
    'netReachable',
    'netExplain',
    'netExposed',
  ] as const;
  for (const q of questions) assert.equal(typeof arc[q], 'function', q);
  assert.deepEqual(
    [arc.EXIT_YES, arc.EXIT_NO, arc.EXIT_BAD_INPUT, arc.EXIT_UNKNOWN, arc.EXIT_INTERNAL],
    [0, 1, 2, 3, 4],
  );
  assert.equal(arc.answerExitCode('unknown'), 3);
  assert.equal(arc.resultExitCode({ kind: 'bad-input', command: 'prove', diagnostics: [] }), 2);
  assert.ok(arc.UNKNOWN_CODES.includes('timeout'));
});
