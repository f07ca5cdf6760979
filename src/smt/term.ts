/**
 * Solver queries as plain data: a small term language over the sorts Bool,
 * (_ BitVec n), Int, String, RegLan and arrays (`(Array (_ BitVec n) E)`
 * with E Bool, a bit-vector or Int), with SMT-LIB 2 semantics.
 *
 * Guarantees:
 * - Every factory checks the sorts of its arguments and throws on a mismatch
 *   (a programming error in the caller, never a user-input error), so a term
 *   that exists is well sorted.
 * - Factories fold constants and a few identities (`and` with true, `ite`
 *   with equal branches, ...). Folding uses `applyOp`, the same function
 *   `evaluate` uses, whose meaning is exactly SMT-LIB's — including
 *   bit-vector division by zero (bvudiv x 0 = all ones, bvurem x 0 = x).
 *   Integer `div`/`mod` by zero is not folded (SMT-LIB leaves it
 *   unspecified); `evaluate` returns 0 and x for it, so callers that need
 *   exact evaluation guard the divisor themselves.
 * - Values are bigint: a bit-vector constant holds its *unsigned* value in
 *   [0, 2^n), a Bool 0n or 1n, an Int any integer.
 * - Terms are immutable and may be shared freely; the printer (print.ts)
 *   emits each shared subterm once.
 * - Strings (SMT-LIB's theory of Unicode strings): a string literal is the
 *   nullary application `str.lit` carrying its text; its characters are
 *   code points up to `MAX_STRING_CHAR` (0x2FFFF, the SMT-LIB limit), which
 *   `strConst` checks. String and regular-expression terms are not folded
 *   (except the length of a literal and an empty prefix or suffix)
 *   and `evaluate` does not interpret them: Z3 decides them (the factories
 *   only check sorts). There is no lower-casing in SMT-LIB: case-insensitive
 *   matching is modelled by the caller (e.g. a lower-cased copy of a
 *   variable, constrained to have no upper-case letter).
 * - Arrays (SMT-LIB's theory of arrays, extensional): `select`, `store` and
 *   `constArray`. An array's concrete value is a `MapValue` (ir/value.ts):
 *   indices are the unsigned values of the index sort, elements scalars as
 *   above. There is no array constant term: a constant array is the
 *   application `const-array`. The factories fold a `select` through
 *   `store`s at constant (or identical) indices and from a constant array,
 *   and a `store` over a `store` at the same index.
 */
import type { MapValue } from '../ir/value.js';
import { mapGet, mapSet, mapValue } from '../ir/value.js';

export type Sort =
  | { readonly kind: 'bool' }
  | { readonly kind: 'bv'; readonly width: number }
  | { readonly kind: 'int' }
  | { readonly kind: 'string' }
  | { readonly kind: 'reglan' }
  /** `(Array index elem)`: `index` a bit-vector sort, `elem` Bool, a bit-vector or Int. */
  | { readonly kind: 'array'; readonly index: Sort; readonly elem: Sort };

/** A sort of kind `array`. */
export type ArraySort = Extract<Sort, { kind: 'array' }>;

export const boolSort: Sort = { kind: 'bool' };
export const intSort: Sort = { kind: 'int' };
export const stringSort: Sort = { kind: 'string' };
/** Regular languages over strings (`RegLan`). */
const regLanSort: Sort = { kind: 'reglan' };
const bvSorts = new Map<number, Sort>();
export function bvSort(width: number): Sort {
  if (!Number.isInteger(width) || width < 1)
    throw new Error(`internal error: bit-vector width ${width}`);
  let s = bvSorts.get(width);
  if (s === undefined) {
    s = { kind: 'bv', width };
    bvSorts.set(width, s);
  }
  return s;
}

/**
 * The array sort `(Array index elem)`. Arrays are indexed by bit-vectors and
 * hold Bool, bit-vector or Int elements (the values a `MapValue` can hold);
 * anything else is a caller bug, thrown as an internal error.
 */
export function arraySort(index: Sort, elem: Sort): ArraySort {
  if (index.kind !== 'bv') fail(`array index sort ${sortText(index)}`);
  if (elem.kind !== 'bv' && elem.kind !== 'bool' && elem.kind !== 'int')
    fail(`array element sort ${sortText(elem)}`);
  return { kind: 'array', index, elem };
}

export function sortEquals(a: Sort, b: Sort): boolean {
  if (a.kind === 'bv' && b.kind === 'bv') return a.width === b.width;
  if (a.kind === 'array' && b.kind === 'array')
    return sortEquals(a.index, b.index) && sortEquals(a.elem, b.elem);
  return a.kind === b.kind;
}

