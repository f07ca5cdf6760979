/**
 * Bounded model checking (engine name `bmc`).
 *
 * For k = 0 (loop-free functions) or k = 1, 2, 4, … up to `maxUnwind`, the
 * function is unwound k times (unwind.ts) and encoded in SSA (encode.ts);
 * then two queries are asked:
 *   A. can a selected property be violated within k unwindings?
 *   B. with every property assumed, can a run need more than k iterations
 *      of some loop (reach an unwinding edge)?
 * A sat gives `unsafe` with a witness read from the model (precise when the
 * function has no approximations). A and B both unsat give `safe` (sound):
 * a violation would either happen within k unwindings (A) or be preceded by
 * a run reaching iteration k+1 with all properties holding so far (B). B sat
 * means k is too small; if it stays sat up to `maxUnwind`, the answer is
 * `unknown` (`unbounded-loop`), naming the loop. The time budget covers all
 * rounds; the signal cancels at any point.
 */
import { Budget } from '../../core/budget.js';
import { formatSpan } from '../../core/diagnostic.js';
import { trace } from '../../core/trace.js';
import type { IrFunction } from '../../ir/ir.js';
import { isPrecise } from '../../ir/ir.js';
import type { Value } from '../../ir/value.js';
import type { CheckResult, Query, Term } from '../../smt/index.js';
import {
  checkSat,
  disjunction,
  initSolver,
  type TermValue,
  queryVariables,
} from '../../smt/index.js';
import { termToInfix } from '../../smt/infix.js';
import type {
  CertificateQuery,
  Engine,
  EngineOptions,
  EngineResult,
  UnknownReason,
} from '../engine.js';
import type { Encoding } from './encode.js';
import { encodeDag } from './encode.js';
import { UnsupportedError } from '../encoding/bitvector.js';
import type { Loop, LoopInfo } from '../../ir/loops.js';
import { findLoops, loopsReachingChecks } from '../../ir/loops.js';
import type { Dag } from './unwind.js';
import { unwind } from './unwind.js';
import { extractWitness, modelEvaluator } from './witness.js';

const DEFAULT_MAX_UNWIND = 64;
/** Largest unwound DAG (in node copies) the engine builds. */
const MAX_DAG_NODES = 200_000;
/**
 * Unwinding, encoding and printing a query run on the main thread and cannot
 * be interrupted. Until a round of at least 1,000 nodes has been measured, a
 * DAG is built only if it has at most this many nodes per millisecond left (a nested loop with a
 * dozen variables builds about 15 nodes a millisecond, printing included).
 */
const NODES_PER_MS = 10;
/** DAGs this small are always built. */
const MIN_NODE_CAP = 4_000;

/** The node limit for the next DAG, and whether time (not MAX_DAG_NODES) sets it. */
function nodeCap(run: Run, cost: BuildCost): { nodes: number; byTime: boolean } {
  // Once a round has been measured, its rate (halved, for safety) replaces the guess.
  const rate = cost.nodesPerMs();
  const perMs = rate === null ? NODES_PER_MS : rate / 2;
  const byTime = Math.max(MIN_NODE_CAP, Math.floor(run.remaining() * perMs));
  return byTime < MAX_DAG_NODES
    ? { nodes: byTime, byTime: true }
    : { nodes: MAX_DAG_NODES, byTime: false };
}

/** The unwinding depths tried: [0] without loops, else 1, 2, 4, … capped by (and ending at) `max`. */
export function unwindSchedule(hasLoops: boolean, max: number, min = 1): number[] {
  if (!hasLoops) return [0];
  const ks: number[] = [];
  for (let k = 1; k < max; k *= 2) if (k >= min) ks.push(k);
  ks.push(Math.max(max, 0));
  return ks;
}

class Run {
  solverMs = 0;
  /** The deepest unwinding whose violation query was unsatisfiable. */
  searched = 0;
  private readonly budget: Budget;

  constructor(
    readonly fn: IrFunction,
    readonly options: EngineOptions,
    start: number,
  ) {
    this.budget = new Budget(start + options.timeoutMs, options.signal);
  }

  remaining(): number {
    return this.budget.deadline - performance.now();
  }

  unknown(reason: UnknownReason): EngineResult {
    return {
      status: 'unknown',
      reason,
      solverMs: this.solverMs,
      ...(this.searched > 0 ? { searched: this.searched } : {}),
    };
  }

