/**
 * Supporting invariants at the loop heads of a cutpoint transition system,
 * by Houdini: start from every candidate atom at every location and drop the
 * atoms some transition does not preserve, until what is left is inductive.
 *
 * Candidates at a location: the signs of its live variables, the order
 * between two of them, bounds by the constants of the program, and every
 * constraint of a transition out of it (over pre-state variables only) or
 * into it (over post-state variables only). The entry location's invariant
 * is `true`.
 *
 * Guarantee: the result is inductive — for every transition `t` from `a` to
 * `b`, `inv(a) ∧ t ⇒ inv(b)'` was shown valid by the solver (the last round
 * of queries, all unsat) — so it holds at every visit of every location of
 * every run. The caller re-checks it independently (`checkInvariants`).
 */
import type { Term } from '../../smt/index.js';
import { checkSat, conjunction, modelScalars, not } from '../../smt/index.js';
import type { Cts } from './cts.js';
import type { Constraint, Valuation } from './linear.js';
import { constExpr, holds, primed, varExpr } from './linear.js';
import type { Budget } from '../../core/budget.js';
import { primeAll, terms } from './lia.js';
import { rel } from './symbolic.js';
import { sampleRuns } from './samples.js';

export type Invariants = ReadonlyMap<number, readonly Constraint[]>;

function key(c: Constraint): string {
  const side = (e: Constraint['lhs']): string =>
    `${e.terms.map((t) => `${t.coeff}*${t.variable}`).join('+')}+${e.constant}`;
  return `${side(c.lhs)}${c.rel}${side(c.rhs)}`;
}

function onlyOver(c: Constraint, allowed: ReadonlySet<string>): boolean {
  return [...c.lhs.terms, ...c.rhs.terms].every((t) => allowed.has(t.variable));
}

function unprime(c: Constraint): Constraint {
  const u = (e: Constraint['lhs']): Constraint['lhs'] => ({
    terms: e.terms.map((t) => ({ variable: t.variable.replace(/'$/, ''), coeff: t.coeff })),
    constant: e.constant,
  });
  return { lhs: u(c.lhs), rel: c.rel, rhs: u(c.rhs) };
}

const MAX_CANDIDATES = 400;

function candidates(cts: Cts, loc: number): Constraint[] {
  const live = cts.locations[loc].live;
  const liveSet = new Set(live);
  const primedLive = new Set(live.map(primed));
  const out = new Map<string, Constraint>();
  const add = (c: Constraint): void => {
    if (out.size < MAX_CANDIDATES) out.set(key(c), c);
  };
  const constants = new Set<bigint>([0n, 1n, -1n]);
  for (const t of cts.transitions) {
    for (const c of t.constraints) {
      for (const e of [c.lhs, c.rhs]) if (e.terms.length === 0) constants.add(e.constant);
      if (t.from === loc && onlyOver(c, liveSet)) add(c);
      if (t.to === loc && onlyOver(c, primedLive)) add(unprime(c));
    }
  }
  const smallConstants = [...constants].filter((k) => k >= -1000n && k <= 1000n);
  for (const v of live) {
    const x = varExpr(v);
    for (const k of smallConstants) {
      add(rel(x, '>=', constExpr(k)));
      add(rel(x, '<=', constExpr(k)));
    }
  }
  for (const v of live) {
    for (const w of live) {
      if (v >= w) continue;
      for (const r of ['<', '<=', '>', '>='] as const) add(rel(varExpr(v), r, varExpr(w)));
    }
  }
  return [...out.values()];
}

function valuation(model: ReadonlyMap<string, bigint> | undefined, names: readonly string[]) {
  const m = new Map<string, bigint>();
  for (const n of names) m.set(n, model?.get(primed(n)) ?? 0n);
  return m as Valuation;
}

/** The Houdini fixed point (see the module comment); `null` when the budget ran out. */
export async function houdini(cts: Cts, budget: Budget): Promise<Invariants | null> {
  const inv = new Map<number, Constraint[]>();
  // States that runs reach refute candidates without the solver.
  const reached = new Map<number, Valuation[]>();
  const locs = new Set(cts.locations.map((_, i) => i).filter((i) => i > 0));
  for (const s of sampleRuns(cts, locs, 16, 5_000, false))
    for (const v of s.visits) reached.set(v.loc, [...(reached.get(v.loc) ?? []), v.state]);
  for (let l = 1; l < cts.locations.length; l++) {
    const states = reached.get(l) ?? [];
    inv.set(
      l,
      candidates(cts, l).filter((c) =>
        states.every((st) => {
          try {
            return holds(c, st);
          } catch {
            return true;
          }
        }),
      ),
    );
  }
  inv.set(0, []);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of cts.transitions) {
      if (t.to === 0) continue;
      for (;;) {
        if (budget.expired()) return null;
        const target = inv.get(t.to) ?? [];
        if (target.length === 0) break;
        const assertions: Term[] = [
          ...terms(inv.get(t.from) ?? []),
          ...terms(t.constraints),
          not(conjunction(terms(primeAll(target)))),
        ];
        const live = cts.locations[t.to].live;
        const r = await checkSat(
          { assertions, comments: ['termination: invariant consecution (Houdini)'] },
          { ...budget.queryOptions(), modelOf: live.map(primed) },
        );
        if (r.status === 'unsat') break;
        if (r.status === 'unknown') {
          // Cannot tell: keep only what is certainly fine by dropping everything at the target.
          inv.set(t.to, []);
          changed = true;
          break;
        }
        const post = valuation(modelScalars(r.model), live);
        const kept = target.filter((c) => {
          try {
            return holds(c, post);
          } catch {
            return false;
          }
        });
        if (kept.length === target.length) {
          // The model does not pin every variable: fall back to dropping all.
          inv.set(t.to, []);
        } else inv.set(t.to, kept);
        changed = true;
      }
    }
  }
  return inv;
}