/** SMT-LIB spelling of a sort. */
export function sortText(s: Sort): string {
  switch (s.kind) {
    case 'bool':
      return 'Bool';
    case 'int':
      return 'Int';
    case 'bv':
      return `(_ BitVec ${s.width})`;
    case 'string':
      return 'String';
    case 'reglan':
      return 'RegLan';
    case 'array':
      return `(Array ${sortText(s.index)} ${sortText(s.elem)})`;
  }
}

export type BvBinOp =
  | 'bvadd'
  | 'bvsub'
  | 'bvmul'
  | 'bvudiv'
  | 'bvurem'
  | 'bvsdiv'
  | 'bvsrem'
  | 'bvshl'
  | 'bvlshr'
  | 'bvashr'
  | 'bvand'
  | 'bvor'
  | 'bvxor';
export type BvCmpOp = 'bvult' | 'bvule' | 'bvslt' | 'bvsle';
export type IntBinOp = '+' | '-' | '*' | 'div' | 'mod';
export type IntCmpOp = '<' | '<=';

/** Every operator, named as in SMT-LIB except `ineg` (printed `-`). */
export type Op =
  | 'not'
  | 'and'
  | 'or'
  | 'xor'
  | 'ite'
  | '='
  | BvBinOp
  | BvCmpOp
  | 'bvneg'
  | 'bvnot'
  | 'concat'
  | 'extract'
  | 'zero_extend'
  | 'sign_extend'
  | 'bv2nat'
  | 'int2bv'
  | IntBinOp
  | IntCmpOp
  | 'ineg'
  /** Quantifiers: `args` is `[body]`, `bound` the variables they bind (see `forall`). */
  | 'forall'
  | 'exists'
  | ArrayOp
  | StringOp;

/**
 * Array operators: `select` (a i), `store` (a i v) and `const-array` (v), the
 * constant array of the application's sort (SMT-LIB `((as const S) v)`).
 */
export type ArrayOp = 'select' | 'store' | 'const-array';

function isArrayOp(op: Op): op is ArrayOp {
  return op === 'select' || op === 'store' || op === 'const-array';
}

/** String and regular-expression operators (SMT-LIB names; `str.lit` is a literal). */
export type StringOp =
  | 'str.lit'
  | 'str.++'
  | 'str.len'
  | 'str.prefixof'
  | 'str.suffixof'
  | 'str.contains'
  | 'str.indexof'
  | 'str.in_re'
  | 'str.to_re'
  | 're.*'
  | 're.+'
  | 're.union'
  | 're.++'
  | 're.inter'
  | 're.comp'
  | 're.allchar'
  | 're.all'
  | 're.none'
  | 're.range';

const STRING_OPS: ReadonlySet<Op> = new Set<StringOp>([
  'str.lit',
  'str.++',
  'str.len',
  'str.prefixof',
  'str.suffixof',
  'str.contains',
  'str.indexof',
  'str.in_re',
  'str.to_re',
  're.*',
  're.+',
  're.union',
  're.++',
  're.inter',
  're.comp',
  're.allchar',
  're.all',
  're.none',
  're.range',
]);

/** Is `op` a string or regular-expression operator (never folded, never evaluated here)? */
function isStringOp(op: Op): op is StringOp {
  return STRING_OPS.has(op);
}

export interface ConstTerm {
  readonly kind: 'const';
  readonly sort: Sort;
  readonly value: bigint;
}
export interface VarTerm {
  readonly kind: 'var';
  readonly sort: Sort;
  readonly name: string;
}
export interface AppTerm {
  readonly kind: 'app';
  readonly sort: Sort;
  readonly op: Op;
  readonly args: readonly Term[];
  /** Indices of indexed operators: extract [hi, lo], zero_extend/sign_extend [n], int2bv [w]. */
  readonly indices: readonly number[];
  /** The bound variables of `forall` / `exists` (absent for every other operator). */
  readonly bound?: readonly VarTerm[];
  /** The text of a `str.lit` (absent for every other operator). */
  readonly literal?: string;
}
export type Term = ConstTerm | VarTerm | AppTerm;

// ---------------------------------------------------------------- semantics

function mask(width: number): bigint {
  return (1n << BigInt(width)) - 1n;
}
function toSigned(v: bigint, width: number): bigint {
  return BigInt.asIntN(width, v);
}
function toUnsigned(v: bigint, width: number): bigint {
  return BigInt.asUintN(width, v);
}
function bit(b: boolean): bigint {
  return b ? 1n : 0n;
}

