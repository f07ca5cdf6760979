/**
 * Non-termination: recurrent sets of a strongly connected part of a cutpoint
 * transition system, reached from concrete inputs and replayed.
 *
 * A recurrent set gives each location `l` of the part a set `R_l` (a
 * conjunction of atoms) such that from every state in `R_l` some transition
 * of the part (for some choice of the nondeterministic values) leads to a
 * state in `R_l'` — closure, checked by one quantified query per location
 * (`R_l(x) ∧ ∀x',aux. ¬⋁ (t(x,x',aux) ∧ R_l'(x'))` unsatisfiable). Since the
 * system's transitions are exact, a run that enters the set can stay in the
 * part forever, and so never returns.
 *
 * Search: seed states come from concrete runs that did not finish, from
 * fixed points (`t(x, x)`), and from short symbolic unrollings of the part;
 * the candidate atoms true in every seed are weakened, Houdini-style, by the
 * successors of closure counterexamples.
 *
 * A witness is only reported after a concrete check: the interpreter runs the
 * function from the witness inputs; it must enter the set, and every later
 * visit of a location of the part must be in the set, for thousands of steps
 * (for nondeterministic loops, with the choices that keep the run in the set,
 * found by the solver step by step).
 */
import { allVariables } from '../../ir/ir.js';
import type { SourceSyntax } from '../../ir/syntax.js';
import { compiled } from '../../semantics/interpreter.js';
import type { RunOutcome } from '../../semantics/outcome.js';
import type { Term, VarTerm } from '../../smt/index.js';
import { modelScalars } from '../../smt/index.js';
import {
  checkSat,
  conjunction,
  disjunction,
  eq,
  intConst,
  intSort,
  mkVar,
  not,
  quantifier,
} from '../../smt/index.js';
import type { Cts, CtsTransition } from './cts.js';
import type { Budget } from '../../core/budget.js';
import { exactTerms, linearTerm, terms } from './lia.js';
import type { Constraint, LinearExpr, Valuation } from './linear.js';
import { addExpr, constExpr, evalExpr, holds, primed, varExpr } from './linear.js';
import { rangeConstraints, rel } from './symbolic.js';
import { clampTo, sampleRuns, stateAt, type Sample } from './samples.js';
import { formatConstraint, tidy } from './format.js';

/** An atom of a recurrent set: a linear constraint, or `v ≡ r (mod m)`. */
export type Atom =
  | { readonly kind: 'linear'; readonly c: Constraint }
  | { readonly kind: 'mod'; readonly v: string; readonly m: bigint; readonly r: bigint };

export type RecurrentSet = ReadonlyMap<number, readonly Atom[]>;

export interface Witness {
  readonly set: RecurrentSet;
  readonly fixedPoint: boolean;
  /** Parameter values by IR name. */
  readonly inputs: ReadonlyMap<string, bigint>;
  /** Every havoc value of the replayed run, in order. */
  readonly nondet: readonly bigint[];
  /** The havoc sources along the replayed run, in order. */
  readonly sources: readonly string[];
  /** Location and state where the run enters the set. */
  readonly entry: { readonly location: number; readonly state: Valuation };
  readonly queries: readonly { meaning: string; smtlib: string; solverMs: number }[];
  /** How many visits of the part's locations the replay checked. */
  readonly replayedVisits: number;
}

export type RecurrentResult =
  | { readonly kind: 'found'; readonly witness: Witness }
  | { readonly kind: 'none'; readonly reason: string };

// ------------------------------------------------------------------ atoms

function atomHolds(a: Atom, val: Valuation): boolean {
  if (a.kind === 'linear') return holds(a.c, val);
  const x = val.get(a.v);
  if (x === undefined) return false;
  return ((x % a.m) + a.m) % a.m === a.r;
}

export function atomsHold(atoms: readonly Atom[], val: Valuation): boolean {
  return atoms.every((a) => {
    try {
      return atomHolds(a, val);
    } catch {
      return false;
    }
  });
}

/** The atom as a term over names renamed by `rename`; mod atoms need a helper variable. */
function atomTerm(a: Atom, rename: (v: string) => string, helpers: VarTerm[]): Term {
  if (a.kind === 'linear') return terms([a.c], rename)[0];
  const k = mkVar(`${rename(a.v)}%k${helpers.length}`, intSort);
  helpers.push(k);
  // v = m·k + r
  return eq(
    linearTerm(varExpr(a.v), rename),
    linearTerm({ terms: [{ variable: k.name, coeff: a.m }], constant: a.r }, (v) => v),
  );
}

