/**
 * Small helpers to build IR functions by hand for the BMC tests, and a
 * naive reference interpreter (mathematical integers, then reduction) that
 * replays witnesses.
 */
import { scalar } from '../../../src/ir/value.js';
import type {
  Action,
  BinaryOp,
  Edge,
  Expr,
  IrFunction,
  Node,
  NodeKind,
  OverflowOp,
  Property,
  PropertyKind,
  Type,
  Variable,
} from '../../../src/ir/ir.js';
import { bvRange, bvType, typeName, variable } from '../../../src/ir/ir.js';
import type { RawWitness } from '../../../src/engines/engine.js';

export { and, bin, c, cast, cmp, i32, i8, not, ovf, u32 } from '../../support/ir-exprs.js';
import { not } from '../../support/ir-exprs.js';

const span = (line: number, col = 1) => ({
  file: 'f.c',
  startLine: line,
  startCol: col,
  endLine: line,
  endCol: col + 1,
});

export class FnBuilder {
  private readonly nodes: Node[] = [];
  private readonly edges: Edge[] = [];
  private readonly params: Variable[] = [];
  private readonly locals: Variable[] = [];
  private readonly properties: Property[] = [];
  private readonly counts = new Map<PropertyKind, number>();
  readonly entry: number;

  constructor(readonly name = 'f') {
    this.entry = this.node();
  }

  private variable(name: string, t: Type): Variable {
    return { name, type: t, sourceName: name, sourceType: typeName(t) };
  }
  param(name: string, t: Type): Expr {
    this.params.push(this.variable(name, t));
    return variable(name, t);
  }
  local(name: string, t: Type): Expr {
    this.locals.push(this.variable(name, t));
    return variable(name, t);
  }
  node(kind: NodeKind = 'normal', line?: number, col?: number): number {
    const id = this.nodes.length;
    this.nodes.push(line === undefined ? { id, kind } : { id, kind, span: span(line, col) });
    return id;
  }
  edge(from: number, to: number, action: Action): number {
    this.edges.push({ from, to, action });
    return this.edges.length - 1;
  }
  assign(from: number, target: Expr, value: Expr): number {
    const to = this.node();
    this.edge(from, to, { kind: 'assign', target: (target as { name: string }).name, value });
    return to;
  }
  havoc(from: number, target: Expr): number {
    const to = this.node();
    this.edge(from, to, {
      kind: 'havoc',
      target: (target as { name: string }).name,
      source: '__VERIFIER_nondet',
    });
    return to;
  }
  assume(from: number, cond: Expr, to = this.node()): number {
    this.edge(from, to, { kind: 'assume', cond });
    return to;
  }
  /** Adds a property of `kind` checked by `cond`; returns the node after the check. */
  assert(from: number, cond: Expr, kind: PropertyKind = 'assertion'): { next: number; id: string } {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    const id = `${this.name}.${kind}.${n}`;
    this.properties.push({ id, kind, description: `property ${id}`, span: span(n) });
    const next = this.node();
    this.edge(from, next, { kind: 'assert', cond, property: id });
    return { next, id };
  }
  /** Two assume edges; returns the two targets. */
  branch(from: number, cond: Expr): { then: number; else: number } {
    return { then: this.assume(from, cond), else: this.assume(from, not(cond)) };
  }
  skip(from: number, to: number): void {
    this.edge(from, to, { kind: 'skip' });
  }
  ret(from: number): number {
    const r = this.node('return');
    this.skip(from, r);
    return r;
  }
  build(): IrFunction {
    return {
      name: this.name,
      params: this.params,
      locals: this.locals,
      returnType: null,
      returnSourceType: 'void',
      returnVar: null,
      entry: this.entry,
      nodes: this.nodes,
      edges: this.edges,
      properties: this.properties,
      approximations: [],
      span: span(1),
    };
  }
}

export function allIds(fn: IrFunction): Set<string> {
  return new Set(fn.properties.map((p) => p.id));
}

// ---------------------------------------------------------------- reference interpreter

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
function reduce(v: bigint, t: Type): bigint {
  if (t.kind === 'bool') return v === 0n ? 0n : 1n;
  if (t.kind === 'int' || t.kind === 'array') return v;
  const m = 1n << BigInt(t.width);
  let r = ((v % m) + m) % m;
  if (t.signed && r >= m / 2n) r -= m;
  return r;
}
function fits(v: bigint, t: Type): boolean {
  if (t.kind !== 'bv') return true;
  const { min, max } = bvRange(t);
  return v >= min && v <= max;
}

