/**
 * arc's program IR: a small typed control-flow graph.
 *
 * Front-ends produce it (all language semantics — promotions, conversions,
 * short-circuiting, undefined-behaviour checks — are made explicit here);
 * engines and the concrete interpreter consume it. Nothing in this file
 * depends on a solver or on a parser.
 *
 * Conventions every producer and consumer relies on:
 * - Expressions are pure (no side effects, no calls) and fully typed: the two
 *   operands of a `binary` or `compare` node have exactly the node's operand
 *   type; conversions are explicit `cast` nodes.
 * - Values at module boundaries are `bigint`: a bit-vector value lies in the
 *   range of its type (negative for a negative value of a signed type), a
 *   `bool` is 0n or 1n, an `int` is any integer.
 * - A branch is two edges out of one node, each an `assume`.
 * - A property is checked by an `assert` edge; execution continues past it
 *   only when the condition holds (check, then assume).
 */
import type { SourceSpan } from '../core/diagnostic.js';

export type { SourceSpan };

/**
 * IR types. `bv` is a C integer type; `int` is a mathematical integer;
 * `array` is a total map from bit-vector indices to bit-vector elements (an
 * SMT array): the C front-end's memory and object tables (src/frontends/c/memory.ts).
 */
export type Type = ScalarType | ArrayType;
export type ScalarType = BoolType | BitVecType | IntType;
export interface BoolType {
  readonly kind: 'bool';
}
export interface BitVecType {
  readonly kind: 'bv';
  readonly width: number;
  readonly signed: boolean;
}
export interface IntType {
  readonly kind: 'int';
}
export interface ArrayType {
  readonly kind: 'array';
  readonly index: BitVecType;
  readonly elem: BitVecType;
}

export const boolType: BoolType = { kind: 'bool' };
export const intType: IntType = { kind: 'int' };
export function bvType(width: number, signed: boolean): BitVecType {
  return { kind: 'bv', width, signed };
}
export function arrayType(index: BitVecType, elem: BitVecType): ArrayType {
  return { kind: 'array', index, elem };
}
export function isScalarType(t: Type): t is ScalarType {
  return t.kind !== 'array';
}

/** `bool`, `int`, `i32`, `u8`, ... */
export function typeName(t: Type): string {
  switch (t.kind) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'bv':
      return `${t.signed ? 'i' : 'u'}${t.width}`;
    case 'array':
      return `[${typeName(t.index)}]${typeName(t.elem)}`;
  }
}

/** Smallest and largest value of a bit-vector type. */
export function bvRange(t: BitVecType): { min: bigint; max: bigint } {
  const w = BigInt(t.width);
  return t.signed
    ? { min: -(1n << (w - 1n)), max: (1n << (w - 1n)) - 1n }
    : { min: 0n, max: (1n << w) - 1n };
}

/** Reduces an integer modulo 2^width into the range of `t` (C conversion to `t`). */
export function wrapToType(value: bigint, t: BitVecType): bigint {
  const w = BigInt(t.width);
  const m = 1n << w;
  let v = ((value % m) + m) % m;
  if (t.signed && v >= m >> 1n) v -= m;
  return v;
}

export type UnaryOp =
  /** two's-complement negation (bv, wraps) or negation (int) */
  | 'neg'
  /** bitwise complement (bv only) */
  | 'bitnot'
  /** logical not (bool only) */
  | 'not';

export type BinaryOp =
  | 'add'
  | 'sub'
  | 'mul'
  /** division truncating toward zero (C); signedness from the operand type */
  | 'div'
  /** remainder with the sign of the dividend (C) */
  | 'rem'
  /** division rounding toward negative infinity (Python `//`, int only) */
  | 'floordiv'
  /** remainder with the sign of the divisor (Python `%`, int only) */
  | 'floormod'
  /** left shift; amount ≥ width gives 0 (bv only; both operands of one type) */
  | 'shl'
  /** right shift: arithmetic for signed, logical for unsigned; amount ≥ width gives 0 or -1 */
  | 'shr'
  | 'bitand'
  | 'bitor'
  | 'bitxor'
  /** boolean connectives (bool only) */
  | 'and'
  | 'or';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** Operations whose overflow an `overflow` node tests. */
export type OverflowOp = 'add' | 'sub' | 'mul' | 'neg' | 'div' | 'shl';

export type Expr =
  | ConstExpr
  | VarExpr
  | UnaryExpr
  | BinaryExpr
  | CompareExpr
  | IteExpr
  | CastExpr
  | OverflowExpr
  | SelectExpr
  | StoreExpr;