function udiv(a: bigint, b: bigint, w: number): bigint {
  return b === 0n ? mask(w) : a / b;
}
function urem(a: bigint, b: bigint): bigint {
  return b === 0n ? a : a % b;
}
function sdiv(a: bigint, b: bigint, w: number): bigint {
  const na = toSigned(a, w) < 0n;
  const nb = toSigned(b, w) < 0n;
  const q = udiv(na ? toUnsigned(-a, w) : a, nb ? toUnsigned(-b, w) : b, w);
  return toUnsigned(na !== nb ? -q : q, w);
}
function srem(a: bigint, b: bigint, w: number): bigint {
  const na = toSigned(a, w) < 0n;
  const nb = toSigned(b, w) < 0n;
  const r = urem(na ? toUnsigned(-a, w) : a, nb ? toUnsigned(-b, w) : b);
  return toUnsigned(na ? -r : r, w);
}

function bvBinValue(op: BvBinOp, a: bigint, b: bigint, w: number): bigint {
  const W = BigInt(w);
  switch (op) {
    case 'bvadd':
      return toUnsigned(a + b, w);
    case 'bvsub':
      return toUnsigned(a - b, w);
    case 'bvmul':
      return toUnsigned(a * b, w);
    case 'bvudiv':
      return udiv(a, b, w);
    case 'bvurem':
      return urem(a, b);
    case 'bvsdiv':
      return sdiv(a, b, w);
    case 'bvsrem':
      return srem(a, b, w);
    case 'bvshl':
      return b >= W ? 0n : toUnsigned(a << b, w);
    case 'bvlshr':
      return b >= W ? 0n : a >> b;
    case 'bvashr':
      return toUnsigned(toSigned(a, w) >> (b >= W ? W : b), w);
    case 'bvand':
      return a & b;
    case 'bvor':
      return a | b;
    case 'bvxor':
      return a ^ b;
  }
}

/** Euclidean division as in SMT-LIB (0 ≤ remainder < |divisor|); by zero: 0 and x (unspecified in SMT-LIB). */
function euclid(a: bigint, b: bigint): { q: bigint; r: bigint } {
  if (b === 0n) return { q: 0n, r: a };
  let q = a / b;
  let r = a - b * q;
  if (r < 0n) {
    q = b > 0n ? q - 1n : q + 1n;
    r = a - b * q;
  }
  return { q, r };
}

function argWidth(t: AppTerm, i: number): number {
  const s = t.args[i].sort;
  return s.kind === 'bv' ? s.width : 0;
}

/** The value of operator application `t` on argument values `v` (SMT-LIB semantics). */
function applyOp(t: AppTerm, v: readonly bigint[]): bigint {
  const w = argWidth(t, 0);
  switch (t.op) {
    case 'not':
      return 1n - v[0];
    case 'and':
      return bit(v.every((x) => x === 1n));
    case 'or':
      return bit(v.some((x) => x === 1n));
    case 'xor':
      return v[0] ^ v[1];
    case 'ite':
      return v[0] === 1n ? v[1] : v[2];
    case '=':
      return bit(v[0] === v[1]);
    case 'bvult':
      return bit(v[0] < v[1]);
    case 'bvule':
      return bit(v[0] <= v[1]);
    case 'bvslt':
      return bit(toSigned(v[0], w) < toSigned(v[1], w));
    case 'bvsle':
      return bit(toSigned(v[0], w) <= toSigned(v[1], w));
    case 'bvneg':
      return toUnsigned(-v[0], w);
    case 'bvnot':
      return toUnsigned(~v[0], w);
    case 'concat':
      return (v[0] << BigInt(argWidth(t, 1))) | v[1];
    case 'extract':
      return (v[0] >> BigInt(t.indices[1])) & mask(t.indices[0] - t.indices[1] + 1);
    case 'zero_extend':
      return v[0];
    case 'sign_extend':
      return toUnsigned(toSigned(v[0], w), w + t.indices[0]);
    case 'bv2nat':
      return v[0];
    case 'int2bv':
      return toUnsigned(v[0], t.indices[0]);
    case '+':
      return v[0] + v[1];
    case '-':
      return v[0] - v[1];
    case '*':
      return v[0] * v[1];
    case 'div':
      return euclid(v[0], v[1]).q;
    case 'mod':
      return euclid(v[0], v[1]).r;
    case 'ineg':
      return -v[0];
    case '<':
      return bit(v[0] < v[1]);
    case '<=':
      return bit(v[0] <= v[1]);
    case 'forall':
    case 'exists':
      return fail(`cannot evaluate a quantifier`);
    case 'select':
    case 'store':
    case 'const-array':
      return fail(`the array operator ${t.op} on scalar values`);
    default:
      if (isStringOp(t.op)) return fail(`cannot evaluate the string operator ${t.op}`);
      return bvBinValue(t.op, v[0], v[1], w);
  }
}