/** Exact overflow per ir.ts, by mathematical integers. */
export function refOverflow(op: OverflowOp, t: Type, a: bigint, b: bigint): boolean {
  if (t.kind !== 'bv' || !t.signed) return false;
  const min = bvRange(t).min;
  switch (op) {
    case 'add':
      return !fits(a + b, t);
    case 'sub':
      return !fits(a - b, t);
    case 'mul':
      return !fits(a * b, t);
    case 'neg':
      return !fits(-a, t);
    case 'div':
      return a === min && b === -1n;
    case 'shl':
      return a < 0n || (b >= 0n && b < BigInt(t.width) && !fits(a * 2n ** b, t));
  }
}

function refBinary(op: BinaryOp, t: Type, a: bigint, b: bigint): bigint {
  const w = t.kind === 'bv' ? BigInt(t.width) : 0n;
  const amount = t.kind === 'bv' ? reduce(b, bvType(t.width, false)) : b;
  switch (op) {
    case 'add':
      return reduce(a + b, t);
    case 'sub':
      return reduce(a - b, t);
    case 'mul':
      return reduce(a * b, t);
    case 'div':
      if (b === 0n) throw new Error('division by zero');
      return reduce((abs(a) / abs(b)) * (a < 0n !== b < 0n ? -1n : 1n), t);
    case 'rem':
      if (b === 0n) throw new Error('division by zero');
      return reduce(a - b * ((abs(a) / abs(b)) * (a < 0n !== b < 0n ? -1n : 1n)), t);
    case 'floordiv': {
      const q = (abs(a) / abs(b)) * (a < 0n !== b < 0n ? -1n : 1n);
      return q * b !== a && a < 0n !== b < 0n ? q - 1n : q;
    }
    case 'floormod':
      return a - b * refBinary('floordiv', t, a, b);
    case 'shl':
      return amount >= w ? 0n : reduce(a * 2n ** amount, t);
    case 'shr':
      return amount >= w
        ? a < 0n
          ? -1n
          : 0n
        : reduce(a >= 0n ? a / 2n ** amount : -((-a - 1n) / 2n ** amount) - 1n, t);
    case 'bitand':
    case 'and':
      return reduce(a & b, t);
    case 'bitor':
    case 'or':
      return reduce(a | b, t);
    case 'bitxor':
      return reduce(a ^ b, t);
  }
}

export function refEval(e: Expr, env: ReadonlyMap<string, bigint>): bigint {
  switch (e.kind) {
    case 'const':
      return e.value;
    case 'var': {
      const v = env.get(e.name);
      if (v === undefined) throw new Error(`unset ${e.name}`);
      return v;
    }
    case 'unary': {
      const a = refEval(e.arg, env);
      return e.op === 'not'
        ? 1n - a
        : e.op === 'neg'
          ? reduce(-a, e.type)
          : reduce(-a - 1n, e.type);
    }
    case 'binary':
      return refBinary(e.op, e.type, refEval(e.left, env), refEval(e.right, env));
    case 'compare': {
      const a = refEval(e.left, env);
      const b = refEval(e.right, env);
      const r = { eq: a === b, ne: a !== b, lt: a < b, le: a <= b, gt: a > b, ge: a >= b }[e.op];
      return r ? 1n : 0n;
    }
    case 'ite':
      return refEval(e.cond, env) === 1n ? refEval(e.then, env) : refEval(e.else, env);
    case 'cast':
      return reduce(refEval(e.arg, env), e.type);
    case 'select':
    case 'store':
      throw new Error('arrays are not evaluated here');
    case 'overflow': {
      const [a, b] = e.args.map((x) => refEval(x, env));
      return refOverflow(e.op, e.args[0].type, a, b ?? 0n) ? 1n : 0n;
    }
  }
}

/**
 * Replays a witness: follows `witness.path` from the entry, checking that each
 * assume holds, and returns true iff the last edge is an assert of the
 * witness's property whose condition is false.
 */
export function replays(fn: IrFunction, w: RawWitness): boolean {
  const env = new Map<string, bigint>([...w.inputs].map(([k, v]) => [k, scalar(v)]));
  let node = fn.entry;
  let nondet = 0;
  for (const [i, ei] of w.path.entries()) {
    const e = fn.edges[ei];
    if (e.from !== node) return false;
    const a = e.action;
    if (a.kind === 'assign') env.set(a.target, refEval(a.value, env));
    if (a.kind === 'havoc') env.set(a.target, scalar(w.nondet[nondet++]));
    if (a.kind === 'assume' && refEval(a.cond, env) !== 1n) return false;
    if (a.kind === 'assert') {
      const holds = refEval(a.cond, env) === 1n;
      if (i === w.path.length - 1)
        return !holds && a.property === w.property && nondet === w.nondet.length;
      if (!holds) return false;
    }
    node = e.to;
  }
  return false;
}
