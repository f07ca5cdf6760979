/**
 * The concrete IR interpreter: the reference semantics every "no" answer is
 * replayed against.
 *
 * A run starts at `fn.entry` with parameters from `inputs` and every local at
 * 0. At each `normal` node exactly one outgoing edge must be enabled (an
 * `assume` whose condition holds, or any non-assume edge): none enabled ends
 * the run as `blocked`, two enabled is an arc bug and throws. `assert` checks
 * then continues (`violated` when false); `havoc` takes the next nondet value
 * reduced into the target's type (`nondet-exhausted` when there is none).
 * A `return` node ends as `returned` with the return variable's value, a
 * `halt` node as `halted`. Every run is bounded by `maxSteps` edges.
 *
 * `compileFunction` resolves variables to slots and compiles every edge once;
 * the result is reusable and fast enough for exhaustive enumeration of small
 * input spaces. `runFunction` caches the compiled form per function object.
 */
import type { Action, IrFunction, Type, Variable } from '../ir/ir.js';
import { allVariables, bvRange } from '../ir/ir.js';
import type { Value } from '../ir/value.js';
import { formatValue, mapValue } from '../ir/value.js';
import type { RunOutcome } from './outcome.js';
import { compileArrayAssign, compileExpr, compileValue, inPlace } from './eval.js';
import type { CompiledExpr, CompiledScalar } from './eval.js';
import { wrapFn } from './ops.js';

const DEFAULT_MAX_STEPS = 1_000_000;

/** Nondet values in order, or a function asked for each (with the type of the target). */
export type NondetSource = readonly Value[] | ((target: Type) => Value);

export interface RunOptions {
  /** Largest number of edges a run may take (default 1,000,000). */
  readonly maxSteps?: number;
  /** Record the edge path (default true); off saves time in bulk runs (paths are then empty). */
  readonly recordPath?: boolean;
  /**
   * Called on every arrival at one of `nodes` (the entry included) with the
   * current values, indexed like `allVariables(fn)`. It may throw to stop the run.
   */
  readonly observe?: {
    readonly nodes: ReadonlySet<number>;
    readonly visit: (node: number, values: readonly Value[]) => void;
  };
  /** When given, receives the number of edges the run took. */
  readonly stats?: { steps: number };
  /**
   * Update array variables in place (eval.ts `inPlace`): the values `observe`
   * sees are then overwritten later. Default: on without an observer.
   */
  readonly inPlaceArrays?: boolean;
  /** Asked every 65,536 steps; true ends the run as `out-of-steps` (a time budget). */
  readonly shouldStop?: () => boolean;
}

/** A compiled, reusable runner for one IR function. */
export interface CompiledFunction {
  readonly fn: IrFunction;
  /** Run with parameters by name. */
  run(inputs: ReadonlyMap<string, Value>, nondet: NondetSource, options?: RunOptions): RunOutcome;
  /** Run with parameters in `fn.params` order (no map needed). */
  runPositional(args: readonly Value[], nondet: NondetSource, options?: RunOptions): RunOutcome;
}

type CompiledEdge =
  | {
      readonly index: number;
      readonly to: number;
      readonly kind: 'assign';
      readonly slot: number;
      readonly value: CompiledExpr;
    }
  | {
      readonly index: number;
      readonly to: number;
      readonly kind: 'havoc';
      readonly slot: number;
      readonly type: Type;
      readonly reduce: (v: Value) => Value;
    }
  | {
      readonly index: number;
      readonly to: number;
      readonly kind: 'assume';
      readonly cond: CompiledScalar;
    }
  | {
      readonly index: number;
      readonly to: number;
      readonly kind: 'assert';
      readonly cond: CompiledScalar;
      readonly property: string;
    }
  | { readonly index: number; readonly to: number; readonly kind: 'skip' };

interface Layout {
  readonly vars: readonly Variable[];
  readonly slotOf: (name: string) => number | undefined;
}

function layout(fn: IrFunction): Layout {
  const vars = allVariables(fn);
  const index = new Map<string, number>();
  vars.forEach((v, i) => {
    if (index.has(v.name))
      throw new Error(`internal error: variable '${v.name}' declared twice in ${fn.name}`);
    index.set(v.name, i);
  });
  return { vars, slotOf: (n) => index.get(n) };
}

function slotFor(l: Layout, name: string, fnName: string): number {
  const i = l.slotOf(name);
  if (i === undefined) throw new Error(`internal error: unknown variable '${name}' in ${fnName}`);
  return i;
}