/** A term's concrete value: a scalar (Bool, bit-vector, Int), or an array's `MapValue`. */
export type TermValue = bigint | MapValue;

function scalarOf(x: TermValue): bigint {
  return typeof x === 'bigint' ? x : fail('an array value where a scalar is expected');
}
function mapOf(x: TermValue): MapValue {
  return typeof x !== 'bigint' ? x : fail(`the scalar ${x} where an array value is expected`);
}

/**
 * Equality of two arrays of sort `s` as SMT-LIB means it (extensionally):
 * the same element at every index of the index sort. The defaults matter
 * only when some index is listed in neither map.
 */
function arraysEqual(a: MapValue, b: MapValue, s: Sort): boolean {
  if (s.kind !== 'array' || s.index.kind !== 'bv') return fail(`array equality at ${sortText(s)}`);
  const size = 1n << BigInt(s.index.width);
  const listed = new Set<bigint>();
  for (const i of [...a.entries.keys(), ...b.entries.keys()]) {
    if (i >= size) continue;
    if (mapGet(a, i) !== mapGet(b, i)) return false;
    listed.add(i);
  }
  return BigInt(listed.size) === size || a.default === b.default;
}

/** The value of `t` on argument values `v`: the array operators here, the rest by `applyOp`. */
function applyValue(t: AppTerm, v: readonly TermValue[]): TermValue {
  switch (t.op) {
    case 'select':
      return mapGet(mapOf(v[0]), scalarOf(v[1]));
    case 'store':
      return mapSet(mapOf(v[0]), scalarOf(v[1]), scalarOf(v[2]));
    case 'const-array':
      return mapValue(scalarOf(v[0]));
    case '=':
      if (t.args[0].sort.kind === 'array')
        return bit(arraysEqual(mapOf(v[0]), mapOf(v[1]), t.args[0].sort));
      break;
    case 'ite':
      if (t.sort.kind === 'array') return mapOf(scalarOf(v[0]) === 1n ? v[1] : v[2]);
      break;
  }
  return applyOp(t, v.map(scalarOf));
}

/**
 * The values of array-sorted terms evaluated with a given scalar memo (kept
 * apart so that the memo keeps its `bigint` type; shared with it).
 */
const arrayMemos = new WeakMap<Map<Term, bigint>, Map<Term, MapValue>>();

/**
 * The value of `t` when each variable has the value `valueOf(v)`: unsigned
 * for bit-vectors, 0n/1n for Bool, a `MapValue` for an array (see
 * `evaluateValue` for array-sorted `t`). Iterative, so deep terms do not
 * overflow the stack; `memo` may be shared between calls with the same
 * `valueOf`.
 */
export function evaluate(
  t: Term,
  valueOf: (v: VarTerm) => TermValue,
  memo: Map<Term, bigint> = new Map(),
): bigint {
  if (t.sort.kind === 'array') fail(`evaluate of an array (use evaluateValue)`);
  return scalarOf(evaluateValue(t, valueOf, memo));
}

/** `evaluate` for a term of any sort: an array-sorted term's value is a `MapValue`. */
export function evaluateValue(
  t: Term,
  valueOf: (v: VarTerm) => TermValue,
  memo: Map<Term, bigint> = new Map(),
): TermValue {
  let arrays = arrayMemos.get(memo);
  if (arrays === undefined) {
    arrays = new Map();
    arrayMemos.set(memo, arrays);
  }
  const known = arrays;
  const get = (u: Term): TermValue | undefined => memo.get(u) ?? known.get(u);
  const set = (u: Term, x: TermValue): void => {
    if (u.sort.kind === 'array') known.set(u, mapOf(x));
    else memo.set(u, scalarOf(x));
  };
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const u = stack[stack.length - 1];
    if (get(u) !== undefined) {
      stack.pop();
      continue;
    }
    if (u.kind !== 'app') {
      set(u, u.kind === 'const' ? u.value : valueOf(u));
      stack.pop();
      continue;
    }
    const pending = u.args.filter((a) => get(a) === undefined);
    if (pending.length > 0) {
      stack.push(...pending);
      continue;
    }
    set(
      u,
      applyValue(
        u,
        u.args.map((a) => get(a) as TermValue),
      ),
    );
    stack.pop();
  }
  return get(t) as TermValue;
}

