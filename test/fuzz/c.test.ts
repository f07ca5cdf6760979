/**
 * Robustness: generated C programs (test/support/generators/c.ts) — valid,
 * unsupported and malformed — fed to `prove` (several property groups,
 * `--semantics math`, `--data-model ILP32`), `terminates` and the front-end
 * behind `arc ir`, in-process with small budgets. No input may end in an
 * exception (exit 4) or an internal error; bad input is located; an
 * unsupported construct is a located don't know. A no's witness is run
 * again in arc's interpreter, on a fresh lowering, and must violate the same
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
import type { ProveOptions } from '../../src/api/types.js';
import { lowerCFile } from '../../src/frontends/c/index.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { C_CORNER_FILES, C_ODD_FILES, cProgram, type GeneratedC } from '../support/generators/c.js';
import { witnessInputs, witnessNondet } from '../terminates/helpers.js';
import {
  FUZZ_SEED,
  Failures,
  assertLocatedCodeDiagnostics,
  checkProveResult,
  noThrow,
  tally,
} from './support.js';

const COUNT = Number(process.env['ARC_FUZZ_COUNT'] ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'arc-fuzz-c-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The `prove` configurations, in turn. */
const CONFIGS: readonly { readonly label: string; readonly options: Partial<ProveOptions> }[] = [
  { label: 'default properties', options: {} },
  { label: '--property no-overflow', options: { properties: ['no-overflow'] } },
  {
    label: '--property assertions --returns-true',
    options: { properties: ['assertions', 'returns-true'], returnsTrue: true },
  },
  { label: '--semantics math', options: { semantics: 'math' } },
  {
    label: '--data-model ILP32 --property no-undefined-behaviour',
    options: { dataModel: 'ILP32', properties: ['no-undefined-behaviour'] },
  },
  {
    label: '--property no-div-by-zero --property valid-shift --engine bmc',
    options: { properties: ['no-div-by-zero', 'valid-shift'], engines: 'bmc' },
  },
];

const programs: readonly GeneratedC[] = [
  ...C_ODD_FILES,
  ...C_CORNER_FILES,
  ...fc.sample(cProgram({ maxStatementDepth: 2, maxExpressionDepth: 2 }), {
    seed: FUZZ_SEED,
    numRuns: COUNT,
  }),
];

/** The witness of a no runs to the same violation in the interpreter, on a fresh lowering. */
async function rerunWitness(
  file: string,
  options: ProveOptions,
  v: Verdict & { answer: 'no' },
  context: string,
): Promise<void> {
  const lowered = await lowerCFile(file, {
    dataModel: options.dataModel ?? 'LP64',
    entry: options.function ?? 'main',
    returnsTrue: options.returnsTrue === true,
    semantics: options.semantics ?? 'c',
  });
  if (
    !lowered.ok &&
    lowered.diagnostics.every((d) => d.severity !== 'error' || d.code === 'recursion')
  )
    return; // prove inlines recursion to a depth of its own; that lowering is not repeated here
  assert.ok(lowered.ok, `a no for a program that does not lower again: ${context}`);
  if (!lowered.ok) return;
  const fn = lowered.program.functions.get(options.function ?? 'main');
  assert.ok(fn !== undefined, context);
  if (fn === undefined) return;
  const cx = v.witness;
  const outcome = runFunction(fn, witnessInputs(fn, cx), witnessNondet(cx), {
    maxSteps: 5_000_000,
    recordPath: false,
  });
  assert.equal(
    outcome.kind,
    'violated',
    `the witness does not fail when run again (${outcome.kind}): ${context}`,
  );
  if (outcome.kind === 'violated')
    assert.equal(
      outcome.property,
      cx.property.id,
      `the witness fails another property: ${context}`,
    );
}

test(`${programs.length} generated C programs (seed ${FUZZ_SEED}) through prove, terminates and the front-end`, async (t) => {
  const answers: string[] = [];
  const failures = new Failures();
  for (const [i, p] of programs.entries()) {
    await failures.check(async () => {
      const file = join(dir, `p${i}.c`);
      writeFileSync(file, p.text);
      const what = `program ${i} (${p.kind}${p.note === '' ? '' : `: ${p.note}`}) in ${file}`;
      const config = CONFIGS[i % CONFIGS.length];
      const options: ProveOptions = {
        file,
        function: p.entry,
        timeoutSeconds: 2,
        maxUnwind: 8,
        ...config.options,
      };
      const context = `${what}, prove ${config.label}\n${p.text}`;
      const r = await noThrow(context, () => prove(options));
      const answer = checkProveResult(r, file, context);
      answers.push(`prove:${answer}`);
      if (r.kind === 'verdict' && r.verdict.answer === 'no') {
        const v = r.verdict;
        await rerunWitness(file, options, v, context);
      }
      if (i % 2 === 0) {
        const tcontext = `${what}, terminates\n${p.text}`;
        const tr = await noThrow(tcontext, () =>
          terminates({
            file,
            function: p.entry,
            timeoutSeconds: 2,
            ...(i % 4 === 0 ? { semantics: 'math' as const } : {}),
          }),
        );
        answers.push(`terminates:${checkProveResult(tr, file, tcontext)}`);
      }
      const ir = await noThrow(`${what}, ir`, () =>
        lowerCFile(file, {
          dataModel: i % 3 === 0 ? 'ILP32' : 'LP64',
          entry: p.entry,
          returnsTrue: i % 2 === 1,
        }),
      );
      if (!ir.ok) {
        const unsupportedOnly = ir.diagnostics
          .filter((d) => d.severity === 'error')
          .every((d) => d.code === 'unsupported' || d.code === 'recursion');
        if (!unsupportedOnly)
          assertLocatedCodeDiagnostics(ir.diagnostics, file, `${what}, ir\n${p.text}`);
        for (const d of ir.diagnostics)
          assert.doesNotMatch(d.message, /internal error/i, `${what}, ir: ${d.message}\n${p.text}`);
      }
    });
  }
  t.diagnostic(tally(answers));
  failures.assertNone();
  // The generator must reach the engines, not only the front-end's errors.
  assert.ok(
    answers.filter((a) => /:(yes|no)$/.test(a)).length >= programs.length / 8,
    tally(answers),
  );
});
