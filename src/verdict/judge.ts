/**
 * The trust gate between engines and users. An engine's `safe` becomes yes
 * only if it is sound and every certificate query re-checks as unsatisfiable
 * in an independent solver run; an engine's `unsafe` becomes no only if it is
 * precise and its witness replays in arc's IR interpreter (and, where a C
 * compiler is installed, in the compiled program). Everything else is don't
 * know, with the reason.
 */
import { performance } from 'node:perf_hooks';
import { formatSpan, type Diagnostic } from '../diagnostics/diagnostic.js';
import type {
  BmcRawCertificate,
  EngineResult,
  InvariantRawCertificate,
  RawCertificate,
  RawWitness,
  UnknownReason,
} from '../engines/engine.js';
import { actionReads, allVariables, wrapToType, type IrFunction, type Property } from '../ir/ir.js';
import { replayWithCompiler } from '../replay/compiler.js';
import { runFunction } from '../semantics/interpreter.js';
import type { RunOutcome } from '../semantics/outcome.js';
import { recheckUnsat } from '../smt/index.js';
import { confirmByEnumeration } from './exhaustive-check.js';
import { traceSteps, type SourceLines } from './source-lines.js';
import type {
  Certificate,
  Counterexample,
  NondetValue,
  PropertyRef,
  PropertyStatus,
  ReplayReport,
  Verdict,
} from './verdict.js';

export interface JudgeContext {
  readonly fn: IrFunction;
  readonly question: string;
  /** The properties that were checked. */
  readonly checked: readonly Property[];
  readonly source: SourceLines;
  readonly diagnostics: readonly Diagnostic[];
  /** `performance.now()` when the command started. */
  readonly started: number;
  readonly dataModel: 'LP64' | 'ILP32';
  readonly compilerReplay: boolean;
  readonly timeoutMs: number;
}

/** Runs of a replay longer than this are treated as not reproducing the witness. */
const REPLAY_STEP_LIMIT = 10_000_000;

export async function judge(result: EngineResult, ctx: JudgeContext): Promise<Verdict> {
  switch (result.status) {
    case 'safe':
      if (!result.sound) {
        return unknown(ctx, result.solverMs, {
          code: 'solver-unknown',
          message: 'the engine used an approximation that could hide a violation',
        });
      }
      return judgeSafe(result.certificate, result.solverMs, ctx);
    case 'unsafe':
      return judgeUnsafe(result.witness, result.precise, result.solverMs, ctx);
    case 'unknown':
      return unknown(ctx, result.solverMs, result.reason);
  }
}

function base(ctx: JudgeContext, solverMs: number) {
  return {
    question: ctx.question,
    elapsedMs: performance.now() - ctx.started,
    solverMs,
    diagnostics: ctx.diagnostics,
    notes: [] as string[],
  };
}

function statuses(ctx: JudgeContext, status: PropertyStatus['status']): PropertyStatus[] {
  return ctx.checked.map((p) => ({ property: toRef(p), status }));
}

function toRef(p: Property): PropertyRef {
  return { id: p.id, kind: p.kind, description: p.description, span: p.span };
}

export function unknown(ctx: JudgeContext, solverMs: number, reason: UnknownReason): Verdict {
  return {
    answer: 'unknown',
    ...base(ctx, solverMs),
    explanation: `arc could not decide this: ${reason.message}`,
    reason,
    properties: statuses(ctx, 'unknown'),
  };
}

async function judgeSafe(
  raw: RawCertificate,
  solverMs: number,
  ctx: JudgeContext,
): Promise<Verdict> {
  let recheckMs = 0;
  for (const query of raw.queries) {
    const again = await recheckUnsat(query.smtlib, ctx.timeoutMs);
    recheckMs += again.solverMs;
    if (again.status !== 'unsat') {
      return unknown(ctx, solverMs, {
        code: 'recheck-failed',
        message: `the independent re-check of "${query.meaning}" answered ${again.status}${again.reason ? ` (${again.reason})` : ''}, not unsat`,
      });
    }
  }
  const enumeration = confirmByEnumeration(ctx.fn, new Set(ctx.checked.map((p) => p.id)));
  if (enumeration.kind === 'refuted') {
    return unknown(ctx, solverMs, {
      code: 'recheck-failed',
      message: `internal inconsistency: the solver proved the properties, but input ${enumeration.inputs.join(', ')} violates ${enumeration.property} in arc's interpreter`,
    });
  }
  const enumerated =
    enumeration.kind === 'confirmed'
      ? `; confirmed by running all ${enumeration.inputs} inputs in arc's interpreter`
      : '';
  const recheck =
    raw.queries.length === 0
      ? 'nothing to re-check: no property of the selected kinds occurs in the function'
      : `each query re-checked unsat in a fresh Z3 context with a different strategy (${recheckMs.toFixed(1)} ms)${enumerated}`;
  const queries = raw.queries.map((q) => ({ ...q }));
  const certificate: Certificate =
    raw.kind === 'bmc'
      ? {
          kind: 'bmc',
          summary: summariseCertificate(raw, ctx),
          unwind: raw.unwind,
          queries,
          recheck,
        }
      : {
          kind: 'invariant',
          engine: raw.engine,
          summary: summariseInvariants(raw),
          k: raw.k,
          invariants: raw.invariants.map((i) => ({
            loop: i.loop,
            function: i.function,
            invariant: i.text,
          })),
          queries,
          recheck,
        };
  return {
    answer: 'yes',
    ...base(ctx, solverMs),
    explanation: explainYes(raw, ctx),
    certificate,
    properties: statuses(ctx, 'holds'),
  };
}

