/**
 * The cheapest decisive termination argument (engines/termination/run.ts): a
 * function that reads no input has one run, and when arc's interpreter sees
 * it end, every run ends. These tests pin where it applies and where it must
 * not: a parameter, a nondeterministic value or an uninitialised local means
 * many runs; a run with undefined behaviour or one longer than the step
 * budget decides nothing, and the other steps answer as before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { terminates } from '../../src/api/terminates.js';
import { RUN_STEPS } from '../../src/engines/termination/run.js';
import { stopSolvers } from '../../src/smt/index.js';
import type { Verdict } from '../../src/verdict/verdict.js';

after(() => stopSolvers());

const dir = mkdtempSync(join(tmpdir(), 'arc-one-run-'));

async function ask(name: string, source: string, fn = 'main'): Promise<Verdict> {
  const file = join(dir, name);
  writeFileSync(file, source);
  const r = await terminates({ file, function: fn, timeoutSeconds: 20 });
  if (r.kind !== 'verdict') throw new Error(`${name}: ${r.kind}`);
  return r.verdict;
}

function runSteps(v: Verdict): number | undefined {
  return v.answer === 'yes' && v.certificate.kind === 'termination'
    ? v.certificate.run?.steps
    : undefined;
}

test('five nested loops with constant bounds: one run of 6^5 inner iterations, re-run by the gate', async () => {
  const v = await ask(
    'nested.c',
    [
      'int main(void) {',
      '  int a = 6, b = 6, c = 6, d = 6, e = 6, n = 0;',
      '  for (a = 0; a < 6; ++a)',
      '    for (b = 0; b < 6; ++b)',
      '      for (c = 0; c < 6; ++c)',
      '        for (d = 0; d < 6; ++d)',
      '          for (e = 0; e < 6; ++e) n++;',
      '  return n;',
      '}',
      '',
    ].join('\n'),
  );
  assert.equal(v.answer, 'yes');
  const steps = runSteps(v);
  assert.ok(steps !== undefined && steps > 6 ** 5, `expected a run certificate: ${v.explanation}`);
  if (v.answer === 'yes' && v.certificate.kind === 'termination') {
    assert.deepEqual(v.certificate.loops, []);
    assert.match(v.certificate.recheck, new RegExp(`returned after ${steps} steps`));
  }
});

test('a parameter, a nondeterministic value or an uninitialised local: no run certificate', async () => {
  const withParam = await ask(
    'param.c',
    'int f(int n) {\n  while (n > 0) n--;\n  return n;\n}\n',
    'f',
  );
  assert.equal(withParam.answer, 'yes');
  assert.equal(runSteps(withParam), undefined);
  const nondet = await ask(
    'nondet.c',
    'extern int __VERIFIER_nondet_int(void);\nint main(void) {\n  int n = __VERIFIER_nondet_int();\n  while (n > 0) n--;\n  return 0;\n}\n',
  );
  assert.equal(nondet.answer, 'yes');
  assert.equal(runSteps(nondet), undefined);
  // The interpreter starts locals at 0, C does not: `n` is arbitrary here.
  const uninitialised = await ask(
    'uninit.c',
    'int main(void) {\n  int n;\n  while (n != 0) n = n - 1;\n  return 0;\n}\n',
  );
  assert.notEqual(uninitialised.answer, 'yes', 'n = -1 counts down through INT_MIN: overflow');
});

test('a deterministic run with undefined behaviour is a no, not a yes', async () => {
  const v = await ask(
    'overflow.c',
    'int main(void) {\n  int x = 2147483600;\n  while (x > 0) x = x + 10;\n  return 0;\n}\n',
  );
  assert.equal(v.answer, 'no');
  if (v.answer === 'no') assert.equal(v.witness.property.kind, 'overflow');
});

test('a deterministic run that never ends is still a no (the fixed point)', async () => {
  const v = await ask(
    'spin.c',
    'int main(void) {\n  int x = 1;\n  while (x < 10) x = x * 1;\n  return 0;\n}\n',
  );
  assert.equal(v.answer, 'no');
  if (v.answer === 'no') assert.equal(v.witness.property.kind, 'termination');
});

test('a run longer than the step budget is left to the ranking functions', async () => {
  const v = await ask(
    'long.c',
    `int main(void) {\n  int i = 0;\n  while (i < ${2 * RUN_STEPS}) i++;\n  return 0;\n}\n`,
  );
  assert.equal(v.answer, 'yes');
  assert.equal(runSteps(v), undefined);
  if (v.answer === 'yes' && v.certificate.kind === 'termination') {
    assert.equal(v.certificate.loops.length, 1);
  }
});
