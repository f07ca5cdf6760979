/**
 * Cutpoints and the loop-free regions between them: the shape both the Horn
 * clauses (horn.ts) and the certificate queries (certificate.ts) are built on.
 *
 * Cutpoints are the entry and every loop header. The region of a cutpoint is
 * the part of the control-flow graph reachable from it without entering
 * another cutpoint (or itself again); it is acyclic because every cycle of a
 * reducible graph passes through a loop header. An edge into a cutpoint is
 * an *exit* of the region. A region is encoded in SSA style (as the BMC
 * engine encodes an unwound program): each node gets a reachability guard
 * and a value for each variable, merged with `ite` at joins.
 *
 * `encodeRegion` is parameterised by the expression encoding, so the same
 * code gives the integer clauses for Spacer and the bit-precise queries that
 * re-check Spacer's answer.
 */
import type { IrFunction, SourceSpan, Type } from '../../ir/ir.js';
import { allVariables } from '../../ir/ir.js';
import { liveness } from '../../ir/liveness.js';
import type { Term, VarTerm } from '../../smt/index.js';
import { and, disjunction, falseTerm, ite, not, trueTerm } from '../../smt/index.js';
import { findLoops } from '../../ir/loops.js';

export interface Cutpoint {
  readonly index: number;
  readonly node: number;
  /** The loop header's place in the source (the function's for the entry). */
  readonly span: SourceSpan;
  /** IR variables live here, in IR order. */
  readonly live: readonly string[];
}

export interface Region {
  readonly cut: Cutpoint;
  /** The region's nodes in topological order, the cutpoint first. */
  readonly order: readonly number[];
  /** For each region node, its incoming region edges (indices into `fn.edges`), in a fixed order. */
  readonly incoming: ReadonlyMap<number, readonly number[]>;
  /** Edges leaving a region node into a cutpoint, with the cutpoint's index. */
  readonly exits: readonly { readonly edge: number; readonly to: number }[];
}

export interface Regions {
  readonly cutpoints: readonly Cutpoint[];
  readonly regions: readonly Region[];
}

export type RegionsResult =
  | { readonly ok: true; readonly regions: Regions }
  | { readonly ok: false; readonly message: string; readonly span?: SourceSpan };

export function buildRegions(fn: IrFunction): RegionsResult {
  const loops = findLoops(fn);
  if (!loops.ok) {
    return { ok: false, message: loops.message, ...(loops.span ? { span: loops.span } : {}) };
  }
  const headers = [...new Set(loops.info.loops.map((l) => l.header))]
    .filter((h) => h !== fn.entry)
    .sort((a, b) => a - b);
  const spanOf = new Map(loops.info.loops.map((l) => [l.header, l.span]));
  const live = liveness(fn);
  const order = allVariables(fn).map((v) => v.name);
  const cutpoints: Cutpoint[] = [fn.entry, ...headers].map((node, index) => ({
    index,
    node,
    span: spanOf.get(node) ?? fn.nodes[node].span ?? fn.span,
    live: order.filter((v) => live[node].has(v)),
  }));
  const cutOf = new Map(cutpoints.map((c) => [c.node, c.index]));
  const out: number[][] = fn.nodes.map(() => []);
  fn.edges.forEach((e, i) => out[e.from].push(i));
  const regions = cutpoints.map((cut) => region(fn, cut, out, cutOf));
  return { ok: true, regions: { cutpoints, regions } };
}

function region(
  fn: IrFunction,
  cut: Cutpoint,
  out: readonly number[][],
  cutOf: ReadonlyMap<number, number>,
): Region {
  const members = new Set<number>([cut.node]);
  const incoming = new Map<number, number[]>([[cut.node, []]]);
  const exits: { edge: number; to: number }[] = [];
  const work = [cut.node];
  while (work.length > 0) {
    const n = work.pop() as number;
    for (const ei of out[n]) {
      const to = fn.edges[ei].to;
      const c = cutOf.get(to);
      if (c !== undefined) {
        exits.push({ edge: ei, to: c });
        continue;
      }
      if (!members.has(to)) {
        members.add(to);
        incoming.set(to, []);
        work.push(to);
      }
      (incoming.get(to) as number[]).push(ei);
    }
  }
  for (const list of incoming.values()) list.sort((a, b) => a - b);
  exits.sort((a, b) => a.edge - b.edge);
  // Kahn's algorithm over the region's internal edges.
  const indegree = new Map([...incoming].map(([n, l]) => [n, l.length]));
  const ready = [cut.node];
  const topo: number[] = [];
  while (ready.length > 0) {
    const n = ready.pop() as number;
    topo.push(n);
    for (const ei of out[n]) {
      const to = fn.edges[ei].to;
      if (!members.has(to) || cutOf.has(to)) continue;
      const d = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, d);
      if (d === 0) ready.push(to);
    }
  }
  if (topo.length !== members.size) throw new Error('internal error: a region has a cycle');
  return { cut, order: topo, incoming, exits };
}

