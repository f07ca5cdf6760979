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
import type { UnknownReason } from '../core/answer.js';
import { Budget } from '../core/budget.js';
import { isUnsupportedCode, type Diagnostic } from '../core/diagnostic.js';
import type { FrontendResult } from '../frontends/frontend.js';
import { frontendFor } from '../frontends/registry.js';
import {
  relaxUnchecked,
  UNDEFINED_BEHAVIOUR_KINDS,
  type IrFunction,
  type PropertyKind,
} from '../ir/ir.js';
import { initSolver } from '../smt/index.js';
import { unknownVerdict, type CodeContext } from '../verdict/code-gate.js';
import { decideAtDepth, decideProperties, type PortfolioOptions } from '../verdict/portfolio.js';
import { phraseQuestion } from '../verdict/question.js';
import { testingCostNote } from '../verdict/testing-cost.js';
import type { UnknownVerdict, Verdict } from '../verdict/verdict.js';
import { DEFAULT_TIMEOUT_SECONDS, selectedKinds, validateProveOptions } from './options.js';
import type { ProveOptions, ProveResult } from './types.js';

/** Largest recursion inlining depth tried (the front-end also stops at an IR size limit). */
const MAX_RECURSION_DEPTH = 64;

interface Request {
  readonly options: ProveOptions;
  readonly entry: string;
  readonly dataModel: 'LP64' | 'ILP32';
  readonly kinds: ReadonlySet<PropertyKind>;
  readonly started: number;
  readonly budget: Budget;
}

type Lowered = Extract<FrontendResult, { ok: true }>;

