/**
 * Smart constructors for IR expressions that fold constants. Folding follows
 * the IR's semantics exactly (see src/ir/ir.ts); an operation whose constant
 * operands would overflow or divide by zero is still folded only where the IR
 * defines a result, and the caller decides separately whether a check is
 * needed (`overflowsConst`).
 */
import {
  boolType,
  bvRange,
  constant,
  wrapToType,
  type BinaryOp,
  type CompareOp,
  type Expr,
  type OverflowOp,
  type Type,
  type UnaryOp,
} from '../../ir/ir.js';

export function isConst(e: Expr): e is Extract<Expr, { kind: 'const' }> {
  return e.kind === 'const';
}

function norm(type: Type, v: bigint): bigint {
  if (type.kind === 'bv') return wrapToType(v, type);
  if (type.kind === 'bool') return v !== 0n ? 1n : 0n;
  return v;
}

export function cast(e: Expr, type: Type): Expr {
  if (e.type.kind === type.kind && (type.kind !== 'bv' || sameBv(e.type, type))) return e;
  if (isConst(e)) {
    if (type.kind === 'bool') return constant(type, e.value !== 0n ? 1n : 0n);
    return constant(type, norm(type, e.value));
  }
  return { kind: 'cast', type, arg: e };
}

function sameBv(a: Type, b: Type): boolean {
  return a.kind === 'bv' && b.kind === 'bv' && a.width === b.width && a.signed === b.signed;
}

export function unary(op: UnaryOp, arg: Expr): Expr {
  if (isConst(arg)) {
    const v = arg.value;
    const r = op === 'neg' ? -v : op === 'bitnot' ? -v - 1n : v === 0n ? 1n : 0n;
    return constant(arg.type, norm(arg.type, r));
  }
  if (op === 'not' && arg.kind === 'unary' && arg.op === 'not') return arg.arg;
  return { kind: 'unary', type: arg.type, op, arg };
}

function truncDiv(a: bigint, b: bigint): bigint {
  return a / b; // bigint division truncates toward zero
}

function binaryValue(op: BinaryOp, type: Type, a: bigint, b: bigint): bigint | null {
  const width = type.kind === 'bv' ? BigInt(type.width) : null;
  switch (op) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return b === 0n ? null : truncDiv(a, b);
    case 'rem':
      return b === 0n ? null : a % b;
    case 'shl':
      return width === null || b < 0n ? null : b >= width ? 0n : a << b;
    case 'shr':
      return width === null || b < 0n ? null : b >= width ? (a < 0n ? -1n : 0n) : a >> b;
    case 'bitand':
    case 'and':
      return a & b;
    case 'bitor':
    case 'or':
      return a | b;
    case 'bitxor':
      return a ^ b;
    default:
      return null;
  }
}

export function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  if (isConst(left) && isConst(right)) {
    const v = binaryValue(op, left.type, left.value, right.value);
    if (v !== null) return constant(left.type, norm(left.type, v));
  }
  if (op === 'and') {
    if (isConst(left)) return left.value !== 0n ? right : left;
    if (isConst(right) && right.value !== 0n) return left;
  }
  if (op === 'or') {
    if (isConst(left)) return left.value !== 0n ? left : right;
    if (isConst(right) && right.value === 0n) return left;
  }
  return { kind: 'binary', type: left.type, op, left, right };
}

export function compare(op: CompareOp, left: Expr, right: Expr): Expr {
  if (isConst(left) && isConst(right)) {
    const a = left.value;
    const b = right.value;
    const r =
      op === 'eq'
        ? a === b
        : op === 'ne'
          ? a !== b
          : op === 'lt'
            ? a < b
            : op === 'le'
              ? a <= b
              : op === 'gt'
                ? a > b
                : a >= b;
    return constant(boolType, r ? 1n : 0n);
  }
  return { kind: 'compare', type: boolType, op, left, right };
}

export function ite(cond: Expr, then: Expr, els: Expr): Expr {
  if (isConst(cond)) return cond.value !== 0n ? then : els;
  return { kind: 'ite', type: then.type, cond, then, else: els };
}

/**
 * A sound interval for the value of an expression: exact for constants,
 * the source type's range through widening casts, the type's range otherwise.
 */
export function exprRange(e: Expr): { min: bigint; max: bigint } | null {
  if (e.type.kind === 'bool') return { min: 0n, max: 1n };
  if (e.type.kind !== 'bv') return null;
  if (isConst(e)) return { min: e.value, max: e.value };
  const full = bvRange(e.type);
  if (e.kind === 'cast') {
    const inner = exprRange(e.arg);
    if (inner && inner.min >= full.min && inner.max <= full.max) return inner;
  }
  return full;
}

function provablyInRange(op: OverflowOp, args: Expr[]): boolean {
  const t = args[0].type;
  if (t.kind !== 'bv') return false;
  const rs = args.map(exprRange);
  if (rs.some((r) => r === null)) return false;
  const [a, b] = rs as { min: bigint; max: bigint }[];
  const { min, max } = bvRange(t);
  const fits = (vals: bigint[]): boolean => vals.every((v) => v >= min && v <= max);
  switch (op) {
    case 'add':
      return fits([a.min + b.min, a.max + b.max]);
    case 'sub':
      return fits([a.min - b.max, a.max - b.min]);
    case 'mul':
      return fits([a.min * b.min, a.min * b.max, a.max * b.min, a.max * b.max]);
    case 'neg':
      return a.min > min;
    case 'div':
      return a.min > min || b.max < -1n || b.min > -1n;
    case 'shl':
      return a.min >= 0n && b.max < BigInt(t.width) && b.min >= 0n && fits([a.max << b.max]);
  }
}

/** The `overflow` predicate, folded when every argument is constant or ranges rule overflow out. */
export function overflow(op: OverflowOp, args: Expr[]): Expr {
  if (provablyInRange(op, args)) return constant(boolType, 0n);
  const d = args[1];
  if (op === 'div' && d !== undefined && isConst(d) && d.value !== -1n)
    return constant(boolType, 0n);
  if (args[0].type.kind === 'bv' && !args[0].type.signed && op !== 'div')
    return constant(boolType, 0n);
  if (args.every(isConst)) {
    const v = overflowsConst(
      op,
      args.map((a) => (a as { value: bigint }).value),
      args[0].type,
    );
    if (v !== null) return constant(boolType, v ? 1n : 0n);
  }
  return { kind: 'overflow', type: boolType, op, args };
}

function overflowsConst(op: OverflowOp, v: bigint[], type: Type): boolean | null {
  if (type.kind !== 'bv') return false;
  if (!type.signed && op !== 'div') return false;
  const { min, max } = bvRange(type);
  const out = (x: bigint): boolean => x < min || x > max;
  const [a, b] = v;
  switch (op) {
    case 'add':
      return out(a + b);
    case 'sub':
      return out(a - b);
    case 'mul':
      return out(a * b);
    case 'neg':
      return out(-a);
    case 'div':
      return b === 0n ? null : out(truncDiv(a, b));
    case 'shl':
      if (b < 0n || b >= BigInt(type.width)) return null;
      return a < 0n || out(a << b);
  }
}

/** `not e` for a bool expression. */
export function not(e: Expr): Expr {
  return unary('not', e);
}
