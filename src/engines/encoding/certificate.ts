/**
 * The certificate for invariants at the cutpoints, as exact queries.
 *
 * Whatever found the invariants (Spacer on the integer encoding, which may
 * over-approximate), they are believed only after these queries are unsat:
 *
 * - initiation: the entry region reaches each cutpoint only inside its invariant;
 * - consecution: a pass from a cutpoint inside its invariant reaches the next
 *   cutpoint inside that one's invariant;
 * - safety: no pass from a cutpoint inside its invariant violates a selected property.
 *
 * Together they show by induction over the passes of any run that every
 * cutpoint visit satisfies its invariant and no selected property fails.
 *
 * Each region is encoded exactly: in the integer encoding's `exact` mode
 * (signed results wrap, division by zero is the IR's, every value in its
 * type's range) when every operation of the region has an exact integer form
 * — fast, linear arithmetic — and otherwise in the BMC engine's bit-vector
 * encoding (bitvector.ts), where the integer invariants are evaluated in
 * bit-vectors wide enough that no intermediate value wraps (a bound on every
 * subterm is computed; too large → no certificate).
 */
import type { IrFunction, Observable, SourceSpan, Type } from '../../ir/ir.js';
import { allVariables, GHOST_INDEX, usesMemory } from '../../ir/ir.js';
import type { Term, VarTerm } from '../../smt/index.js';
import {
  and,
  quantifier,
  bvBinary,
  bvCompare,
  bvConst,
  bvNeg,
  eq,
  ite,
  mkVar,
  not,
  signExtend,
  trueTerm,
  zeroExtend,
} from '../../smt/index.js';
import { encodeExpr, sortOf } from './bitvector.js';
import { FreshValues, IntEncoder, intSortOf, rangeOf } from './integer.js';
import type { EncodedRegion, Region, Regions } from './regions.js';
import { encodeRegion } from './regions.js';

export interface CertificateQueryDraft {
  readonly meaning: string;
  readonly kind: 'initiation' | 'consecution' | 'safety';
  readonly assertions: readonly Term[];
}

/** Largest width the invariants are evaluated in. */
const MAX_WIDTH = 512;

type Lookup = (name: string) => { term: Term; type: Type } | undefined;

/**
 * Largest absolute value the term or any of its subterms can take, or null
 * when unknown: the evaluation width must hold every intermediate value,
 * not only the result (a comparison's operands, a `mod`'s dividend).
 */
function bound(t: Term, lookup: Lookup): bigint | null {
  if (t.kind === 'const') return t.value < 0n ? -t.value : t.value;
  if (t.kind === 'var') {
    const v = lookup(t.name);
    if (v === undefined) return null;
    if (v.type.kind === 'bool') return 1n;
    if (v.type.kind === 'int' || v.type.kind === 'array') return null;
    return 1n << BigInt(v.type.width);
  }
  const bs = t.args.map((a) => bound(a, lookup));
  if (bs.some((b) => b === null)) return null;
  const own = valueBound(t, bs as bigint[]);
  if (own === null) return null;
  return (bs as bigint[]).reduce((m, b) => (b > m ? b : m), own);
}

/** Largest absolute value of `t` itself, from its arguments' bounds `bs`. */
function valueBound(t: Term & { kind: 'app' }, bs: readonly bigint[]): bigint | null {
  if (t.sort.kind === 'bool' && t.op !== 'ite') return 1n;
  const [a, b, c] = bs;
  switch (t.op) {
    case '+':
    case '-':
      return a + b;
    case '*':
      return a * b;
    case 'ineg':
      return a;
    case 'div':
      return a;
    case 'mod':
      return b;
    case 'ite':
      return b > c ? b : c;
    default:
      return null;
  }
}

class Wide {
  constructor(
    readonly width: number,
    private readonly lookup: Lookup,
  ) {}

