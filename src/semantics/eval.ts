/**
 * Evaluation of IR expressions on concrete values.
 *
 * `compileExpr` turns an expression into a closure over a slot array (one
 * slot per variable), resolving every operator and variable once; `evalExpr`
 * is the convenience form over a name → value map. Both use the operator
 * definitions of ./ops.ts, so they agree by construction. Guarantees: with
 * every variable in its type's range, the result is in the expression's
 * type's range; an unknown variable is an internal error (thrown).
 * `ite` evaluates only the chosen branch.
 */
import type { Expr } from '../ir/ir.js';
import type { MapValue, Value } from '../ir/value.js';
import { mapGet, mapSet, mapValue } from '../ir/value.js';
import { binaryFn, castFn, compareFn, overflowFn, unaryFn } from './ops.js';

/** A compiled expression: reads variables from `slots` (one value per variable). */
export type CompiledExpr = (slots: readonly Value[]) => Value;

/**
 * A compiled expression of a scalar type (every expression kind of the IR
 * today). A variable of a scalar type holds a `bigint` (the IR is typed and
 * the interpreter checks every input against its type), so its slot is read
 * without a check.
 */
export type CompiledScalar = (slots: readonly Value[]) => bigint;

/** Maps a variable name to its slot index, or undefined if there is no such variable. */
export type SlotResolver = (name: string) => number | undefined;

/** A compiled expression of an `array` type. */
export type CompiledArray = (slots: readonly Value[]) => MapValue;

/**
 * In-place stores. `x := store(…store(x, i1, v1)…, in, vn)` copies x's map
 * (mapSet), which makes a run that stores n times into a map of n entries
 * quadratic. While `inPlace.enabled` (set by the interpreter for the span of
 * one run whose observers keep no array), such an assignment updates the map
 * in place when the map is `owned`: made by an earlier store of this kind
 * and held by no other variable. Any other read of an array variable that
 * may keep the map (an assignment of it, an `ite` of arrays) disowns it. A
 * map that came from outside (an input, a nondet value, a constant) is
 * never owned, so it is copied once first. Values computed are the same.
 */
export const inPlace = { enabled: false };
const owned = new WeakSet<MapValue>();

/**
 * The value of an assignment `target := e` of an array type, as a closure
 * that may update target's map in place (see `inPlace`).
 */
export function compileArrayAssign(target: string, e: Expr, slotOf: SlotResolver): CompiledArray {
  const stores: { i: CompiledScalar; v: CompiledScalar }[] = [];
  let base = e;
  while (base.kind === 'store') {
    stores.unshift({ i: compileExpr(base.index, slotOf), v: compileExpr(base.value, slotOf) });
    base = base.array;
  }
  const whole = compileArray(e, slotOf);
  const slot = slotOf(target);
  if (base.kind !== 'var' || base.name !== target || slot === undefined || stores.length === 0)
    return (s) => {
      const r = whole(s);
      owned.delete(r);
      return r;
    };
  const is = new Array<bigint>(stores.length);
  const vs = new Array<bigint>(stores.length);
  return (s) => {
    if (!inPlace.enabled) return whole(s);
    // Every index and value reads the state before the assignment.
    for (let k = 0; k < stores.length; k++) {
      is[k] = stores[k].i(s);
      vs[k] = stores[k].v(s);
    }
    let m = asMap(s[slot]);
    if (!owned.has(m)) {
      m = mapValue(m.default, m.entries);
      owned.add(m);
    }
    const entries = m.entries as Map<bigint, bigint>;
    for (let k = 0; k < stores.length; k++) {
      if (is[k] < 0n) throw new Error(`internal error: negative map index ${is[k]}`);
      if (vs[k] === m.default) entries.delete(is[k]);
      else entries.set(is[k], vs[k]);
    }
    return m;
  };
}

/** A compiled expression of any type: `compileExpr` for scalars, `compileArray` for arrays. */
export function compileValue(e: Expr, slotOf: SlotResolver): CompiledExpr {
  return e.type.kind === 'array' ? compileArray(e, slotOf) : compileExpr(e, slotOf);
}

