/**
 * Regression (issue 14 item 8): `arc terminates` on a loop whose condition is
 * the result of an undefined function exited 4 ("Z3 rejected the script:
 * unknown sort 'Int'": the recurrent set's closure query, a quantifier with no
 * free variable, was printed under QF_BV). The answer is don't know, naming
 * the function it depends on, with exit code 3.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { terminates } from '../../src/api/terminates.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-undefined-condition-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'k.c');
writeFileSync(file, 'int ask(void); void k(void) { while (ask()) { } }\n');

test("while (ask()) {} with ask undefined: don't know, naming ask", async () => {
  const r = await terminates({ file, function: 'k', timeoutSeconds: 60 });
  assert.equal(r.kind, 'verdict');
  if (r.kind !== 'verdict') return;
  const v = r.verdict;
  assert.equal(v.answer, 'unknown', v.explanation);
  if (v.answer !== 'unknown') return;
  assert.equal(v.reason.code, 'undefined-function');
  assert.match(v.reason.message, /\bask\b/);
});

test('the same through the CLI: exit code 3, no internal error', () => {
  const run = runCli(['terminates', file, '--function', 'k', '--timeout', '60']);
  assert.equal(run.code, 3, run.stderr);
  assert.doesNotMatch(run.stderr + run.stdout, /internal error/);
  assert.match(run.stdout, /ask/);
});