export async function prove(options: ProveOptions): Promise<ProveResult> {
  const started = performance.now();
  const problems = validateProveOptions(options);
  if (problems.length > 0) return { kind: 'bad-input', command: 'prove', diagnostics: problems };
  // Load Z3 while the front-end works; the engine awaits the same instance.
  void initSolver().catch(() => undefined);
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const request: Request = {
    options,
    entry: options.function ?? 'main',
    dataModel: options.dataModel ?? 'LP64',
    kinds: selectedKinds(options),
    started,
    budget: new Budget(started + timeoutMs, options.signal),
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
    mallocMayFail: request.options.mallocMayFail ?? true,
    undefinedPure: request.options.undefinedPure ?? false,
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

function contextFor(request: Request, lowered: Lowered, fn: IrFunction): CodeContext {
  const checked = fn.properties.filter((p) => request.kinds.has(p.kind));
  const relaxed = relaxUnchecked(fn, request.kinds);
  return {
    fn: relaxed,
    ...(relaxed !== fn ? { lowered: fn } : {}),
    domain: 'code',
    command: 'prove',
    question: phraseQuestion(fn, request.kinds, checked),
    checked,
    source: lowered.source,
    syntax: frontendFor(request.options.file).syntax,
    diagnostics: lowered.diagnostics,
    started: request.started,
    dataModel: request.dataModel,
    // A compiled C program does not run with mathematical integers (or in Python).
    compilerReplay:
      request.options.compilerReplay !== false &&
      request.options.semantics !== 'math' &&
      lowered.program.language === 'c',
    timeoutMs: Math.max(1, request.budget.deadline - request.started),
  };
}

function portfolioOptions(request: Request): PortfolioOptions {
  const { options } = request;
  return {
    engines: options.engines ?? 'portfolio',
    budget: request.budget,
    ...(options.maxUnwind !== undefined ? { maxUnwind: options.maxUnwind } : {}),
    ...(options.dumpSmtDir ? { dumpSmtDir: options.dumpSmtDir } : {}),
  };
}

async function proveLowered(request: Request, lowered: Lowered): Promise<ProveResult> {
  const fn = entryOf(request, lowered);
  const ctx = contextFor(request, lowered, fn);
  const verdict = await decideProperties(ctx, portfolioOptions(request));
  return finish(await ruleOutUndefinedBehaviour(request, ctx, fn, verdict), fn, []);
}

/**
 * A yes reached with unchecked memory checks run past (`relaxUnchecked`)
 * holds in arc's byte memory; it holds for the C program only if no run
 * breaks one of those checks, whose failure C leaves undefined. This asks
 * that second question; anything but yes to it makes the answer don't know.
 */
async function ruleOutUndefinedBehaviour(
  request: Request,
  ctx: CodeContext,
  fn: IrFunction,
  verdict: Verdict,
): Promise<Verdict> {
  if (verdict.answer !== 'yes' || ctx.lowered === undefined) return verdict;
  const kinds = new Set(request.kinds);
  for (const k of UNDEFINED_BEHAVIOUR_KINDS) kinds.add(k);
  const unasked = fn.properties.filter(
    (p) => UNDEFINED_BEHAVIOUR_KINDS.has(p.kind) && !request.kinds.has(p.kind),
  );
  if (unasked.length === 0) return verdict;
  const secondCtx: CodeContext = {
    ...ctx,
    fn: relaxUnchecked(fn, kinds),
    lowered: fn,
    checked: unasked,
  };
  // Invariants that proved the first question often prove this one too:
  // k-induction alone tries them first (it keeps them per function).
  const byInvariants =
    verdict.certificate.kind === 'invariant' && request.options.engines === undefined
      ? await decideProperties(secondCtx, { ...portfolioOptions(request), engines: 'k-induction' })
      : null;
  const second =
    byInvariants !== null && byInvariants.answer !== 'unknown'
      ? byInvariants
      : await decideProperties(secondCtx, portfolioOptions(request));
  const names = [...new Set(unasked.map((p) => p.kind))].join(', ');
  if (second.answer === 'yes') {
    const note = `the memory checks that were not asked about (${names}) hold too, so the answer does not rest on undefined behaviour`;
    return { ...verdict, notes: [...verdict.notes, note] };
  }
  if (second.answer === 'no' && second.witness !== undefined) {
    const p = second.witness.property;
    return unknownVerdict(ctx, 0, {
      code: 'undefined-behaviour',
      message: `the checked properties hold in arc's byte memory, but a run breaks a check that was not asked about: ${p.description} (${p.kind}) at line ${p.span.startLine}, and C leaves what happens after it undefined`,
      location: p.span,
    });
  }
  const why = second.answer === 'unknown' ? second.reason.message : 'no witness';
  return unknownVerdict(ctx, 0, {
    code: 'undefined-behaviour',
    message: `the checked properties hold if every memory access is valid (${names}), which was not decided: ${why}`,
  });
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
    if (request.budget.expired()) break;
    const lowered = await lower(request, depth);
    if (!lowered.ok) {
      const tooLarge = last !== null && onlyRecursion(lowered.diagnostics);
      if (!tooLarge) return frontEndFailure(lowered.diagnostics, request.entry, request.started);
      why = lowered.diagnostics.find((d) => d.severity === 'error')?.message ?? why;
      break;
    }
    const fn = entryOf(request, lowered);
    last = { lowered, fn, depth };
    const note = `recursion inlined ${depth} nested call(s) deep; no run of ${fn.name} recurses deeper`;
    const ctx = contextFor(request, lowered, fn);
    const found = await decideAtDepth(ctx, portfolioOptions(request));
    const step = found === null ? null : await ruleOutUndefinedBehaviour(request, ctx, fn, found);
    if (step !== null) return finish(step, fn, step.answer === 'yes' ? [note] : []);
    why = `some run makes more than ${depth} nested recursive calls`;
  }
  if (last === null) return frontEndFailure(firstDiagnostics, request.entry, request.started);
  const context = contextFor(request, last.lowered, last.fn);
  const verdict = unknownVerdict(context, 0, {
    code: 'recursion',
    message: `the recursion in ${request.entry} was not shown to stop within ${last.depth} nested calls: ${why}`,
  });
  return finish(verdict, last.fn, []);
}

/** Unsupported constructs give don't know (exit 3); anything else is bad input (exit 2). */
export function frontEndFailure(
  diagnostics: readonly Diagnostic[],
  entry: string,
  started: number,
  how: { command: 'prove' | 'terminates'; question?: string } = { command: 'prove' },
): ProveResult {
  const unsupported = diagnostics.find((d) => d.severity === 'error' && isUnsupportedCode(d.code));
  const fatal = diagnostics.find((d) => d.severity === 'error' && !isUnsupportedCode(d.code));
  if (fatal !== undefined || unsupported === undefined)
    return { kind: 'bad-input', command: how.command, diagnostics };
  const reason: UnknownReason = {
    code: unsupported.code === 'recursion' ? 'recursion' : 'unsupported',
    message: unsupported.message,
    ...(unsupported.location ? { location: unsupported.location } : {}),
  };
  const verdict: UnknownVerdict = {
    answer: 'unknown',
    domain: how.command === 'prove' ? 'code' : 'termination',
    command: how.command,
    question: how.question ?? `Does ${entry} satisfy its properties?`,
    explanation: `arc cannot model this program: ${unsupported.message}`,
    reason,
    elapsedMs: performance.now() - started,
    solverMs: 0,
    properties: [],
    diagnostics,
    notes: [],
  };
  return { kind: 'verdict', verdict };
}
