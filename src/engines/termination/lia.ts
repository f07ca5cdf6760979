/**
 * Linear integer queries over a cutpoint transition system: the terms of
 * transitions, invariants and linear functions, and the one validity check
 * every certificate is re-checked with.
 */
import type { Term } from '../../smt/index.js';
import {
  checkSat,
  eq,
  intBinary,
  intCompare,
  intConst,
  intSort,
  mkVar,
  not,
} from '../../smt/index.js';
import type { CheckResult } from '../../smt/index.js';
import { modelScalars } from '../../smt/index.js';
import type { Budget } from '../../core/budget.js';
import type { CtsProduct } from './cts.js';
import type { Constraint, LinearExpr, VarName } from './linear.js';
import { primed } from './linear.js';

/** f(x) = Σ coeffs[v]·v + constant over the (unprimed) variables. */
export interface RankingFunction {
  readonly coeffs: ReadonlyMap<string, bigint>;
  readonly constant: bigint;
}

/** f as a linear expression, over `x` (post = false) or `x'` (post = true). */
export function rankingExpr(f: RankingFunction, post: boolean): LinearExpr {
  return {
    terms: [...f.coeffs].map(([v, coeff]) => ({ variable: post ? primed(v) : v, coeff })),
    constant: f.constant,
  };
}

function intVar(v: VarName): Term {
  return mkVar(v, intSort);
}

function exprTerm(e: LinearExpr, lookup: (v: VarName) => Term): Term {
  let t: Term = intConst(e.constant);
  for (const { variable, coeff } of e.terms) {
    t = intBinary('+', t, intBinary('*', intConst(coeff), lookup(variable)));
  }
  return t;
}

/** Means exactly `holds` of linear.ts, over Int. */
function constraintTerm(c: Constraint, lookup: (v: VarName) => Term): Term {
  const l = exprTerm(c.lhs, lookup);
  const r = exprTerm(c.rhs, lookup);
  switch (c.rel) {
    case '<=':
      return intCompare('<=', l, r);
    case '<':
      return intCompare('<', l, r);
    case '=':
      return eq(l, r);
    case '>=':
      return intCompare('<=', r, l);
    case '>':
      return intCompare('<', r, l);
  }
}

/** A name's term, with `x'` spelled as such (quoted by the printer). */
export function terms(cs: readonly Constraint[], rename: (v: string) => string = (v) => v): Term[] {
  return cs.map((c) => constraintTerm(c, (v) => intVar(rename(v))));
}

/**
 * A transition's exact meaning: its linear constraints and the definitions of
 * its products (non-linear; for the non-termination queries).
 */
export function exactTerms(
  t: { readonly constraints: readonly Constraint[]; readonly products: readonly CtsProduct[] },
  rename: (v: string) => string = (v) => v,
): Term[] {
  return [
    ...terms(t.constraints, rename),
    ...t.products.map((p) =>
      eq(
        intVar(rename(p.result)),
        intBinary('*', linearTerm(p.x, rename), linearTerm(p.y, rename)),
      ),
    ),
  ];
}

export function linearTerm(e: LinearExpr, rename: (v: string) => string = (v) => v): Term {
  return exprTerm(e, (v) => intVar(rename(v)));
}

/** An invariant (a conjunction) with every variable primed. */
export function primeAll(cs: readonly Constraint[]): Constraint[] {
  const p = (e: LinearExpr): LinearExpr => ({
    terms: e.terms.map((t) => ({ variable: primed(t.variable), coeff: t.coeff })),
    constant: e.constant,
  });
  return cs.map((c) => ({ lhs: p(c.lhs), rel: c.rel, rhs: p(c.rhs) }));
}

export interface Validity {
  readonly status: 'valid' | 'invalid' | 'unknown';
  readonly reason?: string;
  readonly solverMs: number;
  readonly smtlib: string;
  readonly model?: Map<string, bigint>;
}

/**
 * Whether `assumptions ⇒ goal` holds for all integers: asks whether
 * `assumptions ∧ ¬goal` is satisfiable.
 */
export async function valid(
  assumptions: readonly Term[],
  goal: Term,
  comment: string,
  budget: Budget,
  modelOf: readonly string[] = [],
): Promise<Validity> {
  const r: CheckResult = await checkSat(
    { assertions: [...assumptions, not(goal)], comments: [comment] },
    { ...budget.queryOptions(), modelOf },
  );
  const status = r.status === 'unsat' ? 'valid' : r.status === 'sat' ? 'invalid' : 'unknown';
  return {
    status,
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    solverMs: r.solverMs,
    smtlib: r.smtlib,
    ...(r.model === undefined ? {} : { model: modelScalars(r.model) }),
  };
}
