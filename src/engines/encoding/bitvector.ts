/**
 * Translation of IR expressions into solver terms, with exactly the meaning
 * src/ir/ir.ts gives them (and src/semantics computes on concrete values):
 *
 * - bit-vector arithmetic wraps; `div`/`rem` are bvsdiv/bvsrem for signed
 *   and bvudiv/bvurem for unsigned types (C truncation); division by zero
 *   follows SMT-LIB, which is also what the interpreter does;
 * - `shl`/`shr` are bvshl and bvashr/bvlshr, so an amount ≥ width (read as
 *   unsigned bits) gives 0, or -1 for a negative signed left operand;
 * - casts extend by the *source* signedness, truncate with extract;
 * - `int` is the Int sort; C `div`/`rem` and Python `floordiv`/`floormod`
 *   are built from SMT-LIB's Euclidean div/mod, with division by zero
 *   defined as the interpreter does (quotient 0, remainder the dividend);
 * - `overflow` is exact: for add/sub from the sign bits of the operands and
 *   of the wrapped result; for mul/shl the operation is redone at double
 *   width and compared with its truncation.
 *
 * Anything outside the IR contract (an operator on a type it is not defined
 * for) raises `UnsupportedError`.
 */
import type {
  BinaryExpr,
  BitVecType,
  CastExpr,
  CompareExpr,
  Expr,
  OverflowExpr,
  Type,
  UnaryExpr,
} from '../../ir/ir.js';
import type { Sort, Term } from '../../smt/index.js';
import {
  and,
  arraySort,
  boolConst,
  boolSort,
  bv2nat,
  bvBinary,
  bvCompare,
  bvConst,
  bvNeg,
  bvNot,
  bvSort,
  constArray,
  eq,
  extract,
  int2bv,
  intBinary,
  intCompare,
  intConst,
  intNeg,
  intSort,
  ite,
  not,
  or,
  select,
  signExtend,
  store,
  xor,
  zeroExtend,
} from '../../smt/index.js';

export class UnsupportedError extends Error {}

export type Env = ReadonlyMap<string, Term>;

export function sortOf(t: Type): Sort {
  switch (t.kind) {
    case 'bool':
      return boolSort;
    case 'int':
      return intSort;
    case 'bv':
      return bvSort(t.width);
    case 'array':
      return arraySort(bvSort(t.index.width), bvSort(t.elem.width));
  }
}

function unsupported(what: string): never {
  throw new UnsupportedError(what);
}

export function encodeExpr(e: Expr, env: Env): Term {
  switch (e.kind) {
    case 'const':
      return constTerm(e.type, e.value);
    case 'var': {
      const v = env.get(e.name);
      return v ?? unsupported(`unknown variable ${e.name}`);
    }
    case 'unary':
      return encodeUnary(e, env);
    case 'binary':
      return encodeBinary(e, env);
    case 'compare':
      return encodeCompare(e, env);
    case 'ite':
      return ite(encodeExpr(e.cond, env), encodeExpr(e.then, env), encodeExpr(e.else, env));
    case 'cast':
      return encodeCast(e, env);
    case 'overflow':
      return encodeOverflow(e, env);
    case 'select':
      return select(encodeExpr(e.array, env), encodeExpr(e.index, env));
    case 'store':
      return store(encodeExpr(e.array, env), encodeExpr(e.index, env), encodeExpr(e.value, env));
  }
}

function constTerm(t: Type, value: bigint): Term {
  switch (t.kind) {
    case 'bool':
      return boolConst(value !== 0n);
    case 'int':
      return intConst(value);
    case 'bv':
      return bvConst(t.width, value);
    case 'array':
      return constArray(sortOf(t), bvConst(t.elem.width, value));
  }
}

function encodeUnary(e: UnaryExpr, env: Env): Term {
  const a = encodeExpr(e.arg, env);
  const k = e.type.kind;
  if (e.op === 'not' && k === 'bool') return not(a);
  if (e.op === 'neg' && k === 'bv') return bvNeg(a);
  if (e.op === 'neg' && k === 'int') return intNeg(a);
  if (e.op === 'bitnot' && k === 'bv') return bvNot(a);
  return unsupported(`operator ${e.op} on ${k}`);
}

function encodeBinary(e: BinaryExpr, env: Env): Term {
  const a = encodeExpr(e.left, env);
  const b = encodeExpr(e.right, env);
  switch (e.type.kind) {
    case 'bv':
      return bvBinaryOp(e, e.type, a, b);
    case 'int':
      return intBinaryOp(e, a, b);
    case 'bool':
      return boolBinaryOp(e, a, b);
    case 'array':
      return unsupported(`operator ${e.op} on arrays`);
  }
}

