/**
 * Symbolic execution of IR edges into linear integer constraints: the
 * translation the termination engine's models (extract.ts, cts.ts) share.
 *
 * A symbolic state maps each IR variable to a linear expression over
 * pre-state names and fresh atoms (`#n`), plus a conjunction of constraints
 * (the path condition). Disjunctions (`!=`, `or`, `not` of `and`, `ite`, a
 * bool used as a value) split a state into several, whose conditions cover
 * exactly the original one.
 *
 * Integer semantics, exactly:
 * - `int` (mathematical): `+ - ·const`, division and remainder by a nonzero
 *   constant through a fresh quotient with its defining constraints.
 * - `bv` (C): every value is its *typed* integer value (negative for a
 *   negative signed value). Unsigned `+ - ·const neg` and every conversion
 *   that does not fit reduce modulo 2^width through a fresh quotient `q`
 *   (`r = e − 2^w·q`, r in the type's range). Signed `+ - ·const neg` give
 *   the mathematical result *together with* the condition that it is in
 *   range: the front-end puts an `overflow` check before every signed
 *   operation, so a run only gets past it when the result is in range (the
 *   overflowing runs are undefined behaviour, reported through the
 *   `obligations`). `>>` by a constant is floor division by 2^k, `<<` by a
 *   constant a multiplication, `& (2^k − 1)` a floor remainder. A product
 *   of two variables is a fresh atom with an exact definition (`products`).
 *   Other bit operations and division by a variable are arbitrary values
 *   (`approximate`).
 * - `havoc` gives a fresh atom, in the target type's range.
 *
 * `obligations` records, for each `assert` of an undefined-behaviour
 * property passed on the way, the states in which it fails (the path
 * condition so far and the negated check): if none of them is feasible, no
 * run has that undefined behaviour there.
 */
import type { Edge, Expr, PropertyKind, SourceSpan, Type } from '../../ir/ir.js';
import { boolType, bvRange } from '../../ir/ir.js';
import type { Constraint, LinearExpr, Relation } from './linear.js';
import { addExpr, constExpr, scaleExpr, varExpr } from './linear.js';

/** Most paths (after splitting) one model may have. */
export const MAX_PATHS = 64;

export class Unsupported extends Error {
  constructor(
    readonly reason: string,
    readonly span?: SourceSpan,
  ) {
    super(reason);
  }
}

/** A conjunction of constraints over pre-state names and fresh atoms (`#n`). */
export type Conj = readonly Constraint[];
/** A value under a guard. */
export interface Case {
  readonly guard: Conj;
  readonly value: LinearExpr;
}
export interface Havoc {
  /** The fresh atom (`#n`) holding the value. */
  readonly atom: string;
  /** The havoc's source: `__VERIFIER_nondet_int`, `undefined function f`, ... */
  readonly source: string;
  readonly edge: number;
}
export interface State {
  readonly env: ReadonlyMap<string, LinearExpr>;
  readonly constraints: Conj;
  readonly edges: readonly number[];
  /** The havocs on the path, in execution order. */
  readonly havocs: readonly Havoc[];
}

/** Where an undefined-behaviour check fails: the path condition and the negated check. */
export interface Obligation {
  readonly property: string;
  readonly edge: number;
  readonly span?: SourceSpan;
  readonly constraints: Conj;
}

const UB_KINDS: ReadonlySet<PropertyKind> = new Set(['overflow', 'div-by-zero', 'shift']);

const FLIP: Record<Relation, Relation> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '=' };

/** `e` with like terms collected and zero coefficients dropped. */
export function normalize(e: LinearExpr): LinearExpr {
  const coeffs = new Map<string, bigint>();
  for (const t of e.terms) coeffs.set(t.variable, (coeffs.get(t.variable) ?? 0n) + t.coeff);
  const terms = [...coeffs]
    .filter(([, k]) => k !== 0n)
    .map(([variable, coeff]) => ({ variable, coeff }));
  return { terms, constant: e.constant };
}

