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
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';

export type PolicyDiagnosticCode =
  // bad input
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
  // unsupported
  | 'unsupported-principal'
  // advice
  | 'missing-version'
  | 'variables-disabled'
  | 'variable-outside-resource-part'
  | 'resource-not-arn'
  | 'arn-pattern-malformed'
  | 'duplicate-sid'
  | 'no-resource'
  | 'not-principal-with-allow'
  | 'diagnostics-truncated'
  | 'id-in-identity-policy';

export type PolicyDiagnosticKind = 'bad-input' | 'unsupported' | 'advice';

const UNSUPPORTED: ReadonlySet<PolicyDiagnosticCode> = new Set(['unsupported-principal']);
const ADVICE: ReadonlySet<PolicyDiagnosticCode> = new Set([
  'missing-version',
  'variables-disabled',
  'variable-outside-resource-part',
  'resource-not-arn',
  'arn-pattern-malformed',
  'duplicate-sid',
  'no-resource',
  'not-principal-with-allow',
  'diagnostics-truncated',
  'id-in-identity-policy',
]);

export function policyDiagnosticKind(code: PolicyDiagnosticCode): PolicyDiagnosticKind {
  if (UNSUPPORTED.has(code)) return 'unsupported';
  if (ADVICE.has(code)) return 'advice';
  return 'bad-input';
}

export interface PolicyDiagnostic {
  readonly code: PolicyDiagnosticCode;
  readonly severity: 'error' | 'warning' | 'note';
  readonly message: string;
  /** JSON path of the value concerned; `''` is the whole document. */
  readonly jsonPath: string;
  /** 1-based position in the source text, when the policy was parsed from text. */
  readonly line?: number;
  readonly col?: number;
}

/** `file:line:col: severity: message at PATH [code]` — one line. */
export function renderPolicyDiagnostic(d: PolicyDiagnostic, file?: string): string {
  const where =
    d.line !== undefined
      ? `${file ?? '<policy>'}:${d.line}:${d.col ?? 1}: `
      : file
        ? `${file}: `
        : '';
  const at = d.jsonPath === '' ? '' : ` at ${d.jsonPath}`;
  return `${where}${d.severity}: ${d.message}${at} [${d.code}]`;
}

/** True when some diagnostic makes the policy unusable (bad input or unsupported). */
export function hasErrors(diagnostics: readonly PolicyDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The same diagnostic in arc's general shape, for the CLI: bad input becomes
 * `syntax-error` (invalid JSON) or `type-error`, unsupported becomes
 * `unsupported`, advice becomes `note`; the JSON path goes into the message.
 */
export function toArcDiagnostic(d: PolicyDiagnostic, file: string): Diagnostic {
  const kind = policyDiagnosticKind(d.code);
  const code =
    kind === 'unsupported'
      ? 'unsupported'
      : kind === 'advice'
        ? 'note'
        : d.code === 'invalid-json'
          ? 'syntax-error'
          : 'type-error';
  const at = d.jsonPath === '' ? '' : ` at ${d.jsonPath}`;
  const message = `${d.message}${at} [${d.code}]`;
  if (d.line === undefined) return { code, severity: d.severity, message };
  const span: SourceSpan = {
    file,
    startLine: d.line,
    startCol: d.col ?? 1,
    endLine: d.line,
    endCol: (d.col ?? 1) + 1,
  };
  return { code, severity: d.severity, message, span };
}
