/**
 * Incremental construction of one IR function: nodes, edges, variables,
 * properties and approximations, with a "current node" cursor that lowering
 * code appends to. Language-neutral: every front-end builds its IR with it.
 *
 * Guarantees of `finish`: node ids are dense indices; every node is reachable
 * from the entry except the `return` node (always present); chains of `skip`
 * edges are contracted; property ids are `<function>.<kind>.<n>` with n
 * counting in source order (by operator position) per function and kind,
 * independent of how often a function was inlined.
 */
import type { SourceSpan } from '../core/diagnostic.js';
import type {
  Action,
  Approximation,
  Edge,
  Expr,
  IrFunction,
  Node,
  NodeKind,
  Property,
  PropertyKind,
  Type,
  Variable,
} from '../ir/ir.js';

export interface PropertyDraft {
  /** The function whose source contains the checked code. */
  readonly owner: string;
  readonly kind: PropertyKind;
  /** Source-order position (offset of the operator or call). */
  readonly pos: number;
  /** Distinguishes several properties of one kind at one position. */
  readonly tag: number;
  readonly description: string;
  readonly span: SourceSpan;
  /** See `Property.cut`. */
  readonly cut?: true;
}

interface MutableEdge {
  from: number;
  to: number;
  action: Action;
  span?: SourceSpan;
}

export class FnBuilder {
  readonly nodes: Node[] = [];
  readonly edges: MutableEdge[] = [];
  readonly params: Variable[] = [];
  readonly locals: Variable[] = [];
  readonly approximations: Approximation[] = [];
  private readonly names = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  private readonly props = new Map<string, PropertyDraft>();
  /** The node code is appended to; null after a jump (dead code follows). */
  cur: number | null;

  constructor() {
    this.cur = this.newNode();
  }

  newNode(kind: NodeKind = 'normal', span?: SourceSpan): number {
    const id = this.nodes.length;
    this.nodes.push(span ? { id, kind, span } : { id, kind });
    return id;
  }

  /** The current node; in dead code a fresh unreachable one. */
  here(): number {
    this.cur ??= this.newNode();
    return this.cur;
  }

  edge(from: number, to: number, action: Action, span?: SourceSpan): void {
    this.edges.push(span ? { from, to, action, span } : { from, to, action });
  }

  /** Appends an action at the cursor. */
  emit(action: Action, span?: SourceSpan): void {
    const from = this.here();
    const to = this.newNode();
    this.edge(from, to, action, span);
    this.cur = to;
  }

  /** Two `assume` edges out of `from`: to `yes` where `cond` holds, to `no` where it does not. */
  branch(from: number, cond: Expr, yes: number, no: number, span?: SourceSpan): void {
    this.edge(from, yes, { kind: 'assume', cond }, span);
    this.edge(
      from,
      no,
      { kind: 'assume', cond: { kind: 'unary', type: cond.type, op: 'not', arg: cond } },
      span,
    );
  }

  /** Unconditional jump; code after it is dead until a label. */
  jump(target: number, span?: SourceSpan): void {
    if (this.cur !== null) this.edge(this.cur, target, { kind: 'skip' }, span);
    this.cur = null;
  }

  /** A fresh variable name derived from `base`: `base`, else `base#2`, `base#3`, ... */
  fresh(base: string): string {
    let name = base;
    // Names are never removed, so the search for `base` resumes where it
    // stopped last time (inlining deep recursion asks for one base often).
    let n = this.nextSuffix.get(base) ?? 2;
    for (; this.names.has(name); n++) name = `${base}#${n}`;
    this.nextSuffix.set(base, n);
    this.names.add(name);
    return name;
  }

  addVar(v: Variable, param = false): void {
    (param ? this.params : this.locals).push(v);
  }

  variable(
    base: string,
    type: Type,
    sourceName: string,
    sourceType: string,
    span?: SourceSpan,
  ): string {
    const name = this.fresh(base);
    this.addVar({ name, type, sourceName, sourceType, ...(span ? { span } : {}) });
    return name;
  }

  /** Registers a property (once per source location) and returns its provisional key. */
  property(d: PropertyDraft): string {
    const key = `${d.owner}\u0000${d.kind}\u0000${d.pos}\u0000${d.tag}`;
    if (!this.props.has(key)) this.props.set(key, d);
    return key;
  }