function sub(a: LinearExpr, b: LinearExpr): LinearExpr {
  return normalize(addExpr(a, scaleExpr(-1n, b)));
}

export function rel(lhs: LinearExpr, r: Relation, rhs: LinearExpr): Constraint {
  return { lhs: normalize(lhs), rel: r, rhs: normalize(rhs) };
}

/** Whether a constraint without variables holds; null if it has variables. */
export function constantTruth(c: Constraint): boolean | null {
  const d = sub(c.lhs, c.rhs);
  if (d.terms.length > 0) return null;
  const v = d.constant;
  switch (c.rel) {
    case '<':
      return v < 0n;
    case '<=':
      return v <= 0n;
    case '=':
      return v === 0n;
    case '>=':
      return v >= 0n;
    case '>':
      return v > 0n;
  }
}

export function substitute(e: LinearExpr, bind: ReadonlyMap<string, string>): LinearExpr {
  return normalize({
    terms: e.terms.map((t) => ({ variable: bind.get(t.variable) ?? t.variable, coeff: t.coeff })),
    constant: e.constant,
  });
}

/** Every combination of one element of each list, concatenated. */
function cross<T>(lists: readonly (readonly T[])[][], limit: () => void): T[][] {
  let acc: T[][] = [[]];
  for (const l of lists) {
    acc = acc.flatMap((a) => l.map((b) => [...a, ...b]));
    if (acc.length > MAX_PATHS) limit();
  }
  return acc;
}

/** The constraints saying `v` is a value of type `t` (none for `int`). */
export function rangeConstraints(v: LinearExpr, t: Type): Constraint[] {
  if (t.kind === 'bool') return [rel(v, '>=', constExpr(0n)), rel(v, '<=', constExpr(1n))];
  if (t.kind === 'int' || t.kind === 'array') return [];
  const { min, max } = bvRange(t);
  return [rel(v, '>=', constExpr(min)), rel(v, '<=', constExpr(max))];
}

function fits(from: Type, to: Type): boolean {
  if (to.kind === 'int') return true;
  if (to.kind !== 'bv') return false;
  if (from.kind === 'bool') return true;
  if (from.kind !== 'bv') return false;
  const a = bvRange(from);
  const b = bvRange(to);
  return a.min >= b.min && a.max <= b.max;
}

function isPowerOfTwoMinusOne(v: bigint): number | null {
  for (let k = 0; k <= 128; k++) if (v === (1n << BigInt(k)) - 1n) return k;
  return null;
}

export class Executor {
  private fresh = 0;
  private span: SourceSpan | undefined;
  private edgeIndex = -1;
  readonly obligations: Obligation[] = [];
  /** Atoms that stand for values the model does not compute exactly (a division by a variable, ...). */
  readonly approximate = new Set<string>();
  /**
   * Atoms defined as the product of two linear expressions (`#n = x·y`):
   * exact, but outside linear arithmetic, so ranking functions and invariants
   * see the atom as an arbitrary value while non-termination queries (which
   * Z3 answers in non-linear arithmetic) use the definition.
   */
  readonly products = new Map<string, { readonly x: LinearExpr; readonly y: LinearExpr }>();

  constructor(
    private readonly fallbackSpan: SourceSpan | undefined,
    private readonly typeOf: (irVar: string) => Type,
    private readonly propertyKind: (id: string) => PropertyKind | undefined = () => undefined,
  ) {}

  fail(reason: string): never {
    throw new Unsupported(reason, this.span ?? this.fallbackSpan);
  }

  private tooMany = (): never => this.fail(`more than ${MAX_PATHS} paths through the loop`);

  freshAtom(): LinearExpr {
    return varExpr(`#${++this.fresh}`);
  }

  /**
   * A value outside linear arithmetic (a product of variables, a division by
   * a variable, a bit operation): a fresh atom in the type's range, marked
   * approximate — a termination proof may use it (it assumes nothing about
   * the value), a non-termination argument may not.
   */
  private opaque(t: Type, guard: Conj): Case {
    const v = this.freshAtom();
    this.approximate.add(v.terms[0].variable);
    return { guard: [...guard, ...rangeConstraints(v, t)], value: v };
  }

