/**
 * IR expressions as *integer* terms: the encoding the Horn-clause engine
 * hands to Spacer, whose invariant search works in linear integer arithmetic
 * and does poorly on bit-vectors.
 *
 * A bit-vector value is its typed integer value (negative for a negative
 * signed value); `bool` stays Bool. Unsigned arithmetic and narrowing
 * conversions wrap (`ite` for sums and differences, `mod` otherwise); signed
 * `+ - * neg` give the mathematical result, which is the C result on every
 * run that gets past the front-end's overflow check in front of the
 * operation. Shifts by constants are multiplications and floor divisions,
 * `& (2^k − 1)` is `mod 2^k`, `~a` is `−a − 1`. Anything else (`|`, `^`,
 * shifts by a variable) becomes a fresh value in the type's range: an
 * over-approximation.
 *
 * Nothing here needs to be exact for soundness: an invariant found with this
 * encoding is only believed after certificate.ts has re-checked it in the
 * bit-precise encoding of the BMC engine. Exactness only makes Spacer's job
 * possible.
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
import { bvRange } from '../../ir/ir.js';
import type { Sort, Term, VarTerm } from '../../smt/index.js';
import {
  and,
  boolConst,
  boolSort,
  eq,
  intBinary,
  intCompare,
  intConst,
  intNeg,
  intSort,
  ite,
  mkVar,
  not,
  or,
} from '../../smt/index.js';

export type IntEnv = ReadonlyMap<string, Term>;

export function intSortOf(t: Type): Sort {
  return t.kind === 'bool' ? boolSort : intSort;
}

/** Fresh values an encoding introduced, each with the constraint that keeps it in its type's range. */
export class FreshValues {
  readonly vars: VarTerm[] = [];
  readonly constraints: Term[] = [];
  approximate = false;
  constructor(
    private readonly prefix: string,
    private readonly ranges: RangeMode = 'full',
  ) {}

  make(t: Type, what: string): VarTerm {
    const v = mkVar(`${this.prefix}${this.vars.length}!${what}`, intSortOf(t));
    this.vars.push(v);
    const r = rangeOf(v, t, this.ranges);
    if (r !== null) this.constraints.push(r);
    return v;
  }
}

/**
 * How much of a bit-vector type's range the clauses state: `full`, or only
 * `sign` (unsigned values are ≥ 0). Without the bounds the clauses admit
 * more states than the program has (an over-approximation, still exact on
 * in-range states), which often lets Spacer generalise far better.
 */
export type RangeMode = 'full' | 'sign';

/** `lo <= v <= hi` for a bit-vector type (see RangeMode), null for `int` and `bool`. */
export function rangeOf(v: Term, t: Type, mode: RangeMode = 'full'): Term | null {
  if (t.kind !== 'bv') return null;
  const { min, max } = bvRange(t);
  if (mode === 'sign') return t.signed ? null : le(intConst(0n), v);
  return and(le(intConst(min), v), le(v, intConst(max)));
}

const le = (a: Term, b: Term): Term => intCompare('<=', a, b);
const lt = (a: Term, b: Term): Term => intCompare('<', a, b);
const add = (a: Term, b: Term): Term => intBinary('+', a, b);
const sub = (a: Term, b: Term): Term => intBinary('-', a, b);
const mul = (a: Term, b: Term): Term => intBinary('*', a, b);
const num = (v: bigint): Term => intConst(v);

function constValue(t: Term): bigint | null {
  return t.kind === 'const' && t.sort.kind === 'int' ? t.value : null;
}

/** `a` reduced into the range of `t` (C conversion / unsigned wrap-around). */
function wrapInt(a: Term, t: BitVecType): Term {
  const m = 1n << BigInt(t.width);
  const c = constValue(a);
  const { min } = bvRange(t);
  if (c !== null) return num(((((c - min) % m) + m) % m) + min);
  if (!t.signed) return intBinary('mod', a, num(m));
  return sub(intBinary('mod', add(a, num(-min)), num(m)), num(-min));
}

/** Truncating division (C), from SMT-LIB's Euclidean `div`. */
function truncDiv(a: Term, b: Term): Term {
  const absA = ite(le(num(0n), a), a, intNeg(a));
  const absB = ite(le(num(0n), b), b, intNeg(b));
  const q = intBinary('div', absA, absB);
  return ite(eq(le(num(0n), a), lt(num(0n), b)), q, intNeg(q));
}