  /** An unknown result for a query Z3 could not decide, or null when it was decided. */
  undecided(r: CheckResult, what: string): EngineResult | null {
    if (r.status !== 'unknown') return null;
    if (r.reason === 'cancelled')
      return this.unknown({ code: 'cancelled', message: 'the check was cancelled' });
    if (r.reason === 'timeout') {
      return this.unknown({
        code: 'timeout',
        message: `ran out of time (${this.options.timeoutMs} ms) ${what}`,
      });
    }
    return this.unknown({
      code: 'solver-unknown',
      message: `the solver could not decide ${what}: ${r.reason ?? 'unknown'}`,
    });
  }

  async ask(query: Query, name: string, withModel: boolean): Promise<CheckResult> {
    const dir = this.options.dumpSmtDir;
    const r = await checkSat(query, {
      timeoutMs: this.remaining(),
      ...(this.options.signal === undefined ? {} : { signal: this.options.signal }),
      ...(withModel ? { modelOf: queryVariables(query).map((v) => v.name) } : {}),
      ...(dir === undefined
        ? {}
        : { dumpPath: `${dir}/${safeName(`${this.fn.name}.${name}`)}.smt2` }),
    });
    this.solverMs += r.solverMs;
    return r;
  }
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}

function loopWhere(fn: IrFunction, loop: Loop): string {
  return loop.span === undefined ? `in ${fn.name}` : `at ${formatSpan(loop.span)}`;
}

function selectedIds(fn: IrFunction, options: EngineOptions): string {
  const ids = fn.properties.filter((p) => options.properties.has(p.id)).map((p) => p.id);
  return ids.length === 0 ? 'no selected property' : ids.join(', ');
}

function violationQuery(
  run: Run,
  enc: Encoding,
  k: number,
  loops: boolean,
): { query: Query; meaning: string; condition: string | null } {
  const within = loops ? ` within ${k} unwinding${k === 1 ? '' : 's'} of every loop` : '';
  const meaning = `no run of ${run.fn.name} violates ${selectedIds(run.fn, run.options)}${within}`;
  const assertion: Term = disjunction(enc.violations.map((v) => v.term));
  return {
    query: {
      assertions: [assertion],
      comments: [`arc bmc, unwind ${k}`, `unsat means: ${meaning}`],
    },
    meaning,
    condition: termToInfix(assertion),
  };
}

function unwindingQuery(
  run: Run,
  unwinds: readonly Term[],
  k: number,
): { query: Query; meaning: string } {
  const meaning =
    `no run of ${run.fn.name} in which the properties hold so far reaches iteration ${k + 1} ` +
    `of a loop from which a checked property is reachable (such loops stop within ${k} ` +
    `iteration${k === 1 ? '' : 's'})`;
  return {
    query: {
      assertions: [disjunction(unwinds)],
      comments: [`arc bmc, unwind ${k}`, `unsat means: ${meaning}`],
    },
    meaning,
  };
}

type RoundResult = { readonly done: EngineResult } | { readonly exceeded: Loop };

/**
 * The unwinding edges that matter: those of loops from whose header an
 * assert of a selected property is reachable. A run exceeding any other
 * loop can never violate a property afterwards.
 */
function relevantUnwinds(
  enc: Encoding,
  dag: Dag,
  relevant: ReadonlySet<Loop>,
): { loops: Loop[]; terms: Term[] } {
  const loops: Loop[] = [];
  const terms: Term[] = [];
  dag.unwindEdges.forEach((e, i) => {
    if (e.loop !== null && relevant.has(e.loop)) {
      loops.push(e.loop);
      terms.push(enc.unwinds[i]);
    }
  });
  return { loops, terms };
}

/**
 * The time to build a depth's query (unwind, encode, print), predicted from
 * the rounds before: the DAG grows like k^g, with g measured between the last
 * two rounds (at least 1), and its build time in proportion to its nodes.
 */
class BuildCost {
  private rounds: { k: number; nodes: number; ms: number }[] = [];

  record(k: number, nodes: number, ms: number): void {
    this.rounds.push({ k, nodes, ms });
  }

  /** Nodes built per millisecond in the last round measured, or null before any. */
  nodesPerMs(): number | null {
    const last = this.rounds.at(-1);
    return last === undefined || last.nodes < 1000 ? null : last.nodes / Math.max(last.ms, 1);
  }

  predictMs(k: number): number {
    const last = this.rounds.at(-1);
    if (last === undefined || last.nodes === 0) return 0;
    const before = this.rounds.at(-2);
    let g = 1;
    if (before !== undefined && last.k > before.k && before.nodes > 0) {
      g = Math.max(1, Math.log(last.nodes / before.nodes) / Math.log(last.k / before.k));
    }
    const nodes = last.nodes * (k / last.k) ** g;
    return (last.ms / last.nodes) * nodes;
  }
}