  /** A fresh atom defined as `x·y` (see `products`). */
  private product(x: LinearExpr, y: LinearExpr): LinearExpr {
    const v = this.freshAtom();
    this.products.set(v.terms[0].variable, { x, y });
    return v;
  }

  step(s: State, edge: Edge, index: number): State[] {
    this.span = edge.span;
    this.edgeIndex = index;
    const a = edge.action;
    const next = (env: ReadonlyMap<string, LinearExpr>, extra: Conj, havoc?: Havoc): State => ({
      env,
      constraints: [...s.constraints, ...extra],
      edges: [...s.edges, index],
      havocs: havoc === undefined ? s.havocs : [...s.havocs, havoc],
    });
    switch (a.kind) {
      case 'skip':
        return [next(s.env, [])];
      case 'assume':
        return this.conds(a.cond, true, s.env).map((c) => next(s.env, c));
      case 'assert': {
        const kind = this.propertyKind(a.property);
        if (kind !== undefined && UB_KINDS.has(kind)) {
          for (const c of this.conds(a.cond, false, s.env)) {
            this.obligations.push({
              property: a.property,
              edge: index,
              ...(edge.span === undefined ? {} : { span: edge.span }),
              constraints: [...s.constraints, ...c],
            });
          }
        }
        return this.conds(a.cond, true, s.env).map((c) => next(s.env, c));
      }
      case 'havoc': {
        const v = this.freshAtom();
        const range = rangeConstraints(v, this.typeOf(a.target));
        const atom = v.terms[0].variable;
        return [
          next(new Map(s.env).set(a.target, v), range, { atom, source: a.source, edge: index }),
        ];
      }
      case 'assign':
        return this.value(a.value, s.env).map((c) =>
          next(new Map(s.env).set(a.target, c.value), c.guard),
        );
    }
  }

  /** `value` reduced modulo 2^width into the range of the bv type `t` (fresh quotient). */
  private wrap(c: Case, t: Type): Case {
    if (t.kind !== 'bv') return c;
    const value = normalize(c.value);
    const { min, max } = bvRange(t);
    if (value.terms.length === 0) {
      const m = 1n << BigInt(t.width);
      let v = (((value.constant - min) % m) + m) % m;
      v += min;
      return { guard: c.guard, value: constExpr(v) };
    }
    const q = this.freshAtom();
    const r = sub(value, scaleExpr(1n << BigInt(t.width), q));
    return {
      guard: [...c.guard, rel(r, '>=', constExpr(min)), rel(r, '<=', constExpr(max))],
      value: r,
    };
  }

  /** A signed result: the mathematical value, on the runs where it is in range. */
  private inRange(c: Case, t: Type): Case {
    if (t.kind !== 'bv') return c;
    const value = normalize(c.value);
    if (value.terms.length === 0) return { guard: c.guard, value };
    return { guard: [...c.guard, ...rangeConstraints(value, t)], value };
  }

  /** The result of an arithmetic operation of type `t`. */
  private arith(c: Case, t: Type): Case {
    if (t.kind !== 'bv') return c;
    return t.signed ? this.inRange(c, t) : this.wrap(c, t);
  }

