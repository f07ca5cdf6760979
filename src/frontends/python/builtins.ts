/**
 * The integer builtins of arc's Python subset as IR expressions: `abs`,
 * `min`/`max` of two or more arguments, and `**` (`pow`) with a constant
 * non-negative exponent. All are exact on Python's unbounded integers.
 *
 * Helpers here are pure: an expression that would be used more than once is
 * first stored in a temporary through the `Temps` callback, so no operand is
 * duplicated (the IR stays linear in the size of the source).
 */
import { boolType, constant, intType, type CompareOp, type Expr } from '../../ir/ir.js';

/** Stores an int expression in a fresh temporary and returns the temporary (or a constant/variable unchanged). */
export type Temps = (value: Expr) => Expr;

/** Largest exponent of `x ** n` with a non-constant `x` (the product has n − 1 factors). */
const MAX_VARIABLE_EXPONENT = 64n;

/** Largest bit length of a folded constant power `a ** n`. */
const MAX_CONSTANT_POWER_BITS = 1_000_000n;

function bitLength(v: bigint): bigint {
  let n = 0n;
  for (let x = v < 0n ? -v : v; x > 0n; x >>= 1n) n++;
  return n;
}

function compare(op: CompareOp, left: Expr, right: Expr): Expr {
  return { kind: 'compare', type: boolType, op, left, right };
}

function ite(cond: Expr, then: Expr, otherwise: Expr): Expr {
  return { kind: 'ite', type: intType, cond, then, else: otherwise };
}

/** `abs(a)`: a if a ≥ 0, else −a. */
export function absExpr(a: Expr, temps: Temps): Expr {
  if (a.kind === 'const') return constant(intType, a.value < 0n ? -a.value : a.value);
  const x = temps(a);
  return ite(
    compare('lt', x, constant(intType, 0n)),
    { kind: 'unary', type: intType, op: 'neg', arg: x },
    x,
  );
}

/**
 * `min(a, b, ...)` / `max(a, b, ...)` of at least two integers. Python keeps
 * the first of equal extremes; for integers the value is the same.
 */
export function extremumExpr(which: 'min' | 'max', args: readonly Expr[], temps: Temps): Expr {
  const better: CompareOp = which === 'min' ? 'lt' : 'gt';
  let best = temps(args[0]);
  for (const arg of args.slice(1)) {
    const x = temps(arg);
    if (best.kind === 'const' && x.kind === 'const') {
      const takeX = which === 'min' ? x.value < best.value : x.value > best.value;
      best = takeX ? x : best;
    } else best = temps(ite(compare(better, x, best), x, best));
  }
  return best;
}

export type PowerResult = { ok: true; e: Expr } | { ok: false; why: string };

/** `base ** exponent` for a constant exponent (`0 ** 0 == 1`, as in Python). */
export function powerExpr(base: Expr, exponent: bigint, temps: Temps): PowerResult {
  if (exponent < 0n)
    return { ok: false, why: 'the power operator ** with a negative exponent (it gives a float)' };
  if (base.kind === 'const') {
    const small = base.value >= -1n && base.value <= 1n;
    if (!small && bitLength(base.value) * exponent > MAX_CONSTANT_POWER_BITS)
      return { ok: false, why: `the power ${base.value} ** ${exponent} (too large to compute)` };
    return { ok: true, e: constant(intType, base.value ** exponent) };
  }
  if (exponent === 0n) return { ok: true, e: constant(intType, 1n) };
  if (exponent > MAX_VARIABLE_EXPONENT)
    return {
      ok: false,
      why: `the power operator ** with an exponent above ${MAX_VARIABLE_EXPONENT} and a non-constant base`,
    };
  const x = temps(base);
  let product: Expr = x;
  for (let i = 1n; i < exponent; i++)
    product = { kind: 'binary', type: intType, op: 'mul', left: product, right: x };
  return { ok: true, e: product };
}
