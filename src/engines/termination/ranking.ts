/**
 * Ranking-function synthesis for linear integer loops: linear ranking
 * functions (Podelski–Rybalchenko, via Farkas' lemma) and lexicographic
 * ones (Bradley–Manna–Sipma style, one component at a time).
 *
 * Guarantees:
 * - A `found` result is a termination proof of the loop as modelled: every
 *   function in it has passed the independent re-check of recheck.ts on
 *   every path of the loop (infeasible paths included), and the properties
 *   re-checked are exactly those the termination argument needs. Nothing
 *   the synthesis query says is trusted without that re-check.
 * - `none` means no (lexicographic) linear ranking function of this form
 *   exists over the rationals for the feasible paths; it is never evidence
 *   of non-termination.
 * - `inconsistent` means a synthesised function failed its re-check: an
 *   internal error, reported with the path, property and transition.
 * - `unknown` means a solver query gave up (timeout, cancellation, ...).
 * Coefficients are integers: the synthesis works over Int (any rational
 * solution of its constraints scales to an integer one), and a function
 * is divided by the gcd of its coefficients (constant rounded down), which
 * keeps every property over the integers.
 */
import type { Term } from '../../smt/index.js';
import {
  checkSat,
  conjunction,
  eq,
  implies,
  intCompare,
  intConst,
  intNeg,
  intSort,
  mkVar,
} from '../../smt/index.js';
import type { Goal } from './farkas.js';
import { farkas, sum } from './farkas.js';
import type { Loop, Path } from './linear.js';
import { pathRows, primed, validateLoop } from './linear.js';
import type { Property, RankingFunction, SolveOptions } from './recheck.js';
import { checkProperty, constraintTerm, intVar } from './recheck.js';

export type Failure =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'inconsistent'; readonly detail: string };

export type RankingResult =
  | {
      readonly kind: 'found';
      readonly ranking: RankingFunction;
      /** Paths the solver showed have no transition (ignored by the synthesis). */
      readonly infeasiblePaths: readonly string[];
    }
  | Failure;

/** One component of a lexicographic ranking function. */
export interface LexComponent {
  readonly ranking: RankingFunction;
  /** Paths on which this component is bounded and decreases by at least 1. */
  readonly decreasesOn: readonly string[];
}

export type LexResult =
  | {
      readonly kind: 'found';
      /** Non-increasing on the paths of every later component. */
      readonly components: readonly LexComponent[];
      readonly infeasiblePaths: readonly string[];
    }
  | Failure;

// ------------------------------------------------------------ feasibility

/** Splits the paths into those that may have a transition and those that provably have none. */
async function feasibility(
  loop: Loop,
  opts: SolveOptions,
): Promise<{ feasible: Path[]; infeasible: string[] }> {
  const feasible: Path[] = [];
  const infeasible: string[] = [];
  for (const p of loop.paths) {
    const assertions = p.constraints.map((c) => constraintTerm(c, intVar));
    const r = await checkSat({ assertions }, { timeoutMs: opts.timeoutMs, signal: opts.signal });
    if (r.status === 'unsat') infeasible.push(p.name);
    else feasible.push(p);
  }
  return { feasible, infeasible };
}

// --------------------------------------------------------------- template

/** Unknown coefficients c_i (one per variable) and c0 of f(x) = Σ c_i·x_i + c0. */
interface Template {
  readonly coeffs: ReadonlyMap<string, Term>;
  readonly constant: Term;
  readonly names: readonly string[];
}

function template(loop: Loop, prefix: string): Template {
  const coeffs = new Map(loop.variables.map((v, i) => [v, mkVar(`${prefix}c_${i}`, intSort)]));
  const constant = mkVar(`${prefix}c0`, intSort);
  const names = [...[...coeffs.values()].map(nameOf), nameOf(constant)];
  return { coeffs, constant, names };
}

function nameOf(t: Term): string {
  if (t.kind !== 'var') throw new Error('internal error: not a variable');
  return t.name;
}

/** f(x) ≥ 0, as the goal −Σ c_v·v − c0 ≤ 0. */
function boundedGoal(t: Template): Goal {
  return {
    coeffs: new Map([...t.coeffs].map(([v, c]) => [v, intNeg(c)])),
    constant: intNeg(t.constant),
  };
}

