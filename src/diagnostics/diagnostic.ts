/**
 * Diagnostics are data: a stable code, a severity, a message and (where there
 * is one) a span into the user's file. Front-ends return them and never throw
 * on bad input; the CLI renders them (see `renderDiagnostic`).
 */

/** A range in a source file. Lines and columns are 1-based; `end` is exclusive. */
export interface SourceSpan {
  readonly file: string;
  readonly startLine: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
}

export type Severity = 'error' | 'warning' | 'note';

/**
 * Stable diagnostic codes. `error` codes of the first group are bad input
 * (exit 2); `unsupported` means the input is valid C that arc cannot model
 * (the answer becomes don't know, exit 3).
 */
export type DiagnosticCode =
  | 'file-not-found'
  | 'file-unreadable'
  | 'empty-file'
  | 'binary-file'
  | 'syntax-error'
  | 'preprocessor-error'
  | 'unknown-function'
  | 'type-error'
  | 'bad-option'
  | 'unsupported'
  | 'recursion'
  | 'undefined-function'
  | 'ignored-call'
  | 'note';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: SourceSpan;
}

export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  span?: SourceSpan,
): Diagnostic {
  return span === undefined ? { code, severity, message } : { code, severity, message, span };
}

/** `file:line:col: severity: message [code]` — one line, no stack trace. */
export function renderDiagnostic(d: Diagnostic): string {
  const where = d.span ? `${d.span.file}:${d.span.startLine}:${d.span.startCol}: ` : '';
  return `${where}${d.severity}: ${d.message} [${d.code}]`;
}

export function formatSpan(span: SourceSpan): string {
  return `${span.file}:${span.startLine}:${span.startCol}`;
}

/** Codes that make the input unanalysable but not wrong: answer don't know (exit 3). */
export function isUnsupportedCode(code: DiagnosticCode): boolean {
  return code === 'unsupported' || code === 'recursion';
}
