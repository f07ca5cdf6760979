/**
 * Farkas' lemma as an SMT encoding: linear constraints on fresh multipliers
 * that imply a linear consequence of a system of rows.
 *
 * Guarantees: if the constraints returned by `farkas(rows, goal, prefix)` are
 * satisfied (multipliers λ ≥ 0 and the goal's unknown coefficients taking
 * their model values), then every point satisfying all `rows` satisfies the
 * goal — over the rationals, hence over the integers. Conversely, when the
 * rows are satisfiable over the rationals and the implication holds there,
 * suitable multipliers exist (affine Farkas' lemma), so the encoding loses
 * only what the integers add over the rationals.
 *
 * Multipliers are Int variables: every constraint produced by the callers is
 * homogeneous in (multipliers, unknowns) except for right-hand sides ≥ 1, so
 * any rational solution scales to an integer one.
 */
import type { Term } from '../../smt/index.js';
import { eq, intBinary, intCompare, intConst, intSort, mkVar } from '../../smt/index.js';
import type { Row, VarName } from './linear.js';

/** The goal `Σ coeffs[v]·v + constant ≤ 0`; coefficients are Int terms over unknowns. */
export interface Goal {
  readonly coeffs: ReadonlyMap<VarName, Term>;
  readonly constant: Term;
}

const ZERO = intConst(0n);

/** `Σ ts` (0 for the empty sum). */
export function sum(ts: readonly Term[]): Term {
  return ts.reduce((acc, t) => (acc === ZERO ? t : intBinary('+', acc, t)), ZERO);
}

/** `k·t`. */
function times(k: bigint, t: Term): Term {
  return k === 1n ? t : intBinary('*', intConst(k), t);
}

function rowVariables(rows: readonly Row[], goal: Goal): Set<VarName> {
  const vs = new Set<VarName>(goal.coeffs.keys());
  for (const r of rows) for (const v of r.coeffs.keys()) vs.add(v);
  return vs;
}

/**
 * Constraints over multipliers `${prefix}_i ≥ 0` (one per row) stating
 * Σ λ_i·a_i = g coefficient-wise and Σ λ_i·a0_i ≥ g0: a certificate that
 * `rows ⇒ goal`.
 */
export function farkas(rows: readonly Row[], goal: Goal, prefix: string): Term[] {
  const lambdas = rows.map((_, i) => mkVar(`${prefix}_${i}`, intSort));
  const out: Term[] = lambdas.map((l) => intCompare('<=', ZERO, l));
  for (const v of rowVariables(rows, goal)) {
    const lhs = sum(rows.flatMap((r, i) => weighted(r.coeffs.get(v), lambdas[i])));
    out.push(eq(lhs, goal.coeffs.get(v) ?? ZERO));
  }
  const constant = sum(rows.flatMap((r, i) => weighted(r.constant, lambdas[i])));
  out.push(intCompare('<=', goal.constant, constant));
  return out;
}

function weighted(k: bigint | undefined, lambda: Term): Term[] {
  return k === undefined || k === 0n ? [] : [times(k, lambda)];
}