async function round(
  run: Run,
  relevant: ReadonlySet<Loop>,
  dag: Dag,
  k: number,
  /** Receives the time the round spent outside the solver (encoding, printing, parsing). */
  built: (ms: number) => void,
): Promise<RoundResult> {
  const t0 = performance.now();
  const enc = encodeDag(run.fn, dag, run.options.properties);
  const a = violationQuery(run, enc, k, relevant.size > 0);
  const t1 = performance.now();
  const ra = await run.ask(a.query, `k${k}.violation`, true);
  const wall = performance.now() - t1;
  built(t1 - t0 + Math.max(0, wall - ra.solverMs));
  trace(
    'bmc',
    () =>
      `k = ${k}: ${dag.nodes.length} nodes, encoded in ${(t1 - t0).toFixed(0)} ms, ` +
      `printed and solved (${ra.status}) in ${wall.toFixed(0)} ms (solver ${ra.solverMs.toFixed(0)} ms)`,
  );
  const ua = run.undecided(ra, `whether a property can fail within ${k} unwindings`);
  if (ua !== null) return { done: ua };
  if (ra.status === 'sat') return { done: unsafe(run, enc, ra, k) };
  run.searched = Math.max(run.searched, k);
  const certs: CertificateQuery[] = [
    {
      meaning: a.meaning,
      smtlib: ra.smtlib,
      solverMs: ra.solverMs,
      ...(a.condition === null ? {} : { condition: a.condition }),
    },
  ];
  const unwinds = relevantUnwinds(enc, dag, relevant);
  if (unwinds.terms.length === 0) return { done: safe(run, k, certs) };
  const b = unwindingQuery(run, unwinds.terms, k);
  const rb = await run.ask(b.query, `k${k}.unwinding`, true);
  const ub = run.undecided(rb, `whether every loop stops within ${k} iterations`);
  if (ub !== null) return { done: ub };
  if (rb.status === 'unsat') {
    return {
      done: safe(run, k, [
        ...certs,
        { meaning: b.meaning, smtlib: rb.smtlib, solverMs: rb.solverMs },
      ]),
    };
  }
  const holds = modelEvaluator(termValues(rb.model));
  const i = unwinds.terms.findIndex((t) => holds(t) === 1n);
  return { exceeded: unwinds.loops[Math.max(i, 0)] };
}

function safe(run: Run, k: number, queries: CertificateQuery[]): EngineResult {
  return {
    status: 'safe',
    sound: true,
    certificate: { kind: 'bmc', unwind: k, queries },
    solverMs: run.solverMs,
  };
}

function unsafe(run: Run, enc: Encoding, r: CheckResult, k: number): EngineResult {
  const found = extractWitness(run.fn, enc, termValues(r.model));
  const how =
    k === 0
      ? 'bounded model checking (a satisfiable violation query)'
      : `bounded model checking with every loop unwound ${k} time(s)`;
  const witness = found === null ? null : { ...found, foundBy: how };
  if (witness === null) {
    return run.unknown({
      code: 'solver-unknown',
      message: 'the solver reported a violation that arc could not reconstruct',
    });
  }
  return {
    status: 'unsafe',
    precise: isPrecise(run.fn, witness.property),
    witness,
    solverMs: run.solverMs,
  };
}

async function checkFunction(run: Run): Promise<EngineResult> {
  const found = findLoops(run.fn);
  if (!found.ok) return run.unknown({ code: 'unsupported', message: found.message });
  const info = found.info;
  const max = run.options.maxUnwind ?? DEFAULT_MAX_UNWIND;
  const relevant = loopsReachingChecks(run.fn, info, run.options.properties);
  let last: { loop: Loop; k: number } | null = null;
  const cost = new BuildCost();
  for (const k of unwindSchedule(relevant.size > 0, max, run.options.minUnwind ?? 1)) {
    if (run.options.signal?.aborted)
      return run.unknown({ code: 'cancelled', message: 'the check was cancelled' });
    if (run.remaining() <= 0) return outOfTime(run, last);
    // A round whose build alone would outlast the deadline is not started
    // (nested loops grow the DAG faster than the unwinding).
    if (cost.predictMs(k) > run.remaining()) return outOfTime(run, last);
    const t0 = performance.now();
    const cap = nodeCap(run, cost);
    const unwound = unwind(run.fn, info, k, cap.nodes);
    if (!unwound.ok) return refineTooLarge(run, info, relevant, last, k, cost, cap.byTime);
    const unwindMs = performance.now() - t0;
    const r = await round(run, relevant, unwound.dag, k, (buildMs) =>
      cost.record(k, unwound.dag.nodes.length, unwindMs + buildMs),
    );
    if ('done' in r) return timedOutAfterUnboundedLoop(run, r.done, last, k) ?? r.done;
    last = { loop: r.exceeded, k };
  }
  if (last === null) throw new Error('internal error: no unwinding round ran');
  return run.unknown({
    code: 'unbounded-loop',
    message: `the loop ${loopWhere(run.fn, last.loop)} was not shown to stop within ${last.k} iterations`,
  });
}

