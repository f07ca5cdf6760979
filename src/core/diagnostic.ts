/**
 * Diagnostics are data, one type for every domain: a stable code from one
 * list, a severity, a message and (where there is one) a location — a span
 * of a source file, or a JSON path into a policy or snapshot file. Readers
 * and front-ends return them and never throw on bad input; the CLI renders
 * them (`renderDiagnostic`), one line each, with no stack trace.
 *
 * Each code has a kind (`diagnosticKind`):
 * - `bad-input`: the input is malformed (exit 2 when its severity is error);
 * - `unsupported`: valid input arc does not model; an answer that depends on
 *   it is don't know (exit 3), naming the construct;
 * - `advice`: valid and modelled, worth a look (warnings and notes).
 */
import type { JsonLocation, Location, SourceSpan } from './location.js';
import { formatLocation, formatSpan, isJsonLocation } from './location.js';

export type { JsonLocation, Location, SourceSpan };
export { formatLocation, formatSpan, isJsonLocation };

export type Severity = 'error' | 'warning' | 'note';

/** Every diagnostic code of arc, with its kind. */
const CODES = {
  // ---- files and options, every domain
  'file-not-found': 'bad-input',
  'file-unreadable': 'bad-input',
  'empty-file': 'bad-input',
  'binary-file': 'bad-input',
  'bad-option': 'bad-input',
  // ---- code (C, Python)
  'syntax-error': 'bad-input',
  'preprocessor-error': 'bad-input',
  'unknown-function': 'bad-input',
  'type-error': 'bad-input',
  unsupported: 'unsupported',
  recursion: 'unsupported',
  'undefined-function': 'advice',
  'ignored-call': 'advice',
  note: 'advice',
  // ---- JSON documents (policies, snapshots)
  'invalid-json': 'bad-input',
  'repaired-json': 'advice',
  'duplicate-key': 'bad-input',
  'wrong-type': 'bad-input',
  'unknown-field': 'bad-input',
  'missing-field': 'bad-input',
  'invalid-value': 'bad-input',
  // ---- IAM and S3 policies
  'conflicting-fields': 'bad-input',
  'empty-statement': 'bad-input',
  'empty-value': 'bad-input',
  'invalid-version': 'bad-input',
  'invalid-effect': 'bad-input',
  'invalid-action': 'bad-input',
  'invalid-principal': 'bad-input',
  'unknown-principal-type': 'bad-input',
  'unknown-operator': 'bad-input',
  'invalid-operator-combination': 'bad-input',
  'invalid-ip': 'bad-input',
  'invalid-date': 'bad-input',
  'invalid-number': 'bad-input',
  'invalid-bool': 'bad-input',
  'invalid-binary': 'bad-input',
  'invalid-null-value': 'bad-input',
  'invalid-variable': 'bad-input',
  'principal-in-identity-policy': 'bad-input',
  'missing-principal': 'bad-input',
  'unsupported-principal': 'unsupported',
  'missing-version': 'advice',
  'variables-disabled': 'advice',
  'variable-outside-resource-part': 'advice',
  'resource-not-arn': 'advice',
  'arn-pattern-malformed': 'advice',
  'duplicate-sid': 'advice',
  'no-resource': 'advice',
  'not-principal-with-allow': 'advice',
  'diagnostics-truncated': 'advice',
  'id-in-identity-policy': 'advice',
  // ---- VPC snapshots
  'invalid-cidr': 'bad-input',
  'duplicate-id': 'bad-input',
  'ignored-key': 'advice',
  'empty-snapshot': 'bad-input',
} as const satisfies Record<string, DiagnosticKind>;

export type DiagnosticKind = 'bad-input' | 'unsupported' | 'advice';

/** Stable diagnostic codes (one list for every domain). */
export type DiagnosticCode = keyof typeof CODES;

export function diagnosticKind(code: DiagnosticCode): DiagnosticKind {
  return CODES[code];
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: Location;
}

export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  location?: Location,
): Diagnostic {
  return location === undefined
    ? { code, severity, message }
    : { code, severity, message, location };
}

/** The span of a diagnostic in a source file, if it has one. */
export function spanOf(d: Diagnostic): SourceSpan | undefined {
  return d.location === undefined || isJsonLocation(d.location) ? undefined : d.location;
}

/**
 * One line, no stack trace: `file:line:col: severity: message [code]` for a
 * source span, `file[:line:col]: severity: message at PATH [code]` for a JSON
 * location.
 */
export function renderDiagnostic(d: Diagnostic): string {
  const l = d.location;
  const where = l === undefined ? '' : `${formatLocation(l)}: `;
  const at = l !== undefined && isJsonLocation(l) && l.jsonPath !== '' ? ` at ${l.jsonPath}` : '';
  return `${where}${d.severity}: ${d.message}${at} [${d.code}]`;
}

/** Codes that make the input unanalysable but not wrong: answer don't know (exit 3). */
export function isUnsupportedCode(code: DiagnosticCode): boolean {
  return diagnosticKind(code) === 'unsupported';
}
