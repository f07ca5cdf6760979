/**
 * Regression (found by the generated-input tests, test/fuzz): a C or Python
 * expression thousands of levels deep (`ext_int(0 + 1 + … + 1499)`) exhausted
 * the JavaScript stack in the front-end's recursive passes, reported as
 * "internal error in the C front-end: Maximum call stack size exceeded".
 * Nesting beyond MAX_SYNTAX_DEPTH is now a located `unsupported` (don't
 * know); nesting just within it still goes through every command.
 */
import type { UnknownReason } from '../../src/core/answer.js';
import type { SourceSpan } from '../../src/core/location.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { prove } from '../../src/api/prove.js';
import { terminates } from '../../src/api/terminates.js';
import { lowerCFile } from '../../src/frontends/c/index.js';
import { MAX_SYNTAX_DEPTH } from '../../src/frontends/nesting.js';
import { lowerPythonFile } from '../../src/frontends/python/index.js';
import type { ProveResult } from '../../src/api/types.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-nesting-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const sum = (n: number, term: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => term(i)).join(' + ');

/** Programs a little within the bound: each nests about MAX_SYNTAX_DEPTH - 30 levels. */
const WITHIN = MAX_SYNTAX_DEPTH - 30;
/** [what, program, whether prove and terminates run on it too] */
const C_WITHIN: readonly [string, string, boolean][] = [
  [
    'sum of constants',
    `int ext_int(int);\nint f(int x) {\n  ext_int(${sum(WITHIN, (i) => String(i % 7))});\n  return x;\n}\n`,
    true,
  ],
  // Lowered only: the engines spend longer than their budgets on its hundreds of overflow checks.
  ['sum of a variable', `int f(int x) {\n  return ${sum(WITHIN, () => '(x & 1)')};\n}\n`, false],
  [
    'parentheses',
    `int f(int x) {\n  return ${'('.repeat(WITHIN)}x${')'.repeat(WITHIN)} > 0;\n}\n`,
    true,
  ],
  [
    'nested ifs',
    `int f(int x) {\n${'  if (x > 0) {\n'.repeat(WITHIN / 2)}  x--;\n${'  }\n'.repeat(WITHIN / 2)}  return x;\n}\n`,
    true,
  ],
];

function answerOf(r: ProveResult): string {
  const text = JSON.stringify(r);
  assert.doesNotMatch(text, /internal error|Maximum call stack/i, text.slice(0, 500));
  return r.kind === 'bad-input' ? 'bad-input' : r.verdict.answer;
}

for (const [what, text, analyse] of C_WITHIN) {
  test(`C, ${what}, within the bound: lowered, proved and asked about termination without a crash`, async () => {
    const file = write(`${what.replace(/\W+/g, '-')}.c`, text);
    const lowered = await lowerCFile(file, { dataModel: 'LP64', entry: 'f' });
    assert.ok(lowered.ok, JSON.stringify(lowered.diagnostics).slice(0, 500));
    if (!analyse) return;
    assert.notEqual(answerOf(await prove({ file, function: 'f', timeoutSeconds: 5 })), 'bad-input');
    assert.notEqual(
      answerOf(await terminates({ file, function: 'f', timeoutSeconds: 5 })),
      'bad-input',
    );
  });
}

/** The source span an unknown's reason points at. */
function spanOfReason(reason: UnknownReason): SourceSpan | undefined {
  const l = reason.location;
  return l !== undefined && !('jsonPath' in l) ? l : undefined;
}

test("C, a sum of 1,500 constants: don't know, located at the expression", async () => {
  const file = write(
    'deep.c',
    `int ext_int(int);\nint f(int x) {\n  ext_int(${sum(1500, (i) => String(i % 7))});\n  return x;\n}\n`,
  );
  for (const r of [
    await prove({ file, function: 'f' }),
    await terminates({ file, function: 'f' }),
  ]) {
    assert.equal(r.kind, 'verdict');
    if (r.kind !== 'verdict' || r.verdict.answer !== 'unknown')
      return assert.fail(JSON.stringify(r).slice(0, 300));
    assert.equal(r.verdict.reason.code, 'unsupported');
    assert.match(r.verdict.reason.message, /nests \d+ syntax levels deep/);
    assert.equal(spanOfReason(r.verdict.reason)?.startLine, 3);
    assert.equal(spanOfReason(r.verdict.reason)?.file, file);
  }
});

test('Python, within the bound and beyond it', async () => {
  const within = write(
    'within.py',
    `def f(x: int) -> int:\n    return ${sum(WITHIN, () => 'x')}\n`,
  );
  const lowered = await lowerPythonFile(within, { entry: 'f', returnsTrue: false });
  assert.ok(lowered.ok, JSON.stringify(lowered.diagnostics).slice(0, 500));
  answerOf(await prove({ file: within, function: 'f', timeoutSeconds: 5 }));
  const deep = write('deep.py', `def f(x: int) -> int:\n    return ${sum(3000, () => 'x')}\n`);
  const r = await prove({ file: deep, function: 'f' });
  if (r.kind !== 'verdict' || r.verdict.answer !== 'unknown')
    return assert.fail(JSON.stringify(r).slice(0, 300));
  assert.equal(r.verdict.reason.code, 'unsupported');
  assert.equal(spanOfReason(r.verdict.reason)?.startLine, 2);
});
