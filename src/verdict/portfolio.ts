/**
 * The portfolio: which engines decide a code question, in which order, on
 * which lane, with which share of the budget. It reaches the engines only
 * through the `Engine` interface (engines/index.ts) and every result only
 * through the gate (code-gate.ts): the first yes or no the gate admits wins.
 *
 * Properties (`decideProperties`):
 * - first, boundary-value test runs in the interpreter (the testing engine):
 *   deterministic and cheap, they settle shallow bugs before any solver;
 * - a loop-free function goes to bounded model checking alone;
 * - a function with loops goes through two stages:
 *   1. two lanes side by side (one per core): bounded model checking up to
 *      16 unwindings, which settles bounded loops with unwinding assertions
 *      and finds shallow bugs; and a quick attempt of Spacer on the Horn
 *      clauses, which settles most easy invariants. Each gets a quarter of
 *      the budget (BMC at most 4 s, Spacer at most 2.5 s);
 *   2. three lanes, each with its own Z3 worker, side by side until one has
 *      a verdict the gate admits (it cancels the others): deeper bounded
 *      model checking (resuming after the deepest unwinding stage 1 searched,
 *      up to 4,096 or --max-unwind), k-induction with invariant
 *      strengthening, and Spacer with all its configurations.
 *   A single engine can be chosen instead.
 *
 * Recursion (`decideAtDepth`): at an inlining depth, the properties with
 * calls deeper than the bound assumed away, then the `unwinding` properties
 * that mark those calls; if no run reaches them, the inlined program is the
 * whole program and the first check is a proof.
 *
 * Termination (`decideTermination`): the termination engine, then bounded
 * model checking of the undefined behaviour its invariants left open.
 */
import type { UnknownCode } from '../core/answer.js';
import type { Budget } from '../core/budget.js';
import { trace } from '../core/trace.js';
import { ENGINES, type Engine, type EngineOptions, type EngineResult } from '../engines/index.js';
import type { IrFunction, Property, PropertyKind } from '../ir/ir.js';
import { usesMemory } from '../ir/ir.js';
import { findLoops } from '../ir/loops.js';
import { initSolver, onLane } from '../smt/index.js';
import { judgeResult, unknownVerdict, type CodeContext } from './code-gate.js';
import type { Verdict } from './verdict.js';