/** Floor division (Python `//`). */
function floorDiv(a: Term, b: Term): Term {
  const cb = constValue(b);
  if (cb !== null && cb > 0n) return intBinary('div', a, b);
  if (cb !== null && cb < 0n) return intBinary('div', intNeg(a), num(-cb));
  return ite(lt(num(0n), b), intBinary('div', a, b), intBinary('div', intNeg(a), intNeg(b)));
}

/**
 * `exact`: signed results wrap too (`ite(in range, r, wrap(r))`) and
 * division by zero gives the IR's values, so on in-range inputs every
 * expression without `opaque` parts has exactly its IR value; certificate.ts
 * relies on this (and on `fresh.approximate` saying when it does not hold).
 */
export class IntEncoder {
  constructor(
    readonly fresh: FreshValues,
    readonly exact = false,
  ) {}

  encode(e: Expr, env: IntEnv): Term {
    switch (e.kind) {
      case 'const':
        return e.type.kind === 'bool' ? boolConst(e.value !== 0n) : num(e.value);
      case 'var': {
        const v = env.get(e.name);
        if (v === undefined) throw new Error(`internal error: no value for ${e.name}`);
        return v;
      }
      case 'unary':
        return this.unary(e, env);
      case 'binary':
        return this.binary(e, env);
      case 'compare':
        return this.compare(e, env);
      case 'ite':
        return ite(this.encode(e.cond, env), this.encode(e.then, env), this.encode(e.else, env));
      case 'cast':
        return this.cast(e, env);
      case 'overflow':
        return this.overflow(e, env);
      case 'select':
        return this.opaque(e.type, 'a memory read');
      case 'store':
        throw new Error('internal error: arrays have no integer encoding');
    }
  }

  private opaque(t: Type, what: string): Term {
    this.fresh.approximate = true;
    return this.fresh.make(t, what);
  }

  private unary(e: UnaryExpr, env: IntEnv): Term {
    const a = this.encode(e.arg, env);
    const t = e.type;
    if (e.op === 'not') return not(a);
    if (e.op === 'neg') return this.arith(t, intNeg(a));
    // bitnot: ~a == -a - 1 for signed values, 2^w - 1 - a for unsigned ones.
    if (t.kind !== 'bv') throw new Error('internal error: bitnot on a non-bit-vector');
    return t.signed ? sub(intNeg(a), num(1n)) : sub(num(bvRange(t).max), a);
  }

  /** The result of `+ - * neg <<` of type `t` (see the module comment and `exact`). */
  private arith(t: Type, value: Term): Term {
    if (t.kind !== 'bv') return value;
    if (!t.signed) return wrapInt(value, t);
    if (!this.exact || constValue(value) !== null) return this.exact ? wrapInt(value, t) : value;
    const { min, max } = bvRange(t);
    return ite(and(le(num(min), value), le(value, num(max))), value, wrapInt(value, t));
  }

  private binary(e: BinaryExpr, env: IntEnv): Term {
    const a = this.encode(e.left, env);
    const b = this.encode(e.right, env);
    const t = e.type;
    const cb = constValue(b);
    switch (e.op) {
      case 'and':
        return and(a, b);
      case 'or':
        return or(a, b);
      case 'add':
      case 'sub': {
        const r = e.op === 'add' ? add(a, b) : sub(a, b);
        if (t.kind !== 'bv' || t.signed) return this.arith(t, r);
        // Both operands are in [0, 2^w): one correction step is exact.
        const m = num(1n << BigInt(t.width));
        return e.op === 'add' ? ite(lt(r, m), r, sub(r, m)) : ite(le(num(0n), r), r, add(r, m));
      }
      case 'mul':
        return this.arith(t, mul(a, b));
      case 'div': {
        const q =
          t.kind === 'bv' && !t.signed ? intBinary('div', a, b) : this.arith(t, truncDiv(a, b));
        return this.byZero(b, q, this.divByZero(t, a));
      }
      case 'rem': {
        const r =
          t.kind === 'bv' && !t.signed ? intBinary('mod', a, b) : sub(a, mul(b, truncDiv(a, b)));
        return this.byZero(b, r, a);
      }
      case 'floordiv':
        return this.byZero(b, floorDiv(a, b), num(0n));
      case 'floormod':
        return this.byZero(b, sub(a, mul(b, floorDiv(a, b))), a);
      case 'shl':
        if (cb !== null && t.kind === 'bv' && cb >= 0n && cb < BigInt(t.width))
          return this.arith(t, mul(a, num(1n << cb)));
        return this.opaque(t, 'shl');
      case 'shr':
        if (cb !== null && t.kind === 'bv' && cb >= 0n && cb < BigInt(t.width))
          return intBinary('div', a, num(1n << cb));
        return this.opaque(t, 'shr');
      case 'bitand': {
        const ca = constValue(a);
        const mask = cb ?? ca;
        const other = cb !== null ? a : b;
        if (mask !== null && mask > 0n && (mask & (mask + 1n)) === 0n)
          return intBinary('mod', other, num(mask + 1n));
        if (mask === 0n) return num(0n);
        return this.opaque(t, 'and');
      }
      case 'bitor':
      case 'bitxor':
        if (cb === 0n) return a;
        return this.opaque(t, e.op);
    }
  }