  /** Cases covering every value of `e` (exactly: each case's guard defines its value). */
  value(e: Expr, env: ReadonlyMap<string, LinearExpr>): Case[] {
    switch (e.kind) {
      case 'const':
        return [{ guard: [], value: constExpr(e.value) }];
      case 'var': {
        const v = env.get(e.name);
        if (v === undefined) throw new Error(`internal error: no symbolic value for ${e.name}`);
        return [{ guard: [], value: v }];
      }
      case 'unary':
        if (e.op === 'neg')
          return this.value(e.arg, env).map((c) =>
            this.arith({ guard: c.guard, value: scaleExpr(-1n, c.value) }, e.type),
          );
        if (e.op === 'not') return this.boolValue(e, env);
        return this.value(e.arg, env).map((c) => this.opaque(e.type, c.guard));
      case 'compare':
        return this.boolValue(e, env);
      case 'ite': {
        const out = [
          ...this.guarded(this.conds(e.cond, true, env), this.value(e.then, env)),
          ...this.guarded(this.conds(e.cond, false, env), this.value(e.else, env)),
        ];
        if (out.length > MAX_PATHS) this.tooMany();
        return out;
      }
      case 'cast':
        if (e.type.kind === 'bool' && e.arg.type.kind !== 'bool') return this.boolValue(e, env);
        if (fits(e.arg.type, e.type) || e.type.kind === 'bool') return this.value(e.arg, env);
        return this.value(e.arg, env).map((c) => this.wrap(c, e.type));
      case 'overflow':
        return this.boolValue(e, env);
      case 'binary':
        return this.binary(e, env);
      case 'select':
      case 'store':
        return this.fail('memory (the loop reads or writes memory)');
    }
  }

  private binary(
    e: Extract<Expr, { kind: 'binary' }>,
    env: ReadonlyMap<string, LinearExpr>,
  ): Case[] {
    if (e.op === 'and' || e.op === 'or') return this.boolValue(e, env);
    const l = this.value(e.left, env);
    const r = this.value(e.right, env);
    const out: Case[] = [];
    for (const a of l) {
      for (const b of r) {
        const guard = [...a.guard, ...b.guard];
        const x = normalize(a.value);
        const y = normalize(b.value);
        out.push(...this.binaryCase(e.op, e.type, x, y, guard));
        if (out.length > MAX_PATHS) this.tooMany();
      }
    }
    return out;
  }

  private binaryCase(
    op: Extract<Expr, { kind: 'binary' }>['op'],
    t: Type,
    x: LinearExpr,
    y: LinearExpr,
    guard: Conj,
  ): Case[] {
    switch (op) {
      case 'add':
        return [this.arith({ guard, value: normalize(addExpr(x, y)) }, t)];
      case 'sub':
        return [this.arith({ guard, value: sub(x, y) }, t)];
      case 'mul':
        if (y.terms.length === 0)
          return [this.arith({ guard, value: scaleExpr(y.constant, x) }, t)];
        if (x.terms.length === 0)
          return [this.arith({ guard, value: scaleExpr(x.constant, y) }, t)];
        return [this.arith({ guard, value: this.product(x, y) }, t)];
      case 'div':
      case 'rem':
      case 'floordiv':
      case 'floormod':
        if (y.terms.length > 0) return [this.opaque(t, guard)];
        // C division of typed values is exact; only INT_MIN / -1 overflows (checked by the front-end).
        return this.division(op, x, y, guard).map((c) =>
          op === 'div' && t.kind === 'bv' ? this.inRange(c, t) : c,
        );
      case 'shr': {
        if (y.terms.length > 0) return [this.opaque(t, guard)];
        if (t.kind !== 'bv' || y.constant < 0n || y.constant >= BigInt(t.width))
          return this.fail('shift by an out-of-range amount');
        return this.division('floordiv', x, constExpr(1n << y.constant), guard);
      }
      case 'shl': {
        if (y.terms.length > 0) return [this.opaque(t, guard)];
        if (t.kind !== 'bv' || y.constant < 0n || y.constant >= BigInt(t.width))
          return this.fail('shift by an out-of-range amount');
        return [this.arith({ guard, value: scaleExpr(1n << y.constant, x) }, t)];
      }
      case 'bitand': {
        const mask = y.terms.length === 0 ? y : x.terms.length === 0 ? x : null;
        const other = mask === y ? x : y;
        const k = mask === null ? null : isPowerOfTwoMinusOne(mask.constant);
        if (k === null || t.kind !== 'bv' || k > t.width - (t.signed ? 1 : 0))
          return [this.opaque(t, guard)];
        return this.division('floormod', other, constExpr(1n << BigInt(k)), guard);
      }
      default:
        return [this.opaque(t, guard)];
    }
  }