  term(t: Term): Term | null {
    if (t.kind === 'const') {
      if (t.sort.kind === 'bool') return t;
      const m = 1n << BigInt(this.width);
      return bvConst(this.width, ((t.value % m) + m) % m);
    }
    if (t.kind === 'var') {
      const v = this.lookup(t.name);
      if (v === undefined) return null;
      if (v.type.kind === 'bool') return v.term;
      if (v.type.kind !== 'bv') return null;
      const extra = this.width - v.type.width;
      return v.type.signed ? signExtend(extra, v.term) : zeroExtend(extra, v.term);
    }
    const args: Term[] = [];
    for (const a of t.args) {
      const w = this.term(a);
      if (w === null) return null;
      args.push(w);
    }
    const W = this.width;
    const zero = bvConst(W, 0n);
    switch (t.op) {
      case 'not':
        return not(args[0]);
      case 'and':
      case 'or':
      case 'xor':
        return { ...t, args };
      // Through the constructors: an integer `ite` becomes a bit-vector one.
      case '=':
        return eq(args[0], args[1]);
      case 'ite':
        return ite(args[0], args[1], args[2]);
      case '+':
        return bvBinary('bvadd', args[0], args[1]);
      case '-':
        return bvBinary('bvsub', args[0], args[1]);
      case '*':
        return bvBinary('bvmul', args[0], args[1]);
      case 'ineg':
        return bvNeg(args[0]);
      case '<':
        return bvCompare('bvslt', args[0], args[1]);
      case '<=':
        return bvCompare('bvsle', args[0], args[1]);
      case 'div':
      case 'mod': {
        // Euclidean division by a nonzero constant, from truncating division.
        const d = t.args[1];
        if (d.kind !== 'const' || d.value === 0n) return null;
        const [a, b] = args;
        const q = bvBinary('bvsdiv', a, b);
        const r = bvBinary('bvsrem', a, b);
        const negative = bvCompare('bvslt', r, zero);
        const one = bvConst(W, 1n);
        if (t.op === 'div') {
          const fixed = d.value > 0n ? bvBinary('bvsub', q, one) : bvBinary('bvadd', q, one);
          return ite(negative, fixed, q);
        }
        const fixed = d.value > 0n ? bvBinary('bvadd', r, b) : bvBinary('bvsub', r, b);
        return ite(negative, fixed, r);
      }
      default:
        return null;
    }
  }
}

/**
 * `inv` (an integer formula over `v!<name>` variables) evaluated on the
 * bit-precise values `values` of the IR variables; null if it cannot be done
 * exactly.
 */
export function invariantAt(
  inv: Term,
  values: ReadonlyMap<string, Term>,
  types: ReadonlyMap<string, Type>,
  observables: ReadonlyMap<string, Observable> = new Map(),
): Term | null {
  const lookup: Lookup = (name) => lookupIn(name, values, types, observables);
  if ([...types.values()].every((t) => t.kind !== 'bv')) {
    // Mathematical integers (Python, --semantics math): the formula is already exact.
    return substitute(inv, lookup);
  }
  const b = bound(inv, lookup);
  if (b === null) return null;
  let width = 64;
  while (b << 2n >= 1n << BigInt(width)) width *= 2;
  if (width > MAX_WIDTH) return null;
  return new Wide(width, lookup).term(inv);
}

function substitute(t: Term, lookup: Lookup): Term | null {
  if (t.kind === 'const') return t;
  if (t.kind === 'var') return lookup(t.name)?.term ?? null;
  const args: Term[] = [];
  for (const a of t.args) {
    const s = substitute(a, lookup);
    if (s === null) return null;
    args.push(s);
  }
  return { ...t, args };
}

function where(span: SourceSpan): string {
  return `line ${span.startLine}`;
}

export interface RegionView {
  /** Values at the cutpoint (the state variables). */
  readonly state: ReadonlyMap<string, Term>;
  readonly encoded: EncodedRegion;
  /** Facts about the state and fresh values (their types' ranges). */
  readonly facts: readonly Term[];
  /** Evaluates an invariant (over `v!` names) on values of this encoding. */
  readonly at: (inv: Term, values: ReadonlyMap<string, Term>) => Term | null;
}

/** How a region's values are encoded: exact integers, or the BMC engine's bit-vectors. */
export type ViewMode = 'int' | 'bv';

