/**
 * `prove`: the pipeline behind `arc prove` and the library API.
 * front-end → IR → engine → trust gate (replay / re-check) → verdict.
 * Bad input is returned as diagnostics; every other outcome is a verdict.
 *
 * Recursive programs are inlined to a growing depth (1, 2, 4, …). At each
 * depth two checks run: the properties, with calls deeper than the bound
 * assumed away (a violation found there is a real run), and the `unwinding`
 * properties that mark those deeper calls, with the properties assumed (if no
 * run reaches them, the inlined program is the whole program and the first
 * check is a proof). This is bounded model checking's unwinding assertion,
 * applied to the call stack.
 */
import { performance } from 'node:perf_hooks';
import { isUnsupportedCode, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EngineOptions, EngineResult, UnknownReason } from '../engines/engine.js';
import { bmcEngine } from '../engines/bmc/index.js';
import { findLoops } from '../ir/loops.js';
import { checkChc } from '../engines/chc/index.js';
import { checkKInduction } from '../engines/kind/index.js';
import type { FrontendResult } from '../frontends/frontend.js';
import { frontendFor } from '../frontends/registry.js';
import type { IrFunction, Property, PropertyKind } from '../ir/ir.js';
import { initSolver, onLane } from '../smt/index.js';
import { trace } from '../diagnostics/trace.js';
import { judge, unknown, type JudgeContext } from '../verdict/judge.js';
import { phraseQuestion } from '../verdict/question.js';
import { testingCostNote } from '../verdict/testing-cost.js';
import type { UnknownVerdict, Verdict } from '../verdict/verdict.js';
import {
  DEFAULT_MAX_UNWIND,
  DEFAULT_TIMEOUT_SECONDS,
  selectedKinds,
  validateProveOptions,
} from './options.js';
import type { ProveOptions, ProveResult } from './types.js';

/** Largest recursion inlining depth tried (the front-end also stops at an IR size limit). */
const MAX_RECURSION_DEPTH = 64;

interface Request {
  readonly options: ProveOptions;
  readonly entry: string;
  readonly dataModel: 'LP64' | 'ILP32';
  readonly kinds: ReadonlySet<PropertyKind>;
  readonly started: number;
  readonly deadline: number;
}

type Lowered = Extract<FrontendResult, { ok: true }>;

export async function prove(options: ProveOptions): Promise<ProveResult> {
  const started = performance.now();
  const problems = validateProveOptions(options);
  if (problems.length > 0) return { kind: 'bad-input', diagnostics: problems };
  // Load Z3 while the front-end works; the engine awaits the same instance.
  void initSolver().catch(() => undefined);
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const request: Request = {
    options,
    entry: options.function ?? 'main',
    dataModel: options.dataModel ?? 'LP64',
    kinds: selectedKinds(options),
    started,
    deadline: started + timeoutMs,
  };
  const lowered = await lower(request, undefined);
  if (lowered.ok) return proveLowered(request, lowered);
  if (onlyRecursion(lowered.diagnostics) && frontendFor(options.file).boundedRecursion) {
    return proveRecursive(request, lowered.diagnostics);
  }
  return frontEndFailure(lowered.diagnostics, request.entry, started);
}

function lower(request: Request, recursionDepth: number | undefined): Promise<FrontendResult> {
  return frontendFor(request.options.file).lower(request.options.file, {
    dataModel: request.dataModel,
    entry: request.entry,
    returnsTrue: request.options.returnsTrue === true,
    semantics: request.options.semantics ?? 'c',
    ...(recursionDepth !== undefined ? { recursionDepth } : {}),
  });
}

function entryOf(request: Request, lowered: Lowered): IrFunction {
  const fn = lowered.program.functions.get(request.entry);
  if (fn === undefined) {
    throw new Error(`internal error: the front-end did not produce function ${request.entry}`);
  }
  return fn;
}

function engineOptions(request: Request, properties: readonly Property[]): EngineOptions {
  const { options } = request;
  return {
    timeoutMs: Math.max(1, request.deadline - performance.now()),
    properties: new Set(properties.map((p) => p.id)),
    maxUnwind: options.maxUnwind ?? DEFAULT_MAX_UNWIND,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.dumpSmtDir ? { dumpSmtDir: options.dumpSmtDir } : {}),
  };
}

