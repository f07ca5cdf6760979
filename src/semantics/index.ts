/** The concrete semantics of arc's IR: operators, expression evaluation and the interpreter. */
export type { RunOutcome } from './outcome.js';
export { evalExpr, compileExpr } from './eval.js';
export type { CompiledExpr, SlotResolver } from './eval.js';
export { binaryFn, castFn, compareFn, overflowFn, unaryFn, wrapFn } from './ops.js';
export {
  DEFAULT_MAX_STEPS,
  compileFunction,
  compiled,
  inRange,
  runFunction,
} from './interpreter.js';
export type { CompiledFunction, NondetSource, RunOptions } from './interpreter.js';