/** Names for one encoding of a region: its state variables and its fresh values. */
export interface ViewNames {
  /** Prefix of the state variables (`s!` gives `s!x`). */
  readonly state: string;
  /** Prefix of the fresh values (havocs, opaque results). */
  readonly fresh: string;
}

const DEFAULT_NAMES: ViewNames = { state: 's!', fresh: 'h!' };

/**
 * The region in `mode`, or null when `mode` is `int` and some operation of
 * the region has no exact integer form.
 */
export function encodeView(
  fn: IrFunction,
  region: Region,
  selected: ReadonlySet<string>,
  types: ReadonlyMap<string, Type>,
  mode: ViewMode,
  names: ViewNames = DEFAULT_NAMES,
): RegionView | null {
  const observables = observablesOf(fn);
  if (mode === 'int') {
    // Memory (arrays) has no exact integer form.
    if (usesMemory(fn)) return null;
    const fresh = new FreshValues(names.fresh);
    const encoder = new IntEncoder(fresh, true);
    const intState = new Map<string, Term>();
    const facts: Term[] = [];
    for (const [name, t] of types) {
      const v = mkVar(`${names.state}${name}`, intSortOf(t));
      intState.set(name, v);
      const r = rangeOf(v, t);
      if (r !== null) facts.push(r);
    }
    const exact = encodeRegion(fn, region, intState, selected, {
      encode: (e, env) => encoder.encode(e, env),
      havoc: (t, what) => fresh.make(t, what),
    });
    if (fresh.approximate) return null;
    return {
      state: intState,
      encoded: exact,
      facts: [...facts, ...fresh.constraints],
      at: (inv, values) => substitute(inv, (name) => lookupIn(name, values, types)),
    };
  }
  const bvState = new Map<string, Term>();
  for (const [name, t] of types) bvState.set(name, mkVar(`${names.state}${name}`, sortOf(t)));
  let havocs = 0;
  const encoded = encodeRegion(fn, region, bvState, selected, {
    encode: (e, env) => encodeExpr(e, env),
    havoc: (t, what) => mkVar(`${names.fresh}${havocs++}!${what}`, sortOf(t)),
  });
  return {
    state: bvState,
    encoded,
    facts: [],
    at: (inv, values) => invariantAt(inv, values, types, observables),
  };
}

/** The function's observables by name (the invariants' `v!@…` variables). */
export function observablesOf(fn: IrFunction): ReadonlyMap<string, Observable> {
  return new Map((fn.observables ?? []).map((o) => [o.name, o]));
}

/**
 * The region in the exact integer encoding when every operation in it has
 * one (fast for the solver: linear integer arithmetic), otherwise in the
 * BMC engine's bit-vector encoding.
 */
function viewRegion(
  fn: IrFunction,
  region: Region,
  selected: ReadonlySet<string>,
  types: ReadonlyMap<string, Type>,
): RegionView {
  return (
    encodeView(fn, region, selected, types, 'int') ??
    (encodeView(fn, region, selected, types, 'bv') as RegionView)
  );
}

/**
 * The ghost index of the `cell` observables (ir.ts `GHOST_INDEX`): one
 * solver variable, the same before and after every pass, so initiation and
 * consecution hold for an arbitrary K; `forAllK` quantifies it where an
 * invariant is assumed before a safety check.
 */
const GHOST_VAR = 'ghost!K';

/**
 * The ghost index's IR type: that of the pointer a cell observable indexes
 * (memory.ts builds `a[K]` as `a + K·size` in pointer arithmetic).
 */
function ghostType(
  observables: ReadonlyMap<string, Observable>,
  types: ReadonlyMap<string, Type>,
): Type | undefined {
  for (const o of observables.values()) if (o.role === 'cell') return types.get(o.of);
  return undefined;
}

const withGhostCache = new WeakMap<ReadonlyMap<string, Term>, ReadonlyMap<string, Term>>();