// ---------------------------------------------------------------- factories

function fail(msg: string): never {
  throw new Error(`internal error (smt term): ${msg}`);
}

function isConst(t: Term): t is ConstTerm {
  return t.kind === 'const';
}

function mkConst(sort: Sort, value: bigint): ConstTerm {
  return { kind: 'const', sort, value };
}

/** Builds an application, folding it when every argument is constant. */
function app(op: Op, sort: Sort, args: readonly Term[], indices: readonly number[] = []): Term {
  const t: AppTerm = { kind: 'app', sort, op, args, indices };
  if (isStringOp(op) || isArrayOp(op)) return t;
  if (args.every(isConst)) {
    if ((op === 'div' || op === 'mod') && args[1].value === 0n) return t;
    const value = applyOp(
      t,
      args.map((a) => a.value),
    );
    return sort.kind === 'bool' ? boolConst(value === 1n) : mkConst(sort, value);
  }
  return liftConstantIte(op, sort, args, indices) ?? t;
}

/** Leaves of an `ite` tree whose leaves are all constants (at most 8 of them), else null. */
function constantLeaves(t: Term, budget = { n: 8 }): number | null {
  if (isConst(t)) return --budget.n >= 0 ? 1 : null;
  if (t.kind !== 'app' || t.op !== 'ite') return null;
  const a = constantLeaves(t.args[1], budget);
  if (a === null) return null;
  const b = constantLeaves(t.args[2], budget);
  return b === null ? null : a + b;
}

/** `c ? k1 : k2`, nested, with constant leaves (the address of one of a few known objects, say). */
function constantIte(t: Term): t is AppTerm {
  return t.kind === 'app' && t.op === 'ite' && constantLeaves(t) !== null;
}

/**
 * `t` with `f` applied at each constant leaf of its `ite` tree; null if some
 * result is not `ok` (by default: a constant).
 */
function mapLeaves(t: Term, f: (k: Term) => Term, ok: (r: Term) => boolean = isConst): Term | null {
  if (isConst(t)) {
    const r = f(t);
    return ok(r) ? r : null;
  }
  if (t.kind !== 'app' || t.op !== 'ite') return null;
  const a = mapLeaves(t.args[1], f, ok);
  if (a === null) return null;
  const b = mapLeaves(t.args[2], f, ok);
  return b === null ? null : ite(t.args[0], a, b);
}

/**
 * `f(…, c ? k1 : k2, …)` with every other argument constant is
 * `c ? f(…, k1, …) : f(…, k2, …)`, both of which fold: exact, and it lets
 * memory checks on pointers that are one of a few known addresses fold away.
 */
function liftConstantIte(
  op: Op,
  sort: Sort,
  args: readonly Term[],
  indices: readonly number[],
): Term | null {
  if (op === 'ite') return null;
  let at = -1;
  for (let i = 0; i < args.length; i++) {
    if (isConst(args[i])) continue;
    if (at >= 0 || !constantIte(args[i])) return null;
    at = i;
  }
  if (at < 0) return null;
  return mapLeaves(args[at], (k) =>
    app(
      op,
      sort,
      args.map((a, i) => (i === at ? k : a)),
      indices,
    ),
  );
}

/**
 * `(forall (bound) body)` / `(exists (bound) body)`. The printer writes a
 * quantifier's body inline (no shared definitions inside it), so the bound
 * names always refer to the bound variables.
 */
export function quantifier(kind: 'forall' | 'exists', bound: readonly VarTerm[], body: Term): Term {
  if (body.sort.kind !== 'bool') fail(`${kind} over a non-Bool body`);
  if (bound.length === 0 || isConst(body)) return body;
  return { kind: 'app', sort: boolSort, op: kind, args: [body], indices: [], bound };
}

export const trueTerm: ConstTerm = mkConst(boolSort, 1n);
export const falseTerm: ConstTerm = mkConst(boolSort, 0n);

export function boolConst(b: boolean): ConstTerm {
  return b ? trueTerm : falseTerm;
}
export function bvConst(width: number, value: bigint): ConstTerm {
  return mkConst(bvSort(width), toUnsigned(value, width));
}
export function intConst(value: bigint): ConstTerm {
  return mkConst(intSort, value);
}
export function mkVar(name: string, sort: Sort): VarTerm {
  if (name.length === 0 || name.includes('|') || name.includes('\\'))
    fail(`bad name ${JSON.stringify(name)}`);
  if (sort.kind === 'array') arraySort(sort.index, sort.elem);
  return { kind: 'var', sort, name };
}

