/**
 * The meaning of every IR operator on concrete values, exactly as
 * src/ir/ir.ts defines it. Each operator is computed on mathematical
 * integers and then reduced into the result type (`wrap`), so the functions
 * here return values in their type's range whenever their arguments are.
 *
 * The factories (`unaryFn`, `binaryFn`, ...) resolve the operator and type
 * once and return a small closure; both the tree-walking `evalExpr` and the
 * compiled interpreter use them, so there is a single definition of each
 * operator.
 *
 * Division by zero is not defined by ir.ts (front-ends guard it with a
 * `div-by-zero` assert). So that evaluation is total, it follows SMT-LIB for
 * bit-vectors (bvudiv: x / 0 is all ones; bvsdiv: -1 for x ≥ 0 and 1 for
 * x < 0; x % 0 = x) and, for mathematical integers, x / 0 = 0 and x % 0 = x.
 */
import type { BinaryOp, BitVecType, CompareOp, OverflowOp, Type, UnaryOp } from '../ir/ir.js';
import { bvRange } from '../ir/ir.js';

export type Fn1 = (a: bigint) => bigint;
export type Fn2 = (a: bigint, b: bigint) => bigint;

const identity: Fn1 = (a) => a;

/** Reduction into `t`'s range: modulo 2^width for bit-vectors, `!= 0` for bool, identity for int. */
export function wrapFn(t: Type): Fn1 {
  switch (t.kind) {
    case 'int':
      return identity;
    case 'bool':
      return (a) => (a === 0n ? 0n : 1n);
    case 'bv': {
      const w = t.width;
      return t.signed ? (a) => BigInt.asIntN(w, a) : (a) => BigInt.asUintN(w, a);
    }
    case 'array':
      throw new Error('internal error: scalar arithmetic on an array');
  }
}

/** Reduction into the range of a bit-vector type (mod 2^width); the identity elsewhere. */
function arithWrap(t: Type): Fn1 {
  return t.kind === 'bv' ? wrapFn(t) : identity;
}

export function unaryFn(op: UnaryOp, t: Type): Fn1 {
  const wrap = arithWrap(t);
  switch (op) {
    case 'neg':
      return (a) => wrap(-a);
    case 'bitnot':
      return (a) => wrap(~a);
    case 'not':
      return (a) => (a === 0n ? 1n : 0n);
  }
}

/** Quotient rounded toward zero (C); by zero: SMT-LIB for bv, 0 for int. */
function truncDiv(t: Type): Fn2 {
  const byZero: Fn1 = t.kind === 'bv' ? (a) => (t.signed && a < 0n ? 1n : -1n) : () => 0n;
  return (a, b) => (b === 0n ? byZero(a) : a / b);
}

/** Remainder with the sign of the dividend (C); by zero: the dividend. */
function truncRem(a: bigint, b: bigint): bigint {
  return b === 0n ? a : a % b;
}

/** Quotient rounded toward negative infinity (Python `//`); by zero as `truncDiv`. */
function floorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Remainder with the sign of the divisor (Python `%`); by zero: the dividend. */
function floorMod(a: bigint, b: bigint): bigint {
  if (b === 0n) return a;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/**
 * The shift amount as an unsigned number of bits (a negative amount of a
 * signed type reads as its two's-complement bit pattern, as in SMT-LIB,
 * hence ≥ width).
 */
function shiftAmount(t: Type): Fn1 {
  return t.kind === 'bv' ? (b) => BigInt.asUintN(t.width, b) : identity;
}

function shiftFn(op: 'shl' | 'shr', t: Type): Fn2 {
  const wrap = arithWrap(t);
  const amount = shiftAmount(t);
  const width = t.kind === 'bv' ? BigInt(t.width) : null;
  if (op === 'shl') {
    return (a, b) => {
      const n = amount(b);
      return width !== null && n >= width ? 0n : wrap(a << n);
    };
  }
  // `a` is in range, so bigint's arithmetic `>>` is arithmetic for signed and logical for unsigned.
  return (a, b) => {
    const n = amount(b);
    return width !== null && n >= width ? (a < 0n ? -1n : 0n) : a >> n;
  };
}

export function binaryFn(op: BinaryOp, t: Type): Fn2 {
  const wrap = arithWrap(t);
  switch (op) {
    case 'add':
      return (a, b) => wrap(a + b);
    case 'sub':
      return (a, b) => wrap(a - b);
    case 'mul':
      return (a, b) => wrap(a * b);
    case 'div': {
      const div = truncDiv(t);
      return (a, b) => wrap(div(a, b));
    }
    case 'rem':
      return (a, b) => wrap(truncRem(a, b));
    case 'floordiv':
      return (a, b) => wrap(floorDiv(a, b));
    case 'floormod':
      return (a, b) => wrap(floorMod(a, b));
    case 'shl':
    case 'shr':
      return shiftFn(op, t);
    case 'bitand':
    case 'and':
      return (a, b) => a & b;
    case 'bitor':
    case 'or':
      return (a, b) => a | b;
    case 'bitxor':
      return (a, b) => a ^ b;
  }
}

/** Comparison on the values (signedness is carried by the values themselves); 1n or 0n. */
export function compareFn(op: CompareOp): Fn2 {
  switch (op) {
    case 'eq':
      return (a, b) => (a === b ? 1n : 0n);
    case 'ne':
      return (a, b) => (a !== b ? 1n : 0n);
    case 'lt':
      return (a, b) => (a < b ? 1n : 0n);
    case 'le':
      return (a, b) => (a <= b ? 1n : 0n);
    case 'gt':
      return (a, b) => (a > b ? 1n : 0n);
    case 'ge':
      return (a, b) => (a >= b ? 1n : 0n);
  }
}

/**
 * Conversion to `to`. Values are stored as the mathematical value of their
 * type, so extension by the source signedness is the identity and every
 * conversion into a bit-vector type is reduction modulo 2^width; into bool
 * it is `!= 0`; into int the value itself.
 */
export function castFn(to: Type): Fn1 {
  return wrapFn(to);
}

function outside(t: BitVecType): (v: bigint) => boolean {
  const { min, max } = bvRange(t);
  return (v) => v < min || v > max;
}

/** Overflow of a signed `op` (ir.ts `OverflowExpr`); 1n or 0n. Unsigned never overflows. */
export function overflowFn(op: OverflowOp, t: Type): (args: readonly bigint[]) => bigint {
  if (t.kind !== 'bv')
    throw new Error(`internal error: overflow check on non-bit-vector type ${t.kind}`);
  if (!t.signed) return () => 0n;
  const out = outside(t);
  const min = bvRange(t).min;
  const bit = (b: boolean): bigint => (b ? 1n : 0n);
  switch (op) {
    case 'add':
      return ([a, b]) => bit(out(a + b));
    case 'sub':
      return ([a, b]) => bit(out(a - b));
    case 'mul':
      return ([a, b]) => bit(out(a * b));
    case 'neg':
      return ([a]) => bit(out(-a));
    case 'div':
      return ([a, b]) => bit(a === min && b === -1n);
    case 'shl':
      // C11 6.5.7p4: a negative left operand, or left × 2^right not representable.
      // A right operand outside [0, width) is the separate shift check's business.
      return ([a, b]) => bit(a < 0n || (b >= 0n && b < BigInt(t.width) && out(a << b)));
  }
}
