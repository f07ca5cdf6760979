/**
 * Loop structure of an IR control-flow graph.
 *
 * Guarantees: on the part of the graph reachable from the entry, every DFS
 * retreating edge is checked to be a back edge (its target dominates its
 * source); if one is not, the graph is irreducible and `findLoops` says so
 * instead of returning loops. Otherwise each loop is the union of the
 * natural loops of the back edges sharing its header; loops form a tree
 * (`nest` lists, for each node, the loops containing it from outermost to
 * innermost), and removing all back edges leaves an acyclic graph.
 */
import type { IrFunction, SourceSpan } from './ir.js';

export interface Loop {
  readonly index: number;
  readonly header: number;
  readonly body: ReadonlySet<number>;
  /** Indices into `fn.edges` of the edges from the body back to the header. */
  readonly backEdges: readonly number[];
  /** Where the loop is in the source, when known. */
  readonly span?: SourceSpan;
}

export interface LoopInfo {
  readonly loops: readonly Loop[];
  /** For each node id, the loops containing it, outermost first. */
  readonly nest: readonly (readonly Loop[])[];
  /** Nodes reachable from the entry. */
  readonly reachable: ReadonlySet<number>;
}

export type LoopResult =
  | { readonly ok: true; readonly info: LoopInfo }
  | { readonly ok: false; readonly message: string; readonly span?: SourceSpan };

function successors(fn: IrFunction): number[][] {
  const succ: number[][] = fn.nodes.map(() => []);
  for (const e of fn.edges) succ[e.from].push(e.to);
  return succ;
}

/** Reverse postorder of the nodes reachable from the entry (iterative DFS). */
function reversePostorder(fn: IrFunction, succ: readonly number[][]): number[] {
  const post: number[] = [];
  const seen = new Set<number>([fn.entry]);
  const stack: { node: number; next: number }[] = [{ node: fn.entry, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const out = succ[top.node];
    if (top.next < out.length) {
      const v = out[top.next++];
      if (!seen.has(v)) {
        seen.add(v);
        stack.push({ node: v, next: 0 });
      }
    } else {
      post.push(top.node);
      stack.pop();
    }
  }
  return post.reverse();
}

/** Immediate dominators (Cooper, Harvey & Kennedy); -1 for unreachable nodes. */
function dominators(fn: IrFunction, rpo: readonly number[]): number[] {
  const order = new Map(rpo.map((n, i) => [n, i]));
  const preds: number[][] = fn.nodes.map(() => []);
  for (const e of fn.edges) if (order.has(e.from)) preds[e.to].push(e.from);
  const idom: number[] = fn.nodes.map(() => -1);
  idom[fn.entry] = fn.entry;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while ((order.get(a) ?? 0) > (order.get(b) ?? 0)) a = idom[a];
      while ((order.get(b) ?? 0) > (order.get(a) ?? 0)) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const n of rpo) {
      if (n === fn.entry) continue;
      let d = -1;
      for (const p of preds[n]) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
      if (d !== idom[n]) {
        idom[n] = d;
        changed = true;
      }
    }
  }
  return idom;
}

function dominates(idom: readonly number[], a: number, b: number): boolean {
  for (let n = b; ; n = idom[n]) {
    if (n === a) return true;
    if (idom[n] === n || idom[n] === -1) return false;
  }
}

/** Edges u→v (indices) with v an ancestor of u in the DFS tree, i.e. retreating edges. */
function retreatingEdges(fn: IrFunction): number[] {
  const out: number[][] = fn.nodes.map(() => []);
  fn.edges.forEach((e, i) => out[e.from].push(i));
  const onStack = new Set<number>([fn.entry]);
  const seen = new Set<number>([fn.entry]);
  const result: number[] = [];
  const stack: { node: number; next: number }[] = [{ node: fn.entry, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= out[top.node].length) {
      onStack.delete(top.node);
      stack.pop();
      continue;
    }
    const ei = out[top.node][top.next++];
    const v = fn.edges[ei].to;
    if (onStack.has(v)) result.push(ei);
    else if (!seen.has(v)) {
      seen.add(v);
      onStack.add(v);
      stack.push({ node: v, next: 0 });
    }
  }
  return result;
}

function naturalLoopBody(
  fn: IrFunction,
  reachable: ReadonlySet<number>,
  header: number,
  sources: readonly number[],
): Set<number> {
  const preds: number[][] = fn.nodes.map(() => []);
  for (const e of fn.edges) if (reachable.has(e.from)) preds[e.to].push(e.from);
  const body = new Set<number>([header]);
  const work = sources.filter((s) => !body.has(s));
  for (const s of work) body.add(s);
  while (work.length > 0) {
    const n = work.pop() as number;
    for (const p of preds[n]) {
      if (!body.has(p)) {
        body.add(p);
        work.push(p);
      }
    }
  }
  return body;
}

function loopSpan(
  fn: IrFunction,
  header: number,
  backEdges: readonly number[],
): SourceSpan | undefined {
  const out = fn.edges.find((e) => e.from === header && e.span !== undefined);
  return fn.nodes[header].span ?? out?.span ?? fn.edges[backEdges[0]].span;
}

export function findLoops(fn: IrFunction): LoopResult {
  const succ = successors(fn);
  const rpo = reversePostorder(fn, succ);
  const reachable = new Set(rpo);
  const idom = dominators(fn, rpo);
  const byHeader = new Map<number, number[]>();
  for (const ei of retreatingEdges(fn)) {
    const e = fn.edges[ei];
    if (!dominates(idom, e.to, e.from)) {
      return {
        ok: false,
        message: 'the control flow is irreducible (a loop is entered other than through its head)',
        ...(e.span === undefined ? {} : { span: e.span }),
      };
    }
    byHeader.set(e.to, [...(byHeader.get(e.to) ?? []), ei]);
  }
  const loops: Loop[] = [...byHeader.entries()].map(([header, backEdges], index) => {
    const body = naturalLoopBody(
      fn,
      reachable,
      header,
      backEdges.map((ei) => fn.edges[ei].from),
    );
    const span = loopSpan(fn, header, backEdges);
    return { index, header, body, backEdges, ...(span === undefined ? {} : { span }) };
  });
  const bySize = [...loops].sort((a, b) => b.body.size - a.body.size);
  const nest = fn.nodes.map((n) => bySize.filter((l) => l.body.has(n.id)));
  return { ok: true, info: { loops, nest, reachable } };
}

/** The loops from whose header an assert of a property in `selected` is reachable. */
export function loopsReachingChecks(
  fn: IrFunction,
  info: LoopInfo,
  selected: ReadonlySet<string>,
): Set<Loop> {
  const preds: number[][] = fn.nodes.map(() => []);
  for (const e of fn.edges) preds[e.to].push(e.from);
  const reaching = new Set<number>();
  const work: number[] = [];
  for (const e of fn.edges) {
    if (e.action.kind === 'assert' && selected.has(e.action.property) && !reaching.has(e.from)) {
      reaching.add(e.from);
      work.push(e.from);
    }
  }
  while (work.length > 0) {
    for (const p of preds[work.pop() as number]) {
      if (!reaching.has(p)) {
        reaching.add(p);
        work.push(p);
      }
    }
  }
  return new Set(info.loops.filter((l) => reaching.has(l.header)));
}
