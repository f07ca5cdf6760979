/**
 * Turns IR edge paths into the user's source lines (for counterexample
 * paths), with the values the run gave the user's variables on each line.
 */
import type { SourceSpan } from '../core/diagnostic.js';
import type { IrFunction } from '../ir/ir.js';
import { allVariables } from '../ir/ir.js';
import type { Value } from '../ir/value.js';
import { compiled, type NondetSource } from '../semantics/interpreter.js';

/** A source line of a run, with the values the run gave the user's variables there. */
export interface TraceStep {
  readonly line: number;
  readonly col: number;
  /** The source line, trimmed. */
  readonly text: string;
  readonly assigned?: readonly { readonly name: string; readonly value: Value }[];
}

export interface SourceLines {
  readonly file: string;
  readonly lines: readonly string[];
}

/** Later values of a variable replace earlier ones on the same line. */
function merge(
  a: readonly { name: string; value: Value }[],
  b: readonly { name: string; value: Value }[],
): { name: string; value: Value }[] {
  const out = [...a];
  for (const x of b) {
    const i = out.findIndex((y) => y.name === x.name);
    if (i >= 0) out[i] = x;
    else out.push(x);
  }
  return out;
}

export interface Trace {
  readonly steps: readonly TraceStep[];
  /** Steps left out of the middle of a long run (0 when the trace is complete). */
  readonly omitted: number;
}

/** How many steps a trace keeps at its start and at its end. */
const TRACE_KEEP = 200;

/**
 * The run's source lines with the value each user variable gets on each
 * line (compiler temporaries, whose names start with `$`, are left out).
 * A run longer than 2 × `keep` lines keeps its first and last `keep`; the
 * run is replayed once, streaming, so a run of millions of steps costs no
 * more memory than the kept lines.
 */
export function traceSteps(
  fn: IrFunction,
  inputs: ReadonlyMap<string, Value>,
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
  const built: TraceStep[][] = [[], []];
  let part = 0;
  let current: TraceStep | null = null;
  let pending: { name: string; value: Value }[] = [];
  const close = (): void => {
    if (current !== null) built[part].push(current);
    current = null;
  };
  const edgeDone = (k: number, values: readonly Value[]): void => {
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
      const value = slot === undefined ? undefined : values[slot];
      // Whole memories (SMT arrays) are not shown, and the run updates them in place.
      if (slot !== undefined && value !== undefined && !isMap(value)) {
        pending.push({ name: vars[slot].sourceName, value });
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
    inPlaceArrays: true,
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

function isMap(v: Value): boolean {
  return typeof v !== 'bigint' && v.kind === 'map';
}