function bvBinaryOp(e: BinaryExpr, t: BitVecType, a: Term, b: Term): Term {
  switch (e.op) {
    case 'add':
      return bvBinary('bvadd', a, b);
    case 'sub':
      return bvBinary('bvsub', a, b);
    case 'mul':
      return bvBinary('bvmul', a, b);
    case 'div':
      return bvBinary(t.signed ? 'bvsdiv' : 'bvudiv', a, b);
    case 'rem':
      return bvBinary(t.signed ? 'bvsrem' : 'bvurem', a, b);
    case 'shl':
      return bvBinary('bvshl', a, b);
    case 'shr':
      return bvBinary(t.signed ? 'bvashr' : 'bvlshr', a, b);
    case 'bitand':
      return bvBinary('bvand', a, b);
    case 'bitor':
      return bvBinary('bvor', a, b);
    case 'bitxor':
      return bvBinary('bvxor', a, b);
    default:
      return unsupported(`operator ${e.op} on bit-vectors`);
  }
}

const zero = intConst(0n);

/** a / b truncated toward zero (C); 0 when b = 0. */
function cDiv(a: Term, b: Term): Term {
  const nonneg = intCompare('<=', zero, a);
  const q = ite(nonneg, intBinary('div', a, b), intNeg(intBinary('div', intNeg(a), b)));
  return ite(eq(b, zero), zero, q);
}
/** Remainder with the sign of the dividend (C); a when b = 0. */
function cRem(a: Term, b: Term): Term {
  const nonneg = intCompare('<=', zero, a);
  const r = ite(nonneg, intBinary('mod', a, b), intNeg(intBinary('mod', intNeg(a), b)));
  return ite(eq(b, zero), a, r);
}
/** a / b rounded toward negative infinity (Python); 0 when b = 0. */
function floorDiv(a: Term, b: Term): Term {
  const pos = intCompare('<', zero, b);
  const q = ite(pos, intBinary('div', a, b), intBinary('div', intNeg(a), intNeg(b)));
  return ite(eq(b, zero), zero, q);
}
/** Remainder with the sign of the divisor (Python); a when b = 0. */
function floorMod(a: Term, b: Term): Term {
  const pos = intCompare('<', zero, b);
  const r = ite(pos, intBinary('mod', a, b), intNeg(intBinary('mod', intNeg(a), intNeg(b))));
  return ite(eq(b, zero), a, r);
}

function intBinaryOp(e: BinaryExpr, a: Term, b: Term): Term {
  switch (e.op) {
    case 'add':
      return intBinary('+', a, b);
    case 'sub':
      return intBinary('-', a, b);
    case 'mul':
      return intBinary('*', a, b);
    case 'div':
      return cDiv(a, b);
    case 'rem':
      return cRem(a, b);
    case 'floordiv':
      return floorDiv(a, b);
    case 'floormod':
      return floorMod(a, b);
    default:
      return unsupported(`operator ${e.op} on int`);
  }
}

function boolBinaryOp(e: BinaryExpr, a: Term, b: Term): Term {
  switch (e.op) {
    case 'and':
    case 'bitand':
      return and(a, b);
    case 'or':
    case 'bitor':
      return or(a, b);
    case 'bitxor':
      return xor(a, b);
    default:
      return unsupported(`operator ${e.op} on bool`);
  }
}

function encodeCompare(e: CompareExpr, env: Env): Term {
  const a = encodeExpr(e.left, env);
  const b = encodeExpr(e.right, env);
  if (e.op === 'eq') return eq(a, b);
  if (e.op === 'ne') return not(eq(a, b));
  const t = e.left.type;
  const [x, y] = e.op === 'lt' || e.op === 'le' ? [a, b] : [b, a];
  const strict = e.op === 'lt' || e.op === 'gt';
  if (t.kind === 'bv') {
    const op = t.signed ? (strict ? 'bvslt' : 'bvsle') : strict ? 'bvult' : 'bvule';
    return bvCompare(op, x, y);
  }
  if (t.kind === 'int') return intCompare(strict ? '<' : '<=', x, y);
  return unsupported(`ordering comparison on ${t.kind}`);
}

/** The value of a bit-vector of type `t` as an Int. */
function bvToInt(a: Term, t: BitVecType): Term {
  const n = bv2nat(a);
  if (!t.signed) return n;
  const negative = bvCompare('bvslt', a, bvConst(t.width, 0n));
  return ite(negative, intBinary('-', n, intConst(1n << BigInt(t.width))), n);
}

