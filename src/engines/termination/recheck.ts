/**
 * The independent re-check of a ranking function, and the translation of
 * loop constraints into solver terms over the program variables.
 *
 * Guarantees:
 * - `checkProperty` asks one fresh `checkSat` query over Int per path and
 *   property — `constraints ∧ f(x) < 0` (bounded), `constraints ∧
 *   f(x) − f(x') < 1` (decreasing), `constraints ∧ f(x) − f(x') < 0`
 *   (non-increasing) — built from the constraints as written (not from the
 *   rows the synthesis uses) and without Farkas multipliers. It reports
 *   `holds` only when Z3 answers unsat; a sat answer comes with the
 *   offending transition, which is itself evaluated exactly before being
 *   reported.
 * - `constraintTerm` means exactly `holds` of linear.ts, over Int.
 */
import type { Term } from '../../smt/index.js';
import { checkSat, eq, intBinary, intCompare, intConst, intSort, mkVar } from '../../smt/index.js';
import type { Constraint, LinearExpr, Path, Valuation, VarName } from './linear.js';
import { evalExpr, holds, primed } from './linear.js';

/** f(x) = Σ coeffs[v]·v + constant over the (unprimed) loop variables. */
export interface RankingFunction {
  readonly coeffs: ReadonlyMap<string, bigint>;
  readonly constant: bigint;
}

export type Property = 'bounded' | 'decreasing' | 'non-increasing';

export interface SolveOptions {
  /** Budget of each solver query. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export type PropertyCheck =
  | { readonly status: 'holds' }
  | { readonly status: 'fails'; readonly transition: Valuation }
  | { readonly status: 'unknown'; readonly reason: string };

/** Maps a variable name to its term. */
export type Lookup = (v: VarName) => Term;

export function intVar(v: VarName): Term {
  return mkVar(v, intSort);
}

export function exprTerm(e: LinearExpr, lookup: Lookup): Term {
  let t: Term = intConst(e.constant);
  for (const { variable, coeff } of e.terms) {
    t = intBinary('+', t, intBinary('*', intConst(coeff), lookup(variable)));
  }
  return t;
}

export function constraintTerm(c: Constraint, lookup: Lookup): Term {
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

/** f as a linear expression, over `x` (post = false) or `x'` (post = true). */
export function rankingExpr(f: RankingFunction, post: boolean): LinearExpr {
  return {
    terms: [...f.coeffs].map(([v, coeff]) => ({ variable: post ? primed(v) : v, coeff })),
    constant: f.constant,
  };
}

/** The violation of `property` as a term: f(x) < 0, f(x) − f(x') < 1 or < 0. */
function violation(f: RankingFunction, property: Property): Term {
  const pre = exprTerm(rankingExpr(f, false), intVar);
  if (property === 'bounded') return intCompare('<', pre, intConst(0n));
  const post = exprTerm(rankingExpr(f, true), intVar);
  const bound = intConst(property === 'decreasing' ? 1n : 0n);
  return intCompare('<', intBinary('-', pre, post), bound);
}

/** Whether the transition `t` satisfies the path but violates `property` (exact evaluation). */
function violates(t: Valuation, path: Path, f: RankingFunction, property: Property): boolean {
  if (!path.constraints.every((c) => holds(c, t))) return false;
  const pre = evalExpr(rankingExpr(f, false), t);
  if (property === 'bounded') return pre < 0n;
  const delta = pre - evalExpr(rankingExpr(f, true), t);
  return delta < (property === 'decreasing' ? 1n : 0n);
}

/** Checks one property of `f` on one path (see the module comment). */
export async function checkProperty(
  variables: readonly string[],
  path: Path,
  f: RankingFunction,
  property: Property,
  opts: SolveOptions,
): Promise<PropertyCheck> {
  const assertions = [
    ...path.constraints.map((c) => constraintTerm(c, intVar)),
    violation(f, property),
  ];
  const names = variables.flatMap((v) => [v, primed(v)]);
  const r = await checkSat(
    { assertions, comments: [`termination re-check: ${property} on ${path.name}`] },
    { timeoutMs: opts.timeoutMs, signal: opts.signal, modelOf: names },
  );
  if (r.status === 'unsat') return { status: 'holds' };
  if (r.status === 'unknown') return { status: 'unknown', reason: r.reason ?? 'unknown' };
  const transition = completeValuation(names, r.model);
  if (!violates(transition, path, f, property)) {
    return {
      status: 'unknown',
      reason: `the solver's counterexample on ${path.name} does not evaluate as one`,
    };
  }
  return { status: 'fails', transition };
}

/** The model's values, 0 for variables the query does not mention. */
export function completeValuation(
  names: readonly VarName[],
  model: ReadonlyMap<string, bigint> | undefined,
): Valuation {
  return new Map(names.map((n) => [n, model?.get(n) ?? 0n]));
}