function formatAtom(a: Atom, show: (v: string) => string, syntax: SourceSyntax): string {
  if (a.kind === 'mod') return `${syntax.floorMod(show(a.v), String(a.m))} == ${a.r}`;
  return formatConstraint(a.c, show);
}

/** The set's atoms as readable text (linear atoms tidied, mod atoms as they are). */
export function formatAtoms(
  atoms: readonly Atom[],
  show: (v: string) => string,
  syntax: SourceSyntax,
): string {
  const linear = tidy(atoms.flatMap((a) => (a.kind === 'linear' ? [a.c] : [])));
  const mods = atoms.filter((a) => a.kind === 'mod');
  const parts = [
    ...linear.map((c) => formatConstraint(c, show)),
    ...mods.map((a) => formatAtom(a, show, syntax)),
  ];
  return parts.length === 0 ? syntax.true : parts.join(` ${syntax.and} `);
}

function candidateAtoms(cts: Cts, loc: number, seeds: readonly Valuation[]): Atom[] {
  const live = cts.locations[loc].live;
  const out: Atom[] = [];
  const seen = new Set<string>();
  const add = (a: Atom): void => {
    const k = JSON.stringify(a, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    if (seen.has(k)) return;
    seen.add(k);
    if (seeds.every((s) => atomsHold([a], s))) out.push(a);
  };
  const lin = (c: Constraint): void => add({ kind: 'linear', c });
  const liveSet = new Set(live);
  for (const t of cts.transitions)
    if (t.from === loc)
      for (const c of t.constraints)
        if ([...c.lhs.terms, ...c.rhs.terms].every((x) => liveSet.has(x.variable))) lin(c);
  for (const v of live) {
    const x = varExpr(v);
    const values = seeds.map((s) => s.get(v) ?? 0n);
    for (const k of [0n, 1n, -1n]) {
      lin(rel(x, '>=', constExpr(k)));
      lin(rel(x, '<=', constExpr(k)));
    }
    if (values.length > 0) {
      const min = values.reduce((a, b) => (a < b ? a : b));
      const max = values.reduce((a, b) => (a > b ? a : b));
      lin(rel(x, '>=', constExpr(min)));
      lin(rel(x, '<=', constExpr(max)));
    }
    add({ kind: 'mod', v, m: 2n, r: (((values[0] ?? 0n) % 2n) + 2n) % 2n });
  }
  for (const v of live)
    for (const w of live) {
      if (v >= w) continue;
      for (const r of ['<', '<=', '>', '>=', '='] as const) lin(rel(varExpr(v), r, varExpr(w)));
      lin(rel(varExpr(v), '>=', { terms: [{ variable: w, coeff: -1n }], constant: 0n }));
      lin(rel(varExpr(v), '<=', { terms: [{ variable: w, coeff: -1n }], constant: 0n }));
      // Octagon bounds v ± w from the seeds (e.g. i + j >= 3 on a cycle of small values).
      if (seeds.length === 0) continue;
      for (const sign of [1n, -1n]) {
        const e = addExpr(varExpr(v), varExpr(w, sign));
        const values = seeds.map((st) => evalExpr(e, st));
        lin(rel(e, '>=', constExpr(values.reduce((a, b) => (a < b ? a : b)))));
        lin(rel(e, '<=', constExpr(values.reduce((a, b) => (a > b ? a : b)))));
      }
    }
  return out;
}

// ---------------------------------------------------------------- closure

function post(v: string): string {
  return primed(v);
}

/**
 * Some state of `R_loc` from which no transition of the part reaches the set,
 * or null when there is none (closed), or 'unknown'.
 */
async function closureCounterexample(
  cts: Cts,
  loc: number,
  part: readonly CtsTransition[],
  set: RecurrentSet,
  budget: Budget,
  queries: { meaning: string; smtlib: string; solverMs: number }[] | null,
): Promise<Valuation | null | 'unknown'> {
  const helpers: VarTerm[] = [];
  const pre = (set.get(loc) ?? []).map((a) => atomTerm(a, (v) => v, helpers));
  const bound: VarTerm[] = [];
  const boundNames = new Set<string>();
  const bind = (name: string): void => {
    if (!boundNames.has(name)) {
      boundNames.add(name);
      bound.push(mkVar(name, intSort));
    }
  };
  const options: Term[] = [];
  for (const t of part) {
    if (t.from !== loc) continue;
    for (const v of cts.locations[t.to].live) bind(post(v));
    for (const a of t.aux) bind(primed(a));
    const postHelpers: VarTerm[] = [];
    const target = (set.get(t.to) ?? []).map((a) => atomTerm(a, post, postHelpers));
    for (const h of postHelpers) bind(h.name);
    options.push(conjunction([...exactTerms(t), ...target]));
  }
  const stuck = quantifier('forall', bound, not(disjunction(options)));
  const live = cts.locations[loc].live;
  const r = await checkSat(
    {
      assertions: [...pre, ...rangeTerms(cts, loc), stuck],
      comments: [`non-termination: closure of the recurrent set at location ${loc}`],
    },
    { ...budget.queryOptions(), modelOf: live },
  );
  if (r.status === 'unsat') {
    queries?.push({
      meaning: `every state of the set at the loop head has a successor in the set`,
      smtlib: r.smtlib,
      solverMs: r.solverMs,
    });
    return null;
  }
  if (r.status === 'unknown') return 'unknown';
  const model = modelScalars(r.model);
  return new Map(live.map((v) => [v, model.get(v) ?? 0n]));
}

/** The type ranges of the variables live at `loc` (the states the set can hold). */
function rangeTerms(cts: Cts, loc: number): Term[] {
  return terms(
    cts.locations[loc].live.flatMap((v) => {
      const t = cts.types.get(v);
      return t === undefined ? [] : rangeConstraints(varExpr(v), t);
    }),
  );
}

/** A successor of `state` at `loc` by a transition of the part (any choice), or null. */
async function successor(
  cts: Cts,
  loc: number,
  part: readonly CtsTransition[],
  state: Valuation,
  budget: Budget,
  within: RecurrentSet | null,
): Promise<{ t: CtsTransition; next: Valuation; model: Map<string, bigint> } | null> {
  for (const t of part) {
    if (t.from !== loc) continue;
    const fix = [...state].map(([v, x]) => eq(mkVar(v, intSort), intConst(x)));
    const helpers: VarTerm[] = [];
    const target =
      within === null ? [] : (within.get(t.to) ?? []).map((a) => atomTerm(a, post, helpers));
    const liveTo = cts.locations[t.to].live;
    const names = [...liveTo.map(post), ...t.aux.map(primed)];
    const r = await checkSat(
      { assertions: [...fix, ...exactTerms(t), ...target] },
      { ...budget.queryOptions(), modelOf: names },
    );
    if (r.status !== 'sat') continue;
    const model = modelScalars(r.model);
    const next = new Map(liveTo.map((v) => [v, model.get(post(v)) ?? 0n]));
    for (const [v, x] of state) model.set(v, x);
    return { t, next, model };
  }
  return null;
}

/** Houdini weakening from the seeds (see the module comment); null if it fails. */
async function generalize(
  cts: Cts,
  locs: readonly number[],
  part: readonly CtsTransition[],
  seeds: ReadonlyMap<number, readonly Valuation[]>,
  budget: Budget,
): Promise<RecurrentSet | null> {
  const set = new Map<number, Atom[]>();
  for (const l of locs) {
    const s = seeds.get(l) ?? [];
    if (s.length === 0) continue;
    set.set(l, candidateAtoms(cts, l, s));
  }
  // Only locations with seeds take part; transitions must stay among them.
  const inSet = part.filter((t) => set.has(t.from) && set.has(t.to));
  for (let round = 0; round < 60; round++) {
    if (budget.expired()) return null;
    let changed = false;
    for (const l of set.keys()) {
      const bad = await closureCounterexample(cts, l, inSet, set, budget, null);
      if (bad === 'unknown') return null;
      if (bad === null) continue;
      const succ = await successor(cts, l, inSet, bad, budget, null);
      if (succ === null) return null; // a state of the set leaves the part
      const target = set.get(succ.t.to) ?? [];
      const kept = target.filter((a) => atomsHold([a], succ.next));
      if (kept.length === target.length) return null;
      set.set(succ.t.to, kept);
      changed = true;
      break;
    }
    if (!changed) return set;
  }
  return null;
}

/** Whether every location's set is closed (see `closureCounterexample`). */
async function closedEverywhere(
  cts: Cts,
  part: readonly CtsTransition[],
  set: RecurrentSet,
  budget: Budget,
): Promise<boolean> {
  for (const m of set.keys())
    if ((await closureCounterexample(cts, m, part, set, budget, null)) !== null) return false;
  return true;
}

/**
 * Shrinks each set's atoms to a readable core that is still closed: drops
 * redundant atoms, then moves each bound taken from a run (`i >= 6623`) to
 * the loosest of the program's own constants that keeps the set closed
 * (`i >= 4`).
 */
async function simplify(
  cts: Cts,
  part: readonly CtsTransition[],
  set: RecurrentSet,
  budget: Budget,
): Promise<RecurrentSet> {
  const current = new Map([...set].map(([l, a]) => [l, [...a]]));
  const inSet = part.filter((t) => current.has(t.from) && current.has(t.to));
  for (const [l, atoms] of current) {
    for (let i = atoms.length - 1; i >= 0; i--) {
      if (budget.expired()) return current;
      const trial = new Map(current);
      trial.set(
        l,
        atoms.filter((_, j) => j !== i),
      );
      if (await closedEverywhere(cts, inSet, trial, budget)) {
        atoms.splice(i, 1);
        current.set(l, atoms);
      }
    }
  }
  const constants = new Set<bigint>([0n, 1n, -1n]);
  for (const t of part)
    for (const c of t.constraints)
      for (const k of [c.lhs.constant, c.rhs.constant])
        for (const d of [-1n, 0n, 1n]) constants.add(k + d);
  for (const [l, atoms] of current) {
    for (let i = 0; i < atoms.length; i++) {
      const a = atoms[i];
      if (a.kind !== 'linear' || a.c.rhs.terms.length > 0 || a.c.rel === '=') continue;
      const k = a.c.rhs.constant;
      const lower = a.c.rel === '>=' || a.c.rel === '>';
      const looser = [...constants]
        .filter((c) => (lower ? c < k : c > k))
        .sort((x, y) => (lower ? (x < y ? -1 : 1) : x > y ? -1 : 1))
        .slice(0, 8);
      const closedWith = async (c: bigint): Promise<boolean> => {
        const atom: Atom = { kind: 'linear', c: { ...a.c, rhs: constExpr(c) } };
        const trial = new Map(current);
        trial.set(
          l,
          atoms.map((x, j) => (j === i ? atom : x)),
        );
        if (!(await closedEverywhere(cts, inSet, trial, budget))) return false;
        atoms[i] = atom;
        return true;
      };
      let done = false;
      for (const c of looser) {
        if (budget.expired()) return current;
        if ((done = await closedWith(c))) break;
      }
      // Otherwise bisect between the bound that works and the nearest constant that does not.
      let good = k;
      let bad = looser[looser.length - 1];
      for (let step = 0; !done && bad !== undefined && step < 12 && !budget.expired(); step++) {
        const mid = (good + bad) / 2n;
        if (mid === good || mid === bad) break;
        if (await closedWith(mid)) good = mid;
        else bad = mid;
      }
    }
  }
  return current;
}

// ------------------------------------------------------------------ seeds

/**
 * The states a self-loop `t` maps to themselves, as atoms over the live
 * variables (its constraints with every `v'` read as `v`); undefined when `t`
 * has auxiliary values or products, which atoms cannot state.
 */
function fixedPointAtoms(cts: Cts, t: CtsTransition): Atom[] | undefined {
  if (t.aux.length > 0 || t.products.length > 0) return undefined;
  const live = new Set(cts.locations[t.from].live);
  const unprime = new Map([...live].map((v) => [post(v), v]));
  const side = (e: LinearExpr): LinearExpr | undefined => {
    let out = constExpr(e.constant);
    for (const term of e.terms) {
      const v = unprime.get(term.variable) ?? (live.has(term.variable) ? term.variable : undefined);
      if (v === undefined) return undefined;
      out = addExpr(out, varExpr(v, term.coeff));
    }
    return out;
  };
  const atoms: Atom[] = [];
  for (const c of t.constraints) {
    const lhs = side(c.lhs);
    const rhs = side(c.rhs);
    if (lhs === undefined || rhs === undefined) return undefined;
    atoms.push({ kind: 'linear', c: rel(lhs, c.rel, rhs) });
  }
  return atoms;
}

/** States s with t(s, s) for a transition from a location to itself (one each, with `t`). */
async function fixedPoints(
  cts: Cts,
  part: readonly CtsTransition[],
  budget: Budget,
): Promise<{ loc: number; state: Valuation; t: CtsTransition }[]> {
  const out: { loc: number; state: Valuation; t: CtsTransition }[] = [];
  for (const t of part) {
    if (t.from !== t.to || budget.expired()) continue;
    const live = cts.locations[t.from].live;
    const same = live.map((v) => eq(mkVar(v, intSort), mkVar(post(v), intSort)));
    const r = await checkSat(
      { assertions: [...exactTerms(t), ...same] },
      { ...budget.queryOptions(), modelOf: live },
    );
    if (r.status === 'sat') {
      const model = modelScalars(r.model);
      out.push({ loc: t.from, state: new Map(live.map((v) => [v, model.get(v) ?? 0n])), t });
    }
  }
  return out;
}

// -------------------------------------------------------------- reaching

/**
 * Inputs and nondeterministic values of a path of the system from the entry
 * (k steps) to `loc` in a state of `R_loc`.
 */
async function reach(
  cts: Cts,
  loc: number,
  atoms: readonly Atom[],
  budget: Budget,
): Promise<{ inputs: Map<string, bigint>; nondet: bigint[] } | null> {
  for (let k = 1; k <= 6; k++) {
    if (budget.expired()) return null;
    const at =
      (i: number) =>
      (v: string): string =>
        v.endsWith("'") ? `${v.slice(0, -1)}@${i + 1}` : `${v}@${i}`;
    const assertions: Term[] = [];
    const locVar = (i: number): Term => mkVar(`loc@${i}`, intSort);
    const choice = (i: number): Term => mkVar(`take@${i}`, intSort);
    assertions.push(eq(locVar(0), intConst(0n)));
    for (let i = 0; i < k; i++) {
      const options = cts.transitions.map((t) =>
        conjunction([
          eq(locVar(i), intConst(BigInt(t.from))),
          eq(locVar(i + 1), intConst(BigInt(t.to))),
          eq(choice(i), intConst(BigInt(t.index))),
          ...exactTerms(
            {
              constraints: t.constraints.map((c) => ({
                ...c,
                lhs: auxAt(c.lhs, t),
                rhs: auxAt(c.rhs, t),
              })),
              products: t.products.map((p) => ({
                result: auxAt(varExpr(p.result), t).terms[0].variable,
                x: auxAt(p.x, t),
                y: auxAt(p.y, t),
              })),
            },
            at(i),
          ),
        ]),
      );
      assertions.push(disjunction(options));
    }
    assertions.push(eq(locVar(k), intConst(BigInt(loc))));
    const helpers: VarTerm[] = [];
    for (const a of atoms) assertions.push(atomTerm(a, (v) => `${v}@${k}`, helpers));
    const names: string[] = [];
    for (let i = 0; i <= k; i++) {
      names.push(`take@${i}`);
      for (const v of cts.variables) names.push(`${v}@${i}`);
    }
    for (const t of cts.transitions)
      for (let i = 0; i < k; i++) for (const a of t.aux) names.push(`${a}#${t.index}@${i + 1}`);
    const r = await checkSat(
      { assertions, comments: [`non-termination: reaching the recurrent set in ${k} steps`] },
      { ...budget.queryOptions(), modelOf: names },
    );
    if (r.status !== 'sat') continue;
    const model = modelScalars(r.model);
    const inputs = new Map<string, bigint>();
    for (const p of cts.fn.params) {
      const m = [...cts.irName].find(([, ir]) => ir === p.name)?.[0];
      inputs.set(
        p.name,
        clampTo(cts.fn, p.name, m === undefined ? 0n : (model.get(`${m}@0`) ?? 0n)),
      );
    }
    const nondet: bigint[] = [];
    for (let i = 0; i < k; i++) {
      const t = cts.transitions[Number(model.get(`take@${i}`) ?? -1n)];
      if (t === undefined) return null;
      for (const h of t.havocs) {
        if (h.value === null) nondet.push(0n);
        else {
          const val = new Map<string, bigint>();
          for (const term of h.value.terms) {
            const v = term.variable;
            const key = v.endsWith("'")
              ? t.aux.includes(v.slice(0, -1))
                ? `${v.slice(0, -1)}#${t.index}@${i + 1}`
                : `${v.slice(0, -1)}@${i + 1}`
              : `${v}@${i}`;
            val.set(v, model.get(key) ?? 0n);
          }
          nondet.push(evalExpr(h.value, val));
        }
      }
    }
    return { inputs, nondet };
  }
  return null;
}

/** Auxiliary variables get per-transition, per-step names (`a#t'` → `a#t@i+1`). */
function auxAt(e: LinearExpr, t: CtsTransition): LinearExpr {
  return {
    terms: e.terms.map((x) => {
      const base = x.variable.endsWith("'") ? x.variable.slice(0, -1) : null;
      return base !== null && t.aux.includes(base)
        ? { variable: `${base}#${t.index}'`, coeff: x.coeff }
        : x;
    }),
    constant: e.constant,
  };
}

// ---------------------------------------------------------------- replay

class Stop extends Error {
  constructor(
    readonly consumed: number,
    readonly state: Valuation,
    readonly loc: number,
  ) {
    super('stop');
  }
}

const REPLAY_STEPS = 200_000;
const NONDET_ITERATIONS = 40;

/** Runs the function from the witness and checks it enters and stays in the set. */
async function replay(
  cts: Cts,
  part: readonly CtsTransition[],
  set: RecurrentSet,
  inputs: ReadonlyMap<string, bigint>,
  prefix: readonly bigint[],
  budget: Budget,
): Promise<{
  nondet: bigint[];
  sources: string[];
  entry: { location: number; state: Valuation };
  visits: number;
} | null> {
  const fn = cts.fn;
  const run = compiled(fn);
  const slot = new Map(allVariables(fn).map((v, i) => [v.name, i]));
  const nodeLoc = new Map(cts.locations.map((l, i) => [l.node, i]));
  const nodes = new Set([...set.keys()].map((l) => cts.locations[l].node));
  // Phase 1: the prefix, up to the first visit inside the set.
  let consumed = 0;
  let entry: Stop | null = null;
  try {
    run.run(
      inputs,
      () => {
        const v = consumed < prefix.length ? prefix[consumed] : 0n;
        consumed++;
        return v;
      },
      {
        maxSteps: REPLAY_STEPS,
        recordPath: false,
        observe: {
          nodes,
          visit: (node, values) => {
            const loc = nodeLoc.get(node) as number;
            const state = stateAt(cts, loc, values, slot);
            if (atomsHold(set.get(loc) ?? [], state)) throw new Stop(consumed, state, loc);
          },
        },
      },
    );
  } catch (e: unknown) {
    if (!(e instanceof Stop)) throw e;
    entry = e;
  }
  if (entry === null) return null;
  const nondet = [...prefix.slice(0, entry.consumed)];
  while (nondet.length < entry.consumed) nondet.push(0n);
  // Phase 2: choices that keep the run in the set (only when the part has havocs).
  const needsChoices = part.some((t) => set.has(t.from) && t.havocs.length > 0);
  if (needsChoices) {
    let loc = entry.loc;
    let state = entry.state;
    for (let i = 0; i < NONDET_ITERATIONS; i++) {
      if (budget.expired()) return null;
      const inPart = part.filter((t) => set.has(t.from) && set.has(t.to));
      const s = await successor(cts, loc, inPart, state, budget, set);
      if (s === null) return null;
      for (const h of s.t.havocs) {
        if (h.value === null) nondet.push(0n);
        else {
          const val = new Map<string, bigint>();
          for (const term of h.value.terms)
            val.set(term.variable, s.model.get(term.variable) ?? 0n);
          nondet.push(evalExpr(h.value, val));
        }
      }
      loc = s.t.to;
      state = s.next;
    }
  }
  // Phase 3: the whole run, checked against the set at every visit after entering it.
  let visits = 0;
  let inside = false;
  let broken = false;
  const outcome: RunOutcome = run.run(inputs, nondet, {
    maxSteps: REPLAY_STEPS,
    recordPath: true,
    observe: {
      nodes: new Set(cts.locations.map((l) => l.node)),
      visit: (node, values) => {
        const loc = nodeLoc.get(node) as number;
        const state = stateAt(cts, loc, values, slot);
        const atoms = set.get(loc);
        if (!inside) {
          if (atoms !== undefined && atomsHold(atoms, state)) inside = true;
          else return;
        }
        if (atoms === undefined || !atomsHold(atoms, state)) broken = true;
        visits++;
      },
    },
  });
  if (broken || !inside) return null;
  if (outcome.kind !== 'out-of-steps' && outcome.kind !== 'nondet-exhausted') return null;
  const sources: string[] = [];
  for (const i of outcome.path) {
    const a = fn.edges[i].action;
    if (a.kind === 'havoc') sources.push(a.source);
  }
  return { nondet, sources, entry: { location: entry.loc, state: entry.state }, visits };
}

// ------------------------------------------------------------------ search

/**
 * A replayed non-termination witness for the part, or why none was found.
 * `exact`: the cheap first step only: for each loop state one pass maps to
 * itself, the set of all such states of that pass (closed by construction)
 * if a short path from the entry reaches it; a pass with auxiliary values
 * (nondeterminism, quotients) generalises its fixed point instead. No sampled
 * runs. `all`: fixed points and sampled runs, each generalised to a set
 * (Houdini in the other direction).
 */
export async function findRecurrentSet(
  cts: Cts,
  locs: readonly number[],
  part: readonly CtsTransition[],
  budget: Budget,
  mode: 'exact' | 'all' = 'all',
): Promise<RecurrentResult> {
  const locSet = new Set(locs);
  const attempts: {
    seeds: Map<number, Valuation[]>;
    sample?: Sample;
    fixed: boolean;
    /** A set known closed, and a run into it: no generalisation needed. */
    ready?: { set: RecurrentSet; inputs: Map<string, bigint>; nondet: bigint[] };
  }[] = [];
  for (const fp of await fixedPoints(cts, part, budget)) {
    const seeds = new Map([[fp.loc, [fp.state]]]);
    const atoms = mode === 'exact' ? fixedPointAtoms(cts, fp.t) : undefined;
    if (atoms === undefined) {
      attempts.push({ seeds, fixed: true });
      continue;
    }
    // Every state the loop maps to itself, as the set: closed by construction
    // (each state is its own successor). Asked only to be reachable: cheap to
    // refute (g.c's fixed points need y = 0, which no run has), and then the
    // generalisation waits until the ranking search has failed.
    const r = await reach(cts, fp.loc, atoms, budget);
    if (r === null) continue;
    attempts.push({
      seeds,
      fixed: true,
      ready: { set: new Map([[fp.loc, atoms]]), inputs: r.inputs, nondet: r.nondet },
    });
  }
  if (mode === 'exact' && attempts.length === 0) return { kind: 'none', reason: 'no fixed point' };
  const samples = mode === 'exact' ? [] : sampleRuns(cts, locSet, 24, 20_000);
  for (const s of samples.slice(0, 4)) {
    const seeds = new Map<number, Valuation[]>();
    for (const v of s.visits) seeds.set(v.loc, [...(seeds.get(v.loc) ?? []), v.state]);
    attempts.push({ seeds, sample: s, fixed: false });
  }
  for (const a of attempts) {
    if (budget.expired()) break;
    let set: RecurrentSet | null =
      a.ready?.set ?? (await generalize(cts, locs, part, a.seeds, budget));
    if (set === null) continue;
    if (a.ready === undefined) set = await simplify(cts, part, set, budget);
    const queries: { meaning: string; smtlib: string; solverMs: number }[] = [];
    const inSet = part.filter((t) => set.has(t.from) && set.has(t.to));
    let closed = true;
    for (const l of set.keys()) {
      if ((await closureCounterexample(cts, l, inSet, set, budget, queries)) !== null)
        closed = false;
    }
    if (!closed) continue;
    let inputs: ReadonlyMap<string, bigint>;
    let prefix: readonly bigint[];
    if (a.sample !== undefined) {
      inputs = a.sample.inputs;
      prefix = a.sample.nondet;
    } else if (a.ready !== undefined) {
      inputs = a.ready.inputs;
      prefix = a.ready.nondet;
    } else {
      const [l, atoms] = [...set][0];
      const r = await reach(cts, l, atoms, budget);
      if (r === null) continue;
      inputs = r.inputs;
      prefix = r.nondet;
    }
    const rep = await replay(cts, part, set, inputs, prefix, budget);
    if (rep === null) continue;
    return {
      kind: 'found',
      witness: {
        set,
        fixedPoint: a.fixed,
        inputs,
        nondet: rep.nondet,
        sources: rep.sources,
        entry: rep.entry,
        queries,
        replayedVisits: rep.visits,
      },
    };
  }
  return { kind: 'none', reason: 'no recurrent set found (fixed points, sampled runs)' };
}
