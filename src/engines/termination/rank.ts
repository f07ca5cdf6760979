/**
 * Ranking functions for a strongly connected part of a cutpoint transition
 * system, with one linear function per location:
 * - lexicographic (Bradley–Manna–Sipma, Alias–Darte–Feautrier–Gonnord): each
 *   component is non-increasing on every remaining transition, and bounded
 *   (≥ 0) and decreasing by at least 1 on the transitions it removes; one
 *   component with no remaining transition left is a linear ranking function;
 * - nested (Leike–Heizmann), for what is left: f0 decreases by at least 1,
 *   each f_i(x') ≤ f_i(x) + f_{i−1}(x) − 1, and the last is bounded — a
 *   multiphase argument (f0 eventually negative, then f1 decreases, ...).
 * The search uses Farkas' lemma over the transitions strengthened with the
 * source location's invariant; every property of the result is then
 * re-checked by a direct validity query (no multipliers) in `checkArgument`.
 */
import type { Term } from '../../smt/index.js';
import { modelScalars } from '../../smt/index.js';
import {
  checkSat,
  conjunction,
  eq,
  implies,
  intBinary,
  intCompare,
  intConst,
  intNeg,
  intSort,
  mkVar,
} from '../../smt/index.js';
import type { Cts, CtsTransition } from './cts.js';
import type { Goal } from './farkas.js';
import { farkas, sum } from './farkas.js';
import type { Invariants } from './invariants.js';
import type { Budget } from '../../core/budget.js';
import type { RankingFunction } from './lia.js';
import { linearTerm, rankingExpr, terms, valid } from './lia.js';
import type { Row } from './linear.js';
import { primed, toRows } from './linear.js';

/** A linear function per location of the part. */
export type LocFunction = ReadonlyMap<number, RankingFunction>;

export interface Argument {
  readonly kind: 'linear' | 'lexicographic' | 'nested';
  /** Lexicographic components in order (possibly none). */
  readonly components: readonly LocFunction[];
  /** The transitions each component removes (by index). */
  readonly removes: readonly (readonly number[])[];
  /** A nested ranking function f0, f1, ... for the transitions no component removes (or empty). */
  readonly nested: readonly LocFunction[];
}

export interface CheckedQuery {
  readonly meaning: string;
  readonly smtlib: string;
  readonly solverMs: number;
}

export type RankResult =
  | { readonly kind: 'found'; readonly argument: Argument }
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

interface Template {
  readonly coeffs: ReadonlyMap<number, ReadonlyMap<string, Term>>;
  readonly constants: ReadonlyMap<number, Term>;
  readonly names: readonly string[];
}

function nameOf(t: Term): string {
  if (t.kind !== 'var') throw new Error('internal error: not a variable');
  return t.name;
}