/** Compiles an expression of an `array` type (a constant array, a variable, `store`, `ite`). */
export function compileArray(e: Expr, slotOf: SlotResolver): CompiledArray {
  switch (e.kind) {
    case 'const': {
      const v = mapValue(e.value);
      return () => v;
    }
    case 'var': {
      const i = slotOf(e.name);
      if (i === undefined)
        throw new Error(`internal error: unknown variable '${e.name}' in IR expression`);
      return (s) => asMap(s[i]);
    }
    case 'store': {
      const a = compileArray(e.array, slotOf);
      const i = compileExpr(e.index, slotOf);
      const v = compileExpr(e.value, slotOf);
      return (s) => mapSet(a(s), i(s), v(s));
    }
    case 'ite': {
      const c = compileExpr(e.cond, slotOf);
      const t = compileArray(e.then, slotOf);
      const f = compileArray(e.else, slotOf);
      return (s) => {
        const r = c(s) !== 0n ? t(s) : f(s);
        owned.delete(r);
        return r;
      };
    }
    default:
      throw new Error(`internal error: a ${e.kind} expression of an array type`);
  }
}

function asMap(v: Value): MapValue {
  if (typeof v !== 'bigint' && v.kind === 'map') return v;
  throw new Error(`internal error: an array variable holds ${typeof v === 'bigint' ? v : v.kind}`);
}

export function compileExpr(e: Expr, slotOf: SlotResolver): CompiledScalar {
  if (e.type.kind === 'array')
    throw new Error(`internal error: an array expression (${e.kind}) used as a scalar`);
  switch (e.kind) {
    case 'const': {
      const v = e.value;
      return () => v;
    }
    case 'var': {
      const i = slotOf(e.name);
      if (i === undefined)
        throw new Error(`internal error: unknown variable '${e.name}' in IR expression`);
      return (s) => s[i] as bigint;
    }
    case 'unary': {
      const f = unaryFn(e.op, e.type);
      const a = compileExpr(e.arg, slotOf);
      return (s) => f(a(s));
    }
    case 'binary': {
      const f = binaryFn(e.op, e.type);
      const a = compileExpr(e.left, slotOf);
      const b = compileExpr(e.right, slotOf);
      return (s) => f(a(s), b(s));
    }
    case 'compare': {
      const f = compareFn(e.op);
      const a = compileExpr(e.left, slotOf);
      const b = compileExpr(e.right, slotOf);
      return (s) => f(a(s), b(s));
    }
    case 'ite': {
      const c = compileExpr(e.cond, slotOf);
      const t = compileExpr(e.then, slotOf);
      const f = compileExpr(e.else, slotOf);
      return (s) => (c(s) !== 0n ? t(s) : f(s));
    }
    case 'cast': {
      const f = castFn(e.type);
      const a = compileExpr(e.arg, slotOf);
      return (s) => f(a(s));
    }
    case 'overflow':
      return compileOverflow(e, slotOf);
    case 'select': {
      const a = compileArray(e.array, slotOf);
      const i = compileExpr(e.index, slotOf);
      return (s) => mapGet(a(s), i(s));
    }
    case 'store':
      throw new Error('internal error: a store expression of a scalar type');
  }
}

function compileOverflow(
  e: Extract<Expr, { kind: 'overflow' }>,
  slotOf: SlotResolver,
): CompiledScalar {
  if (e.args.length === 0) throw new Error(`internal error: overflow(${e.op}) without arguments`);
  const f = overflowFn(e.op, e.args[0].type);
  const args = e.args.map((a) => compileExpr(a, slotOf));
  return (s) => f(args.map((a) => a(s)));
}

/** Value of `e` with variables taken from `env`. Throws on a variable missing from `env`. */
export function evalExpr(e: Expr, env: ReadonlyMap<string, Value>): bigint {
  const names = [...env.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  const slots = names.map((n) => env.get(n) as Value);
  return compileExpr(e, (n) => index.get(n))(slots);
}
