/**
 * Live variables of an IR function: a variable is live at a node when some
 * path from the node reads it before writing it. At `return` nodes the
 * return variable is live.
 */
import type { Edge, Expr, IrFunction } from './ir.js';

/** The variables an edge's action reads. */
function readsOf(e: Edge): string[] {
  const out = new Set<string>();
  const walk = (x: Expr): void => {
    switch (x.kind) {
      case 'const':
        return;
      case 'var':
        out.add(x.name);
        return;
      case 'unary':
      case 'cast':
        walk(x.arg);
        return;
      case 'binary':
      case 'compare':
        walk(x.left);
        walk(x.right);
        return;
      case 'ite':
        walk(x.cond);
        walk(x.then);
        walk(x.else);
        return;
      case 'overflow':
        x.args.forEach(walk);
        return;
      case 'select':
        walk(x.array);
        walk(x.index);
        return;
      case 'store':
        walk(x.array);
        walk(x.index);
        walk(x.value);
    }
  };
  const a = e.action;
  if (a.kind === 'assign') walk(a.value);
  if (a.kind === 'assume' || a.kind === 'assert') walk(a.cond);
  return [...out];
}

/** The variable an edge's action writes, if any. */
function writeOf(e: Edge): string | null {
  const a = e.action;
  return a.kind === 'assign' || a.kind === 'havoc' ? a.target : null;
}

/** Variables live at each node (read on some path before being written). */
export function liveness(fn: IrFunction): Set<string>[] {
  const live: Set<string>[] = fn.nodes.map(() => new Set<string>());
  const retVar = fn.returnVar;
  for (const n of fn.nodes) if (n.kind === 'return' && retVar !== null) live[n.id].add(retVar);
  const out: Edge[][] = fn.nodes.map(() => []);
  for (const e of fn.edges) out[e.from].push(e);
  let changed = true;
  while (changed) {
    changed = false;
    for (let n = fn.nodes.length - 1; n >= 0; n--) {
      const s = live[n];
      const before = s.size;
      for (const e of out[n]) {
        const w = writeOf(e);
        for (const v of live[e.to]) if (v !== w) s.add(v);
        for (const v of readsOf(e)) s.add(v);
      }
      if (s.size !== before) changed = true;
    }
  }
  return live;
}