function template(cts: Cts, locs: readonly number[], prefix: string): Template {
  const coeffs = new Map<number, Map<string, Term>>();
  const constants = new Map<number, Term>();
  const names: string[] = [];
  for (const l of locs) {
    const m = new Map<string, Term>();
    cts.locations[l].live.forEach((v, i) => {
      const c = mkVar(`${prefix}L${l}c${i}`, intSort);
      m.set(v, c);
      names.push(nameOf(c));
    });
    coeffs.set(l, m);
    const c0 = mkVar(`${prefix}L${l}const`, intSort);
    constants.set(l, c0);
    names.push(nameOf(c0));
  }
  return { coeffs, constants, names };
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Divides a function (all locations) by the gcd of all its coefficients and
 * constants: every property (bounded, non-increasing, decrease ≥ 1 over
 * integers) is preserved, since differences scale by the same factor and a
 * decrease that is a multiple of g and ≥ 1 stays ≥ 1 after division.
 */
function normalizeFunction(f: LocFunction): LocFunction {
  let g = 0n;
  for (const r of f.values()) {
    for (const k of r.coeffs.values()) g = gcd(g, k);
    g = gcd(g, r.constant);
  }
  if (g <= 1n) return f;
  return new Map(
    [...f].map(([l, r]) => [
      l,
      {
        coeffs: new Map([...r.coeffs].map(([v, k]) => [v, k / g])),
        constant: r.constant / g,
      },
    ]),
  );
}

function readFunction(t: Template, model: ReadonlyMap<string, bigint> | undefined): LocFunction {
  return normalizeFunction(readRaw(t, model));
}

function readRaw(t: Template, model: ReadonlyMap<string, bigint> | undefined): LocFunction {
  const out = new Map<number, RankingFunction>();
  for (const [l, m] of t.coeffs) {
    const coeffs = new Map<string, bigint>();
    for (const [v, c] of m) {
      const k = model?.get(nameOf(c)) ?? 0n;
      if (k !== 0n) coeffs.set(v, k);
    }
    out.set(l, { coeffs, constant: model?.get(nameOf(t.constants.get(l) as Term)) ?? 0n });
  }
  return out;
}

function rowsOf(t: CtsTransition, inv: Invariants): Row[] {
  return [...(inv.get(t.from) ?? []), ...t.constraints].flatMap(toRows);
}

/** f_from(x) ≥ 0 as a goal. */
function boundedGoal(tp: Template, t: CtsTransition): Goal {
  const coeffs = new Map<string, Term>();
  for (const [v, c] of tp.coeffs.get(t.from) ?? []) coeffs.set(v, intNeg(c));
  return { coeffs, constant: intNeg(tp.constants.get(t.from) as Term) };
}

/**
 * f_from(x) − f_to(x') [+ g_from(x)] ≥ delta as a goal:
 * −Σ c·x + Σ c'·x' [− Σ d·x] − c0 + c0' [− d0] + delta ≤ 0.
 */
function decreaseGoal(tp: Template, t: CtsTransition, delta: Term, plus?: Template): Goal {
  const coeffs = new Map<string, Term>();
  const add = (v: string, term: Term): void => {
    const old = coeffs.get(v);
    coeffs.set(v, old === undefined ? term : intBinary('+', old, term));
  };
  for (const [v, c] of tp.coeffs.get(t.from) ?? []) add(v, intNeg(c));
  for (const [v, c] of tp.coeffs.get(t.to) ?? []) add(primed(v), c);
  let constant = intBinary(
    '+',
    intBinary('-', tp.constants.get(t.to) as Term, tp.constants.get(t.from) as Term),
    delta,
  );
  if (plus !== undefined) {
    for (const [v, c] of plus.coeffs.get(t.from) ?? []) add(v, intNeg(c));
    constant = intBinary('-', constant, plus.constants.get(t.from) as Term);
  }
  return { coeffs, constant };
}

async function solve(
  assertions: Term[],
  comment: string,
  names: readonly string[],
  budget: Budget,
): Promise<{ status: 'sat' | 'unsat' | 'unknown'; model?: Map<string, bigint>; reason?: string }> {
  const r = await checkSat(
    { assertions, comments: [comment] },
    { ...budget.queryOptions(), modelOf: names },
  );
  const { model, ...rest } = r;
  return { ...rest, ...(model === undefined ? {} : { model: modelScalars(model) }) };
}

/** One lexicographic component: non-increasing on `live`, bounded and decreasing on ≥ 1 of them. */
async function lexComponent(
  cts: Cts,
  locs: readonly number[],
  live: readonly CtsTransition[],
  inv: Invariants,
  step: number,
  budget: Budget,
): Promise<{ f: LocFunction; flagged: Set<number> } | { none: string } | { unknown: string }> {
  const tp = template(cts, locs, `k${step}`);
  const one = intConst(1n);
  const ds = live.map((t) => mkVar(`k${step}d${t.index}`, intSort));
  const assertions = live.flatMap((t, j) => {
    const rows = rowsOf(t, inv);
    return [
      intCompare('<=', intConst(0n), ds[j]),
      intCompare('<=', ds[j], one),
      ...farkas(rows, decreaseGoal(tp, t, ds[j]), `k${step}n${t.index}`),
      implies(eq(ds[j], one), conjunction(farkas(rows, boundedGoal(tp, t), `k${step}b${t.index}`))),
    ];
  });
  assertions.push(intCompare('<=', one, sum(ds)));
  const r = await solve(
    assertions,
    `termination: lexicographic component ${step + 1} (Farkas)`,
    [...tp.names, ...ds.map(nameOf)],
    budget,
  );
  if (r.status === 'unsat')
    return { none: 'no linear function decreases on some transition without increasing on others' };
  if (r.status === 'unknown') return { unknown: r.reason ?? 'solver gave up' };
  const flagged = new Set(
    live.filter((_, j) => r.model?.get(nameOf(ds[j])) === 1n).map((t) => t.index),
  );
  return { f: readFunction(tp, r.model), flagged };
}

/** A nested ranking function of `depth` components for all of `live`. */
async function nested(
  cts: Cts,
  locs: readonly number[],
  live: readonly CtsTransition[],
  inv: Invariants,
  depth: number,
  budget: Budget,
): Promise<LocFunction[] | { none: string } | { unknown: string }> {
  const tps = Array.from({ length: depth }, (_, i) => template(cts, locs, `n${depth}f${i}`));
  const one = intConst(1n);
  const assertions: Term[] = [];
  for (const t of live) {
    const rows = rowsOf(t, inv);
    tps.forEach((tp, i) => {
      const goal = decreaseGoal(tp, t, one, i === 0 ? undefined : tps[i - 1]);
      assertions.push(...farkas(rows, goal, `n${depth}d${i}t${t.index}`));
    });
    assertions.push(...farkas(rows, boundedGoal(tps[depth - 1], t), `n${depth}bt${t.index}`));
  }
  const r = await solve(
    assertions,
    `termination: nested ranking function of depth ${depth} (Farkas)`,
    tps.flatMap((t) => t.names),
    budget,
  );
  if (r.status === 'unsat') return { none: `no nested ranking function of depth ${depth}` };
  if (r.status === 'unknown') return { unknown: r.reason ?? 'solver gave up' };
  return tps.map((tp) => readFunction(tp, r.model));
}

/** Whether `f` (per location) satisfies `property` on transition `t`, by a direct query. */
export async function checkOn(
  t: CtsTransition,
  inv: Invariants,
  property:
    | { kind: 'bounded'; f: LocFunction }
    | { kind: 'decrease'; f: LocFunction; by: bigint; plus?: LocFunction },
  budget: Budget,
): Promise<CheckedQuery & { status: 'valid' | 'invalid' | 'unknown' }> {
  const assumptions = [...terms(inv.get(t.from) ?? []), ...terms(t.constraints)];
  const fFrom = property.f.get(t.from) ?? { coeffs: new Map(), constant: 0n };
  const pre = linearTerm(rankingExpr(fFrom, false));
  let goal: Term;
  let meaning: string;
  if (property.kind === 'bounded') {
    goal = intCompare('<=', intConst(0n), pre);
    meaning = `the ranking function is ≥ 0 on transition ${t.index}`;
  } else {
    const fTo = property.f.get(t.to) ?? { coeffs: new Map(), constant: 0n };
    let diff: Term = intBinary('-', pre, linearTerm(rankingExpr(fTo, true)));
    if (property.plus !== undefined) {
      const g = property.plus.get(t.from) ?? { coeffs: new Map(), constant: 0n };
      diff = intBinary('+', diff, linearTerm(rankingExpr(g, false)));
    }
    goal = intCompare('<=', intConst(property.by), diff);
    meaning =
      property.by === 0n
        ? `the ranking function does not increase on transition ${t.index}`
        : `the ranking function decreases by at least ${property.by} on transition ${t.index}`;
  }
  const v = await valid(assumptions, goal, `termination re-check: ${meaning}`, budget);
  return { status: v.status, meaning, smtlib: v.smtlib, solverMs: v.solverMs };
}

/**
 * Re-checks an argument on the part's transitions with direct queries; returns
 * the queries (all valid) or why it fails.
 */
export async function checkArgument(
  part: readonly CtsTransition[],
  inv: Invariants,
  arg: Argument,
  budget: Budget,
): Promise<{ ok: true; queries: CheckedQuery[] } | { ok: false; reason: string }> {
  const queries: CheckedQuery[] = [];
  const need = async (
    t: CtsTransition,
    p: Parameters<typeof checkOn>[2],
  ): Promise<string | null> => {
    const r = await checkOn(t, inv, p, budget);
    if (r.status !== 'valid') return `${r.meaning}: ${r.status}`;
    queries.push({ meaning: r.meaning, smtlib: r.smtlib, solverMs: r.solverMs });
    return null;
  };
  let remaining = [...part];
  for (let i = 0; i < arg.components.length; i++) {
    const f = arg.components[i];
    const removes = new Set(arg.removes[i]);
    for (const t of remaining) {
      const strict = removes.has(t.index);
      const why = await need(t, { kind: 'decrease', f, by: strict ? 1n : 0n });
      if (why !== null) return { ok: false, reason: why };
      if (strict) {
        const w = await need(t, { kind: 'bounded', f });
        if (w !== null) return { ok: false, reason: w };
      }
    }
    remaining = remaining.filter((t) => !removes.has(t.index));
  }
  const fs = arg.nested;
  if (remaining.length > 0 && fs.length === 0)
    return {
      ok: false,
      reason: `transitions ${remaining.map((t) => t.index).join(', ')} are left`,
    };
  for (const t of remaining) {
    for (let i = 0; i < fs.length; i++) {
      const why = await need(t, {
        kind: 'decrease',
        f: fs[i],
        by: 1n,
        ...(i === 0 ? {} : { plus: fs[i - 1] }),
      });
      if (why !== null) return { ok: false, reason: why };
    }
    const why = await need(t, { kind: 'bounded', f: fs[fs.length - 1] });
    if (why !== null) return { ok: false, reason: why };
  }
  return { ok: true, queries };
}

const MAX_NESTED_DEPTH = 3;

/** A termination argument for the transitions `part` among the locations `locs`. */
export async function rankPart(
  cts: Cts,
  locs: readonly number[],
  part: readonly CtsTransition[],
  inv: Invariants,
  budget: Budget,
): Promise<RankResult> {
  const components: LocFunction[] = [];
  const removes: number[][] = [];
  let remaining = [...part];
  let lastWhy = '';
  while (remaining.length > 0) {
    if (budget.expired()) return { kind: 'unknown', reason: 'timeout' };
    const c = await lexComponent(cts, locs, remaining, inv, components.length, budget);
    if ('unknown' in c) return { kind: 'unknown', reason: c.unknown };
    if ('none' in c) {
      lastWhy = c.none;
      break;
    }
    // It removes the transitions the solution flags (Farkas: sound); checkArgument re-checks all.
    const removed = [...c.flagged];
    if (removed.length === 0)
      return { kind: 'unknown', reason: 'a ranking component removes nothing' };
    components.push(c.f);
    removes.push(removed);
    remaining = remaining.filter((t) => !removed.includes(t.index));
  }
  if (remaining.length === 0) {
    return {
      kind: 'found',
      argument: {
        kind: components.length === 1 ? 'linear' : 'lexicographic',
        components,
        removes,
        nested: [],
      },
    };
  }
  // A nested ranking function for the transitions the components leave.
  for (let depth = 2; depth <= MAX_NESTED_DEPTH; depth++) {
    if (budget.expired()) return { kind: 'unknown', reason: 'timeout' };
    const n = await nested(cts, locs, remaining, inv, depth, budget);
    if ('unknown' in n) return { kind: 'unknown', reason: n.unknown };
    if ('none' in n) continue;
    return { kind: 'found', argument: { kind: 'nested', components, removes, nested: n } };
  }
  return { kind: 'none', reason: lastWhy || 'no ranking function found' };
}
