/**
 * Unwinds a reducible CFG to depth k into a DAG.
 *
 * A DAG node is a CFG node together with the iteration counts of the loops
 * containing it (outermost first); entering a loop through its header starts
 * its count at 0, and each back edge increments it. A header copy with count
 * c is the (c+1)-th visit of the header, so counts 0..k allow k complete
 * iterations plus the final exit test. A back edge that would make the count
 * k+1 leads to no node: it is an *unwinding edge* (CBMC's unwinding
 * assertion), and the run is not followed further.
 *
 * Guarantees: `nodes` is in topological order (entry first) and contains
 * only copies reachable from the entry; each node's `incoming` list has a
 * fixed, deterministic order (the order the encoder merges in).
 */
import type { IrFunction } from '../../ir/ir.js';
import type { Loop, LoopInfo } from '../../ir/loops.js';

export interface DagNode {
  readonly id: number;
  readonly irNode: number;
  readonly counts: readonly number[];
  readonly incoming: DagEdge[];
  readonly outgoing: DagEdge[];
}

export interface DagEdge {
  readonly id: number;
  readonly from: DagNode;
  /** Index into `fn.edges`. */
  readonly irEdge: number;
  /** null for an unwinding edge. */
  readonly to: DagNode | null;
  /** The loop whose unwinding bound this edge exceeds (unwinding edges only). */
  readonly loop: Loop | null;
}

export interface Dag {
  readonly nodes: readonly DagNode[];
  readonly edges: readonly DagEdge[];
  readonly unwindEdges: readonly DagEdge[];
}

export type UnwindResult =
  { readonly ok: true; readonly dag: Dag } | { readonly ok: false; readonly tooLarge: true };

interface Target {
  readonly node: number;
  readonly counts: readonly number[];
  readonly exceeded: Loop | null;
}

/** Where CFG edge `irEdge` leads from a copy of its source with `counts`. */
function step(fn: IrFunction, info: LoopInfo, from: DagNode, irEdge: number, k: number): Target {
  const e = fn.edges[irEdge];
  const outer = info.nest[e.from];
  const counts: number[] = [];
  for (const loop of info.nest[e.to]) {
    const j = outer.indexOf(loop);
    if (j < 0) counts.push(0);
    else if (loop.header === e.to) {
      const c = from.counts[j] + 1;
      if (c > k) return { node: e.to, counts: [], exceeded: loop };
      counts.push(c);
    } else counts.push(from.counts[j]);
  }
  return { node: e.to, counts, exceeded: null };
}

function topological(nodes: readonly DagNode[]): DagNode[] {
  const indegree = new Map(nodes.map((n) => [n, n.incoming.length]));
  const ready = nodes.filter((n) => n.incoming.length === 0);
  const order: DagNode[] = [];
  while (ready.length > 0) {
    const n = ready.pop() as DagNode;
    order.push(n);
    for (const e of n.outgoing) {
      if (e.to === null) continue;
      const d = (indegree.get(e.to) ?? 0) - 1;
      indegree.set(e.to, d);
      if (d === 0) ready.push(e.to);
    }
  }
  if (order.length !== nodes.length) throw new Error('internal error: unwound graph has a cycle');
  return order;
}

/** Unwinds every loop `k` times; gives up when the DAG would exceed `maxNodes` nodes. */
export function unwind(fn: IrFunction, info: LoopInfo, k: number, maxNodes: number): UnwindResult {
  const out: number[][] = fn.nodes.map(() => []);
  fn.edges.forEach((e, i) => out[e.from].push(i));
  const byKey = new Map<string, DagNode>();
  const nodes: DagNode[] = [];
  const edges: DagEdge[] = [];
  const unwindEdges: DagEdge[] = [];
  const work: DagNode[] = [];
  const make = (irNode: number, counts: readonly number[]): DagNode => {
    const key = `${irNode}@${counts.join(',')}`;
    let n = byKey.get(key);
    if (n === undefined) {
      n = { id: nodes.length, irNode, counts, incoming: [], outgoing: [] };
      byKey.set(key, n);
      nodes.push(n);
      work.push(n);
    }
    return n;
  };
  make(
    fn.entry,
    info.nest[fn.entry].map(() => 0),
  );
  for (let next = 0; next < work.length; next++) {
    if (nodes.length > maxNodes) return { ok: false, tooLarge: true };
    const from = work[next];
    for (const irEdge of out[from.irNode]) {
      const t = step(fn, info, from, irEdge, k);
      const to = t.exceeded === null ? make(t.node, t.counts) : null;
      const edge: DagEdge = { id: edges.length, from, irEdge, to, loop: t.exceeded };
      edges.push(edge);
      from.outgoing.push(edge);
      if (to === null) unwindEdges.push(edge);
      else to.incoming.push(edge);
    }
  }
  return { ok: true, dag: { nodes: topological(nodes), edges, unwindEdges } };
}