function summariseInvariants(raw: InvariantRawCertificate): string {
  const how =
    raw.engine === 'chc'
      ? 'found by solving the program as constrained Horn clauses (Z3 Spacer)'
      : raw.k === 1
        ? 'found by k-induction with invariant strengthening (k = 1)'
        : `found by k-induction with invariant strengthening: the properties are ${raw.k}-inductive relative to them`;
  const lines = raw.invariants.map((i) => `at ${formatSpan(i.loop)}: ${i.text}`);
  return `inductive invariants ${how}: ${lines.join('; ')}`;
}

function summariseCertificate(raw: BmcRawCertificate, ctx: JudgeContext): string {
  if (raw.queries.length === 0) {
    return `there is nothing to prove: ${ctx.fn.name} contains no assertion, error call or operation of the checked kinds that could fail`;
  }
  const params = ctx.fn.params.map((p) => `${p.sourceName}: ${p.sourceType}`).join(', ');
  const first = raw.queries[0];
  const condition = first.condition ?? 'some run violates a checked property';
  const question = params ? `is there ${params} with ${condition}?` : `${condition}?`;
  const arithmetic = ctx.fn.params.some((p) => p.type.kind === 'int')
    ? 'mathematical integer'
    : `${ctx.dataModel} bit-vector`;
  return `the query "${question}" (a checked property failing) is unsatisfiable in ${arithmetic} arithmetic`;
}

function explainYes(raw: RawCertificate, ctx: JudgeContext): string {
  const n = ctx.checked.length;
  if (n === 0) return `${ctx.fn.name} has no property of the selected kinds, so none can fail.`;
  const what = n === 1 ? `its 1 checked property` : `all ${n} checked properties`;
  if (raw.kind === 'invariant') {
    const heads = raw.invariants.length;
    return `Every run of ${ctx.fn.name} satisfies ${what}: the invariant${heads === 1 ? '' : 's'} at ${heads === 1 ? 'its loop head holds' : `its ${heads} loop heads hold`} on entry and after every pass through the loop${heads === 1 ? '' : 's'}, and no property can fail from a state that satisfies ${heads === 1 ? 'it' : 'them'}.`;
  }
  const loops =
    raw.unwind > 0
      ? ` Every loop was unrolled ${raw.unwind} time(s) and the unwinding assertions show that no run needs more, so these are all the runs.`
      : '';
  return `Every run of ${ctx.fn.name} satisfies ${what}: the solver showed that no input leads to a violation.${loops}`;
}

async function judgeUnsafe(
  witness: RawWitness,
  precise: boolean,
  solverMs: number,
  ctx: JudgeContext,
): Promise<Verdict> {
  const outcome = safeRun(ctx.fn, witness);
  if (outcome.kind !== 'violated' || outcome.property !== witness.property) {
    // The engine and the interpreter disagree: an arc bug, reported honestly.
    return unknown(ctx, solverMs, {
      code: 'replay-failed',
      message: `internal inconsistency: the counterexample for ${witness.property} did not replay in arc's interpreter (${describeOutcome(outcome)})`,
    });
  }
  if (!precise) {
    const names = ctx.fn.approximations.map((a) => a.name).join(', ');
    return unknown(ctx, solverMs, {
      code: 'undefined-function',
      message: `a violation of ${witness.property} was found, but it may depend on the result of the undefined function(s) ${names}`,
    });
  }
  const property = ctx.fn.properties.find((p) => p.id === witness.property);
  if (property === undefined)
    throw new Error(`internal error: unknown property ${witness.property}`);
  const nondet = nondetAlongPath(ctx.fn, outcome.path, witness.nondet);
  const replay = await compilerReplay(ctx, witness, property, nondet, outcome.path);
  if (replay.compiler === 'disagrees') {
    return unknown(ctx, solverMs, {
      code: 'replay-failed',
      message: `the counterexample for ${property.id} replays in arc's interpreter but not in the program compiled with ${replay.compiledWith ?? 'the C compiler'}: ${replay.detail ?? ''}`,
    });
  }
  const trace = traceSteps(ctx.fn, witness.inputs, witness.nondet, outcome.path, ctx.source);
  const counterexample: Counterexample = {
    inputs: ctx.fn.params.map((p) => ({
      name: p.sourceName,
      type: p.sourceType,
      value: String(witness.inputs.get(p.name) ?? 0n),
    })),
    nondet,
    property: toRef(property),
    path: trace.steps,
    ...(trace.omitted > 0 ? { omittedSteps: trace.omitted } : {}),
    ...(witness.foundBy !== undefined ? { foundBy: witness.foundBy } : {}),
    replay,
  };
  const props = ctx.checked.map((p) => ({
    property: toRef(p),
    status: p.id === property.id ? ('violated' as const) : ('unknown' as const),
  }));
  return {
    answer: 'no',
    ...base(ctx, solverMs),
    explanation: explainNo(counterexample),
    counterexample,
    properties: props,
  };
}