function compileEdge(
  a: Action,
  index: number,
  to: number,
  l: Layout,
  fn: IrFunction,
): CompiledEdge {
  switch (a.kind) {
    case 'assign':
      return {
        index,
        to,
        kind: 'assign',
        slot: slotFor(l, a.target, fn.name),
        value:
          a.value.type.kind === 'array'
            ? compileArrayAssign(a.target, a.value, l.slotOf)
            : compileValue(a.value, l.slotOf),
      };
    case 'havoc': {
      const slot = slotFor(l, a.target, fn.name);
      const type = l.vars[slot].type;
      return { index, to, kind: 'havoc', slot, type, reduce: reduceTo(type) };
    }
    case 'assume':
      return { index, to, kind: 'assume', cond: compileExpr(a.cond, l.slotOf) };
    case 'assert':
      return {
        index,
        to,
        kind: 'assert',
        cond: compileExpr(a.cond, l.slotOf),
        property: a.property,
      };
    case 'skip':
      return { index, to, kind: 'skip' };
  }
}

function compileEdges(fn: IrFunction, l: Layout): CompiledEdge[][] {
  const out: CompiledEdge[][] = fn.nodes.map(() => []);
  fn.edges.forEach((e, i) => {
    if (out[e.from] === undefined || e.to < 0 || e.to >= fn.nodes.length) {
      throw new Error(
        `internal error: edge ${i} of ${fn.name} connects unknown nodes ${e.from} → ${e.to}`,
      );
    }
    out[e.from].push(compileEdge(e.action, i, e.to, l, fn));
  });
  return out;
}

/**
 * A nondeterministic value as a variable of type `t` holds it (C conversion
 * for scalars; for an array, indices and elements reduced the same way, and
 * a scalar taken as the array holding it at every index).
 */
function reduceTo(t: Type): (v: Value) => Value {
  if (t.kind === 'array') {
    const index = (i: bigint): bigint => BigInt.asUintN(t.index.width, i);
    const elem = wrapFn(t.elem);
    return (v) => {
      // A scalar nondet value for an array is the array holding it everywhere.
      if (typeof v === 'bigint') return mapValue(elem(v));
      if (v.kind !== 'map')
        throw new Error(`internal error: a ${describeKind(v)} value for an array variable`);
      return mapValue(
        elem(v.default),
        [...v.entries].map(([i, x]) => [index(i), elem(x)] as const),
      );
    };
  }
  const wrap = wrapFn(t);
  return (v) => {
    if (typeof v !== 'bigint')
      throw new Error(`internal error: a ${v.kind} value for a variable of a scalar type`);
    return wrap(v);
  };
}

function describeKind(v: Value): string {
  return typeof v === 'bigint' ? 'scalar' : v.kind;
}

/** The value every variable of type `t` holds when a run starts. */
function initialValue(t: Type): Value {
  return t.kind === 'array' ? mapValue(0n) : 0n;
}

/** Whether `v` is a value of type `t` (ir.ts and value.ts conventions). */
function inRange(v: Value, t: Type): boolean {
  if (t.kind === 'array') {
    if (typeof v === 'bigint' || v.kind !== 'map') return false;
    const ok = (x: bigint, b: Type): boolean => inRange(x, b);
    return (
      ok(v.default, t.elem) &&
      [...v.entries].every(([i, x]) => i >= 0n && i < 1n << BigInt(t.index.width) && ok(x, t.elem))
    );
  }
  if (typeof v !== 'bigint') return false;
  if (t.kind === 'int') return true;
  if (t.kind === 'bool') return v === 0n || v === 1n;
  const { min, max } = bvRange(t);
  return v >= min && v <= max;
}

/** The unique enabled edge out of a node, null if none; throws if several are enabled. */
function enabledEdge(
  edges: readonly CompiledEdge[],
  slots: readonly Value[],
  node: number,
  fnName: string,
): CompiledEdge | null {
  let chosen: CompiledEdge | null = null;
  for (const e of edges) {
    if (e.kind === 'assume' && e.cond(slots) === 0n) continue;
    if (chosen !== null) {
      throw new Error(
        `internal error: nondeterministic IR in ${fnName}: edges ${chosen.index} and ${e.index} out of node ${node} are both enabled`,
      );
    }
    chosen = e;
  }
  return chosen;
}

