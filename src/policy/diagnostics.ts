/**
 * Policy diagnostics are data: a stable code, a severity, a message, the JSON
 * path of the offending value (`Statement[2].Condition.StringLikee`) and,
 * when the policy came from text, its line and column. The parser returns
 * them and never throws on bad input; `renderPolicyDiagnostic` prints one.
 *
 * Three kinds, told apart by code (`policyDiagnosticKind`):
 * - bad input: the document is malformed or breaks the IAM policy grammar;
 *   AWS would reject it (severity `error`).
 * - unsupported: valid, but arc does not model it; an answer that depends on
 *   it must be don't know (severity `error`).
 * - advice: valid and modelled, but probably not what the author meant, or
 *   a place where AWS behaves surprisingly (severity `warning` or `note`).
 */
import {
  diagnosticKind,
  isJsonLocation,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticKind,
  type JsonLocation,
  type Severity,
} from '../core/diagnostic.js';

/** The codes a policy can have (arc's one list of diagnostic codes). */
export type PolicyDiagnosticCode = Extract<
  DiagnosticCode,
  | 'invalid-json'
  | 'duplicate-key'
  | 'wrong-type'
  | 'unknown-field'
  | 'missing-field'
  | 'conflicting-fields'
  | 'empty-statement'
  | 'empty-value'
  | 'invalid-version'
  | 'invalid-effect'
  | 'invalid-action'
  | 'invalid-principal'
  | 'unknown-principal-type'
  | 'unknown-operator'
  | 'invalid-operator-combination'
  | 'invalid-ip'
  | 'invalid-date'
  | 'invalid-number'
  | 'invalid-bool'
  | 'invalid-binary'
  | 'invalid-null-value'
  | 'invalid-variable'
  | 'principal-in-identity-policy'
  | 'missing-principal'
  | 'unsupported-principal'
  | 'missing-version'
  | 'variables-disabled'
  | 'variable-outside-resource-part'
  | 'resource-not-arn'
  | 'arn-pattern-malformed'
  | 'duplicate-sid'
  | 'no-resource'
  | 'not-principal-with-allow'
  | 'diagnostics-truncated'
  | 'id-in-identity-policy'
>;

export type PolicyDiagnosticKind = DiagnosticKind;

export function policyDiagnosticKind(code: DiagnosticCode): PolicyDiagnosticKind {
  return diagnosticKind(code);
}

/** A policy diagnostic: arc's one diagnostic type, located by a JSON path in `file`. */
export type PolicyDiagnostic = Diagnostic;

/** A diagnostic at `jsonPath` of the policy in `file` (at line:col when known). */
export function policyDiagnostic(
  code: PolicyDiagnosticCode,
  severity: Severity,
  message: string,
  at: {
    readonly file: string;
    readonly jsonPath: string;
    readonly line?: number;
    readonly col?: number;
  },
): Diagnostic {
  return { code, severity, message, location: at };
}

/** Where a policy diagnostic points: its file, JSON path and, when known, line and column. */
export function jsonLocationOf(d: Diagnostic): JsonLocation {
  return d.location !== undefined && isJsonLocation(d.location)
    ? d.location
    : { file: '', jsonPath: '' };
}

/** True when some diagnostic makes the policy unusable (bad input or unsupported). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
