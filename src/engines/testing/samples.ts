/**
 * Concrete runs of the function in arc's interpreter, for two uses:
 *
 * - the states they reach at the loop heads, from which candidate
 *   invariants are read off (candidates.ts): anything false in a reachable
 *   state is no invariant, so only atoms true in every observed state are
 *   handed to the solver;
 * - a run that violates a selected property is a counterexample outright
 *   (the trust gate replays it like any other).
 *
 * Inputs are chosen like a tester doing boundary-value analysis: the
 * program's own constants and their neighbours, small values, the types'
 * extremes, then seeded random mixtures. Every run is bounded by a step
 * budget; a run that is cut off still contributes the states it reached.
 */
import { makeRng } from '../../core/prng.js';
import type { Expr, IrFunction, Type } from '../../ir/ir.js';
import { bvRange, GHOST_INDEX, wrapToType } from '../../ir/ir.js';
import { mapValue, type Value } from '../../ir/value.js';
import { allVariables } from '../../ir/ir.js';
import { compileExpr } from '../../semantics/eval.js';
import { compiled } from '../../semantics/interpreter.js';
import type { RawWitness } from '../engine.js';

export interface SampleBudget {
  /** Largest number of runs. */
  readonly runs: number;
  /** Largest number of interpreter steps over all runs. */
  readonly totalSteps: number;
  /** Largest number of steps of one run. */
  readonly runSteps: number;
  /** Largest number of states kept per loop head. */
  readonly statesPerNode: number;
  /** Ends the runs once every observed node has this many states. */
  readonly enoughPerNode?: number;
}

/** Many short runs: states for the candidates, shallow bugs (about 0.15 s). */
export const SHORT_RUNS: SampleBudget = {
  runs: 300,
  totalSteps: 600_000,
  runSteps: 10_000,
  statesPerNode: 400,
};

/** Few long runs from boundary values: bugs that need many iterations (a few seconds at most). */
export const LONG_RUNS: SampleBudget = {
  runs: 60,
  totalSteps: 60_000_000,
  runSteps: 20_000_000,
  statesPerNode: 0,
};

/**
 * One run as long as the time allows, keeping states: the loop heads behind
 * a loop over a large array, which the short runs never reach.
 */
export const DEEP_RUN: SampleBudget = {
  runs: 1,
  totalSteps: 40_000_000,
  runSteps: 40_000_000,
  statesPerNode: 200,
  enoughPerNode: 64,
};

/** Interpreter steps between two yields to the event loop (a few milliseconds). */
const YIELD_EVERY_STEPS = 20_000;

/** Lengths of the all-yes stretches of nondeterministic choices in long runs (0: random choices). */
const STRETCHES = [0, 64, 0, 1024, 0, 4096, 0, 65536];

/** Thrown from the observer to end a run when the caller must stop. */
class Interrupted extends Error {}

export interface Samples {
  /**
   * States seen at each observed node, as value arrays indexed like
   * `allVariables(fn)`, then the function's observables in their order.
   */
  readonly states: ReadonlyMap<number, readonly (readonly bigint[])[]>;
  /** A run that violates a selected property, if one was found. */
  readonly violation: RawWitness | null;
  readonly runs: number;
}