/** How a region is encoded: the expression encoding and how fresh values are made. */
export interface RegionEncoding {
  encode(e: import('../../ir/ir.js').Expr, env: ReadonlyMap<string, Term>): Term;
  /** A fresh value of type `t` for a havoc (`what` names it); may record side constraints. */
  havoc(t: Type, what: string): VarTerm;
  /**
   * Unselected checks of these properties are dropped instead of assumed
   * (an over-approximation: runs the check would have cut off continue).
   */
  ignores?(property: string): boolean;
}

export interface EncodedRegion {
  /** For each exit (in `region.exits` order): the guard of taking it and the values after it. */
  readonly exits: readonly {
    readonly to: number;
    readonly edge: number;
    readonly guard: Term;
    readonly env: ReadonlyMap<string, Term>;
  }[];
  /** A selected property failing inside the region. */
  readonly violations: readonly {
    readonly property: string;
    readonly edge: number;
    readonly term: Term;
  }[];
}

interface State {
  readonly guard: Term;
  readonly env: ReadonlyMap<string, Term>;
}

function merge(states: readonly State[]): State {
  const live = states.filter((s) => s.guard !== falseTerm);
  if (live.length === 0) return { guard: falseTerm, env: states[0]?.env ?? new Map() };
  const first = live[0].env;
  if (live.every((s) => s.env === first))
    return { guard: disjunction(live.map((s) => s.guard)), env: first };
  const env = new Map<string, Term>();
  for (const name of first.keys()) {
    const vals = live.map((s) => s.env.get(name) as Term);
    let acc = vals[vals.length - 1];
    for (let i = vals.length - 2; i >= 0; i--)
      acc = vals[i] === acc ? acc : ite(live[i].guard, vals[i], acc);
    env.set(name, acc);
  }
  return { guard: disjunction(live.map((s) => s.guard)), env };
}

/**
 * Encodes a region from `initial` (the values at the cutpoint). Asserts of
 * `selected` properties record violations and continue under their
 * condition; other asserts act as assumes.
 */
export function encodeRegion(
  fn: IrFunction,
  region: Region,
  initial: ReadonlyMap<string, Term>,
  selected: ReadonlySet<string>,
  enc: RegionEncoding,
): EncodedRegion {
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const after = new Map<number, State>();
  const violations: { property: string; edge: number; term: Term }[] = [];
  const exits: { to: number; edge: number; guard: Term; env: ReadonlyMap<string, Term> }[] = [];
  const exitOf = new Map(region.exits.map((x) => [x.edge, x.to]));
  const outOf = new Map<number, number[]>();
  fn.edges.forEach((e, i) => {
    if (region.incoming.has(e.from)) outOf.set(e.from, [...(outOf.get(e.from) ?? []), i]);
  });
  for (const node of region.order) {
    const state: State =
      node === region.cut.node
        ? { guard: trueTerm, env: initial }
        : merge((region.incoming.get(node) ?? []).map((ei) => after.get(ei) as State));
    for (const ei of outOf.get(node) ?? []) {
      const s = step(fn, ei, state, selected, enc, types, violations);
      const to = exitOf.get(ei);
      if (to !== undefined) {
        if (s.guard !== falseTerm) exits.push({ to, edge: ei, guard: s.guard, env: s.env });
      } else after.set(ei, s);
    }
  }
  return { exits, violations };
}

function step(
  fn: IrFunction,
  ei: number,
  pre: State,
  selected: ReadonlySet<string>,
  enc: RegionEncoding,
  types: ReadonlyMap<string, Type>,
  violations: { property: string; edge: number; term: Term }[],
): State {
  if (pre.guard === falseTerm) return pre;
  const a = fn.edges[ei].action;
  switch (a.kind) {
    case 'skip':
      return pre;
    case 'assign':
      return {
        guard: pre.guard,
        env: new Map(pre.env).set(a.target, enc.encode(a.value, pre.env)),
      };
    case 'havoc': {
      const t = types.get(a.target);
      if (t === undefined) throw new Error(`internal error: unknown variable ${a.target}`);
      return { guard: pre.guard, env: new Map(pre.env).set(a.target, enc.havoc(t, a.target)) };
    }
    case 'assume':
      return { guard: and(pre.guard, enc.encode(a.cond, pre.env)), env: pre.env };
    case 'assert': {
      if (!selected.has(a.property) && enc.ignores?.(a.property) === true) return pre;
      const cond = enc.encode(a.cond, pre.env);
      if (selected.has(a.property))
        violations.push({ property: a.property, edge: ei, term: and(pre.guard, not(cond)) });
      return { guard: and(pre.guard, cond), env: pre.env };
    }
  }
}