function needBool(...ts: readonly Term[]): void {
  for (const t of ts) if (t.sort.kind !== 'bool') fail(`expected Bool, got ${sortText(t.sort)}`);
}
function needBv(...ts: readonly Term[]): number {
  const s = ts[0].sort;
  if (s.kind !== 'bv') return fail(`expected a bit-vector, got ${sortText(s)}`);
  for (const t of ts)
    if (!sortEquals(t.sort, s)) fail(`sort mismatch ${sortText(t.sort)} vs ${sortText(s)}`);
  return s.width;
}
function needInt(...ts: readonly Term[]): void {
  for (const t of ts) if (t.sort.kind !== 'int') fail(`expected Int, got ${sortText(t.sort)}`);
}

export function not(a: Term): Term {
  needBool(a);
  if (a.kind === 'app' && a.op === 'not') return a.args[0];
  return app('not', boolSort, [a]);
}

function junction(op: 'and' | 'or', args: readonly Term[]): Term {
  for (const a of args) needBool(a);
  const unit = op === 'and' ? 1n : 0n;
  const kept = new Set<Term>();
  for (const a of args) {
    if (isConst(a)) {
      if (a.value !== unit) return boolConst(op === 'or');
      continue;
    }
    kept.add(a);
  }
  if (kept.size === 0) return boolConst(op === 'and');
  if (kept.size === 1) return [...kept][0];
  return app(op, boolSort, [...kept]);
}
/** `and` of a list of any length (no argument spreading). */
export function conjunction(args: readonly Term[]): Term {
  return junction('and', args);
}
/** `or` of a list of any length (no argument spreading). */
export function disjunction(args: readonly Term[]): Term {
  return junction('or', args);
}
export function and(...args: readonly Term[]): Term {
  return junction('and', args);
}
export function or(...args: readonly Term[]): Term {
  return junction('or', args);
}
export function implies(a: Term, b: Term): Term {
  return or(not(a), b);
}
export function xor(a: Term, b: Term): Term {
  needBool(a, b);
  return app('xor', boolSort, [a, b]);
}

export function ite(c: Term, a: Term, b: Term): Term {
  needBool(c);
  if (!sortEquals(a.sort, b.sort)) fail(`ite branches ${sortText(a.sort)} vs ${sortText(b.sort)}`);
  if (isConst(c)) return c.value === 1n ? a : b;
  if (a === b || (isConst(a) && isConst(b) && a.value === b.value)) return a;
  if (a.sort.kind === 'bool' && isConst(a) && isConst(b)) return a.value === 1n ? c : not(c);
  return app('ite', a.sort, [c, a, b]);
}

export function eq(a: Term, b: Term): Term {
  if (!sortEquals(a.sort, b.sort)) fail(`= on ${sortText(a.sort)} vs ${sortText(b.sort)}`);
  if (a === b) return trueTerm;
  // Two constant arrays are equal iff their elements are (an index sort is never empty).
  const ca = constArrayElement(a);
  const cb = constArrayElement(b);
  if (ca !== undefined && cb !== undefined && isConst(ca) && isConst(cb))
    return boolConst(ca.value === cb.value);
  return app('=', boolSort, [a, b]);
}

export function bvBinary(op: BvBinOp, a: Term, b: Term): Term {
  return app(op, bvSort(needBv(a, b)), [a, b]);
}
export function bvCompare(op: BvCmpOp, a: Term, b: Term): Term {
  needBv(a, b);
  return app(op, boolSort, [a, b]);
}
export function bvNeg(a: Term): Term {
  return app('bvneg', bvSort(needBv(a)), [a]);
}
export function bvNot(a: Term): Term {
  return app('bvnot', bvSort(needBv(a)), [a]);
}
/** Bits hi..lo (inclusive) of `a`. */
export function extract(hi: number, lo: number, a: Term): Term {
  const w = needBv(a);
  if (!(0 <= lo && lo <= hi && hi < w)) fail(`extract ${hi} ${lo} of width ${w}`);
  if (lo === 0 && hi === w - 1) return a;
  return app('extract', bvSort(hi - lo + 1), [a], [hi, lo]);
}
export function zeroExtend(n: number, a: Term): Term {
  const w = needBv(a);
  return n === 0 ? a : app('zero_extend', bvSort(w + n), [a], [n]);
}
export function signExtend(n: number, a: Term): Term {
  const w = needBv(a);
  return n === 0 ? a : app('sign_extend', bvSort(w + n), [a], [n]);
}
/** The unsigned value of a bit-vector, as an Int. */
export function bv2nat(a: Term): Term {
  needBv(a);
  return app('bv2nat', intSort, [a]);
}
/** An Int reduced modulo 2^width. */
export function int2bv(width: number, a: Term): Term {
  needInt(a);
  return app('int2bv', bvSort(width), [a], [width]);
}

