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
 * A run longer than 2 × `keep` lines keeps its first and last `keep`; the
 * run is replayed once, streaming, so a run of millions of steps costs no
 * more memory than the kept lines.
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
      v.name.startsWith('$') || v.sourceName.startsWith('$') ? [] : [[v.name, i] as const],
    ),
  );
  // Pass 1, without values: the line step of each edge, and how many there are.
  const lineStep = new Int32Array(path.length);
  let total = 0;
  let lastLine = -1;
  path.forEach((index, k) => {
    const span = fn.edges[index]?.span;
    if (span !== undefined && span.file === source.file && span.startLine !== lastLine) {
      total++;
      lastLine = span.startLine;
    }
    lineStep[k] = total - 1;
  });
  // Pass 2 builds the kept steps only (one more on each side: a step at the cut may be partial).
  const wanted = (k: number): boolean =>
    total <= 2 * keep || lineStep[k] <= keep || lineStep[k] >= total - keep - 1;
  const built: PathStep[][] = [[], []];
  let part = 0;
  let current: PathStep | null = null;
  let pending: { name: string; value: string }[] = [];
  const close = (): void => {
    if (current !== null) built[part].push(current);
    current = null;
  };
  const edgeDone = (k: number, values: readonly bigint[]): void => {
    if (!wanted(k)) {
      if (part === 0) {
        close();
        pending = [];
        part = 1;
      }
      return;
    }
    const edge = fn.edges[path[k]];
    const a = edge?.action;
    if (a !== undefined && (a.kind === 'assign' || a.kind === 'havoc')) {
      const slot = slotOf.get(a.target);
      if (slot !== undefined) {
        pending.push({ name: vars[slot].sourceName, value: String(values[slot]) });
      }
    }
    const span: SourceSpan | undefined = edge?.span;
    if (span === undefined || span.file !== source.file) return;
    if (current !== null && current.line === span.startLine) {
      if (pending.length > 0) {
        current = { ...current, assigned: merge(current.assigned ?? [], pending) };
      }
      pending = [];
      return;
    }
    close();
    const assigned = merge([], pending);
    pending = [];
    current = {
      line: span.startLine,
      col: span.startCol,
      text: (source.lines[span.startLine - 1] ?? '').trim(),
      ...(assigned.length > 0 ? { assigned } : {}),
    };
  };
  let arrival = 0;
  compiled(fn).run(inputs, nondet, {
    maxSteps: path.length,
    recordPath: false,
    observe: {
      nodes: new Set(fn.nodes.map((n) => n.id)),
      // Arrival k (k ≥ 1) follows edge path[k - 1].
      visit: (_node, values) => {
        if (arrival > 0 && arrival <= path.length) edgeDone(arrival - 1, values);
        arrival++;
      },
    },
  });
  // A violated assert is the last edge of the path, and no node is reached after it.
  if (arrival <= path.length && path.length > 0) edgeDone(path.length - 1, []);
  close();
  if (total <= 2 * keep) return { steps: built[0], omitted: 0 };
  // Without a gap (the kept ranges touch), the first part is the whole trace.
  const rest = part === 0 ? built[0] : built[1];
  const head = built[0].slice(0, keep);
  const tail = rest.slice(Math.max(0, rest.length - keep));
  return { steps: [...head, ...tail], omitted: total - head.length - tail.length };
}
