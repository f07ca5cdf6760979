/** Tiny helpers for building IR functions by hand in tests (no front-end needed). */
import type {
  Action,
  Edge,
  Expr,
  IrFunction,
  Node,
  NodeKind,
  Type,
  Variable,
} from '../../src/ir/ir.js';

export const span = { file: 't.c', startLine: 1, startCol: 1, endLine: 1, endCol: 2 };

export { bin, c, cast, cmp, i32, i8, not, ovf, u8, v } from '../support/ir-exprs.js';

export const assign = (target: string, value: Expr): Action => ({ kind: 'assign', target, value });
export const assume = (cond: Expr): Action => ({ kind: 'assume', cond });
export const assert = (cond: Expr, property: string): Action => ({
  kind: 'assert',
  cond,
  property,
});
export const havoc = (target: string, source = '__VERIFIER_nondet_int'): Action => ({
  kind: 'havoc',
  target,
  source,
});
export const skip: Action = { kind: 'skip' };

function varDecl(name: string, type: Type): Variable {
  return { name, type, sourceName: name, sourceType: typeLabel(type) };
}
function typeLabel(t: Type): string {
  if (t.kind !== 'bv') return t.kind === 'bool' ? '_Bool' : 'int';
  const base = { 8: 'char', 16: 'short', 32: 'int', 64: 'long long' }[t.width] ?? 'int';
  return `${t.signed ? (t.width === 8 ? 'signed ' : '') : 'unsigned '}${base}`;
}

export interface FnSpec {
  name?: string;
  params: [string, Type][];
  locals?: [string, Type][];
  returnType?: Type | null;
  returnVar?: string | null;
  /** Node kinds by id; unspecified ids are `normal`. Node 0 is the entry. */
  nodeKinds?: Record<number, NodeKind>;
  edges: [number, number, Action][];
}

/** Builds an IrFunction; the node count is one more than the largest node id used. */
export function fn(spec: FnSpec): IrFunction {
  const ids = spec.edges
    .flatMap(([a, b]) => [a, b])
    .concat(Object.keys(spec.nodeKinds ?? {}).map(Number));
  const count = Math.max(0, ...ids) + 1;
  const nodes: Node[] = Array.from({ length: count }, (_, id) => ({
    id,
    kind: spec.nodeKinds?.[id] ?? 'normal',
  }));
  const edges: Edge[] = spec.edges.map(([from, to, action]) => ({ from, to, action }));
  return {
    name: spec.name ?? 'f',
    params: spec.params.map(([n, t]) => varDecl(n, t)),
    locals: (spec.locals ?? []).map(([n, t]) => varDecl(n, t)),
    returnType: spec.returnType ?? null,
    returnSourceType: 'int',
    returnVar: spec.returnVar ?? null,
    entry: 0,
    nodes,
    edges,
    properties: [],
    approximations: [],
    span,
  };
}
