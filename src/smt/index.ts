/**
 * arc's solver layer: queries are data (term.ts), printed as SMT-LIB 2
 * (print.ts) and answered by Z3 (solver.ts, which runs Z3 in the worker
 * thread of z3-worker.ts, the only module that imports `z3-solver`); nothing
 * Z3-specific crosses this boundary.
 */
export * from './term.js';
export type { Query } from './print.js';
export { withoutArrays } from './arrays.js';
export {
  freeVariables,
  letText,
  queryVariables,
  stringLiteralText,
  symbol,
  toSmtlib,
} from './print.js';
export type {
  CheckOptions,
  CheckResult,
  RecheckResult,
  SatStatus,
  ScriptResult,
  SolverInfo,
} from './solver.js';
export {
  checkScript,
  checkSat,
  initSolver,
  modelScalars,
  modelStrings,
  recheckUnsat,
  onLane,
  runScript,
  stopSolvers,
  writeSmtlib,
} from './solver.js';
export type {
  AbstractedVariable,
  AbstractionLimits,
  Cell,
  StringAbstraction,
} from './regex/abstract.js';
export { abstractStrings, domainClasses } from './regex/abstract.js';
export { starMatch, type StarToken } from './regex/tune.js';
export type { StringsCheckResult } from './regex/solve.js';
export { checkSatStrings, recheckStringsUnsat } from './regex/solve.js';