/** f(x) − f(x') ≥ δ, as the goal −Σ c_v·v + Σ c_v·v' + δ ≤ 0. */
function decreaseGoal(t: Template, delta: Term): Goal {
  const coeffs = new Map<string, Term>();
  for (const [v, c] of t.coeffs) coeffs.set(v, intNeg(c)).set(primed(v), c);
  return { coeffs, constant: delta };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b > a ? q - 1n : q;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/**
 * The model's function divided by the gcd g of its coefficients: f − f'
 * is a multiple of g, so a decrease ≥ 1 stays ≥ 1, and Σ c·x ≥ −c0 implies
 * Σ (c/g)·x ≥ ⌈−c0/g⌉, so bounded stays bounded with ⌊c0/g⌋.
 */
function readRanking(t: Template, model: ReadonlyMap<string, bigint> | undefined): RankingFunction {
  const value = (term: Term): bigint => model?.get(nameOf(term)) ?? 0n;
  const raw = [...t.coeffs].map(([v, c]): [string, bigint] => [v, value(c)]);
  const g = raw.reduce((acc, [, k]) => gcd(acc, k < 0n ? -k : k), 0n);
  const d = g === 0n ? 1n : g;
  const coeffs = new Map(raw.filter(([, k]) => k !== 0n).map(([v, k]) => [v, k / d]));
  return { coeffs, constant: floorDiv(value(t.constant), d) };
}

/** f as text, e.g. `x - y + 1`. */
export function formatRanking(f: RankingFunction): string {
  let out = '';
  for (const [v, k] of f.coeffs) {
    const mag = k < 0n ? -k : k;
    const sign = k < 0n ? (out === '' ? '-' : ' - ') : out === '' ? '' : ' + ';
    out += `${sign}${mag === 1n ? '' : `${mag}*`}${v}`;
  }
  if (f.constant !== 0n || out === '') {
    const c = f.constant;
    out += out === '' ? `${c}` : c < 0n ? ` - ${-c}` : ` + ${c}`;
  }
  return out;
}

// ---------------------------------------------------------------- re-check

/** The first property of `props` that `f` does not provably have on `path`, if any. */
async function firstFailure(
  loop: Loop,
  path: Path,
  f: RankingFunction,
  props: readonly Property[],
  opts: SolveOptions,
): Promise<Failure | null> {
  for (const prop of props) {
    const r = await checkProperty(loop.variables, path, f, prop, opts);
    if (r.status === 'unknown') return { kind: 'unknown', reason: `re-check: ${r.reason}` };
    if (r.status === 'fails') {
      const at = [...r.transition].map(([v, x]) => `${v}=${x}`).join(', ');
      const detail = `re-check refutes ${formatRanking(f)}: not ${prop} on ${path.name} at ${at}`;
      return { kind: 'inconsistent', detail };
    }
  }
  return null;
}

async function recheckAll(
  loop: Loop,
  paths: readonly Path[],
  f: RankingFunction,
  props: readonly Property[],
  opts: SolveOptions,
): Promise<Failure | null> {
  for (const p of paths) {
    const failure = await firstFailure(loop, p, f, props, opts);
    if (failure !== null) return failure;
  }
  return null;
}

// ------------------------------------------------------------------ linear

const BOUNDED_AND_DECREASING: readonly Property[] = ['bounded', 'decreasing'];

/**
 * A linear ranking function f with f(x) ≥ 0 and f(x) − f(x') ≥ 1 on every
 * path (see the module comment for what each result means).
 */
export async function synthesizeLinear(loop: Loop, opts: SolveOptions): Promise<RankingResult> {
  validateLoop(loop);
  const { feasible, infeasible } = await feasibility(loop, opts);
  const t = template(loop, '');
  const assertions = feasible.flatMap((p, j) => {
    const rows = pathRows(p);
    return [
      ...farkas(rows, boundedGoal(t), `lb${j}`),
      ...farkas(rows, decreaseGoal(t, intConst(1n)), `ld${j}`),
    ];
  });
  const comments = ['termination: linear ranking function synthesis (Farkas)'];
  const r = await checkSat({ assertions, comments }, { ...solveOpts(opts), modelOf: t.names });
  if (r.status === 'unsat')
    return { kind: 'none', reason: 'no linear ranking function exists, even over the rationals' };
  if (r.status === 'unknown') return { kind: 'unknown', reason: r.reason ?? 'unknown' };
  const ranking = readRanking(t, r.model);
  const failure = await recheckAll(loop, loop.paths, ranking, BOUNDED_AND_DECREASING, opts);
  return failure ?? { kind: 'found', ranking, infeasiblePaths: infeasible };
}

function solveOpts(opts: SolveOptions): SolveOptions {
  return { timeoutMs: opts.timeoutMs, signal: opts.signal };
}

// ----------------------------------------------------------- lexicographic

/**
 * A component for the live paths: non-increasing on all of them, bounded and
 * decreasing on each whose indicator d_j is 1, with at least one such path.
 */
async function lexStep(
  loop: Loop,
  live: readonly Path[],
  step: number,
  opts: SolveOptions,
): Promise<{ f: RankingFunction; flagged: Set<string> } | Failure> {
  if (live.length === 0) return { f: { coeffs: new Map(), constant: 0n }, flagged: new Set() };
  const t = template(loop, `s${step}`);
  const ds = live.map((_, j) => mkVar(`s${step}d_${j}`, intSort));
  const one = intConst(1n);
  const assertions = live.flatMap((p, j) => {
    const rows = pathRows(p);
    const bounded = conjunction(farkas(rows, boundedGoal(t), `s${step}lb${j}`));
    return [
      intCompare('<=', intConst(0n), ds[j]),
      intCompare('<=', ds[j], one),
      ...farkas(rows, decreaseGoal(t, ds[j]), `s${step}ld${j}`),
      implies(eq(ds[j], one), bounded),
    ];
  });
  assertions.push(intCompare('<=', one, sum(ds)));
  const comments = [`termination: lexicographic component ${step + 1} (Farkas)`];
  const modelOf = [...t.names, ...ds.map(nameOf)];
  const r = await checkSat({ assertions, comments }, { ...solveOpts(opts), modelOf });
  if (r.status === 'unsat') return { kind: 'none', reason: noLexReason(live) };
  if (r.status === 'unknown') return { kind: 'unknown', reason: r.reason ?? 'unknown' };
  const flagged = new Set(
    live.filter((_, j) => r.model?.get(nameOf(ds[j])) === 1n).map((p) => p.name),
  );
  return { f: readRanking(t, r.model), flagged };
}

function noLexReason(live: readonly Path[]): string {
  const names = live.map((p) => p.name).join(', ');
  return `no linear function is non-increasing on ${names} and decreasing and bounded on one of them`;
}

/**
 * Re-checks a component on the remaining paths: non-increasing on all,
 * and returns the paths on which it is also bounded and decreasing. Every
 * path the synthesis flagged must be among them.
 */
async function recheckComponent(
  loop: Loop,
  remaining: readonly Path[],
  f: RankingFunction,
  flagged: ReadonlySet<string>,
  opts: SolveOptions,
): Promise<string[] | Failure> {
  const failure = await recheckAll(loop, remaining, f, ['non-increasing'], opts);
  if (failure !== null) return failure;
  const decreasesOn: string[] = [];
  for (const p of remaining) {
    const fail = await firstFailure(loop, p, f, BOUNDED_AND_DECREASING, opts);
    if (fail === null) decreasesOn.push(p.name);
    else if (fail.kind === 'unknown' || flagged.has(p.name)) return fail;
  }
  if (decreasesOn.length > 0) return decreasesOn;
  return { kind: 'inconsistent', detail: `component ${formatRanking(f)} removes no path` };
}

/**
 * A lexicographic linear ranking function (f1, ..., fk): each fi is
 * non-increasing on the paths of every later component, and bounded and
 * decreasing by at least 1 on its own paths (see the module comment).
 */
export async function synthesizeLexicographic(loop: Loop, opts: SolveOptions): Promise<LexResult> {
  validateLoop(loop);
  const { infeasible } = await feasibility(loop, opts);
  const components: LexComponent[] = [];
  let remaining: readonly Path[] = loop.paths;
  while (remaining.length > 0) {
    const live = remaining.filter((p) => !infeasible.includes(p.name));
    const step = await lexStep(loop, live, components.length, opts);
    if ('kind' in step) return step;
    const decreasesOn = await recheckComponent(loop, remaining, step.f, step.flagged, opts);
    if (!Array.isArray(decreasesOn)) return decreasesOn;
    components.push({ ranking: step.f, decreasesOn });
    remaining = remaining.filter((p) => !decreasesOn.includes(p.name));
  }
  return { kind: 'found', components, infeasiblePaths: infeasible };
}