  /**
   * `x op c` for a constant `c ≠ 0` with a fresh quotient `q` and `r = x - c·q`:
   * floor division has `r` in [0, c) for c > 0 and in (c, 0] for c < 0;
   * truncating division has `r` in [0, |c|) when x ≥ 0 and in (-|c|, 0] when x < 0.
   */
  private division(
    op: 'div' | 'rem' | 'floordiv' | 'floormod',
    x: LinearExpr,
    y: LinearExpr,
    guard: Conj,
  ): Case[] {
    if (y.terms.length > 0) this.fail(`non-linear ${op} (division by a variable)`);
    const c = y.constant;
    if (c === 0n) return []; // no run gets past the division-by-zero check
    const abs = c < 0n ? -c : c;
    const q = this.freshAtom();
    const r = sub(x, scaleExpr(c, q));
    const zero = constExpr(0n);
    const nonNeg = [rel(r, '>=', zero), rel(r, '<', constExpr(abs))];
    const nonPos = [rel(r, '<=', zero), rel(r, '>', constExpr(-abs))];
    const result = op === 'div' || op === 'floordiv' ? q : r;
    if (op === 'floordiv' || op === 'floormod')
      return [{ guard: [...guard, ...(c > 0n ? nonNeg : nonPos)], value: result }];
    return [
      { guard: [...guard, rel(x, '>=', zero), ...nonNeg], value: result },
      { guard: [...guard, rel(x, '<', zero), ...nonPos], value: result },
    ];
  }

  private guarded(conds: Conj[], cases: Case[]): Case[] {
    return conds.flatMap((g) => cases.map((c) => ({ guard: [...g, ...c.guard], value: c.value })));
  }

  /** A boolean expression as the value 1 or 0. */
  private boolValue(e: Expr, env: ReadonlyMap<string, LinearExpr>): Case[] {
    return [
      ...this.conds(e, true, env).map((guard) => ({ guard, value: constExpr(1n) })),
      ...this.conds(e, false, env).map((guard) => ({ guard, value: constExpr(0n) })),
    ];
  }

  /** A DNF whose disjuncts cover exactly the states where `e` is `positive`. */
  conds(e: Expr, positive: boolean, env: ReadonlyMap<string, LinearExpr>): Conj[] {
    const out = this.condsInner(e, positive, env);
    if (out.length > MAX_PATHS) this.tooMany();
    return out;
  }

  private condsInner(e: Expr, positive: boolean, env: ReadonlyMap<string, LinearExpr>): Conj[] {
    if (e.type.kind !== 'bool') throw new Error(`internal error: ${e.kind} used as a condition`);
    switch (e.kind) {
      case 'const':
        return (e.value !== 0n) === positive ? [[]] : [];
      case 'unary':
        if (e.op === 'not') return this.conds(e.arg, !positive, env);
        break;
      case 'binary': {
        if (e.op !== 'and' && e.op !== 'or') break;
        const l = this.conds(e.left, positive, env);
        const r = this.conds(e.right, positive, env);
        // and, positive / or, negative: both hold; otherwise either does.
        if ((e.op === 'and') === positive) return cross([l, r], this.tooMany);
        return [...l, ...r];
      }
      case 'compare': {
        const out: Conj[] = [];
        for (const a of this.value(e.left, env)) {
          for (const b of this.value(e.right, env)) {
            for (const c of this.compare(e.op, positive, a.value, b.value))
              out.push([...a.guard, ...b.guard, ...c]);
          }
        }
        return out;
      }
      case 'ite':
        return [
          ...cross(
            [this.conds(e.cond, true, env), this.conds(e.then, positive, env)],
            this.tooMany,
          ),
          ...cross(
            [this.conds(e.cond, false, env), this.conds(e.else, positive, env)],
            this.tooMany,
          ),
        ];
      case 'cast':
        if (e.arg.type.kind === 'bool') return this.conds(e.arg, positive, env);
        return this.conds(
          {
            kind: 'compare',
            type: boolType,
            op: 'ne',
            left: e.arg,
            right: { kind: 'const', type: e.arg.type, value: 0n },
          },
          positive,
          env,
        );
      case 'overflow':
        return this.overflowConds(e, positive, env);
      default:
        break;
    }
    // A bool-valued variable (or other value): it is 1 or 0.
    return this.value(e, env).map((c) => [
      ...c.guard,
      rel(c.value, '=', constExpr(positive ? 1n : 0n)),
    ]);
  }

