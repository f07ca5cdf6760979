/**
 * Candidate invariants at a loop head, read off the states that concrete
 * runs reach there (samples.ts) — the data-driven half of invariant
 * strengthening. Every candidate is an integer formula over the `v!<name>`
 * state variables (the same vocabulary as Spacer's invariants, so the
 * certificate queries of encoding/certificate.ts evaluate it exactly) and holds
 * in every observed state:
 *
 * - affine equalities `a1*x1 + … + an*xn + c == 0`: a basis of the null
 *   space of the observed states (as Karr's analysis or DIG would find them:
 *   `x + y == n`, `c == 2*i`), optionally with products of two variables as
 *   extra columns (`2*s == i*i - i`);
 * - congruences `x % m == r` and `(x - y) % m == r` for small moduli and the
 *   loop's step sizes (parity: `b == i % 2` is `(b - i) % 2 == 0` with b, i ≥ 0);
 * - bounds `x >= c`, `x <= c` by the tightest program constant (or 0, ±1)
 *   the states allow, and orders `x <= y`, `x < y` between variables.
 *
 * Samples only filter: whether a candidate is an invariant is decided by the
 * solver (houdini.ts), never by the runs.
 */
import type { Term, VarTerm } from '../../smt/index.js';
import {
  eq,
  evaluate,
  intBinary,
  intCompare,
  intConst,
  intNeg,
  mkVar,
  intSort,
} from '../../smt/index.js';

export interface Candidate {
  readonly term: Term;
  /** Smaller is simpler (tried and shown first). */
  readonly weight: number;
}

export interface CandidateOptions {
  /** Add products of two variables as columns of the equality search. */
  readonly quadratic: boolean;
  /** The program's integer constants. */
  readonly constants: readonly bigint[];
  /** Moduli for congruences (besides 2). */
  readonly moduli: readonly bigint[];
  /**
   * Only equalities, bounds and orders: for bit-vector queries over memory,
   * where congruences (a wide `bvsrem` each) and relational bounds make
   * every query many times slower.
   */
  readonly lean?: boolean;
  /**
   * Only the values the same in every state (`x == c`): for states borrowed
   * from other loop heads, where orders and bounds mean nothing.
   */
  readonly fixedOnly?: boolean;
}

/** A numeric variable at a loop head: its IR name and its slot in the sampled value arrays. */
export interface NumericVar {
  readonly name: string;
  readonly slot: number;
  /**
   * What the value is, for the lean candidate set: a plain number, a raw
   * pointer (its value means nothing alone), an observable that measures
   * bytes of the pointer `of` (offset, size), or one that tags it (object,
   * state, last byte). Plain when absent.
   */
  readonly role?: 'pointer' | 'measure' | 'tag';
  readonly of?: string;
}

/** Whether an order `x <= y` between the two is worth a lean candidate. */
function leanOrder(x: NumericVar, y: NumericVar): boolean {
  const plain = (v: NumericVar): boolean => v.role === undefined;
  if (plain(x) && plain(y)) return true;
  // Offsets and sizes of any two pointers (a copy stays within the larger block).
  const counts = (v: NumericVar): boolean => plain(v) || v.role === 'measure';
  return counts(x) && counts(y);
}

const MAX_COEFFICIENT = 1_000_000n;

function stateVar(name: string): VarTerm {
  return mkVar(`v!${name}`, intSort);
}

const num = (v: bigint): Term => intConst(v);
const add = (a: Term, b: Term): Term => intBinary('+', a, b);
const mul = (a: Term, b: Term): Term => intBinary('*', a, b);
const le = (a: Term, b: Term): Term => intCompare('<=', a, b);
const lt = (a: Term, b: Term): Term => intCompare('<', a, b);