export const ENGINE_CHOICES = ['portfolio', 'bmc', 'k-induction', 'chc'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export interface PortfolioOptions {
  /** `portfolio` (default), or one engine alone for programs with loops. */
  readonly engines: EngineChoice;
  /** The question's deadline and cancellation. */
  readonly budget: Budget;
  /** The user's --max-unwind, if given. */
  readonly maxUnwind?: number;
  readonly dumpSmtDir?: string;
}

/** The unwinding BMC tries when the user set none (loop-free and single-engine runs). */
const DEFAULT_MAX_UNWIND = 64;
/** The first stage: shallow bounded model checking beside a quick attempt of Spacer. */
const SHALLOW_UNWIND = 16;
const SHALLOW_SHARE = 0.25;
const SHALLOW_MAX_MS = 4_000;
const SPACER_QUICK_MS = 2_500;
/**
 * With a budget above 40 s the stage-one caps grow with it (a tenth of the
 * budget for BMC, a sixteenth for Spacer), so that on a busy machine a larger
 * --timeout keeps the answer a quiet machine gives with the default.
 */
const SHALLOW_MAX_SHARE = 0.1;
const SPACER_QUICK_SHARE = 0.0625;
/** Deepest unwinding BMC tries in the portfolio when the user set no --max-unwind. */
const DEEP_UNWIND = 4096;

function engineOptions(
  ctx: CodeContext,
  options: PortfolioOptions,
  properties: readonly Property[],
): EngineOptions {
  return {
    timeoutMs: Math.max(1, options.budget.left()),
    properties: new Set(properties.map((p) => p.id)),
    maxUnwind: options.maxUnwind ?? DEFAULT_MAX_UNWIND,
    syntax: ctx.syntax,
    ...(options.budget.signal ? { signal: options.budget.signal } : {}),
    ...(options.dumpSmtDir ? { dumpSmtDir: options.dumpSmtDir } : {}),
  };
}

/** With no property of the selected kinds in the function, there is nothing for a solver to do. */
function nothingToCheck(): EngineResult {
  return {
    status: 'safe',
    sound: true,
    certificate: { kind: 'bmc', unwind: 0, queries: [] },
    solverMs: 0,
  };
}

/** Decides the checked properties of `ctx.fn`. */
export async function decideProperties(
  ctx: CodeContext,
  options: PortfolioOptions,
): Promise<Verdict> {
  if (ctx.checked.length === 0) return judgeResult(nothingToCheck(), ctx);
  const engineOpts = engineOptions(ctx, options, ctx.checked);
  // Cheap and decisive first: boundary-value test runs in the interpreter, the
  // same on a quiet and a busy machine (a fixed seed, a step budget).
  const tested = await judgeResult(await ENGINES.testing.check(ctx.fn, engineOpts), ctx);
  if (tested.answer === 'no') return tested;
  const loops = findLoops(ctx.fn);
  const v =
    !loops.ok || loops.info.loops.length === 0 || options.engines === 'bmc'
      ? await judgeResult(await ENGINES.bmc.check(ctx.fn, engineOpts), ctx)
      : await portfolio(ctx, options, engineOpts);
  if (v.answer !== 'unknown' || !usesMemory(ctx.fn) || options.engines !== 'portfolio') return v;
  // A bug behind more iterations than unwinding reaches (a loop over a large array):
  // long test runs, bounded by steps and by what is left of the time.
  const rest = options.budget.left();
  if (rest < MIN_LONG_RUNS_MS) return v;
  const long = await judgeResult(
    await ENGINES.testing.check(ctx.fn, { ...engineOpts, effort: 'full', timeoutMs: rest }),
    ctx,
  );
  return long.answer === 'no' ? long : v;
}

/** Long test runs are not started with less time than this left. */
const MIN_LONG_RUNS_MS = 200;

/** A verdict that settles the question (yes or no) ends the portfolio. */
function decisive(v: Verdict): boolean {
  return v.answer === 'yes' || v.answer === 'no';
}

/** Combines `signal` with the question's own cancellation. */
function linked(options: PortfolioOptions, own: AbortController): AbortSignal {
  const outer = options.budget.signal;
  return outer ? AbortSignal.any([outer, own.signal]) : own.signal;
}

async function portfolio(
  ctx: CodeContext,
  options: PortfolioOptions,
  engineOpts: EngineOptions,
): Promise<Verdict> {
  const choice = options.engines;
  const left = (): number => Math.max(1, options.budget.left());
  const total = left();
  const reasons: string[] = [];
  let solverMs = 0;
  /** Runs one engine and admits its result: a decisive verdict, or null after noting why not. */
  const attempt = async (
    what: string,
    engine: Engine,
    opts: EngineOptions,
    seen?: (r: EngineResult) => void,
  ): Promise<Verdict | null> => {
    const r = await engine.check(ctx.fn, opts);
    seen?.(r);
    trace('portfolio', () => `${what}: ${r.status}`);
    solverMs += r.solverMs;
    const v = await judgeResult(r, ctx);
    if (decisive(v)) return v;
    if (v.answer === 'unknown' && v.reason.code !== 'cancelled')
      reasons.push(`${what}: ${v.reason.message}`);
    return null;
  };
  const userMax = options.maxUnwind;
  let deepFrom = 1;
  // Spacer has no encoding of memory: its quick lane would idle, so a function
  // with memory goes straight to bounded model checking beside k-induction.
  if (choice === 'portfolio' && !usesMemory(ctx.fn)) {
    const stage1 = new AbortController();
    const signal1 = linked(options, stage1);
    let shallow: EngineResult | null = null;
    const bmcLane = onLane(0, async () => {
      const v = await attempt(
        'bounded model checking',
        ENGINES.bmc,
        {
          ...engineOpts,
          signal: signal1,
          maxUnwind: Math.min(userMax ?? SHALLOW_UNWIND, SHALLOW_UNWIND),
          timeoutMs: Math.min(
            left() * SHALLOW_SHARE,
            Math.max(SHALLOW_MAX_MS, total * SHALLOW_MAX_SHARE),
          ),
        },
        (r) => (shallow = r),
      );
      if (v !== null) stage1.abort();
      return v;
    });
    const spacerLane = onLane(1, async () => {
      // Two Z3 instances compiling at once would delay the first answer:
      // this lane's loads once lane 0's is ready.
      await onLane(0, () => initSolver()).catch(() => undefined);
      const v = await attempt('Horn clauses', ENGINES.chc, {
        ...engineOpts,
        signal: signal1,
        effort: 'quick',
        timeoutMs: Math.min(
          Math.max(SPACER_QUICK_MS, total * SPACER_QUICK_SHARE),
          left() * SHALLOW_SHARE,
        ),
      });
      if (v !== null) stage1.abort();
      return v;
    });
    // The third lane's Z3 instance loads meanwhile.
    void onLane(2, () => initSolver()).catch(() => undefined);
    const first = await firstDecisive([bmcLane, spacerLane]);
    if (first !== null) return first;
    const s = shallow as EngineResult | null;
    if (s?.status === 'unknown' && ['cancelled', 'unsupported'].includes(s.reason.code))
      return unknownVerdict(ctx, solverMs, s.reason);
    // The deeper search resumes after the deepest unwinding shown free of
    // violations (the shallow stage may have run out of its share earlier).
    deepFrom = Math.max(1, (s?.status === 'unknown' ? (s.searched ?? 0) : 0) * 2);
  }
  const stop = new AbortController();
  const shared: EngineOptions = { ...engineOpts, signal: linked(options, stop) };
  const lanes: Promise<Verdict | null>[] = [];
  const run = (lane: number, work: () => Promise<Verdict | null>): void => {
    lanes.push(
      onLane(lane, async () => {
        const v = await work();
        if (v !== null) stop.abort();
        return v;
      }),
    );
  };
  const deepMax = userMax ?? DEEP_UNWIND;
  if ((choice === 'portfolio' && deepMax >= deepFrom) || choice === 'bmc') {
    run(0, () => {
      trace('portfolio', () => `bounded model checking from ${deepFrom} to ${deepMax} unwindings`);
      return attempt('deeper bounded model checking', ENGINES.bmc, {
        ...shared,
        minUnwind: deepFrom,
        maxUnwind: deepMax,
        timeoutMs: left(),
      });
    });
  }
  if (choice === 'portfolio' || choice === 'k-induction') {
    run(choice === 'portfolio' ? 1 : 0, () =>
      attempt('k-induction', ENGINES['k-induction'], { ...shared, timeoutMs: left() }),
    );
  }
  if (choice === 'portfolio' || choice === 'chc') {
    run(choice === 'portfolio' ? 2 : 0, () =>
      attempt('Horn clauses', ENGINES.chc, { ...shared, timeoutMs: left() }),
    );
  }
  // The first decisive verdict is the answer: the other lanes are cancelled and wind
  // down on their own (their queries are interrupted, their workers stopped if need be).
  const first = await firstDecisive(lanes);
  if (first !== null) return first;
  const code: UnknownCode =
    options.budget.left() <= 0 ? 'timeout' : unboundedOr(reasons, 'solver-unknown');
  return unknownVerdict(ctx, solverMs, { code, message: [...new Set(reasons)].join('; ') });
}

/** The first non-null verdict of `lanes`, or null once all of them have ended without one. */
function firstDecisive(lanes: readonly Promise<Verdict | null>[]): Promise<Verdict | null> {
  return new Promise((resolve) => {
    let open = lanes.length;
    for (const lane of lanes)
      void lane.then(
        (v) => {
          open--;
          if (v !== null) resolve(v);
          else if (open === 0) resolve(null);
        },
        () => {
          open--;
          if (open === 0) resolve(null);
        },
      );
  });
}

/** `unbounded-loop` when bounded model checking said a loop was not shown to stop. */
function unboundedOr(reasons: readonly string[], otherwise: UnknownCode): UnknownCode {
  return reasons.some((r) => /was not shown to stop/.test(r)) ? 'unbounded-loop' : otherwise;
}

// ---------------------------------------------------------------- recursion

/**
 * One recursion inlining depth: a verdict, or null when some run recurses
 * deeper than the depth the front-end inlined (`unwinding` properties mark
 * the calls it cut off).
 */
export async function decideAtDepth(
  ctx: CodeContext,
  options: PortfolioOptions,
): Promise<Verdict | null> {
  if (ctx.checked.length === 0) return judgeResult(nothingToCheck(), ctx);
  const fn: IrFunction = ctx.fn;
  const bmc = ENGINES.bmc;
  const properties = await bmc.check(fn, engineOptions(ctx, options, ctx.checked));
  if (properties.status !== 'safe') return judgeResult(properties, ctx);
  const cuts = fn.properties.filter((p) => p.kind === 'unwinding');
  if (cuts.length === 0) return judgeResult(properties, ctx);
  const deeper = await bmc.check(fn, engineOptions(ctx, options, cuts));
  if (deeper.status === 'unsafe') return null;
  if (deeper.status === 'unknown') return judgeResult(deeper, ctx);
  if (properties.certificate.kind !== 'bmc' || deeper.certificate.kind !== 'bmc')
    throw new Error('internal error: BMC returned a non-BMC certificate');
  return judgeResult(
    {
      status: 'safe',
      sound: properties.sound && deeper.sound,
      solverMs: properties.solverMs + deeper.solverMs,
      certificate: {
        kind: 'bmc',
        unwind: Math.max(properties.certificate.unwind, deeper.certificate.unwind),
        queries: [...properties.certificate.queries, ...deeper.certificate.queries],
      },
    },
    ctx,
  );
}

// ---------------------------------------------------------------- termination

const UB_KINDS: ReadonlySet<PropertyKind> = new Set(['overflow', 'div-by-zero', 'shift']);
/** Below this many milliseconds left, the undefined-behaviour check is not started. */
const UB_CHECK_MIN_MS = 200;

/**
 * Does every run of `ctx.fn` return? The termination engine decides, through
 * the gate; undefined behaviour its invariants could not rule out is settled
 * by bounded model checking (a run with undefined behaviour has no defined
 * outcome, so it is not guaranteed to return: a replayed one is a no).
 */
export async function decideTermination(
  ctx: CodeContext,
  options: PortfolioOptions,
): Promise<Verdict> {
  const fn = ctx.fn;
  // Memory reads are not values the termination analysis reasons about yet:
  // rather than approximate them, it says so.
  if (usesMemory(fn)) {
    return unknownVerdict(ctx, 0, {
      code: 'unsupported',
      message:
        'termination of a function that uses memory (arrays, pointers, structs) is not analysed yet',
      location: fn.span,
    });
  }
  // Cheap and decisive first: the one run of a function that reads no input, a
  // loop state one pass maps to itself, then boundary-value test runs that
  // reach undefined behaviour.
  const quick = await judgeResult(
    await ENGINES.termination.check(fn, { ...engineOptions(ctx, options, []), effort: 'quick' }),
    ctx,
  );
  if (quick.answer === 'no') return quick;
  // A function that reads no input: its one run ended, every check on the way holding.
  if (
    quick.answer === 'yes' &&
    quick.certificate.kind === 'termination' &&
    quick.certificate.openChecks.length === 0
  )
    return quick;
  const ubChecked = fn.properties.filter((p) => UB_KINDS.has(p.kind));
  if (ubChecked.length > 0) {
    const ubCtx: CodeContext = { ...ctx, checked: ubChecked };
    const tested = await judgeResult(
      await ENGINES.testing.check(fn, engineOptions(ubCtx, options, ubChecked)),
      ubCtx,
    );
    if (tested.answer === 'no') return undefinedBehaviourNo(tested, fn.name);
  }
  // The rest of the analysis, without the quick step's fixed points, unless one
  // of them depended on an undefined function (the reason a don't know gives).
  const afterQuick =
    quick.answer === 'unknown' && quick.reason.code === 'undefined-function' ? 'full' : 'rest';
  const result = await ENGINES.termination.check(fn, {
    ...engineOptions(ctx, options, []),
    effort: afterQuick,
    timeoutMs: Math.max(1, options.budget.left()),
  });
  const open =
    result.status === 'safe' && result.certificate.kind === 'termination'
      ? result.certificate.openChecks
      : result.status === 'unknown'
        ? (result.openChecks ?? [])
        : [];
  const verdict = await judgeResult(result, ctx);
  if (open.length === 0 || verdict.answer === 'no') return verdict;
  const onlyNo = verdict.answer !== 'yes';
  const ub = await undefinedBehaviour(ctx, options, open);
  if (ub.answer === 'no') return undefinedBehaviourNo(ub, fn.name);
  if (onlyNo || ub.answer === 'yes') return verdict;
  const lines = [...new Set(open.map((s) => s.startLine))].sort((a, b) => a - b);
  const what = `undefined behaviour (such as signed overflow) at line ${lines.join(', ')} was not ruled out`;
  return {
    ...ub,
    explanation: `every loop has a termination argument, but ${what}: ${ub.reason.message}`,
  };
}

/** A replayed run with undefined behaviour, as the answer to "does it always return?". */
function undefinedBehaviourNo(v: Verdict & { answer: 'no' }, name: string): Verdict {
  const cx = v.witness;
  return {
    ...v,
    explanation: `${name} can run into undefined behaviour: ${cx.property.description} fails at line ${cx.property.span.startLine}. A run with undefined behaviour has no defined outcome, so it is not guaranteed to return.`,
  };
}

/** Bounded model checking of the undefined-behaviour properties (a quick answer only). */
async function undefinedBehaviour(
  ctx: CodeContext,
  options: PortfolioOptions,
  open: readonly { readonly startLine: number }[],
): Promise<Verdict> {
  const checked = ctx.fn.properties.filter((p) => UB_KINDS.has(p.kind));
  const ubCtx: CodeContext = { ...ctx, checked };
  const lines = [...new Set(open.map((s) => s.startLine))].sort((a, b) => a - b);
  const what = `undefined behaviour (such as signed overflow) at line ${lines.join(', ')} was not ruled out`;
  if (options.budget.left() < UB_CHECK_MIN_MS) {
    return unknownVerdict(ubCtx, 0, { code: 'timeout', message: what });
  }
  return decideProperties(ubCtx, { ...options, engines: 'bmc' });
}