  /** Where the exact result of the operation is (positive) or is not out of its type's range. */
  private overflowConds(
    e: Extract<Expr, { kind: 'overflow' }>,
    positive: boolean,
    env: ReadonlyMap<string, LinearExpr>,
  ): Conj[] {
    const t = e.args[0].type;
    if (t.kind !== 'bv') throw new Error('internal error: overflow check on a non-bit-vector');
    if (!t.signed && e.op !== 'shl') return positive ? [] : [[]];
    const { min, max } = bvRange(t);
    const args = e.args.map((a) => this.value(a, env));
    const out: Conj[] = [];
    const combos = args.length === 1 ? args[0].map((c) => [c]) : [];
    if (args.length === 2) for (const a of args[0]) for (const b of args[1]) combos.push([a, b]);
    for (const combo of combos) {
      const guard = combo.flatMap((c) => c.guard);
      const [x, y] = combo.map((c) => normalize(c.value));
      const inRange = (v: LinearExpr): Conj[] =>
        positive
          ? [
              [...guard, rel(v, '<', constExpr(min))],
              [...guard, rel(v, '>', constExpr(max))],
            ]
          : [[...guard, rel(v, '>=', constExpr(min)), rel(v, '<=', constExpr(max))]];
      switch (e.op) {
        case 'add':
          out.push(...inRange(addExpr(x, y)));
          break;
        case 'sub':
          out.push(...inRange(sub(x, y)));
          break;
        case 'neg':
          out.push(...inRange(scaleExpr(-1n, x)));
          break;
        case 'mul':
          if (y.terms.length === 0) out.push(...inRange(scaleExpr(y.constant, x)));
          else if (x.terms.length === 0) out.push(...inRange(scaleExpr(x.constant, y)));
          else out.push(...inRange(this.product(x, y)));
          break;
        case 'div': {
          // Only MIN / -1 overflows.
          const isMin = rel(x, '=', constExpr(min));
          const isM1 = rel(y, '=', constExpr(-1n));
          if (positive) out.push([...guard, isMin, isM1]);
          else {
            out.push([...guard, rel(x, '>', constExpr(min))]);
            out.push([...guard, isMin, rel(y, '<', constExpr(-1n))]);
            out.push([...guard, isMin, rel(y, '>', constExpr(-1n))]);
          }
          break;
        }
        case 'shl': {
          if (y.terms.length > 0) {
            out.push([...guard]); // cannot tell: either outcome is possible
            break;
          }
          const shifted = scaleExpr(1n << y.constant, x);
          if (positive) {
            out.push([...guard, rel(x, '<', constExpr(0n))]);
            out.push([...guard, rel(shifted, '>', constExpr(max))]);
          } else
            out.push([...guard, rel(x, '>=', constExpr(0n)), rel(shifted, '<=', constExpr(max))]);
          break;
        }
      }
      if (out.length > MAX_PATHS) this.tooMany();
    }
    return out;
  }

  private compare(
    op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge',
    positive: boolean,
    a: LinearExpr,
    b: LinearExpr,
  ): Conj[] {
    const isEq = op === 'eq' || op === 'ne';
    if (isEq) {
      const equal = (op === 'eq') === positive;
      return equal ? [[rel(a, '=', b)]] : [[rel(a, '<', b)], [rel(a, '>', b)]];
    }
    const r: Relation = op === 'lt' ? '<' : op === 'le' ? '<=' : op === 'gt' ? '>' : '>=';
    return [[rel(a, positive ? r : FLIP[r], b)]];
  }

  /** The index of the edge being executed (for diagnostics). */
  get currentEdge(): number {
    return this.edgeIndex;
  }
}