function contextFor(request: Request, lowered: Lowered, fn: IrFunction): JudgeContext {
  const checked = fn.properties.filter((p) => request.kinds.has(p.kind));
  return {
    fn,
    question: phraseQuestion(fn, request.kinds, checked),
    checked,
    source: lowered.source,
    diagnostics: lowered.diagnostics,
    started: request.started,
    dataModel: request.dataModel,
    // A compiled C program does not run with mathematical integers (or in Python).
    compilerReplay:
      request.options.compilerReplay !== false &&
      request.options.semantics !== 'math' &&
      lowered.program.language === 'c',
    timeoutMs: Math.max(1, request.deadline - request.started),
  };
}

async function proveLowered(request: Request, lowered: Lowered): Promise<ProveResult> {
  const fn = entryOf(request, lowered);
  const context = contextFor(request, lowered, fn);
  if (context.checked.length === 0) return finish(await judge(nothingToCheck(), context), fn, []);
  const options = {
    ...engineOptions(request, context.checked),
    language: lowered.program.language,
  };
  const loops = findLoops(fn);
  if (!loops.ok || loops.info.loops.length === 0 || request.options.engines === 'bmc') {
    return finish(await judge(await bmcEngine.check(fn, options), context), fn, []);
  }
  return portfolio(request, fn, context, options);
}

/** The first stage: shallow bounded model checking beside a quick attempt of Spacer. */
const SHALLOW_UNWIND = 16;
const SHALLOW_SHARE = 0.25;
const SHALLOW_MAX_MS = 4_000;
const SPACER_QUICK_MS = 2_500;

/** Deepest unwinding BMC tries in the portfolio when the user set no --max-unwind. */
const DEEP_UNWIND = 4096;

/** What one lane of the portfolio ended with: a decisive verdict, or why it has none. */
type LaneOutcome =
  | { readonly kind: 'verdict'; readonly verdict: Verdict }
  | {
      readonly kind: 'none';
      readonly reasons: readonly string[];
      readonly solverMs: number;
      readonly code?: UnknownReason['code'];
    };

/** A verdict that settles the question (yes or no) ends the portfolio. */
function decisive(v: Verdict): boolean {
  return v.answer === 'yes' || v.answer === 'no';
}

/** The lane's outcome for an engine result: a decisive verdict, or the reason (`what: …`). */
async function laneOutcome(
  what: string,
  r: EngineResult,
  context: JudgeContext,
): Promise<LaneOutcome> {
  const v = await judge(r, context);
  if (decisive(v)) return { kind: 'verdict', verdict: v };
  if (v.answer !== 'unknown' || v.reason.code === 'cancelled')
    return { kind: 'none', reasons: [], solverMs: r.solverMs };
  return {
    kind: 'none',
    reasons: [`${what}: ${v.reason.message}`],
    solverMs: r.solverMs,
    ...(r.status === 'unknown' ? { code: r.reason.code } : {}),
  };
}

/**
 * Programs with loops, in two stages.
 *
 * 1. Two lanes side by side (one per core): bounded model checking up to
 *    16 unwindings, which settles bounded loops with unwinding assertions
 *    and finds shallow bugs; and a quick attempt of Spacer on the Horn
 *    clauses (its configurations in turn, each with all the time left),
 *    which settles most easy invariants. Each gets a quarter of the budget
 *    (BMC at most 4 s, Spacer at most 2.5 s); the first yes or no wins.
 * 2. Three lanes, each with its own Z3 worker, side by side until one has a
 *    verdict the trust gate accepts (the first yes or no wins and cancels
 *    the others):
 *    - bounded model checking, deeper (32, 64, … up to 4,096 unwindings or
 *      --max-unwind): bugs that need many iterations;
 *    - k-induction with invariant strengthening (whose concrete runs may also
 *      find a bug);
 *    - Spacer with all its configurations.
 *
 * A single engine can be chosen with `engines`.
 */