function outOfTime(run: Run, last: { loop: Loop; k: number } | null): EngineResult {
  const detail =
    last === null
      ? ''
      : `; the loop ${loopWhere(run.fn, last.loop)} was not shown to stop within ${last.k} iterations`;
  return run.unknown({
    code: 'timeout',
    message: `ran out of time (${run.options.timeoutMs} ms)${detail}`,
  });
}

/**
 * A timeout after an earlier round showed that a loop can run past its
 * unwinding is reported as that loop's problem: no proof by unwinding was in
 * reach, and the bug search up to the previous depth found nothing.
 */
function timedOutAfterUnboundedLoop(
  run: Run,
  result: EngineResult,
  last: { loop: Loop; k: number } | null,
  k: number,
): EngineResult | null {
  if (result.status !== 'unknown' || result.reason.code !== 'timeout' || last === null) return null;
  return run.unknown({
    code: 'unbounded-loop',
    message:
      `the loop ${loopWhere(run.fn, last.loop)} was not shown to stop within ${last.k} iterations; ` +
      `no property fails within ${last.k} unwindings, and the search at ${k} ran out of time (${run.options.timeoutMs} ms)`,
  });
}

/**
 * Unwinding `tooBig` times exceeds the DAG limit, and every depth up to
 * `last.k` was too small: bisect the depths in between, running a round at
 * each that fits (nested loops with small constant bounds need exactly their
 * bound, which the doubling schedule can overshoot). Every round is the same
 * sound check as in the main schedule; only the depths differ.
 */
async function refineTooLarge(
  run: Run,
  info: LoopInfo,
  relevant: ReadonlySet<Loop>,
  last: { loop: Loop; k: number } | null,
  tooBig: number,
  cost: BuildCost,
  byTime: boolean,
): Promise<EngineResult> {
  let lo = last?.k ?? 0;
  let hi = tooBig;
  let exceeded = last;
  while (hi - lo > 1) {
    if (run.options.signal?.aborted)
      return run.unknown({ code: 'cancelled', message: 'the check was cancelled' });
    if (run.remaining() <= 0) return outOfTime(run, exceeded);
    const k = lo + Math.floor((hi - lo) / 2);
    if (cost.predictMs(k) > run.remaining()) return outOfTime(run, exceeded);
    const cap = nodeCap(run, cost);
    const unwound = unwind(run.fn, info, k, cap.nodes);
    if (!unwound.ok) {
      hi = k;
      byTime = cap.byTime;
      continue;
    }
    const r = await round(run, relevant, unwound.dag, k, (buildMs) =>
      cost.record(k, unwound.dag.nodes.length, buildMs),
    );
    if ('done' in r) return timedOutAfterUnboundedLoop(run, r.done, exceeded, k) ?? r.done;
    exceeded = { loop: r.exceeded, k };
    lo = k;
  }
  if (byTime) {
    const where =
      exceeded === null
        ? ''
        : `; the loop ${loopWhere(run.fn, exceeded.loop)} was not shown to stop within ${exceeded.k} iterations`;
    return run.unknown({
      code: 'timeout',
      message: `ran out of time (${run.options.timeoutMs} ms): unwinding ${hi} times would not be built in the time left${where}`,
    });
  }
  return tooLarge(run, exceeded, hi);
}

function tooLarge(run: Run, last: { loop: Loop; k: number } | null, k: number): EngineResult {
  const where = last === null ? `in ${run.fn.name}` : loopWhere(run.fn, last.loop);
  return run.unknown({
    code: 'unbounded-loop',
    message: `the loop ${where} was not shown to stop (unwinding ${k} times is too large)`,
  });
}

class BmcEngine implements Engine {
  readonly name = 'bmc';
  readonly question = 'safety' as const;

  async check(fn: IrFunction, options: EngineOptions): Promise<EngineResult> {
    const run = new Run(fn, options, performance.now());
    try {
      await initSolver();
      return await checkFunction(run);
    } catch (e) {
      if (e instanceof UnsupportedError)
        return run.unknown({ code: 'unsupported', message: e.message });
      throw e;
    }
  }
}

export const bmcEngine: Engine = new BmcEngine();

/** The scalar and array values of a model (strings do not occur in program encodings). */
function termValues(model: ReadonlyMap<string, Value> | undefined): Map<string, TermValue> {
  const out = new Map<string, TermValue>();
  for (const [name, v] of model ?? [])
    if (typeof v === 'bigint' || v.kind === 'map') out.set(name, v);
  return out;
}
