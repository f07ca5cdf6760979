/**
 * arc's library API. Every operation returns data: a verdict union (yes with a
 * re-checked certificate, no with a replayed counterexample, unknown with a
 * reason) or, for bad input, diagnostics. Nothing here prints or exits.
 */
export { prove } from './api/prove.js';
export type { ProveOptions, ProveResult, DataModel } from './api/types.js';
export type { Answer, Result, BadInput, UnknownReason, UnknownCode } from './core/answer.js';
export type {
  Verdict,
  YesVerdict,
  NoVerdict,
  UnknownVerdict,
  Certificate,
  Counterexample,
  PropertyStatus,
} from './verdict/verdict.js';
export {
  answerExitCode,
  resultExitCode,
  EXIT_YES,
  EXIT_NO,
  EXIT_BAD_INPUT,
  EXIT_UNKNOWN,
} from './core/answer.js';
export type { Diagnostic, SourceSpan } from './core/diagnostic.js';
export { renderDiagnostic } from './core/diagnostic.js';
export { lowerCFile } from './frontends/c/index.js';
export type { IrFunction, IrProgram } from './ir/ir.js';
export {
  checkNoNewAccess,
  checkAccessNotGranted,
  checkNoPublicAccess,
  comparePolicies,
  canRequest,
} from './api/policy.js';
export type {
  PolicyText,
  PolicyVerdict,
  PolicyCheckOptions,
  CompareRelation,
} from './api/policy.js';
export type { AccessRequest, Evaluation, PolicyType } from './policy/index.js';