  /** In exact mode, `value` unless the divisor is 0, where the IR defines `atZero`. */
  private byZero(divisor: Term, value: Term, atZero: Term): Term {
    if (!this.exact) return value;
    const c = constValue(divisor);
    if (c !== null) return c === 0n ? atZero : value;
    return ite(eq(divisor, num(0n)), atZero, value);
  }

  /** The IR's `a / 0` (SMT-LIB's bit-vector division: all ones unsigned, −1 or 1 signed; 0 for int). */
  private divByZero(t: Type, a: Term): Term {
    if (t.kind !== 'bv') return num(0n);
    if (!t.signed) return num(bvRange(t).max);
    return ite(le(num(0n), a), num(-1n), num(1n));
  }

  private compare(e: CompareExpr, env: IntEnv): Term {
    const a = this.encode(e.left, env);
    const b = this.encode(e.right, env);
    switch (e.op) {
      case 'eq':
        return eq(a, b);
      case 'ne':
        return not(eq(a, b));
      case 'lt':
        return lt(a, b);
      case 'le':
        return le(a, b);
      case 'gt':
        return lt(b, a);
      case 'ge':
        return le(b, a);
    }
  }

  private cast(e: CastExpr, env: IntEnv): Term {
    const a = this.encode(e.arg, env);
    const from = e.arg.type;
    const to = e.type;
    if (to.kind === 'bool') {
      return from.kind === 'bool' ? a : not(eq(a, num(0n)));
    }
    const value = from.kind === 'bool' ? ite(a, num(1n), num(0n)) : a;
    if (to.kind === 'int') return value;
    if (to.kind === 'array' || from.kind === 'array')
      throw new Error('internal error: a cast of an array');
    if (from.kind === 'bool') return value;
    if (from.kind === 'bv') {
      const f = bvRange(from);
      const g = bvRange(to);
      if (f.min >= g.min && f.max <= g.max) return value;
    }
    return wrapInt(value, to);
  }

  private overflow(e: OverflowExpr, env: IntEnv): Term {
    const args = e.args.map((x) => this.encode(x, env));
    const t = e.args[0].type;
    if (t.kind !== 'bv') return boolConst(false);
    const { min, max } = bvRange(t);
    const out = (r: Term): Term => or(lt(r, num(min)), lt(num(max), r));
    switch (e.op) {
      case 'add':
        return t.signed ? out(add(args[0], args[1])) : boolConst(false);
      case 'sub':
        return t.signed ? out(sub(args[0], args[1])) : boolConst(false);
      case 'mul':
        return t.signed ? out(mul(args[0], args[1])) : boolConst(false);
      case 'neg':
        return t.signed ? eq(args[0], num(min)) : boolConst(false);
      case 'div':
        return t.signed ? and(eq(args[0], num(min)), eq(args[1], num(-1n))) : boolConst(false);
      case 'shl': {
        const k = constValue(args[1]);
        if (k === null || k < 0n || k >= BigInt(t.width)) {
          this.fresh.approximate = true;
          const flag = mkVar(`${'ovf'}!${this.fresh.vars.length}`, boolSort);
          this.fresh.vars.push(flag);
          return flag;
        }
        if (!t.signed) return boolConst(false);
        return or(lt(args[0], num(0n)), out(mul(args[0], num(1n << k))));
      }
    }
  }
}