/** `c * t`, written without a needless factor. */
function scaled(c: bigint, t: Term): Term {
  if (c === 1n) return t;
  if (c === -1n) return intNeg(t);
  return mul(num(c), t);
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Rational numbers as reduced bigint pairs (denominator > 0). */
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
function q(n: bigint, d = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const qsub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const qmul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const qdiv = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);

/**
 * A basis of the integer vectors `a` with `rows · a == 0` (each row one
 * observation), from the reduced row echelon form over the rationals.
 */
export function nullSpace(rows: readonly (readonly bigint[])[], width: number): bigint[][] {
  const basis: Q[][] = [];
  const pivots: number[] = [];
  for (const raw of rows) {
    let r = raw.map((v) => q(v));
    // Reduce by the basis found so far.
    for (let k = 0; k < basis.length; k++) {
      const f = r[pivots[k]];
      if (f.n !== 0n) r = r.map((x, j) => qsub(x, qmul(f, basis[k][j])));
    }
    const p = r.findIndex((x) => x.n !== 0n);
    if (p < 0) continue;
    const lead = r[p];
    r = r.map((x) => qdiv(x, lead));
    for (let k = 0; k < basis.length; k++) {
      const f = basis[k][p];
      if (f.n !== 0n) basis[k] = basis[k].map((x, j) => qsub(x, qmul(f, r[j])));
    }
    basis.push(r);
    pivots.push(p);
    if (basis.length === width) return [];
  }
  const free = [...Array(width).keys()].filter((j) => !pivots.includes(j));
  return free.map((f) => {
    const v: Q[] = Array.from({ length: width }, () => q(0n));
    v[f] = q(1n);
    basis.forEach((row, k) => {
      v[pivots[k]] = q(-row[f].n, row[f].d);
    });
    const l = v.reduce((acc, x) => (acc * x.d) / (gcd(acc, x.d) || 1n), 1n);
    const ints = v.map((x) => (x.n * l) / x.d);
    const g = ints.reduce((acc, x) => gcd(acc, x), 0n) || 1n;
    return ints.map((x) => x / g);
  });
}

/** Candidates at one loop head that hold in every state of `states`. */
export function candidatesAt(
  vars: readonly NumericVar[],
  states: readonly (readonly bigint[])[],
  options: CandidateOptions,
): Candidate[] {
  const out: Candidate[] = [];
  const terms = vars.map((v) => stateVar(v.name));
  const slotOf = new Map(vars.map((v, i) => [terms[i].name, v.slot]));
  const holdsEverywhere = (t: Term): boolean =>
    states.every((s) => evaluate(t, (x: VarTerm) => s[slotOf.get(x.name) as number]) === 1n);
  const keep = (t: Term, weight: number): void => {
    if (t.kind === 'const') return;
    if (holdsEverywhere(t)) out.push({ term: t, weight });
  };
  const lean = options.lean === true;
  // Over memory a raw pointer's value says nothing its observables do not
  // (object and offset), and in equalities it only makes them unreadable.
  // Over memory, a value the same in every state (an object id, a size, a
  // state) is its own equality `x == c`, rather than part of a combination
  // of such values (`OBJECT_STATE(a) == 2*POINTER_OBJECT(a)`): the same
  // states, readably.
  const fixed = (v: NumericVar): boolean =>
    states.length > 0 && states.every((st) => st[v.slot] === states[0][v.slot]);
  if (lean)
    for (const [i, v] of vars.entries())
      if (v.role !== 'pointer' && fixed(v)) keep(eq(terms[i], num(states[0][v.slot])), 1);
  if (options.fixedOnly === true) return dedupe(out);
  const inEqualities = vars.flatMap((v, i) =>
    lean && (v.role === 'pointer' || fixed(v)) ? [] : [i],
  );
  for (const c of equalities(
    inEqualities.map((i) => vars[i]),
    inEqualities.map((i) => terms[i]),
    states,
    options.quadratic,
  ))
    keep(c, 1);
  if (!lean) for (const c of congruences(terms, options.moduli)) keep(c, 2);
  const bounded = vars.map((v) => !lean || (v.role !== 'pointer' && !fixed(v)));
  for (const c of bounds(vars, terms, states, options.constants, bounded, lean ? 2 : 0)) keep(c, 3);
  for (let i = 0; i < terms.length; i++) {
    for (let j = 0; j < terms.length; j++) {
      if (i === j || (lean && !leanOrder(vars[i], vars[j]))) continue;
      keep(le(terms[i], terms[j]), 4);
      keep(lt(terms[i], terms[j]), 4);
    }
  }
  if (options.lean !== true) for (const c of relationalBounds(vars, terms, states)) keep(c, 5);
  return dedupe(out);
}

/**
 * Bounds for counters at a loop head no sampled run reached: `0 <= x` and
 * `x <= c` for the program's positive literals c (a loop bound).
 */
export function literalBounds(
  vars: readonly NumericVar[],
  literals: readonly bigint[],
): Candidate[] {
  const out: Candidate[] = [];
  const ks = literals.filter((k) => k > 0n);
  for (const v of vars) {
    const t = stateVar(v.name);
    out.push({ term: le(num(0n), t), weight: 3 });
    for (const k of ks) out.push({ term: le(t, num(k)), weight: 3 });
  }
  return out;
}

function dedupe(cs: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const key = JSON.stringify(c.term, (_k, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Equalities over the variables (and, with `quadratic`, their pairwise products). */
function equalities(
  vars: readonly NumericVar[],
  terms: readonly Term[],
  states: readonly (readonly bigint[])[],
  quadratic: boolean,
): Term[] {
  if (states.length === 0) return [];
  const columns: { term: Term; value: (s: readonly bigint[]) => bigint }[] = vars.map((v, i) => ({
    term: terms[i],
    value: (s) => s[v.slot],
  }));
  if (quadratic) {
    for (let i = 0; i < vars.length; i++) {
      for (let j = i; j < vars.length; j++) {
        const [a, b] = [vars[i].slot, vars[j].slot];
        columns.push({ term: mul(terms[i], terms[j]), value: (s) => s[a] * s[b] });
      }
    }
  }
  const rows = states.map((s) => [...columns.map((c) => c.value(s)), 1n]);
  const width = columns.length + 1;
  const out: Term[] = [];
  for (const a of nullSpace(rows, width)) {
    if (a.some((x) => x > MAX_COEFFICIENT || x < -MAX_COEFFICIENT)) continue;
    // Σ a_i·col_i + a_c == 0, written as (positive side) == (negative side).
    let lhs: Term | null = null;
    let rhs: Term | null = null;
    a.forEach((coef, k) => {
      if (coef === 0n) return;
      const positive = coef > 0n;
      const mag = positive ? coef : -coef;
      const t = k === columns.length ? num(mag) : scaled(mag, columns[k].term);
      if (positive) lhs = lhs === null ? t : add(lhs, t);
      else rhs = rhs === null ? t : add(rhs, t);
    });
    out.push(eq(lhs ?? num(0n), rhs ?? num(0n)));
  }
  return out;
}

/**
 * `x ≡ r` and `x - y ≡ r (mod m)` for every residue r (the samples pick the
 * true one), written `(x - r) % m == 0`: divisibility reads the same with
 * C's truncating `%` and with the Euclidean `mod` of the queries.
 */
function congruences(terms: readonly Term[], moduli: readonly bigint[]): Term[] {
  const out: Term[] = [];
  const ms = [...new Set([2n, ...moduli])].filter((m) => m >= 2n && m <= 64n);
  const divisible = (t: Term, m: bigint): Term => eq(intBinary('mod', t, num(m)), num(0n));
  const minus = (a: Term, b: Term): Term => intBinary('-', a, b);
  for (const m of ms) {
    for (let r = 0n; r < m; r++) {
      for (const t of terms) out.push(divisible(r === 0n ? t : minus(t, num(r)), m));
      for (let i = 0; i < terms.length; i++) {
        for (let j = i + 1; j < terms.length; j++) {
          const d = minus(terms[i], terms[j]);
          out.push(divisible(r === 0n ? d : minus(d, num(r)), m));
        }
      }
    }
  }
  return out;
}

/** Largest observed bound of a relational candidate. */
const SMALL_BOUND = 16n;
const PAIR_COEFFICIENTS: readonly [bigint, bigint][] = [
  [1n, 1n],
  [1n, -1n],
  [1n, 2n],
  [1n, -2n],
  [2n, 1n],
  [2n, -1n],
];

/**
 * `lo <= a*x + b*y <= hi` for small coefficients, with the bounds the states
 * show when they are small (`0 <= n - 2*h <= 1` relates a halving counter to
 * its start; `i - j <= 1` two counters in step).
 */
function relationalBounds(
  vars: readonly NumericVar[],
  terms: readonly Term[],
  states: readonly (readonly bigint[])[],
): Term[] {
  if (states.length === 0) return [];
  const plausible = (v: bigint): boolean => v <= SMALL_BOUND && v >= -SMALL_BOUND;
  const out: Term[] = [];
  for (let i = 0; i < vars.length; i++) {
    for (let j = i + 1; j < vars.length; j++) {
      for (const [a, b] of PAIR_COEFFICIENTS) {
        const value = (s: readonly bigint[]): bigint => a * s[vars[i].slot] + b * s[vars[j].slot];
        let lo = value(states[0]);
        let hi = lo;
        for (const s of states) {
          const v = value(s);
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        const e = add(scaled(a, terms[i]), scaled(b, terms[j]));
        if (plausible(lo)) out.push(le(num(lo), e));
        if (plausible(hi)) out.push(le(e, num(hi)));
      }
    }
  }
  return out;
}

/** The tightest bounds from the program's constants (and 0, ±1) that every state satisfies. */
function bounds(
  vars: readonly NumericVar[],
  terms: readonly Term[],
  states: readonly (readonly bigint[])[],
  constants: readonly bigint[],
  bounded: readonly boolean[],
  spare: number,
): Term[] {
  const ks = [...new Set([0n, 1n, -1n, ...constants, ...constants.map((c) => -c)])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const out: Term[] = [];
  vars.forEach((v, i) => {
    if (!bounded[i]) return;
    if (states.length === 0) {
      out.push(le(num(0n), terms[i]));
      return;
    }
    let lo = states[0][v.slot];
    let hi = lo;
    for (const s of states) {
      const x = s[v.slot];
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const below = ks.filter((k) => k <= lo);
    const above = ks.filter((k) => k >= hi);
    if (below.length > 0) out.push(le(num(below[below.length - 1]), terms[i]));
    // The tightest bound may not be inductive where a looser one is (a size
    // bounded by the model's object limit, not by the loop's): `spare` more
    // for offsets and sizes.
    const extra = v.role === 'measure' ? spare : 0;
    for (const k of above.slice(0, 1 + extra)) out.push(le(terms[i], num(k)));
  });
  return out;
}
