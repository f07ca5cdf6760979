/**
 * The testing engine (name `testing`): boundary-value test runs of the
 * function in arc's interpreter (samples.ts), before any solver is asked.
 * A run that violates a selected property is a counterexample outright;
 * the engine never answers `safe`.
 *
 * Deterministic by construction: the inputs come from a fixed seed and the
 * runs are bounded by a number of interpreter steps, not by time, so the
 * same function gives the same answer on a quiet and on a busy machine.
 * This is the portfolio's first, cheap and decisive step.
 */
import type { Engine, EngineOptions, EngineResult } from '../engine.js';
import type { IrFunction } from '../../ir/ir.js';
import { isPrecise } from '../../ir/ir.js';
import { LONG_RUNS, sampleRuns, SHORT_RUNS } from './samples.js';

/**
 * `effort: 'full'` makes few long runs (LONG_RUNS: bugs behind many loop
 * iterations, as in a loop over an array of 100,000 elements) instead of
 * many short ones; they stop at the time budget too (then: no answer).
 */
async function check(fn: IrFunction, options: EngineOptions): Promise<EngineResult> {
  const deadline = performance.now() + options.timeoutMs;
  const long = options.effort === 'full';
  const samples = await sampleRuns(
    fn,
    new Set(),
    options.properties,
    long ? LONG_RUNS : SHORT_RUNS,
    () => options.signal?.aborted === true || (long && performance.now() > deadline),
  );
  if (samples.violation !== null)
    return {
      status: 'unsafe',
      precise: isPrecise(fn, samples.violation.property),
      witness: samples.violation,
      solverMs: 0,
    };
  return {
    status: 'unknown',
    reason: {
      code: options.signal?.aborted === true ? 'cancelled' : 'solver-unknown',
      message: `none of ${samples.runs} test runs violates a property`,
    },
    solverMs: 0,
  };
}

export const testingEngine: Engine = { name: 'testing', question: 'safety', check };