async function portfolio(
  request: Request,
  fn: IrFunction,
  context: JudgeContext,
  options: EngineOptions,
): Promise<ProveResult> {
  const choice = request.options.engines ?? 'portfolio';
  const left = (): number => Math.max(1, request.deadline - performance.now());
  const reasons: string[] = [];
  let solverMs = 0;
  /** A decisive verdict, or null after noting why there is none. */
  const attempt = async (what: string, r: EngineResult): Promise<Verdict | null> => {
    trace('portfolio', () => `${what}: ${r.status}`);
    solverMs += r.solverMs;
    const o = await laneOutcome(what, r, context);
    if (o.kind === 'verdict') return o.verdict;
    reasons.push(...o.reasons);
    return null;
  };
  const userMax = request.options.maxUnwind;
  let deepFrom = 1;
  if (choice === 'portfolio') {
    // Shallow BMC and a quick Spacer attempt side by side, one lane (core)
    // each; the first decisive verdict cancels the other.
    const stage1 = new AbortController();
    const signal1 = request.options.signal
      ? AbortSignal.any([request.options.signal, stage1.signal])
      : stage1.signal;
    const shallowMax = Math.min(userMax ?? SHALLOW_UNWIND, SHALLOW_UNWIND);
    let shallow: EngineResult | null = null;
    const bmcLane = onLane(0, async () => {
      shallow = await bmcEngine.check(fn, {
        ...options,
        signal: signal1,
        maxUnwind: shallowMax,
        timeoutMs: Math.min(left() * SHALLOW_SHARE, SHALLOW_MAX_MS),
      });
      const v = await attempt('bounded model checking', shallow);
      if (v !== null) stage1.abort();
      return v;
    });
    const spacerLane = onLane(1, async () => {
      // Two Z3 instances compiling at once would delay the first answer:
      // this lane's loads once lane 0's is ready.
      await onLane(0, () => initSolver()).catch(() => undefined);
      const quick = await checkChc(
        fn,
        {
          ...options,
          signal: signal1,
          timeoutMs: Math.min(SPACER_QUICK_MS, left() * SHALLOW_SHARE),
        },
        'quick',
      );
      const v = await attempt('Horn clauses', quick.result);
      if (v !== null) stage1.abort();
      return v;
    });
    // The third lane's Z3 instance loads meanwhile.
    void onLane(2, () => initSolver()).catch(() => undefined);
    const first = await firstDecisive([bmcLane, spacerLane]);
    if (first !== null) return finish(first, fn, []);
    const s = shallow as EngineResult | null;
    if (s?.status === 'unknown' && ['cancelled', 'unsupported'].includes(s.reason.code))
      return finish(unknown(context, solverMs, s.reason), fn, []);
    // The deeper search resumes after the deepest unwinding shown free of
    // violations (the shallow stage may have run out of its share earlier).
    deepFrom = Math.max(1, (s?.status === 'unknown' ? (s.searched ?? 0) : 0) * 2);
  }
  const stop = new AbortController();
  const signal = request.options.signal
    ? AbortSignal.any([request.options.signal, stop.signal])
    : stop.signal;
  const shared: EngineOptions = { ...options, signal };
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
    run(0, async () => {
      trace('portfolio', () => `bounded model checking from ${deepFrom} to ${deepMax} unwindings`);
      const r = await bmcEngine.check(fn, {
        ...shared,
        minUnwind: deepFrom,
        maxUnwind: deepMax,
        timeoutMs: left(),
      });
      return attempt('deeper bounded model checking', r);
    });
  }
  if (choice === 'portfolio' || choice === 'k-induction') {
    run(choice === 'portfolio' ? 1 : 0, async () => {
      const ki = await checkKInduction(fn, { ...shared, timeoutMs: left() });
      return attempt('k-induction', ki);
    });
  }
  if (choice === 'portfolio' || choice === 'chc') {
    run(choice === 'portfolio' ? 2 : 0, async () => {
      const chc = await checkChc(fn, { ...shared, timeoutMs: left() });
      return attempt('Horn clauses', chc.result);
    });
  }
  // The first decisive verdict is the answer: the other lanes are cancelled and wind
  // down on their own (their queries are interrupted, their workers stopped if need be).
  const first = await firstDecisive(lanes);
  if (first !== null) return finish(first, fn, []);
  const code =
    performance.now() >= request.deadline ? 'timeout' : unboundedOr(reasons, 'solver-unknown');
  return finish(
    unknown(context, solverMs, { code, message: [...new Set(reasons)].join('; ') }),
    fn,
    [],
  );
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
function unboundedOr(
  reasons: readonly string[],
  otherwise: UnknownReason['code'],
): UnknownReason['code'] {
  return reasons.some((r) => /was not shown to stop/.test(r)) ? 'unbounded-loop' : otherwise;
}

function finish(verdict: Verdict, fn: IrFunction, notes: readonly string[]): ProveResult {
  const cost = verdict.answer === 'yes' ? testingCostNote(fn, verdict.elapsedMs) : null;
  const all = [...verdict.notes, ...notes, ...(cost === null ? [] : [cost])];
  return { kind: 'verdict', verdict: { ...verdict, notes: all } };
}

