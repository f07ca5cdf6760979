/**
 * Turns IR edge paths into the user's source lines (for counterexample
 * paths), with the values the run gave the user's variables on each line.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { IrFunction } from '../ir/ir.js';
import { allVariables } from '../ir/ir.js';
import { compiled, type NondetSource } from '../semantics/interpreter.js';
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
  return stepsOf(fn, path, source, () => []);
}

function stepsOf(
  fn: IrFunction,
  path: readonly number[],
  source: SourceLines,
  assignedBy: (position: number) => readonly { name: string; value: string }[],
): PathStep[] {
  const steps: PathStep[] = [];
  let pending: { name: string; value: string }[] = [];
  path.forEach((index, position) => {
    const span: SourceSpan | undefined = fn.edges[index]?.span;
    pending.push(...assignedBy(position));
    if (span === undefined || span.file !== source.file) return;
    const last = steps[steps.length - 1];
    if (last !== undefined && last.line === span.startLine) {
      if (pending.length > 0) {
        steps[steps.length - 1] = { ...last, assigned: merge(last.assigned ?? [], pending) };
        pending = [];
      }
      return;
    }
    const text = (source.lines[span.startLine - 1] ?? '').trim();
    const assigned = merge([], pending);
    pending = [];
    steps.push({
      line: span.startLine,
      col: span.startCol,
      text,
      ...(assigned.length > 0 ? { assigned } : {}),
    });
  });
  return steps;
}

/** Later values of a variable replace earlier ones on the same line. */
function merge(
  a: readonly { name: string; value: string }[],
  b: readonly { name: string; value: string }[],
): { name: string; value: string }[] {
  const out = [...a];
  for (const x of b) {
    const i = out.findIndex((y) => y.name === x.name);
    if (i >= 0) out[i] = x;
    else out.push(x);
  }
  return out;
}

export interface Trace {
  readonly steps: readonly PathStep[];
  /** Steps left out of the middle of a long run (0 when the trace is complete). */
  readonly omitted: number;
}

/** How many steps a trace keeps at its start and at its end. */
export const TRACE_KEEP = 200;

/**
 * The run's source lines with the value each user variable gets on each
 * line (compiler temporaries, whose names start with `$`, are left out).
 * A run longer than 2 × `keep` lines keeps its first and last `keep`.
 */
export function traceSteps(
  fn: IrFunction,
  inputs: ReadonlyMap<string, bigint>,
  nondet: NondetSource,
  path: readonly number[],
  source: SourceLines,
  keep = TRACE_KEEP,
): Trace {
  const vars = allVariables(fn);
  const slotOf = new Map(
    vars.flatMap((v, i) =>
      v.name.startsWith('$') || v.sourceName.startsWith('$') ? [] : [[v.name, i]],
    ),
  );
  // The value each assignment of the path stores (arrival k follows edge k - 1).
  const changes: { name: string; value: string }[][] = path.map(() => []);
  let arrival = 0;
  compiled(fn).run(inputs, nondet, {
    maxSteps: path.length,
    recordPath: false,
    observe: {
      nodes: new Set(fn.nodes.map((n) => n.id)),
      visit: (_node, values) => {
        const edge = arrival > 0 ? fn.edges[path[arrival - 1]] : undefined;
        const a = edge?.action;
        if (a !== undefined && (a.kind === 'assign' || a.kind === 'havoc')) {
          const slot = slotOf.get(a.target);
          if (slot !== undefined) {
            changes[arrival - 1].push({ name: vars[slot].sourceName, value: String(values[slot]) });
          }
        }
        arrival++;
      },
    },
  });
  const all = stepsOf(fn, path, source, (k) => changes[k] ?? []);
  if (all.length <= 2 * keep) return { steps: all, omitted: 0 };
  return {
    steps: [...all.slice(0, keep), ...all.slice(all.length - keep)],
    omitted: all.length - 2 * keep,
  };
}