/** Integer constants that occur in the function's expressions (its "magic numbers"). */
export function programConstants(fn: IrFunction): bigint[] {
  const seen = new Set<bigint>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'const':
        if (e.type.kind !== 'bool' && e.type.kind !== 'array') seen.add(e.value);
        return;
      case 'var':
        return;
      case 'unary':
      case 'cast':
        walk(e.arg);
        return;
      case 'binary':
      case 'compare':
        walk(e.left);
        walk(e.right);
        return;
      case 'ite':
        walk(e.cond);
        walk(e.then);
        walk(e.else);
        return;
      case 'overflow':
        e.args.forEach(walk);
        return;
      case 'select':
        return;
      case 'store':
        // What is stored (an object's size at its allocation), not where.
        walk(e.array);
        walk(e.value);
        return;
    }
  };
  for (const edge of fn.edges) {
    const a = edge.action;
    if (a.kind === 'assign') walk(a.value);
    else if (a.kind === 'assume' || a.kind === 'assert') walk(a.cond);
  }
  return [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const SMALL = [0n, 1n, -1n, 2n, 3n, 5n, 7n, 10n, 100n];

/** Values worth trying for a value of type `t`: small ones, the constants ±1, the extremes. */
function interesting(t: Type, constants: readonly bigint[]): bigint[] {
  if (t.kind === 'bool') return [0n, 1n];
  const out = new Set<bigint>(SMALL);
  for (const c of constants) {
    for (const d of [c, c - 1n, c + 1n, -c]) out.add(d);
  }
  if (t.kind === 'bv') {
    const { min, max } = bvRange(t);
    for (const d of [min, min + 1n, max, max - 1n]) out.add(d);
    return [...out].map((v) => wrapToType(v, t)).filter((v, i, a) => a.indexOf(v) === i);
  }
  return [...out];
}

/**
 * Runs `fn` on inputs chosen as described in the module comment, recording
 * the states at `nodes`. Stops at the first run that violates a property in
 * `selected` (a counterexample) or when the budget is spent.
 */
export async function sampleRuns(
  fn: IrFunction,
  nodes: ReadonlySet<number>,
  selected: ReadonlySet<string>,
  budget: SampleBudget,
  shouldStop: () => boolean,
  cells = false,
): Promise<Samples> {
  const run = compiled(fn);
  const variables = allVariables(fn);
  const slots = new Map(variables.map((v, i) => [v.name, i]));
  // The ghost index of the cell observables (`a[K]`) reads the slot after the variables.
  slots.set(GHOST_INDEX, variables.length);
  const observables = (fn.observables ?? []).map((o) => ({
    cell: o.role === 'cell',
    f: compileExpr(o.expr, (n) => slots.get(n)),
  }));
  // Each state is tried at several values of K only for a question about contents.
  const expand = cells && observables.some((o) => o.cell);
  // A state is one row; with cell observables, one row per value of K tried.
  const record = (values: readonly Value[]): bigint[][] => {
    const row = values.map(scalarOrZero);
    if (!expand) {
      for (const o of observables) row.push(observed(o.f, values));
      return [row];
    }
    return ghostIndices(row).map((k) => {
      const at = [...values, k];
      return [...row, ...observables.map((o) => observed(o.f, at)), k];
    });
  };
  const constants = programConstants(fn);
  const pools = fn.params.map((p) => interesting(p.type, constants));
  const nondetPool = [0n, 1n, -1n, 2n, 5n, ...constants];
  const next = makeRng(4242);
  const pick = <T>(xs: readonly T[]): T => xs[Number(next() % BigInt(xs.length))];
  const states = new Map<number, bigint[][][]>([...nodes].map((n) => [n, []]));
  const flat = (): Map<number, bigint[][]> =>
    new Map([...states].map(([n, groups]) => [n, groups.flat()]));
  const seenAt = new Map<number, number>([...nodes].map((n) => [n, 0]));
  let stepsLeft = budget.totalSteps;
  const enough = budget.enoughPerNode;
  let filled = 0;
  let runs = 0;
  const inputSets = inputSchedule(pools, budget.runs, pick);
  if (budget.statesPerNode === 0) {
    // Long runs: the boundary values first, the small ones last.
    inputSets.sort((a, b) => weight(b) - weight(a));
  }
  inputSets.length = Math.min(inputSets.length, Math.max(budget.runs, 1));
  let sinceYield = 0;
  for (const args of inputSets) {
    if (stepsLeft <= 0 || shouldStop()) break;
    // Runs share the main thread with the other lane of a portfolio: let it breathe.
    if (sinceYield > YIELD_EVERY_STEPS) {
      await new Promise((resolve) => setImmediate(resolve));
      sinceYield = 0;
      if (shouldStop()) break;
    }
    runs++;
    const nondet: Value[] = [];
    const mode = runs % 3;
    // Long runs also try "yes for a long stretch, then no" for the nondeterministic
    // choices (a loop on __VERIFIER_nondet_int() that runs many times, then stops).
    const stretch = budget.statesPerNode === 0 ? STRETCHES[runs % STRETCHES.length] : 0;
    const stats = { steps: 0 };
    let visits = 0;
    let outcome: ReturnType<typeof run.runPositional>;
    try {
      outcome = run.runPositional(
        args,
        (target) => {
          const random = mode === 0 ? 1n : mode === 1 ? pick(nondetPool) : (next() % 65n) - 32n;
          const v = stretch === 0 ? random : nondet.length < stretch ? 1n : 0n;
          // Memory starts as the same byte everywhere (0, 1, ...: the run's first choice).
          const value: Value =
            target.kind === 'array' ? mapValue(BigInt.asUintN(target.elem.width, v)) : v;
          nondet.push(value);
          return value;
        },
        {
          maxSteps: Math.min(budget.runSteps, stepsLeft),
          recordPath: false,
          stats,
          // The observer keeps scalars only.
          inPlaceArrays: true,
          shouldStop,
          observe: {
            nodes,
            visit: (node, values) => {
              if (++visits % 4096 === 0 && shouldStop()) throw new Interrupted();
              const seen = (seenAt.get(node) ?? 0) + 1;
              seenAt.set(node, seen);
              const list = states.get(node) as bigint[][][];
              // Keep the first states and a reservoir sample of the rest.
              if (budget.statesPerNode === 0) return;
              if (list.length < budget.statesPerNode) {
                list.push(record(values));
                if (enough !== undefined && list.length === enough && ++filled === nodes.size)
                  throw new Interrupted();
              } else {
                const j = Number(next() % BigInt(seen));
                if (j < budget.statesPerNode / 2)
                  list[budget.statesPerNode / 2 + j] = record(values);
              }
            },
          },
        },
      );
    } catch (e) {
      if (e instanceof Interrupted) break;
      throw e;
    }
    stepsLeft -= stats.steps + 1;
    sinceYield += stats.steps + 1;
    if (outcome.kind === 'violated' && selected.has(outcome.property)) {
      const inputs = new Map(fn.params.map((p, i) => [p.name, args[i]]));
      // The run reduces each nondet value to its target's type; the trust gate's list does too.
      const witness: RawWitness = {
        inputs,
        nondet,
        property: outcome.property,
        path: [],
        foundBy:
          budget.statesPerNode === 0
            ? `a long test run of arc's interpreter (inputs from the program's constants and the types' limits; run ${runs} of the long runs)`
            : `a test run of arc's interpreter (run ${runs} of the sampled inputs: the program's constants, small values, the types' limits)`,
      };
      return { states: flat(), violation: witness, runs };
    }
  }
  return { states: flat(), violation: null, runs };
}

/** Most values of the ghost index K tried per state. */
const GHOST_TRIES = 8;

/**
 * Values of the ghost index K worth trying in a state: the first indices,
 * and each small non-negative value of the state and its neighbours (a
 * counter i: K = i - 1, i, i + 1 tell `K < i` from `K <= i`).
 */
function ghostIndices(row: readonly bigint[]): bigint[] {
  const out = new Set<bigint>([0n, 1n]);
  for (const v of row) {
    if (out.size >= GHOST_TRIES) break;
    if (v < 0n || v >= 1n << 20n) continue;
    for (const k of [v, v - 1n, v + 1n]) if (k >= 0n) out.add(k);
  }
  return [...out].slice(0, GHOST_TRIES);
}

/** A state's value for candidate mining: memory (an array) is not mined and reads as 0. */
function scalarOrZero(v: Value): bigint {
  return typeof v === 'bigint' ? v : 0n;
}

/** An observable's value in a state; 0 where it reads memory not set up yet (only filters candidates). */
function observed(f: (slots: readonly Value[]) => bigint, values: readonly Value[]): bigint {
  try {
    return f(values);
  } catch {
    return 0n;
  }
}

/** How far from the small values an input vector reaches (long runs try the far ones first). */
function weight(args: readonly bigint[]): number {
  return args.reduce((w, v) => w + (v > 100n || v < -100n ? 1 : 0), 0);
}

/**
 * The input vectors to try: first each parameter through its interesting
 * values with the others at their first value (one factor at a time), then
 * random combinations.
 */
function inputSchedule(
  pools: readonly bigint[][],
  runs: number,
  pick: <T>(xs: readonly T[]) => T,
): bigint[][] {
  const out: bigint[][] = [];
  const base = pools.map((p) => p[0]);
  // Without parameters only the nondeterministic choices vary from run to run.
  if (pools.length === 0) return Array.from({ length: Math.max(runs, 1) }, () => []);
  pools.forEach((pool, i) => {
    for (const v of pool) {
      const args = [...base];
      args[i] = v;
      out.push(args);
    }
  });
  while (out.length < runs) out.push(pools.map((p) => pick(p)));
  return out;
}
