/**
 * Where something is in the user's input: a span of a source file (C,
 * Python), or a JSON path into a document (a policy, a snapshot file).
 * Every diagnostic, property and unknown reason points back with one.
 */

/** A range in a source file. Lines and columns are 1-based; `end` is exclusive. */
export interface SourceSpan {
  readonly file: string;
  readonly startLine: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** A value inside a JSON document: `Statement[2].Condition` in `policy.json`, at line:col when known. */
export interface JsonLocation {
  readonly file: string;
  /** `''` is the whole document. */
  readonly jsonPath: string;
  readonly line?: number;
  readonly col?: number;
}

export type Location = SourceSpan | JsonLocation;

export function isJsonLocation(l: Location): l is JsonLocation {
  return 'jsonPath' in l;
}

/** `file:line:col` for a span; `file:line:col` or `file` for a JSON location. */
export function formatLocation(l: Location): string {
  if (!isJsonLocation(l)) return `${l.file}:${l.startLine}:${l.startCol}`;
  return l.line === undefined ? l.file : `${l.file}:${l.line}:${l.col ?? 1}`;
}

export function formatSpan(span: SourceSpan): string {
  return formatLocation(span);
}