function explainNo(cx: Counterexample): string {
  const where = `${cx.property.span.file}:${cx.property.span.startLine}:${cx.property.span.startCol}`;
  const inputs = cx.inputs.map((i) => `${i.name} = ${i.value}`).join(', ');
  const given = inputs === '' ? '' : ` with ${inputs}`;
  return `${cx.property.id} fails${given}: it requires that ${cx.property.description} (${where}).`;
}

function safeRun(fn: IrFunction, witness: RawWitness): RunOutcome {
  return runFunction(fn, witness.inputs, witness.nondet, { maxSteps: REPLAY_STEP_LIMIT });
}

function describeOutcome(outcome: RunOutcome): string {
  return outcome.kind === 'violated'
    ? `it violated ${outcome.property}`
    : `the run ${outcome.kind}`;
}

/**
 * The nondeterministic values the replayed run consumed, with the call that
 * produced each, as the havoc's target type holds it (an engine may supply
 * any integer; the run reduces it, and so does this list).
 */
function nondetAlongPath(
  fn: IrFunction,
  path: readonly number[],
  values: readonly bigint[],
): NondetValue[] {
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const out: NondetValue[] = [];
  for (const index of path) {
    const edge = fn.edges[index];
    if (edge?.action.kind !== 'havoc') continue;
    const raw = values[out.length] ?? 0n;
    const t = types.get(edge.action.target);
    const value =
      t?.kind === 'bv' ? wrapToType(raw, t) : t?.kind === 'bool' ? (raw === 0n ? 0n : 1n) : raw;
    out.push({
      source: edge.action.source,
      ...(edge.span ? { span: edge.span } : {}),
      value: String(value),
    });
  }
  return out;
}

/**
 * Whether the run reads a value the compiled program does not let us choose:
 * a `havoc` other than a `__VERIFIER_nondet_*` call (an uninitialised local,
 * an undefined function's result) whose value is read on the path before the
 * variable is assigned again. (`int x; x = __VERIFIER_nondet_int();` reads
 * nothing uncontrolled.)
 */
function readsUncontrolledValue(fn: IrFunction, path: readonly number[]): boolean {
  return path.some((index, i) => {
    const action = fn.edges[index]?.action;
    if (action?.kind !== 'havoc' || action.source.startsWith('__VERIFIER_nondet')) return false;
    for (const later of path.slice(i + 1)) {
      const next = fn.edges[later]?.action;
      if (next === undefined) continue;
      if (actionReads(next, action.target)) return true;
      if ((next.kind === 'assign' || next.kind === 'havoc') && next.target === action.target) {
        return false;
      }
    }
    return false;
  });
}

async function compilerReplay(
  ctx: JudgeContext,
  witness: RawWitness,
  property: Property,
  nondet: readonly NondetValue[],
  path: readonly number[],
): Promise<ReplayReport> {
  if (!ctx.compilerReplay) return { interpreter: 'agrees', compiler: 'not-applicable' };
  if (readsUncontrolledValue(ctx.fn, path)) {
    return {
      interpreter: 'agrees',
      compiler: 'not-applicable',
      detail: 'the run reads a value the compiled program does not let us choose',
    };
  }
  if (property.kind === 'unwinding' || property.kind === 'termination')
    return { interpreter: 'agrees', compiler: 'not-applicable' };
  const result = await replayWithCompiler({
    file: ctx.source.file,
    functionName: ctx.fn.name,
    params: ctx.fn.params.map((p) => ({
      name: p.sourceName,
      sourceType: p.sourceType,
      value: witness.inputs.get(p.name) ?? 0n,
    })),
    nondet: nondet
      .filter((n) => n.source.startsWith('__VERIFIER_nondet'))
      .map((n) => ({ source: n.source, value: BigInt(n.value) })),
    expected: { kind: property.kind, line: property.span.startLine },
    dataModel: ctx.dataModel,
    timeoutMs: 20_000,
  });
  return {
    interpreter: 'agrees',
    compiler: result.status,
    ...(result.compiler !== undefined ? { compiledWith: result.compiler } : {}),
    detail: result.detail,
  };
}
