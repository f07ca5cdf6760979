/**
 * Robustness: generated C programs (test/support/generators/c.ts) — valid,
 * unsupported and malformed — fed to `prove` (several property groups,
 * `--semantics math`, `--data-model ILP32`), `terminates` and the front-end
 * behind `arc ir`, in-process with small budgets. No input may end in an
 * exception (exit 4) or an internal error; bad input is located; an
 * unsupported construct is a located don't know. A no's witness is run
 * again in arc's interpreter, on a fresh lowering, and must violate the same
 * property.
 *
 * A second test does the same for programs that use memory (arrays, structs,
 * pointers, the heap, string functions; test/support/generators/c.ts,
 * `memoryCProgram`) and for generated programs with one memory fragment
 * inserted, under the memory properties (`memory-safety`, `memory-leak`, with
 * and without failing `malloc`), `assertions` and ILP32. Their witnesses
 * carry memory as map-valued nondet values (the initial memory); checks of
 * memory properties that were not asked about are run past, as arc runs past
 * them (`relaxUnchecked`).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { prove } from '../../src/api/prove.js';
import { terminates } from '../../src/api/terminates.js';
import { selectedKinds } from '../../src/api/options.js';
import type { ProveOptions } from '../../src/api/types.js';
import { lowerCFile } from '../../src/frontends/c/index.js';
import { relaxUnchecked } from '../../src/ir/ir.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import {
  C_CORNER_FILES,
  C_ODD_FILES,
  cProgram,
  memoryCProgram,
  memoryFragmentCProgram,
  type GeneratedC,
} from '../support/generators/c.js';
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
/** Programs that use memory: fewer, as each proof unrolls byte-level memory. */
const MEMORY_COUNT = Math.ceil(COUNT * 0.36);
const dir = mkdtempSync(join(tmpdir(), 'arc-fuzz-c-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A `prove` configuration. */
interface Config {
  readonly label: string;
  readonly options: Partial<ProveOptions>;
}

/** The `prove` configurations, in turn. */
const CONFIGS: readonly Config[] = [
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
    mallocMayFail: options.mallocMayFail ?? true,
  });
  if (
    !lowered.ok &&
    lowered.diagnostics.every((d) => d.severity !== 'error' || d.code === 'recursion')
  )
    return; // prove inlines recursion to a depth of its own; that lowering is not repeated here
  assert.ok(lowered.ok, `a no for a program that does not lower again: ${context}`);
  if (!lowered.ok) return;
  const entryFn = lowered.program.functions.get(options.function ?? 'main');
  assert.ok(entryFn !== undefined, context);
  if (entryFn === undefined) return;
  // Memory checks that were not asked about are run past, not assumed (as prove does).
  const fn = relaxUnchecked(entryFn, selectedKinds(options));
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

/** One program through prove in each of `configs` (then a no's witness again), maybe terminates, and the front-end. */
async function checkProgram(
  p: GeneratedC,
  name: string,
  i: number,
  configs: readonly Config[],
  answers: string[],
): Promise<void> {
  const file = join(dir, `${name}.c`);
  writeFileSync(file, p.text);
  const what = `program ${name} (${p.kind}${p.note === '' ? '' : `: ${p.note}`}) in ${file}`;
  for (const config of configs) {
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
  assertFrontEndDiagnostics(ir, file, `${what}, ir\n${p.text}`);
}

test(`${programs.length} generated C programs (seed ${FUZZ_SEED}) through prove, terminates and the front-end`, async (t) => {
  const answers: string[] = [];
  const failures = new Failures();
  for (const [i, p] of programs.entries()) {
    await failures.check(() => checkProgram(p, `p${i}`, i, [CONFIGS[i % CONFIGS.length]], answers));
  }
  t.diagnostic(tally(answers));
  failures.assertNone();
  // The generator must reach the engines, not only the front-end's errors.
  assert.ok(
    answers.filter((a) => /:(yes|no)$/.test(a)).length >= programs.length / 8,
    tally(answers),
  );
});

/**
 * The `prove` configurations of the programs that use memory, in turn, each
 * unwinding deep enough for the byte loops of memset, memcpy and calloc on
 * the programs' objects (at most 28 bytes).
 */
const MEMORY_CONFIGS: readonly Config[] = (
  [
    { label: '--property memory-safety', options: { properties: ['memory-safety'] } },
    {
      label: '--property memory-safety --property memory-leak',
      options: { properties: ['memory-safety', 'memory-leak'] },
    },
    { label: '--property assertions', options: { properties: ['assertions'] } },
    {
      label: '--data-model ILP32 --property memory-safety',
      options: { dataModel: 'ILP32', properties: ['memory-safety'] },
    },
    {
      label: '--property memory-safety --property memory-leak --malloc-never-fails',
      options: { properties: ['memory-safety', 'memory-leak'], mallocMayFail: false },
    },
    {
      label: '--data-model ILP32 --property assertions',
      options: { dataModel: 'ILP32', properties: ['assertions'] },
    },
  ] as const
).map((c) => ({
  label: `${c.label} --max-unwind 32`,
  options: { ...c.options, maxUnwind: 32 },
}));

const memoryPrograms: readonly GeneratedC[] = [
  ...fc.sample(memoryCProgram(), { seed: FUZZ_SEED, numRuns: MEMORY_COUNT }),
  ...fc.sample(memoryFragmentCProgram({ maxStatementDepth: 1, maxExpressionDepth: 2 }), {
    seed: FUZZ_SEED,
    numRuns: Math.ceil(MEMORY_COUNT / 4),
  }),
];

test(`${memoryPrograms.length} generated C programs with memory (seed ${FUZZ_SEED}) through prove, terminates and the front-end`, async (t) => {
  const answers: string[] = [];
  const failures = new Failures();
  for (const [i, p] of memoryPrograms.entries()) {
    // Two configurations each, one of them about memory: i and i + 2 (mod 6).
    const configs = [i, i + 2].map((k) => MEMORY_CONFIGS[k % MEMORY_CONFIGS.length]);
    await failures.check(() => checkProgram(p, `m${i}`, i, configs, answers));
  }
  t.diagnostic(tally(answers));
  failures.assertNone();
  // Both answers must occur: the indices are in bounds for some programs, out for others.
  const proved = answers.filter((a) => a.startsWith('prove:'));
  assert.ok(proved.includes('prove:yes') && proved.includes('prove:no'), tally(answers));
});