export function intBinary(op: IntBinOp, a: Term, b: Term): Term {
  needInt(a, b);
  return app(op, intSort, [a, b]);
}
export function intNeg(a: Term): Term {
  needInt(a);
  return app('ineg', intSort, [a]);
}
export function intCompare(op: IntCmpOp, a: Term, b: Term): Term {
  needInt(a, b);
  return app(op, boolSort, [a, b]);
}

// ---------------------------------------------------------------- strings

/** The largest character (code point) of SMT-LIB strings. */
export const MAX_STRING_CHAR = 0x2ffff;

/** Can `text` be an SMT-LIB string literal (every code point at most `MAX_STRING_CHAR`)? */
export function isRepresentableString(text: string): boolean {
  for (const ch of text) if ((ch.codePointAt(0) as number) > MAX_STRING_CHAR) return false;
  return true;
}

function needSort(kind: 'string' | 'reglan', ...ts: readonly Term[]): void {
  for (const t of ts)
    if (t.sort.kind !== kind)
      fail(`expected ${kind === 'string' ? 'String' : 'RegLan'}, got ${sortText(t.sort)}`);
}

/** A string literal; throws (a caller bug) on a code point beyond `MAX_STRING_CHAR`. */
export function strConst(text: string): Term {
  if (!isRepresentableString(text)) fail(`string ${JSON.stringify(text)} beyond U+2FFFF`);
  return { kind: 'app', sort: stringSort, op: 'str.lit', args: [], indices: [], literal: text };
}

/** The text of a string literal term, else undefined. */
export function stringLiteralValue(t: Term): string | undefined {
  return t.kind === 'app' && t.op === 'str.lit' ? t.literal : undefined;
}

/** `str.++` of any number of strings (the empty list is ""). */
export function strConcat(...parts: readonly Term[]): Term {
  needSort('string', ...parts);
  if (parts.length === 0) return strConst('');
  if (parts.length === 1) return parts[0];
  return app('str.++', stringSort, parts);
}
/** The length in characters (a literal's length is folded). */
export function strLen(s: Term): Term {
  needSort('string', s);
  const literal = stringLiteralValue(s);
  if (literal !== undefined) return intConst(BigInt([...literal].length));
  return app('str.len', intSort, [s]);
}
/** `prefix` is a prefix of `s` (true for the empty literal). */
export function strPrefixOf(prefix: Term, s: Term): Term {
  needSort('string', prefix, s);
  if (stringLiteralValue(prefix) === '') return trueTerm;
  return app('str.prefixof', boolSort, [prefix, s]);
}
/** `suffix` is a suffix of `s` (true for the empty literal). */
export function strSuffixOf(suffix: Term, s: Term): Term {
  needSort('string', suffix, s);
  if (stringLiteralValue(suffix) === '') return trueTerm;
  return app('str.suffixof', boolSort, [suffix, s]);
}
/** `s` contains `part`. */
export function strContains(s: Term, part: Term): Term {
  needSort('string', s, part);
  return app('str.contains', boolSort, [s, part]);
}
/** The first position of `part` in `s` at or after `from` (-1 when there is none; SMT-LIB `str.indexof`). */
export function strIndexOf(s: Term, part: Term, from: Term): Term {
  needSort('string', s, part);
  needInt(from);
  return app('str.indexof', intSort, [s, part, from]);
}
/** `s` is in the language `re`. */
export function strInRe(s: Term, re: Term): Term {
  needSort('string', s);
  needSort('reglan', re);
  return app('str.in_re', boolSort, [s, re]);
}
/** The language of exactly the string `s`. */
export function strToRe(s: Term): Term {
  needSort('string', s);
  return app('str.to_re', regLanSort, [s]);
}
export function reStar(re: Term): Term {
  needSort('reglan', re);
  return app('re.*', regLanSort, [re]);
}
export function rePlus(re: Term): Term {
  needSort('reglan', re);
  return app('re.+', regLanSort, [re]);
}
/** Union of any number of languages (none: the empty language). */
export function reUnion(...res: readonly Term[]): Term {
  needSort('reglan', ...res);
  if (res.length === 0) return reNone();
  if (res.length === 1) return res[0];
  return app('re.union', regLanSort, res);
}
/** Concatenation of any number of languages (none: the empty string). */
export function reConcat(...res: readonly Term[]): Term {
  needSort('reglan', ...res);
  if (res.length === 0) return strToRe(strConst(''));
  if (res.length === 1) return res[0];
  return app('re.++', regLanSort, res);
}
/** Intersection of at least one language. */
export function reInter(...res: readonly Term[]): Term {
  needSort('reglan', ...res);
  if (res.length === 0) return reAll();
  if (res.length === 1) return res[0];
  return app('re.inter', regLanSort, res);
}
export function reComp(re: Term): Term {
  needSort('reglan', re);
  return app('re.comp', regLanSort, [re]);
}
/** Every one-character string. */
export function reAllChar(): Term {
  return app('re.allchar', regLanSort, []);
}
/** Every string. */
export function reAll(): Term {
  return app('re.all', regLanSort, []);
}
/** The empty language. */
export function reNone(): Term {
  return app('re.none', regLanSort, []);
}
/** The one-character strings from `lo` to `hi` (each a single character). */
export function reRange(lo: string, hi: string): Term {
  if ([...lo].length !== 1 || [...hi].length !== 1) fail(`re.range needs single characters`);
  return app('re.range', regLanSort, [strConst(lo), strConst(hi)]);
}