/** `values` with the ghost index's solver variable added. */
function withGhost(values: ReadonlyMap<string, Term>, type: Type): ReadonlyMap<string, Term> {
  let m = withGhostCache.get(values);
  if (m === undefined) {
    m = new Map([...values, [GHOST_INDEX, mkVar(GHOST_VAR, sortOf(type))]]);
    withGhostCache.set(values, m);
  }
  return m;
}

/**
 * `t` with its conjuncts that mention the ghost index quantified over it:
 * what an invariant for every K says, as a hypothesis.
 */
export function forAllK(t: Term): Term {
  const conjuncts = t.kind === 'app' && t.op === 'and' ? t.args : [t];
  const mentions = (u: Term): boolean =>
    u.kind === 'var' ? u.name === GHOST_VAR : u.kind === 'app' && u.args.some(mentions);
  const withK = conjuncts.filter(mentions);
  if (withK.length === 0) return t;
  const k = ghostVarIn(withK) as VarTerm;
  return and(...conjuncts.filter((c) => !mentions(c)), quantifier('forall', [k], and(...withK)));
}

function ghostVarIn(ts: readonly Term[]): VarTerm | null {
  for (const t of ts) {
    if (t.kind === 'var' && t.name === GHOST_VAR) return t;
    if (t.kind === 'app') {
      const found = ghostVarIn(t.args);
      if (found !== null) return found;
    }
  }
  return null;
}

function lookupIn(
  name: string,
  values: ReadonlyMap<string, Term>,
  types: ReadonlyMap<string, Type>,
  observables: ReadonlyMap<string, Observable> = new Map(),
): { term: Term; type: Type } | undefined {
  if (!name.startsWith('v!')) return undefined;
  const ir = name.slice(2);
  if (ir === GHOST_INDEX) {
    const type = ghostType(observables, types);
    return type === undefined ? undefined : { term: mkVar(GHOST_VAR, sortOf(type)), type };
  }
  const o = observables.get(ir);
  if (o !== undefined) {
    // Every variable it reads must have a value here.
    if (!values.has(o.of)) return undefined;
    if (o.role === 'cell') {
      const type = types.get(o.of) as Type;
      return { term: encodeExpr(o.expr, withGhost(values, type)), type: o.expr.type };
    }
    return { term: encodeExpr(o.expr, values), type: o.expr.type };
  }
  const term = values.get(ir);
  const type = types.get(ir);
  return term === undefined || type === undefined ? undefined : { term, type };
}

/** The three kinds of queries for invariants `invs` (by cutpoint index); null if an invariant cannot be encoded. */
export function certificateQueries(
  fn: IrFunction,
  regions: Regions,
  invs: readonly Term[],
  selected: ReadonlySet<string>,
): CertificateQueryDraft[] | null {
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const out: CertificateQueryDraft[] = [];
  const loopWord = (i: number): string =>
    i === 0 ? 'the entry' : `the loop at ${where(regions.cutpoints[i].span)}`;
  for (const region of regions.regions) {
    const i = region.cut.index;
    const view = viewRegion(fn, region, selected, types);
    const pre = view.at(invs[i], view.state);
    if (pre === null) return null;
    if (i === 0 && invs[0] !== trueTerm) {
      out.push({
        kind: 'initiation',
        meaning: `every entry state satisfies the entry invariant`,
        assertions: [...view.facts, not(pre)],
      });
    }
    for (const x of view.encoded.exits) {
      if (invs[x.to] === trueTerm) continue;
      const post = view.at(invs[x.to], x.env);
      if (post === null) return null;
      const initiation = i === 0;
      out.push({
        kind: initiation ? 'initiation' : 'consecution',
        meaning: initiation
          ? `every run reaches ${loopWord(x.to)} inside its invariant (initiation)`
          : `a pass from ${loopWord(i)} inside its invariant reaches ${loopWord(x.to)} inside its invariant (consecution)`,
        assertions: [...view.facts, pre, x.guard, not(post)],
      });
    }
    for (const v of view.encoded.violations) {
      out.push({
        kind: 'safety',
        meaning: `no pass from ${loopWord(i)} inside its invariant violates ${v.property} (safety)`,
        assertions: [...view.facts, forAllK(pre), v.term],
      });
    }
  }
  return out;
}