function onlyRecursion(diagnostics: readonly Diagnostic[]): boolean {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return errors.length > 0 && errors.every((d) => d.code === 'recursion');
}

function recursionSchedule(): number[] {
  const depths: number[] = [];
  for (let d = 1; d <= MAX_RECURSION_DEPTH; d *= 2) depths.push(d);
  return depths;
}

/** Inlines recursion ever deeper until a depth is shown to cover every run (see the module comment). */
async function proveRecursive(
  request: Request,
  firstDiagnostics: readonly Diagnostic[],
): Promise<ProveResult> {
  let last: { lowered: Lowered; fn: IrFunction; depth: number } | null = null;
  let why = 'the time budget ran out';
  for (const depth of recursionSchedule()) {
    if (performance.now() >= request.deadline) break;
    const lowered = await lower(request, depth);
    if (!lowered.ok) {
      const tooLarge = last !== null && onlyRecursion(lowered.diagnostics);
      if (!tooLarge) return frontEndFailure(lowered.diagnostics, request.entry, request.started);
      why = lowered.diagnostics.find((d) => d.severity === 'error')?.message ?? why;
      break;
    }
    const fn = entryOf(request, lowered);
    last = { lowered, fn, depth };
    const step = await checkAtDepth(request, lowered, fn, depth);
    if (step !== null) return step;
    why = `some run makes more than ${depth} nested recursive calls`;
  }
  if (last === null) return frontEndFailure(firstDiagnostics, request.entry, request.started);
  const context = contextFor(request, last.lowered, last.fn);
  const verdict = unknown(context, 0, {
    code: 'recursion',
    message: `the recursion in ${request.entry} was not shown to stop within ${last.depth} nested calls: ${why}`,
  });
  return finish(verdict, last.fn, []);
}

/** One depth: a verdict, or null when some run recurses deeper than `depth`. */
async function checkAtDepth(
  request: Request,
  lowered: Lowered,
  fn: IrFunction,
  depth: number,
): Promise<ProveResult | null> {
  const context = contextFor(request, lowered, fn);
  const note = `recursion inlined ${depth} nested call(s) deep; no run of ${fn.name} recurses deeper`;
  if (context.checked.length === 0) return finish(await judge(nothingToCheck(), context), fn, []);
  const properties = await bmcEngine.check(fn, engineOptions(request, context.checked));
  if (properties.status !== 'safe') return finish(await judge(properties, context), fn, []);
  const cuts = fn.properties.filter((p) => p.kind === 'unwinding');
  if (cuts.length === 0) return finish(await judge(properties, context), fn, []);
  const deeper = await bmcEngine.check(fn, engineOptions(request, cuts));
  if (deeper.status === 'unsafe') return null;
  if (deeper.status === 'unknown') return finish(await judge(deeper, context), fn, []);
  if (properties.certificate.kind !== 'bmc' || deeper.certificate.kind !== 'bmc')
    throw new Error('internal error: BMC returned a non-BMC certificate');
  const combined: EngineResult = {
    status: 'safe',
    sound: properties.sound && deeper.sound,
    solverMs: properties.solverMs + deeper.solverMs,
    certificate: {
      kind: 'bmc',
      unwind: Math.max(properties.certificate.unwind, deeper.certificate.unwind),
      queries: [...properties.certificate.queries, ...deeper.certificate.queries],
    },
  };
  return finish(await judge(combined, context), fn, [note]);
}

/** Unsupported constructs give don't know (exit 3); anything else is bad input (exit 2). */
export function frontEndFailure(
  diagnostics: readonly Diagnostic[],
  entry: string,
  started: number,
  question = `Does ${entry} satisfy its properties?`,
): ProveResult {
  const unsupported = diagnostics.find((d) => d.severity === 'error' && isUnsupportedCode(d.code));
  const fatal = diagnostics.find((d) => d.severity === 'error' && !isUnsupportedCode(d.code));
  if (fatal !== undefined || unsupported === undefined) return { kind: 'bad-input', diagnostics };
  const reason: UnknownReason = {
    code: unsupported.code === 'recursion' ? 'recursion' : 'unsupported',
    message: unsupported.message,
  };
  const verdict: UnknownVerdict = {
    answer: 'unknown',
    question,
    explanation: `arc cannot model this program: ${unsupported.message}`,
    reason: unsupported.span ? { ...reason, span: unsupported.span } : reason,
    elapsedMs: performance.now() - started,
    solverMs: 0,
    properties: [],
    diagnostics,
    notes: [],
  };
  return { kind: 'verdict', verdict };
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