function encodeCast(e: CastExpr, env: Env): Term {
  const a = encodeExpr(e.arg, env);
  const from = e.arg.type;
  const to = e.type;
  if (from.kind === 'array' || to.kind === 'array') return unsupported('a cast of an array');
  if (to.kind === 'bool') {
    return from.kind === 'bool' ? a : not(eq(a, constTerm(from, 0n)));
  }
  if (from.kind === 'bool') return ite(a, constTerm(to, 1n), constTerm(to, 0n));
  if (to.kind === 'int') return from.kind === 'int' ? a : bvToInt(a, from);
  if (from.kind === 'int') return int2bv(to.width, a);
  if (to.width < from.width) return extract(to.width - 1, 0, a);
  const grow = to.width - from.width;
  return from.signed ? signExtend(grow, a) : zeroExtend(grow, a);
}

/** True iff `wide` (of width w + extra) is not the sign extension of its low w bits. */
function notSignedFit(wide: Term, w: number, extra: number): Term {
  return not(eq(signExtend(extra, extract(w - 1, 0, wide)), wide));
}

function encodeOverflow(e: OverflowExpr, env: Env): Term {
  const t = e.args[0]?.type;
  if (t === undefined || t.kind !== 'bv')
    return unsupported('overflow check on a non-bit-vector type');
  if (!t.signed) return boolConst(false);
  const args = e.args.map((x) => encodeExpr(x, env));
  const w = t.width;
  const [a, b] = args;
  const minValue = bvConst(w, -(1n << BigInt(w - 1)));
  switch (e.op) {
    case 'add':
      return signedSumOverflow(a, b, bvBinary('bvadd', a, b), w, true);
    case 'sub':
      return signedSumOverflow(a, b, bvBinary('bvsub', a, b), w, false);
    case 'mul':
      return signedProductOverflow(a, b, w);
    case 'neg':
      return eq(a, minValue);
    case 'div':
      return and(eq(a, minValue), eq(b, bvConst(w, -1n)));
    case 'shl':
      return shlOverflow(a, b, w);
  }
}

/**
 * Signed overflow of a + b (or a - b) from sign bits: the operands' signs
 * agree (differ, for a subtraction) and the wrapped result's sign differs
 * from a's. Equivalent to the exact wider computation, but it shares the
 * wrapped result with the program's own arithmetic, which bit-blasting
 * solvers handle far better (a chain of guarded subtractions: seconds → ms).
 */
function signedSumOverflow(a: Term, b: Term, result: Term, w: number, isAdd: boolean): Term {
  const sign = (t: Term): Term => extract(w - 1, w - 1, t);
  const operandsAgree = eq(sign(a), sign(b));
  return and(isAdd ? operandsAgree : not(operandsAgree), not(eq(sign(result), sign(a))));
}

/**
 * Signed overflow of a × b: the product of the magnitudes, computed exactly
 * at double width from zero-extended operands, exceeds 2^(w-1) - 1 (or
 * 2^(w-1) when the signs differ). Equivalent to comparing the sign-extended
 * double-width product with its truncation, but the zero upper halves make a
 * multiplier half the size after bit-blasting (a guarded `a * a`: seconds →
 * tens of milliseconds when bit-blasted). |INT_MIN| is 2^(w-1), which a w-bit
 * unsigned value holds.
 */
function signedProductOverflow(a: Term, b: Term, w: number): Term {
  const zero = bvConst(w, 0n);
  const magnitude = (t: Term): Term => ite(bvCompare('bvslt', t, zero), bvNeg(t), t);
  const product = bvBinary('bvmul', zeroExtend(w, magnitude(a)), zeroExtend(w, magnitude(b)));
  const signsDiffer = not(eq(extract(w - 1, w - 1, a), extract(w - 1, w - 1, b)));
  const limit = 1n << BigInt(w - 1);
  const bound = ite(signsDiffer, bvConst(2 * w, limit), bvConst(2 * w, limit - 1n));
  return bvCompare('bvult', bound, product);
}

/**
 * C11 6.5.7p4 for a signed left operand: negative, or a × 2^b not
 * representable. For b outside [0, w) only the sign counts (the shift
 * amount is a separate property), as in the interpreter.
 */
function shlOverflow(a: Term, b: Term, w: number): Term {
  const negative = bvCompare('bvslt', a, bvConst(w, 0n));
  const inRange = bvCompare('bvult', b, bvConst(w, BigInt(w)));
  const wide = bvBinary('bvshl', signExtend(w, a), zeroExtend(w, b));
  return or(negative, and(inRange, notSignedFit(wide, w, w)));
}
