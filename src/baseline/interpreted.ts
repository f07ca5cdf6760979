/**
 * The interpreter engine of the testing baseline: the same input schedule
 * as the native engine (in-order enumeration, or xorshift64* seeded by
 * splitmix64, identical to the C harness), run on arc's IR interpreter.
 * Every IR property (assertions, overflow, division by zero, shifts) and,
 * with returnsTrue, a false return counts as a failure. Deterministic for a
 * given seed and maxCalls; otherwise bounded by the time budget.
 */
import { makeRng } from '../core/prng.js';
import { compiled } from '../semantics/interpreter.js';
import type { CompiledFunction } from '../semantics/interpreter.js';
import { describeFailure, inputSpace, paramWidth, valueFromRaw } from './inputs.js';
import type { BaselineFailure, BaselineRequest, EngineRun } from './types.js';
import { MAX_LISTED_FAILURES } from './types.js';

const STEP_LIMIT = 100_000;

class Tally {
  calls = 0;
  failureCount = 0;
  skipped = 0;
  stepLimited = 0;
  failures: BaselineFailure[] = [];
}

function runOne(
  cf: CompiledFunction,
  req: BaselineRequest,
  args: bigint[],
  nondet: () => bigint,
  t: Tally,
): void {
  const o = cf.runPositional(args, nondet, { maxSteps: STEP_LIMIT, recordPath: false });
  t.calls++;
  let what: string | null = null;
  if (o.kind === 'violated') what = `violated ${o.property}`;
  else if (o.kind === 'returned' && req.returnsTrue && o.value === 0n) what = 'returned false';
  else if (o.kind === 'blocked') t.skipped++;
  else if (o.kind === 'out-of-steps') t.stepLimited++;
  if (what === null) return;
  t.failureCount++;
  if (t.failures.length < MAX_LISTED_FAILURES)
    t.failures.push(describeFailure(req.params, args, what));
}

function exhaustiveArgs(req: BaselineRequest, idx: bigint): bigint[] {
  let rest = idx;
  return req.params.map((p) => {
    const w = BigInt(paramWidth(p));
    const raw = rest & ((1n << w) - 1n);
    rest >>= w;
    return valueFromRaw(raw, p.type);
  });
}

export function runInterpreted(req: BaselineRequest): EngineRun {
  const cf = compiled(req.interpreter.fn);
  if (cf.fn.params.length !== req.params.length) {
    throw new Error(
      `internal error: ${req.params.length} baseline parameters for ${cf.fn.params.length} IR parameters`,
    );
  }
  const budgetNs = (req.budgetMs ?? 2000) * 1e6;
  const space = inputSpace(req.params);
  const rng = makeRng(req.seed ?? 1);
  const nondet = rng;
  const max = req.maxCalls ?? Infinity;
  let mode = req.mode ?? 'auto';
  let t = new Tally();
  let t0 = process.hrtime.bigint();
  const elapsed = (): number => Number(process.hrtime.bigint() - t0);
  if (mode !== 'exhaustive') {
    for (;;) {
      for (let k = 0; k < 64 && t.calls < max; k++) {
        runOne(
          cf,
          req,
          req.params.map((p) => valueFromRaw(rng(), p.type)),
          nondet,
          t,
        );
      }
      const el = elapsed();
      if (t.calls >= max) break;
      if (mode === 'auto' && (el >= budgetNs / 20 || BigInt(t.calls) >= space)) {
        const rate = t.calls / (el + 1);
        if (Number(space) <= rate * Math.max(0, budgetNs - el) * 0.8) {
          mode = 'exhaustive';
          break;
        }
        mode = 'random';
      }
      if (el >= budgetNs) break;
    }
  }
  let complete = false;
  if (mode === 'exhaustive') {
    t = new Tally();
    t0 = process.hrtime.bigint();
    const limit =
      req.maxCalls !== undefined && BigInt(req.maxCalls) < space ? BigInt(req.maxCalls) : space;
    for (let idx = 0n; idx < limit; idx++) {
      runOne(cf, req, exhaustiveArgs(req, idx), nondet, t);
      if ((idx & 255n) === 255n && elapsed() >= 3 * budgetNs) break;
    }
    complete = BigInt(t.calls) === space;
  }
  return finish(req, mode === 'exhaustive' ? 'exhaustive' : 'random', complete, t, elapsed());
}

function finish(
  req: BaselineRequest,
  mode: 'exhaustive' | 'random',
  complete: boolean,
  t: Tally,
  elapsedNs: number,
): EngineRun {
  const readsNondet = req.interpreter.fn.edges.some((e) => e.action.kind === 'havoc');
  const notes = [
    "arc's IR interpreter: every checked property (assertions, overflow, division by zero, shifts) and, with --returns-true, a false return count as failures",
    ...(readsNondet ? ['the function reads nondet values; they were random'] : []),
    ...(t.stepLimited > 0
      ? [`${t.stepLimited} calls did not finish within ${STEP_LIMIT} steps`]
      : []),
  ];
  return {
    engine: 'interpreter',
    mode,
    complete,
    calls: t.calls,
    elapsedNs,
    failures: t.failures,
    failureCount: t.failureCount,
    skipped: t.skipped,
    notes,
    incomplete: readsNondet || t.stepLimited > 0,
  };
}