function nondetReader(nondet: NondetSource): (target: Type) => Value | undefined {
  if (typeof nondet === 'function') return nondet;
  let next = 0;
  return () => (next < nondet.length ? nondet[next++] : undefined);
}

export function compileFunction(fn: IrFunction): CompiledFunction {
  const l = layout(fn);
  const out = compileEdges(fn, l);
  const nodeKinds = fn.nodes.map((n) => n.kind);
  const retSlot = fn.returnVar === null ? null : slotFor(l, fn.returnVar, fn.name);
  const paramSlots = fn.params.map((p) => slotFor(l, p.name, fn.name));
  const initialSlots: readonly Value[] = l.vars.map((v) => initialValue(v.type));

  const execute = (
    slots: Value[],
    nondet: NondetSource,
    options: RunOptions | undefined,
  ): RunOutcome => {
    const saved = inPlace.enabled;
    inPlace.enabled = options?.inPlaceArrays ?? options?.observe === undefined;
    try {
      return executeRun(slots, nondet, options);
    } finally {
      inPlace.enabled = saved;
    }
  };

  const executeRun = (
    slots: Value[],
    nondet: NondetSource,
    options: RunOptions | undefined,
  ): RunOutcome => {
    const maxSteps = options?.maxSteps ?? DEFAULT_MAX_STEPS;
    const record = options?.recordPath ?? true;
    const path: number[] = [];
    const next = nondetReader(nondet);
    let node = fn.entry;
    const observe = options?.observe;
    const stats = options?.stats;
    for (let steps = 0; ; steps++) {
      if (stats !== undefined) stats.steps = steps;
      if (observe !== undefined && observe.nodes.has(node)) observe.visit(node, slots);
      const kind = nodeKinds[node];
      if (kind === 'return')
        return { kind: 'returned', value: retSlot === null ? null : slots[retSlot], path };
      if (kind === 'halt') return { kind: 'halted', path };
      if (steps >= maxSteps) return { kind: 'out-of-steps', path };
      if ((steps & 0xffff) === 0xffff && options?.shouldStop?.() === true)
        return { kind: 'out-of-steps', path };
      const e = enabledEdge(out[node], slots, node, fn.name);
      if (e === null) return { kind: 'blocked', path };
      if (e.kind === 'havoc') {
        const v = next(e.type);
        if (v === undefined) return { kind: 'nondet-exhausted', path };
        slots[e.slot] = e.reduce(v);
      } else if (e.kind === 'assign') {
        slots[e.slot] = e.value(slots);
      } else if (e.kind === 'assert' && e.cond(slots) === 0n) {
        if (record) path.push(e.index);
        return { kind: 'violated', property: e.property, path };
      }
      if (record) path.push(e.index);
      node = e.to;
    }
  };

  const checkArg = (v: Value | undefined, i: number): Value => {
    const p = fn.params[i];
    if (v === undefined)
      throw new Error(`internal error: no input value for parameter '${p.name}' of ${fn.name}`);
    if (!inRange(v, p.type))
      throw new Error(
        `internal error: input ${p.name} = ${formatValue(v)} is outside its type's range`,
      );
    return v;
  };

  const runPositional = (
    args: readonly Value[],
    nondet: NondetSource,
    options?: RunOptions,
  ): RunOutcome => {
    const slots: Value[] = initialSlots.slice();
    paramSlots.forEach((s, i) => (slots[s] = checkArg(args[i], i)));
    return execute(slots, nondet, options);
  };

  return {
    fn,
    runPositional,
    run: (inputs, nondet, options) =>
      runPositional(
        fn.params.map((p) => inputs.get(p.name) as Value),
        nondet,
        options,
      ),
  };
}

const cache = new WeakMap<IrFunction, CompiledFunction>();

/** `compileFunction(fn)`, memoised per function object. */
export function compiled(fn: IrFunction): CompiledFunction {
  let c = cache.get(fn);
  if (c === undefined) {
    c = compileFunction(fn);
    cache.set(fn, c);
  }
  return c;
}

/**
 * Runs `fn` on `inputs` (by parameter name), taking `havoc` values from
 * `nondet` in order (or by calling it). Throws only on malformed IR or
 * inputs (an arc bug): a missing or out-of-range parameter value, an unknown
 * variable, two enabled edges at one node.
 */
export function runFunction(
  fn: IrFunction,
  inputs: ReadonlyMap<string, Value>,
  nondet: NondetSource,
  options?: RunOptions,
): RunOutcome {
  return compiled(fn).run(inputs, nondet, options);
}
