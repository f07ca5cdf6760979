/**
 * Robustness: generated Python programs (test/support/generators/python.ts)
 * — in the subset, with unsupported constructs, and with syntax errors — fed
 * to `prove` (with and without `--returns-true`), `terminates` and the
 * front-end behind `arc ir`, in-process with small budgets. No input may end
 * in an exception (exit 4) or an internal error; bad input is located; an
 * unsupported construct is a located don't know. A no's witness is run again
 * in arc's interpreter, on a fresh lowering, and must violate the same
 * property.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { prove } from '../../src/api/prove.js';
import { terminates } from '../../src/api/terminates.js';
import { lowerPythonFile } from '../../src/frontends/python/index.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import { PY_CORNER_FILES, pythonProgram } from '../support/generators/python.js';
import { witnessInputs, witnessNondet } from '../terminates/helpers.js';
import {
  FUZZ_SEED,
  Failures,
  assertFrontEndDiagnostics,
  checkProveResult,
  noThrow,
  tally,
} from './support.js';

const COUNT = Number(process.env['ARC_FUZZ_COUNT'] ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'arc-fuzz-py-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const programs = [
  ...PY_CORNER_FILES,
  ...fc.sample(pythonProgram(), { seed: FUZZ_SEED, numRuns: COUNT }),
];

test(`${programs.length} generated Python programs (seed ${FUZZ_SEED}) through prove, terminates and the front-end`, async (t) => {
  const answers: string[] = [];
  const failures = new Failures();
  for (const [i, p] of programs.entries()) {
    await failures.check(async () => {
      const file = join(dir, `p${i}.py`);
      writeFileSync(file, p.text);
      const what = `program ${i} (${p.kind}${p.note === '' ? '' : `: ${p.note}`}) in ${file}`;
      const returnsTrue = i % 2 === 1;
      const context = `${what}, prove${returnsTrue ? ' --returns-true' : ''}\n${p.text}`;
      const r = await noThrow(context, () =>
        prove({ file, function: p.entry, returnsTrue, timeoutSeconds: 2, maxUnwind: 8 }),
      );
      answers.push(`prove:${checkProveResult(r, file, context)}`);
      if (r.kind === 'verdict' && r.verdict.answer === 'no') {
        const lowered = await lowerPythonFile(file, { entry: p.entry, returnsTrue });
        assert.ok(lowered.ok, `a no for a program that does not lower again: ${context}`);
        const fn = lowered.ok ? lowered.program.functions.get(p.entry) : undefined;
        assert.ok(fn !== undefined, context);
        const cx = r.verdict.witness;
        const outcome = runFunction(fn, witnessInputs(fn, cx), witnessNondet(cx), {
          maxSteps: 5_000_000,
          recordPath: false,
        });
        assert.equal(
          outcome.kind,
          'violated',
          `the witness does not fail when run again: ${context}`,
        );
        if (outcome.kind === 'violated') assert.equal(outcome.property, cx.property.id, context);
      }
      if (i % 2 === 0) {
        const tcontext = `${what}, terminates\n${p.text}`;
        const tr = await noThrow(tcontext, () =>
          terminates({ file, function: p.entry, timeoutSeconds: 2 }),
        );
        answers.push(`terminates:${checkProveResult(tr, file, tcontext)}`);
      }
      const ir = await noThrow(`${what}, ir`, () =>
        lowerPythonFile(
          file,
          i % 3 === 0 ? { returnsTrue: false } : { entry: p.entry, returnsTrue },
        ),
      );
      assertFrontEndDiagnostics(ir, file, `${what}, ir\n${p.text}`);
    });
  }
  t.diagnostic(tally(answers));
  assert.ok(
    answers.filter((a) => /:(yes|no)$/.test(a)).length >= programs.length / 8,
    tally(answers),
  );
  failures.assertNone();
});
