/**
 * The cheapest decisive termination argument: a function that reads no input
 * has exactly one run, and if arc's interpreter (the reference semantics) sees
 * that run end within a step budget, every run ends.
 *
 * "Reads no input" is syntactic: no parameters, no `havoc` edge (nondet
 * calls, undefined functions, uninitialised locals all lower to one) and no
 * approximation. Every `assert` the run passes held, so the run also has no
 * undefined behaviour of the kinds the front-end checks. The budget counts
 * interpreter steps, not time: the answer is the same on any machine.
 */
import type { IrFunction } from '../../ir/ir.js';
import { runFunction } from '../../semantics/interpreter.js';

/** Steps the one run may take (a few tens of milliseconds in the interpreter). */
export const RUN_STEPS = 2_000_000;

/** Whether `fn` has exactly one run: no parameter, no havoc, no approximation. */
export function readsNoInput(fn: IrFunction): boolean {
  return (
    fn.params.length === 0 &&
    fn.approximations.length === 0 &&
    fn.edges.every((e) => e.action.kind !== 'havoc')
  );
}

/**
 * The number of steps after which the one run of `fn` returns or halts, or
 * undefined when `fn` reads input, or the run violates an assertion, blocks or
 * takes more than `maxSteps` steps.
 */
export function terminatingRun(
  fn: IrFunction,
  maxSteps: number = RUN_STEPS,
): { readonly steps: number } | undefined {
  if (!readsNoInput(fn)) return undefined;
  const stats = { steps: 0 };
  const outcome = runFunction(fn, new Map(), [], { maxSteps, recordPath: false, stats });
  return outcome.kind === 'returned' || outcome.kind === 'halted'
    ? { steps: stats.steps }
    : undefined;
}
