/** Turns IR edge paths into the user's source lines (for counterexample paths). */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { IrFunction } from '../ir/ir.js';
import type { PathStep } from './verdict.js';

export interface SourceLines {
  readonly file: string;
  readonly lines: readonly string[];
}

/** The distinct consecutive source lines an edge path passes through, in order. */
export function pathToSteps(
  fn: IrFunction,
  path: readonly number[],
  source: SourceLines,
): PathStep[] {
  const steps: PathStep[] = [];
  for (const index of path) {
    const span: SourceSpan | undefined = fn.edges[index]?.span;
    if (span === undefined || span.file !== source.file) continue;
    const last = steps[steps.length - 1];
    if (last !== undefined && last.line === span.startLine) continue;
    const text = (source.lines[span.startLine - 1] ?? '').trim();
    steps.push({ line: span.startLine, col: span.startCol, text });
  }
  return steps;
}
