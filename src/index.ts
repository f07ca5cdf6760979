/**
 * arc's library API: every question arc answers, for code, termination,
 * policies and networks. Each returns data on one contract (core/answer.ts):
 * a verdict — yes or no with checked evidence (a re-checked certificate or a
 * replayed witness), or unknown with a reason — or bad input with located
 * diagnostics. Nothing here prints or exits.
 */

// ---- the contract
export type {
  Answer,
  BadInput,
  Domain,
  Exhibited,
  Outcome,
  Proved,
  Result,
  UnknownCode,
  UnknownReason,
  VerdictHeader,
} from './core/answer.js';
export {
  answerExitCode,
  resultExitCode,
  EXIT_BAD_INPUT,
  EXIT_INTERNAL,
  EXIT_NO,
  EXIT_UNKNOWN,
  EXIT_YES,
  UNKNOWN_CODES,
} from './core/answer.js';
export type {
  Diagnostic,
  DiagnosticCode,
  JsonLocation,
  Location,
  SourceSpan,
} from './core/diagnostic.js';
export { renderDiagnostic } from './core/diagnostic.js';
export type { Value } from './ir/value.js';
export { valueFromJson, valueToJson } from './ir/value.js';

// ---- code: safety and termination
export { prove } from './api/prove.js';
export { terminates } from './api/terminates.js';
export type { DataModel, ProveOptions, ProveResult, TerminatesOptions } from './api/types.js';
export type {
  Certificate,
  Counterexample,
  NoVerdict,
  PropertyStatus,
  UnknownVerdict,
  Verdict,
  YesVerdict,
} from './verdict/verdict.js';
export { frontendFor } from './frontends/registry.js';
export type { Frontend, FrontendOptions, FrontendResult } from './frontends/frontend.js';
export type { IrFunction, IrProgram } from './ir/ir.js';

// ---- AWS IAM and S3 policies
export {
  canRequest,
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  comparePolicies,
} from './api/policy.js';
export type {
  CanResult,
  CanVerdict,
  CompareRelation,
  PolicyCertificate,
  PolicyCheckOptions,
  PolicyCounterexample,
  PolicyResult,
  PolicyText,
  PolicyVerdict,
} from './api/policy.js';
export type { AccessRequest, Evaluation, PolicyType } from './policy/index.js';

// ---- AWS VPC networks
export { netExplain, netExposed, netReachable } from './api/net.js';
export type {
  Finding,
  Flow,
  FlowSet,
  NetExplainVerdict,
  NetExposedRequest,
  NetExplainRequest,
  NetExposedVerdict,
  NetReachableRequest,
  NetVerdict,
  ReachProof,
  ReachWitness,
} from './api/net.js';