/** A constant; of an `array` type, the array holding `value` at every index. */
export interface ConstExpr {
  readonly kind: 'const';
  readonly type: Type;
  readonly value: bigint;
}
export interface VarExpr {
  readonly kind: 'var';
  readonly type: Type;
  readonly name: string;
}
export interface UnaryExpr {
  readonly kind: 'unary';
  readonly type: Type;
  readonly op: UnaryOp;
  readonly arg: Expr;
}
export interface BinaryExpr {
  readonly kind: 'binary';
  /** The result type; equal to both operands' type. */
  readonly type: Type;
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}
export interface CompareExpr {
  readonly kind: 'compare';
  readonly type: BoolType;
  readonly op: CompareOp;
  /** Both operands have one type; signedness of a bv comparison comes from it. */
  readonly left: Expr;
  readonly right: Expr;
}
export interface IteExpr {
  readonly kind: 'ite';
  readonly type: Type;
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
}
/**
 * Conversion to `type`. bv→bv: truncate, or extend by the *source*
 * signedness, then reinterpret (C11 6.3.1.3 with two's complement);
 * bool→bv/int: 0 or 1; bv/int→bool: value ≠ 0; bv→int: the value;
 * int→bv: reduce modulo 2^width.
 */
export interface CastExpr {
  readonly kind: 'cast';
  readonly type: Type;
  readonly arg: Expr;
}
/**
 * True iff the exact mathematical result of `op` on the values of `args`
 * (interpreted in their common bv type) is not representable in that type.
 * For `div`: only INT_MIN / -1 of a signed type. For `shl` (C11 6.5.7p4):
 * the left operand is negative, or (signed) left × 2^right is not
 * representable; the right operand is assumed to be in [0, width) — the
 * shift-amount check is a separate property. Always false for unsigned
 * `add`/`sub`/`mul`/`neg`/`shl`, which wrap in C.
 */
export interface OverflowExpr {
  readonly kind: 'overflow';
  readonly type: BoolType;
  readonly op: OverflowOp;
  readonly args: readonly Expr[];
}

/** The element of `array` at `index` (whose type is the array's index type). */
export interface SelectExpr {
  readonly kind: 'select';
  readonly type: BitVecType;
  readonly array: Expr;
  readonly index: Expr;
}
/** `array` with the element at `index` replaced by `value`. */
export interface StoreExpr {
  readonly kind: 'store';
  readonly type: ArrayType;
  readonly array: Expr;
  readonly index: Expr;
  readonly value: Expr;
}

/** Kinds of properties. Each is checked by one or more `assert` edges. */
export type PropertyKind =
  | 'assertion'
  | 'error-call'
  | 'returns-true'
  | 'overflow'
  | 'div-by-zero'
  | 'shift'
  | 'unwinding'
  /** A memory access through a NULL, dangling, freed, read-only or out-of-bounds pointer. */
  | 'valid-deref'
  /** `free` of a pointer that is not the start of a live heap block. */
  | 'valid-free'
  /** Pointer arithmetic that leaves its object by more than one past the end. */
  | 'valid-pointer-arith'
  /** `<`, `<=`, `>`, `>=` or `-` between pointers into different objects. */
  | 'valid-pointer-compare'
  /** A call through a pointer that holds no function of a matching type. */
  | 'valid-call'
  /** A precondition of a C library function (asserted in arc's library models). */
  | 'library'
  /** Heap memory still allocated when the program ends, not reachable from a global. */
  | 'valid-memtrack'
  /** Heap memory still allocated when the program ends. */
  | 'valid-memcleanup'
  /** Every run returns (or halts): the question of `arc terminates`; no `assert` edge checks it. */
  | 'termination';

/** Names accepted by `--property`, and the kinds they select. */
export const PROPERTY_GROUPS: Readonly<Record<string, readonly PropertyKind[]>> = {
  assertions: ['assertion', 'error-call'],
  'returns-true': ['returns-true'],
  'no-overflow': ['overflow'],
  'no-div-by-zero': ['div-by-zero'],
  'valid-shift': ['shift'],
  'no-undefined-behaviour': ['overflow', 'div-by-zero', 'shift'],
  'memory-safety': [
    'valid-deref',
    'valid-free',
    'valid-pointer-arith',
    'valid-pointer-compare',
    'valid-call',
    'library',
  ],
  'memory-leak': ['valid-memtrack', 'valid-memcleanup'],
  'valid-deref': ['valid-deref'],
  'valid-free': ['valid-free'],
  'valid-pointer-arith': ['valid-pointer-arith'],
  'valid-pointer-compare': ['valid-pointer-compare'],
  'valid-call': ['valid-call'],
  library: ['library'],
  'valid-memtrack': ['valid-memtrack'],
  'valid-memcleanup': ['valid-memcleanup'],
};