// ---------------------------------------------------------------- arrays

function needArray(a: Term): ArraySort {
  return a.sort.kind === 'array' ? a.sort : fail(`expected an array, got ${sortText(a.sort)}`);
}
function needSortOf(t: Term, s: Sort, what: string): void {
  if (!sortEquals(t.sort, s)) fail(`${what}: expected ${sortText(s)}, got ${sortText(t.sort)}`);
}
/** Do `a` and `b` certainly denote the same value (one term, or equal constants)? */
function sameScalar(a: Term, b: Term): boolean {
  return a === b || (isConst(a) && isConst(b) && a.value === b.value);
}
/** Do `a` and `b` certainly denote different values (different constants)? */
function distinctScalar(a: Term, b: Term): boolean {
  return isConst(a) && isConst(b) && a.value !== b.value;
}
/** The element of a `const-array` application, else undefined. */
function constArrayElement(t: Term): Term | undefined {
  return t.kind === 'app' && t.op === 'const-array' ? t.args[0] : undefined;
}

/**
 * The element of array `a` at index `i` (SMT-LIB `select`). Folds through
 * `store`s at indices that are certainly different, and returns the stored
 * value of a `store` at the same index or the element of a constant array.
 */
export function select(a: Term, i: Term): Term {
  const s = needArray(a);
  needSortOf(i, s.index, 'select index');
  let base = a;
  while (base.kind === 'app') {
    const elem = constArrayElement(base);
    if (elem !== undefined) return elem;
    if (base.op !== 'store') break;
    if (sameScalar(base.args[1], i)) return base.args[2];
    if (!distinctScalar(base.args[1], i)) break;
    base = base.args[0];
  }
  // An index that is one of two constants: both selects may fold.
  if (constantIte(i)) {
    // Worth it only where every select folds to a stored value.
    const lifted = mapLeaves(
      i,
      (k) => select(base, k),
      (r) => !(r.kind === 'app' && r.op === 'select'),
    );
    if (lifted !== null) return lifted;
  }
  return app('select', s.elem, [base, i]);
}

/**
 * Array `a` with `v` at index `i` (SMT-LIB `store`). Folds a store of what
 * is already there (`store(a, i, select(a, i))`, a constant array's own
 * element) to the array itself, and a store over a store at the same index
 * to one store.
 */
export function store(a: Term, i: Term, v: Term): Term {
  const s = needArray(a);
  needSortOf(i, s.index, 'store index');
  needSortOf(v, s.elem, 'store value');
  if (v.kind === 'app' && v.op === 'select' && v.args[0] === a && sameScalar(v.args[1], i))
    return a;
  const base = a.kind === 'app' && a.op === 'store' && sameScalar(a.args[1], i) ? a.args[0] : a;
  const elem = constArrayElement(base);
  if (elem !== undefined && sameScalar(elem, v)) return base;
  return app('store', s, [base, i, v]);
}

/** The array of sort `sort` with `v` at every index (SMT-LIB `((as const sort) v)`). */
export function constArray(sort: Sort, v: Term): Term {
  if (sort.kind !== 'array') return fail(`constant array of sort ${sortText(sort)}`);
  const s = arraySort(sort.index, sort.elem);
  needSortOf(v, s.elem, 'constant array element');
  return app('const-array', s, [v]);
}