  finish(
    header: Omit<
      IrFunction,
      'nodes' | 'edges' | 'properties' | 'params' | 'locals' | 'entry' | 'approximations'
    >,
    entry: number,
    returnNode: number,
  ): IrFunction {
    const ids = this.numberProperties();
    const edges = this.contract(entry).map((e) =>
      e.action.kind === 'assert'
        ? {
            ...e,
            action: { ...e.action, property: ids.get(e.action.property) ?? e.action.property },
          }
        : e,
    );
    entry = skipEntry(entry, edges);
    const { nodes, map } = this.reachable(entry, returnNode, edges);
    const kept = edges.filter((e) => map.has(e.from) && map.has(e.to));
    const properties: Property[] = [...this.props.entries()]
      .map(([key, d]) => ({
        id: ids.get(key) ?? key,
        kind: d.kind,
        description: d.description,
        span: d.span,
        ...(d.cut ? { cut: true as const } : {}),
      }))
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    return {
      ...header,
      params: this.params,
      locals: this.locals,
      entry: map.get(entry) ?? 0,
      nodes,
      edges: kept.map((e) => relabel(e, map)),
      properties,
      approximations: this.approximations,
    };
  }

  private numberProperties(): Map<string, string> {
    const groups = new Map<string, [string, PropertyDraft][]>();
    for (const [key, d] of this.props) {
      const g = `${d.owner}.${d.kind}`;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)?.push([key, d]);
    }
    const ids = new Map<string, string>();
    for (const [g, list] of groups) {
      list.sort((a, b) => a[1].pos - b[1].pos || a[1].tag - b[1].tag);
      list.forEach(([key], i) => ids.set(key, `${g}.${i + 1}`));
    }
    return ids;
  }

  /** Redirects edges into nodes whose only way out is a `skip` edge. */
  private contract(entry: number): MutableEdge[] {
    const out = new Map<number, MutableEdge[]>();
    for (const e of this.edges) {
      if (!out.has(e.from)) out.set(e.from, []);
      out.get(e.from)?.push(e);
    }
    const forward = new Map<number, number>();
    for (const [from, list] of out) {
      const e = list[0];
      if (list.length === 1 && e.action.kind === 'skip' && from !== entry && e.to !== from)
        if (this.nodes[from].kind === 'normal') forward.set(from, e.to);
    }
    const resolve = (n: number): number => {
      const seen = new Set<number>();
      let cur = n;
      while (forward.has(cur) && !seen.has(cur)) {
        seen.add(cur);
        const next = forward.get(cur) ?? cur;
        if (seen.has(next)) break;
        cur = next;
      }
      return cur;
    };
    return this.edges.map((e) => ({ ...e, to: resolve(e.to) }));
  }

  private reachable(
    entry: number,
    returnNode: number,
    edges: MutableEdge[],
  ): { nodes: Node[]; map: Map<number, number> } {
    const seen = new Set<number>([entry]);
    const stack = [entry];
    const out = new Map<number, number[]>();
    for (const e of edges) {
      if (!out.has(e.from)) out.set(e.from, []);
      out.get(e.from)?.push(e.to);
    }
    while (stack.length > 0) {
      const n = stack.pop() ?? entry;
      for (const m of out.get(n) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        stack.push(m);
      }
    }
    seen.add(returnNode);
    const order = [...seen].sort((a, b) => a - b);
    const map = new Map(order.map((old, i) => [old, i]));
    const nodes = order.map((old, i) => ({ ...this.nodes[old], id: i }));
    return { nodes, map };
  }
}

/** Moves the entry past leading `skip` edges into nodes nothing else enters. */
function skipEntry(entry: number, edges: MutableEdge[]): number {
  for (;;) {
    const out = edges.filter((e) => e.from === entry);
    if (out.length !== 1 || out[0].action.kind !== 'skip' || out[0].to === entry) return entry;
    const next = out[0].to;
    if (edges.some((e) => e.to === next && e !== out[0])) return entry;
    entry = next;
  }
}

function relabel(e: MutableEdge, map: Map<number, number>): Edge {
  const from = map.get(e.from) ?? e.from;
  const to = map.get(e.to) ?? e.to;
  return e.span ? { from, to, action: e.action, span: e.span } : { from, to, action: e.action };
}