export interface Property {
  /** Stable id: `<function>.<kind>.<n>`, n counting from 1 per function and kind in source order. */
  readonly id: string;
  readonly kind: PropertyKind;
  /** What must hold, in words: "x + y does not overflow int". */
  readonly description: string;
  readonly span: SourceSpan;
  /**
   * Unchecked, a failure of this check ends the run (it is assumed) even if
   * its kind is a continuing one: there is no one meaning to run past with
   * (a write into a string literal).
   */
  readonly cut?: true;
}

export type Action =
  | { readonly kind: 'assign'; readonly target: string; readonly value: Expr }
  /** The target gets an arbitrary value of its type (`__VERIFIER_nondet_int()`, an undefined function's result). */
  | { readonly kind: 'havoc'; readonly target: string; readonly source: string }
  | { readonly kind: 'assume'; readonly cond: Expr }
  | { readonly kind: 'assert'; readonly cond: Expr; readonly property: string }
  | { readonly kind: 'skip' };

export interface Edge {
  readonly from: number;
  readonly to: number;
  readonly action: Action;
  readonly span?: SourceSpan;
}

/**
 * `normal` nodes have outgoing edges; `return` is the function's exit
 * (reached by `return` or falling off the end); `halt` is where `abort()` and
 * `exit()` end a run (not a property violation).
 */
export type NodeKind = 'normal' | 'return' | 'halt';

export interface Node {
  readonly id: number;
  readonly kind: NodeKind;
  readonly span?: SourceSpan;
}

export interface Variable {
  /** Unique within the function (inlined callees' variables are renamed). */
  readonly name: string;
  readonly type: Type;
  /** The name in the user's source, e.g. `x` for `x`, or `x` for an inlined `g::x#2`. */
  readonly sourceName: string;
  /** The C (or Python) type as the user wrote it, after typedefs: "unsigned int". */
  readonly sourceType: string;
  readonly span?: SourceSpan;
}

/**
 * A modelling step that over-approximates the program: a yes stays sound,
 * but a no that depends on it cannot be trusted (the answer becomes don't know).
 */
export interface Approximation {
  readonly kind: 'undefined-function' | 'memory';
  readonly name: string;
  readonly span: SourceSpan;
  /** The property kinds whose violations it makes untrustworthy; absent: all. */
  readonly kinds?: readonly PropertyKind[];
  /** The model has fewer runs than the program here: a yes is not trusted either. */
  readonly hidesViolations?: true;
}

/** Whether a violation of `propertyId` in `fn` can be trusted (no approximation touches its kind). */
export function isPrecise(fn: IrFunction, propertyId: string): boolean {
  const kind = fn.properties.find((p) => p.id === propertyId)?.kind;
  return fn.approximations.every(
    (a) => a.kinds !== undefined && kind !== undefined && !a.kinds.includes(kind),
  );
}

/**
 * Property kinds whose failed check the IR's semantics can run past: the
 * access, free, comparison or leak it guards still has a meaning in the byte
 * memory (an out-of-bounds read reads bytes no object owns, a double free
 * marks the block freed again). When such a kind is not asked about, CBMC
 * and ESBMC carry on past the check rather than cut the run there, and so
 * does arc (`relaxUnchecked`). Every other kind is assumed when unchecked.
 */
export const CONTINUING_KINDS: ReadonlySet<PropertyKind> = new Set<PropertyKind>([
  'valid-deref',
  'valid-free',
  'valid-pointer-arith',
  'valid-pointer-compare',
  'library',
  'valid-memtrack',
  'valid-memcleanup',
]);

/**
 * The continuing kinds whose failure is undefined behaviour in C (leaks are
 * not): a yes that runs past one of them is not a yes about the C program.
 */
export const UNDEFINED_BEHAVIOUR_KINDS: ReadonlySet<PropertyKind> = new Set<PropertyKind>([
  'valid-deref',
  'valid-free',
  'valid-pointer-arith',
  'valid-pointer-compare',
  'library',
]);

/**
 * `fn` with the checks of continuing kinds that are not in `checked` turned
 * into skips (same nodes and edge indices, so paths carry over). Returns `fn`
 * itself when there is no such check.
 */
export function relaxUnchecked(fn: IrFunction, checked: ReadonlySet<PropertyKind>): IrFunction {
  const relaxed = new Set(
    fn.properties
      .filter((p) => CONTINUING_KINDS.has(p.kind) && !checked.has(p.kind) && p.cut !== true)
      .map((p) => p.id),
  );
  if (relaxed.size === 0) return fn;
  let changed = false;
  const edges = fn.edges.map((e) => {
    if (e.action.kind !== 'assert' || !relaxed.has(e.action.property)) return e;
    changed = true;
    return { ...e, action: { kind: 'skip' as const } };
  });
  return changed ? { ...fn, edges } : fn;
}

/** One function, with every call to a function defined in the file inlined. */
export interface IrFunction {
  readonly name: string;
  readonly params: readonly Variable[];
  /** Every other variable, including temporaries and inlined callees' variables. */
  readonly locals: readonly Variable[];
  /** null for `void`. */
  readonly returnType: Type | null;
  readonly returnSourceType: string;
  /** The variable that holds the return value at the `return` node, if any. */
  readonly returnVar: string | null;
  readonly entry: number;
  /** Node ids are indices into this array. */
  readonly nodes: readonly Node[];
  readonly edges: readonly Edge[];
  readonly properties: readonly Property[];
  readonly approximations: readonly Approximation[];
  readonly span: SourceSpan;
  /**
   * Quantities of the state, beyond the variables, that the front-end offers
   * as vocabulary for loop invariants (C: the object, offset, size and state
   * of what a pointer points to). Engines treat each as one more numeric
   * value of the state; it is never assigned.
   */
  readonly observables?: readonly Observable[];
  /**
   * The integer literals of the source the function was lowered from, as
   * the user wrote them (`42`, `100000`): the values worth guessing for
   * array contents, which the IR only holds split into bytes.
   */
  readonly literals?: readonly bigint[];
}

/** A named expression over the variables, read as a number in invariants. */
export interface Observable {
  /** Unique, and no variable's name: it starts with `@`. */
  readonly name: string;
  /** Over the function's variables; of a bit-vector type. */
  readonly expr: Expr;
  /** How the user reads it: `label(of)`, e.g. `OBJECT_SIZE(p)`. */
  readonly label: string;
  /** The variable it is about. */
  readonly of: string;
  /**
   * `measure`: it counts in the same units as the program's counters (a
   * pointer's offset, an object's size), so orders against them are worth
   * trying; `tag`: it identifies or classifies (an object id, a state);
   * `cell`: the element at index `GHOST_INDEX` of the array it is about
   * (`a[K]`), for invariants that hold for every K (`K < i ==> a[K] == 0`).
   */
  readonly role: 'measure' | 'tag' | 'cell';
}

/**
 * The ghost index of `cell` observables: a variable no program has (names
 * starting with `@` are reserved), never assigned, so it keeps its value
 * through every pass. An invariant that mentions it holds for every value
 * of it: initiation and consecution are shown for an arbitrary K, and a
 * safety query assumes the invariant for all K (a quantifier).
 */
export const GHOST_INDEX = '@K';

/** What a front-end produced for one file. */
export interface IrProgram {
  readonly file: string;
  readonly language: 'c' | 'python';
  /** The lowered functions, keyed by name. */
  readonly functions: ReadonlyMap<string, IrFunction>;
}

// ---- small constructors used by front-ends, engines and tests ----

export function constant(type: Type, value: bigint): ConstExpr {
  return { kind: 'const', type, value };
}
export function variable(name: string, type: Type): VarExpr {
  return { kind: 'var', type, name };
}
export const trueExpr: ConstExpr = constant(boolType, 1n);
export const falseExpr: ConstExpr = constant(boolType, 0n);

export function allVariables(fn: IrFunction): Variable[] {
  return [...fn.params, ...fn.locals];
}

/** Whether `fn` models memory (has a variable of an `array` type). */
export function usesMemory(fn: IrFunction): boolean {
  return allVariables(fn).some((v) => v.type.kind === 'array');
}

/** Whether `e` reads the variable `name`. */
function readsVariable(e: Expr, name: string): boolean {
  switch (e.kind) {
    case 'const':
      return false;
    case 'var':
      return e.name === name;
    case 'unary':
    case 'cast':
      return readsVariable(e.arg, name);
    case 'binary':
    case 'compare':
      return readsVariable(e.left, name) || readsVariable(e.right, name);
    case 'ite':
      return (
        readsVariable(e.cond, name) || readsVariable(e.then, name) || readsVariable(e.else, name)
      );
    case 'overflow':
      return e.args.some((a) => readsVariable(a, name));
    case 'select':
      return readsVariable(e.array, name) || readsVariable(e.index, name);
    case 'store':
      return (
        readsVariable(e.array, name) || readsVariable(e.index, name) || readsVariable(e.value, name)
      );
  }
}

/** Whether `action` reads the variable `name`. */
export function actionReads(action: Action, name: string): boolean {
  switch (action.kind) {
    case 'assign':
      return readsVariable(action.value, name);
    case 'assume':
    case 'assert':
      return readsVariable(action.cond, name);
    case 'havoc':
    case 'skip':
      return false;
  }
}
