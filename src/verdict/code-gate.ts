/**
 * The trust gate for code questions (`prove`, `terminates`), one
 * implementation of core/gate.ts's `Gate`:
 *
 * - a certificate becomes yes only if the engine's result is sound and every
 *   query re-checks unsat in an independent solver run (a fresh Z3 context
 *   with a different strategy); a small input space is also enumerated in
 *   arc's interpreter;
 * - a witness becomes no only if it is precise and replays in arc's IR
 *   interpreter to the violation it claims (and, where a C compiler is
 *   installed, in the compiled program under sanitizers); a non-termination
 *   witness must enter its recurrent set and stay there;
 * - everything else is don't know, with the reason.
 *
 * `codeVerdict` turns what the gate admits into a verdict, in the source
 * language's words.
 */
import { performance } from 'node:perf_hooks';
import type { UnknownReason } from '../core/answer.js';
import {
  accepted,
  admit,
  rejected,
  type Admitted,
  type Checked,
  type Claim,
  type Gate,
} from '../core/gate.js';
import { formatSpan, type Diagnostic } from '../core/diagnostic.js';
import type {
  BmcRawCertificate,
  EngineResult,
  InvariantRawCertificate,
  RawCertificate,
  RawWitness,
  TerminationRawCertificate,
} from '../engines/engine.js';
import {
  actionReads,
  allVariables,
  usesMemory,
  wrapToType,
  type IrFunction,
  type Property,
  type PropertyKind,
} from '../ir/ir.js';
import type { SourceSyntax } from '../ir/syntax.js';
import { mapValue, type Value } from '../ir/value.js';
import { replayWithCompiler, type ReplayKind } from '../replay/compiler.js';
import { runFunction } from '../semantics/interpreter.js';
import type { RunOutcome } from '../semantics/outcome.js';
import { recheckUnsat } from '../smt/index.js';
import { confirmByEnumeration } from './exhaustive-check.js';
import { traceSteps, type SourceLines, type TraceStep } from './source-lines.js';
import type {
  Certificate,
  CertificateQuery,
  Counterexample,
  NondetValue,
  PathStep,
  PropertyRef,
  PropertyStatus,
  ReplayReport,
  Verdict,
} from './verdict.js';

export interface CodeContext {
  readonly fn: IrFunction;
  /**
   * The function as lowered, when `fn` is it with unchecked memory checks
   * relaxed (`relaxUnchecked`): a run that fails one of those has undefined
   * behaviour that only the interpreter's byte memory gives a meaning to.
   */
  readonly lowered?: IrFunction;
  readonly domain: 'code' | 'termination';
  readonly command: 'prove' | 'terminates';
  readonly question: string;
  /** The properties that were checked. */
  readonly checked: readonly Property[];
  readonly source: SourceLines;
  /** How the source language writes values and invariants. */
  readonly syntax: SourceSyntax;
  readonly diagnostics: readonly Diagnostic[];
  /** `performance.now()` when the command started. */
  readonly started: number;
  readonly dataModel: 'LP64' | 'ILP32';
  readonly compilerReplay: boolean;
  readonly timeoutMs: number;
}

/** What the code gate is asked to check: an engine's evidence with its trust flags. */
export interface CodeCertificateClaim {
  readonly certificate: RawCertificate;
  /** False when an approximation could hide a violation. */
  readonly sound: boolean;
}
export interface CodeWitnessClaim {
  readonly witness: RawWitness;
  /** False when the witness may depend on something the program does not define. */
  readonly precise: boolean;
}

export type CodeClaim = Claim<CodeCertificateClaim, CodeWitnessClaim>;

/** Runs of a replay longer than this are treated as not reproducing the witness. */
const REPLAY_STEP_LIMIT = 10_000_000;
/** A non-termination witness must stay in its set for this many loop-head visits. */
const RECURRENCE_VISITS = 2;
const RECURRENCE_STEPS = 200_000;

/** An engine's result as a claim: safe is a certificate for yes, unsafe a witness for no. */
export function claimOf(result: EngineResult): CodeClaim {
  switch (result.status) {
    case 'safe':
      return {
        kind: 'certificate',
        answer: 'yes',
        certificate: { certificate: result.certificate, sound: result.sound },
      };
    case 'unsafe':
      return {
        kind: 'witness',
        answer: 'no',
        witness: { witness: result.witness, precise: result.precise },
      };
    case 'unknown':
      return { kind: 'unknown', reason: result.reason };
  }
}

export function codeGate(
  ctx: CodeContext,
): Gate<CodeCertificateClaim, CodeWitnessClaim, Certificate, Counterexample> {
  return {
    domain: ctx.domain,
    recheck: (claim) => recheckCertificate(claim, ctx),
    replay: (claim) => replayWitness(claim, ctx),
  };
}

/** Admits an engine result through the code gate and words the verdict. */
export async function judgeResult(result: EngineResult, ctx: CodeContext): Promise<Verdict> {
  const admitted = await admit(codeGate(ctx), claimOf(result));
  return codeVerdict(ctx, admitted, result.solverMs);
}

// ---------------------------------------------------------------- certificates

async function recheckQueries(
  queries: readonly CertificateQuery[],
  ctx: CodeContext,
): Promise<{ ok: true; ms: number } | { ok: false; reason: UnknownReason }> {
  let ms = 0;
  for (const query of queries) {
    const again = await recheckUnsat(query.smtlib, ctx.timeoutMs);
    ms += again.solverMs;
    if (again.status !== 'unsat') {
      return {
        ok: false,
        reason: {
          code: 'recheck-failed',
          message: `the independent re-check of "${query.meaning}" answered ${again.status}${again.reason ? ` (${again.reason})` : ''}, not unsat`,
        },
      };
    }
  }
  return { ok: true, ms };
}

async function recheckCertificate(
  claim: CodeCertificateClaim,
  ctx: CodeContext,
): Promise<Checked<Certificate>> {
  if (!claim.sound) {
    return rejected({
      code: 'solver-unknown',
      message: 'the engine used an approximation that could hide a violation',
    });
  }
  const narrower = ctx.fn.approximations.find((a) => a.hidesViolations === true);
  if (narrower !== undefined) {
    return rejected({
      code: 'unsupported',
      message: `no violation was found, but arc's model may miss runs here: ${narrower.name}`,
      location: narrower.span,
    });
  }
  const raw = claim.certificate;
  if (raw.kind === 'termination' && raw.run !== undefined) return recheckRun(raw, raw.run, ctx);
  const again = await recheckQueries(raw.queries, ctx);
  if (!again.ok) return rejected(again.reason);
  const queries = raw.queries.map((q) => ({ ...q }));
  if (raw.kind === 'termination') {
    return accepted({
      kind: 'termination',
      summary: raw.summary,
      loops: raw.loops,
      invariants: raw.invariants,
      openChecks: raw.openChecks,
      queries,
      recheck: `${raw.queries.length} direct validity queries (no Farkas multipliers), each re-checked unsat in a fresh Z3 context (${again.ms.toFixed(1)} ms): invariant preservation on every transition, and each ranking function's bound and decrease on each transition of its loop`,
    });
  }
  const enumeration = confirmByEnumeration(ctx.fn, new Set(ctx.checked.map((p) => p.id)));
  if (enumeration.kind === 'refuted') {
    return rejected({
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
      : `each query re-checked unsat in a fresh Z3 context with a different strategy (${again.ms.toFixed(1)} ms)${enumerated}`;
  if (raw.kind === 'bmc') {
    return accepted({
      kind: 'bmc',
      summary: summariseBmc(raw, ctx),
      unwind: raw.unwind,
      queries,
      recheck,
    });
  }
  return accepted({
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
  });
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

function summariseBmc(raw: BmcRawCertificate, ctx: CodeContext): string {
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

// ---------------------------------------------------------------- witnesses

async function replayWitness(
  claim: CodeWitnessClaim,
  ctx: CodeContext,
): Promise<Checked<Counterexample>> {
  const witness = claim.witness;
  if (witness.recurrence !== undefined) return replayRecurrence(claim, ctx);
  const outcome = runFunction(ctx.fn, witness.inputs, witness.nondet, {
    maxSteps: REPLAY_STEP_LIMIT,
  });
  if (outcome.kind !== 'violated' || outcome.property !== witness.property) {
    // The engine and the interpreter disagree: an arc bug, reported honestly.
    return rejected({
      code: 'replay-failed',
      message: `internal inconsistency: the counterexample for ${witness.property} did not replay in arc's interpreter (${describeOutcome(outcome)})`,
    });
  }
  if (!claim.precise) return imprecise(ctx, witness);
  const property = propertyOf(ctx, witness.property);
  const nondet = nondetAlongPath(ctx, outcome.path, witness.nondet);
  const replay = await compilerReplay(ctx, witness, property, nondet, outcome.path);
  if (replay.compiler === 'disagrees') {
    return rejected({
      code: 'replay-failed',
      message: `the counterexample for ${property.id} replays in arc's interpreter but not in the program compiled with ${replay.compiledWith ?? 'the C compiler'}: ${replay.detail ?? ''}`,
    });
  }
  const trace = traceSteps(ctx.fn, witness.inputs, witness.nondet, outcome.path, ctx.source);
  return accepted({
    inputs: inputsOf(ctx, witness.inputs),
    nondet,
    property: toRef(property),
    path: trace.steps.map((step) => withTexts(step, ctx.syntax)),
    ...(trace.omitted > 0 ? { omittedSteps: trace.omitted } : {}),
    ...(witness.foundBy !== undefined ? { foundBy: witness.foundBy } : {}),
    replay,
  });
}

function withTexts(step: TraceStep, syntax: SourceSyntax): PathStep {
  if (step.assigned === undefined) return { ...step, assigned: undefined };
  return { ...step, assigned: step.assigned.map((a) => ({ ...a, text: syntax.value(a.value) })) };
}

function imprecise(ctx: CodeContext, witness: RawWitness): Checked<Counterexample> {
  const names = ctx.fn.approximations.map((a) => a.name).join(', ');
  return rejected({
    code: 'undefined-function',
    message: `a violation of ${witness.property} was found, but it may depend on the result of the undefined function(s) ${names}`,
  });
}

/**
 * A non-termination witness: the run from its inputs and choices must enter
 * the recurrent set, stay in it at every later visit of its loop heads (at
 * least RECURRENCE_VISITS of them), and never return, halt or fail within the
 * step limit; the closure queries must re-check unsat.
 */
async function replayRecurrence(
  claim: CodeWitnessClaim,
  ctx: CodeContext,
): Promise<Checked<Counterexample>> {
  const witness = claim.witness;
  const rec = witness.recurrence;
  if (rec === undefined) throw new Error('internal error: no recurrent set to replay');
  const nodes = new Set(rec.nodes);
  let inside = false;
  let broken = false;
  let visits = 0;
  const outcome = runFunction(ctx.fn, witness.inputs, witness.nondet, {
    maxSteps: RECURRENCE_STEPS,
    observe: {
      nodes,
      visit: (node, values) => {
        const member = rec.contains(node, values);
        if (!inside && !member) return;
        inside = true;
        if (!member) broken = true;
        visits++;
      },
    },
  });
  const stayed =
    inside &&
    !broken &&
    visits >= RECURRENCE_VISITS &&
    (outcome.kind === 'out-of-steps' || outcome.kind === 'nondet-exhausted');
  if (!stayed) {
    return rejected({
      code: 'replay-failed',
      message: `internal inconsistency: the non-termination witness did not replay in arc's interpreter (${inside ? (broken ? 'the run left the recurrent set' : describeOutcome(outcome)) : 'the run never entered the recurrent set'})`,
    });
  }
  if (!claim.precise) return imprecise(ctx, witness);
  const again = await recheckQueries(rec.queries, ctx);
  if (!again.ok) return rejected(again.reason);
  const inputs = inputsOf(ctx, witness.inputs);
  const call = `${ctx.fn.name}(${inputs.map((i) => i.text).join(', ')})`;
  const nondet = nondetAlongPath(ctx, outcome.path, witness.nondet);
  const property = terminationRef(ctx, rec.loop);
  return accepted({
    inputs,
    nondet: nondet.slice(0, 64),
    property,
    path: [],
    replay: {
      interpreter: 'agrees',
      compiler: 'not-applicable',
      detail: `the interpreter ran ${call} and stayed in the set for ${visits} loop-head visits without returning`,
    },
    nonTermination: {
      kind: rec.kind,
      loop: rec.loop,
      sets: rec.sets,
      entryState: rec.entryState.map((s) => ({ ...s, text: ctx.syntax.value(s.value) })),
      queries: rec.queries.map((q) => ({ ...q })),
      recheck: `closure re-checked by ${rec.queries.length} quantified quer${rec.queries.length === 1 ? 'y' : 'ies'} (unsat) in a fresh Z3 context; the interpreter's run from the inputs enters the set and stays in it for ${visits} visits`,
    },
  });
}

/**
 * A terminating run as the certificate: checked here without the engine's
 * code: the function has no parameter, no havoc edge and no approximation
 * (so it has one run), and the interpreter's run returns or halts within the
 * claimed number of steps.
 */
function recheckRun(
  raw: TerminationRawCertificate,
  run: { readonly steps: number },
  ctx: CodeContext,
): Checked<Certificate> {
  const fn = ctx.fn;
  const input =
    fn.params.length > 0
      ? `it has parameters (${fn.params.map((p) => p.sourceName).join(', ')})`
      : fn.approximations.length > 0
        ? `it calls the undefined function ${fn.approximations[0].name}`
        : fn.edges.some((e) => e.action.kind === 'havoc')
          ? 'it reads a value nothing determines'
          : undefined;
  if (input !== undefined) {
    return rejected({
      code: 'recheck-failed',
      message: `the certificate is one run of ${fn.name}, but ${fn.name} has more than one run: ${input}`,
    });
  }
  const stats = { steps: 0 };
  const t0 = performance.now();
  const outcome = runFunction(fn, new Map(), [], {
    maxSteps: run.steps,
    recordPath: false,
    stats,
  });
  if (outcome.kind !== 'returned' && outcome.kind !== 'halted') {
    return rejected({
      code: 'recheck-failed',
      message: `the run of ${fn.name} was claimed to end after ${run.steps} steps, but ${describeOutcome(outcome)}`,
    });
  }
  return accepted({
    kind: 'termination',
    summary: raw.summary,
    loops: [],
    invariants: [],
    openChecks: [],
    run: { steps: stats.steps },
    queries: [],
    recheck: `${fn.name} has no parameter, no nondeterministic value and no undefined function, so it has one run; the interpreter ran it again and it ${outcome.kind} after ${stats.steps} steps (${(performance.now() - t0).toFixed(1)} ms), every assertion on the way holding`,
  });
}

function terminationRef(ctx: CodeContext, loop: Property['span']): PropertyRef {
  return {
    id: `${ctx.fn.name}.termination.1`,
    kind: 'termination',
    description: `every run of ${ctx.fn.name} returns`,
    span: loop,
  };
}

function propertyOf(ctx: CodeContext, id: string): Property {
  const property = ctx.fn.properties.find((p) => p.id === id);
  if (property === undefined) throw new Error(`internal error: unknown property ${id}`);
  return property;
}

function inputsOf(ctx: CodeContext, inputs: ReadonlyMap<string, Value>): Counterexample['inputs'] {
  return ctx.fn.params.map((p) => {
    const value = inputs.get(p.name) ?? 0n;
    return { name: p.sourceName, type: p.sourceType, value, text: ctx.syntax.value(value) };
  });
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
  ctx: CodeContext,
  path: readonly number[],
  values: readonly Value[],
): NondetValue[] {
  const fn = ctx.fn;
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const out: NondetValue[] = [];
  for (const index of path) {
    const edge = fn.edges[index];
    if (edge?.action.kind !== 'havoc') continue;
    const raw = values[out.length] ?? 0n;
    const t = types.get(edge.action.target);
    const value: Value =
      typeof raw !== 'bigint'
        ? raw
        : t?.kind === 'bv'
          ? wrapToType(raw, t)
          : t?.kind === 'bool'
            ? raw === 0n
              ? 0n
              : 1n
            : raw;
    out.push({
      source: edge.action.source,
      ...(edge.span ? { span: edge.span } : {}),
      value,
      text: ctx.syntax.value(value),
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
/** Havoc sources the compiled replay controls, or checks separately (memory's initial contents). */
const MEMORY_START = 'the initial contents of memory';
const MALLOC_CHOICE = 'malloc succeeds';

function readsUncontrolledValue(fn: IrFunction, path: readonly number[]): boolean {
  return path.some((index, i) => {
    const action = fn.edges[index]?.action;
    if (action?.kind !== 'havoc' || action.source.startsWith('__VERIFIER_nondet')) return false;
    if (action.source === MEMORY_START || action.source === MALLOC_CHOICE) return false;
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
  ctx: CodeContext,
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
  const kind = replayKind(property.kind);
  if (kind === null) return { interpreter: 'agrees', compiler: 'not-applicable' };
  const ub = uncheckedFailure(ctx, witness);
  if (ub !== null) return { interpreter: 'agrees', compiler: 'not-applicable', detail: ub };
  if (usesMemory(ctx.fn)) {
    // The compiled program's uninitialised bytes are not ours to choose: the
    // run must fail the same way whatever memory held at the start.
    const why = dependsOnInitialMemory(ctx, witness, nondet);
    if (why !== null) return { interpreter: 'agrees', compiler: 'not-applicable', detail: why };
    if (ctx.fn.params.some((p) => p.sourceName.endsWith(' == NULL')))
      return {
        interpreter: 'agrees',
        compiler: 'not-applicable',
        detail: 'the harness does not build the blocks of pointer parameters yet',
      };
  }
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
      .map((n) => ({ source: n.source, value: n.value })),
    expected: { kind, line: property.span.startLine },
    mallocChoices: nondet.filter((n) => n.source === MALLOC_CHOICE).map((n) => n.value !== 0n),
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

// ---------------------------------------------------------------- verdicts

function toRef(p: Property): PropertyRef {
  return { id: p.id, kind: p.kind, description: p.description, span: p.span };
}

function header(ctx: CodeContext, solverMs: number) {
  return {
    domain: ctx.domain,
    command: ctx.command,
    question: ctx.question,
    elapsedMs: performance.now() - ctx.started,
    solverMs,
    diagnostics: ctx.diagnostics,
    notes: [] as string[],
  };
}

function statuses(ctx: CodeContext, status: PropertyStatus['status']): PropertyStatus[] {
  return ctx.checked.map((p) => ({ property: toRef(p), status }));
}

/** A don't-know verdict with `reason`. */
export function unknownVerdict(ctx: CodeContext, solverMs: number, reason: UnknownReason): Verdict {
  return {
    answer: 'unknown',
    ...header(ctx, solverMs),
    explanation: `arc could not decide this: ${reason.message}`,
    reason,
    properties: statuses(ctx, 'unknown'),
  };
}

/** The verdict for what the gate admitted. */
function codeVerdict(
  ctx: CodeContext,
  admitted: Admitted<Certificate, Counterexample>,
  solverMs: number,
): Verdict {
  if (admitted.answer === 'unknown') return unknownVerdict(ctx, solverMs, admitted.reason);
  if ('certificate' in admitted) {
    return {
      answer: 'yes',
      ...header(ctx, solverMs),
      explanation: explainYes(admitted.certificate, ctx),
      certificate: admitted.certificate,
      properties: statuses(ctx, 'holds'),
    };
  }
  const witness = admitted.witness;
  return {
    answer: 'no',
    ...header(ctx, solverMs),
    explanation: explainNo(witness, ctx),
    witness,
    properties: ctx.checked.map((p) => ({
      property: toRef(p),
      status: p.id === witness.property.id ? ('violated' as const) : ('unknown' as const),
    })),
  };
}

function explainYes(certificate: Certificate, ctx: CodeContext): string {
  const name = ctx.fn.name;
  if (certificate.kind === 'termination') {
    const invariants = certificate.invariants;
    const using =
      invariants.length > 0
        ? ` using the invariant${invariants.length > 1 ? 's' : ''} ${invariants.map((i) => `${i.invariant} (line ${i.loop.startLine})`).join('; ')}`
        : '';
    const ub = ctx.fn.properties.some(
      (p) => p.kind === 'overflow' || p.kind === 'div-by-zero' || p.kind === 'shift',
    );
    return `every run of ${name} returns: ${certificate.summary}${using}.${ub && certificate.openChecks.length === 0 ? ' No operation on the way can overflow or divide by zero.' : ''}`;
  }
  const n = ctx.checked.length;
  if (n === 0) return `${name} has no property of the selected kinds, so none can fail.`;
  const what = n === 1 ? `its 1 checked property` : `all ${n} checked properties`;
  if (certificate.kind === 'invariant') {
    const heads = certificate.invariants.length;
    return `Every run of ${name} satisfies ${what}: the invariant${heads === 1 ? '' : 's'} at ${heads === 1 ? 'its loop head holds' : `its ${heads} loop heads hold`} on entry and after every pass through the loop${heads === 1 ? '' : 's'}, and no property can fail from a state that satisfies ${heads === 1 ? 'it' : 'them'}.`;
  }
  const loops =
    certificate.unwind > 0
      ? ` Every loop was unrolled ${certificate.unwind} time(s) and the unwinding assertions show that no run needs more, so these are all the runs.`
      : '';
  return `Every run of ${name} satisfies ${what}: the solver showed that no input leads to a violation.${loops}`;
}

function explainNo(cx: Counterexample, ctx: CodeContext): string {
  const nt = cx.nonTermination;
  if (nt !== undefined) {
    const call = `${ctx.fn.name}(${cx.inputs.map((i) => i.text).join(', ')})`;
    const where = `the loop at line ${nt.loop.startLine}`;
    const setText = nt.sets.map((s) => s.set).join(' / ');
    return `${call} never returns: ${where} reaches a state where ${setText}, and from every such state the loop body leads back into that set${nt.kind === 'fixed-point' ? ' (here: to the same state)' : ''}, so the loop never exits.`;
  }
  const where = formatSpan(cx.property.span);
  const inputs = cx.inputs.map((i) => `${i.name} = ${i.text}`).join(', ');
  const given = inputs === '' ? '' : ` with ${inputs}`;
  return `${cx.property.id} fails${given}: it requires that ${cx.property.description} (${where}).`;
}

/** The property kinds the compiled replay recognises, or null. */
function replayKind(kind: PropertyKind): ReplayKind | null {
  switch (kind) {
    case 'assertion':
    case 'error-call':
    case 'returns-true':
    case 'overflow':
    case 'div-by-zero':
    case 'shift':
    case 'valid-deref':
    case 'valid-free':
    case 'valid-pointer-arith':
    case 'valid-pointer-compare':
    case 'valid-call':
    case 'library':
    case 'valid-memtrack':
    case 'valid-memcleanup':
      return kind;
    case 'unwinding':
    case 'termination':
      return null;
  }
}

/**
 * Null unless the witness's run fails a check that was not asked about (and
 * so was run past) before its violation; else which, in words. The compiled
 * program's behaviour from there on is undefined.
 */
function uncheckedFailure(ctx: CodeContext, witness: RawWitness): string | null {
  if (ctx.lowered === undefined || ctx.lowered === ctx.fn) return null;
  const o = runFunction(ctx.lowered, witness.inputs, witness.nondet, {
    maxSteps: REPLAY_STEP_LIMIT,
    recordPath: false,
  });
  if (o.kind !== 'violated' || o.property === witness.property) return null;
  const p = ctx.lowered.properties.find((q) => q.id === o.property);
  const what =
    p === undefined ? o.property : `${p.description} (${p.kind}, line ${p.span.startLine})`;
  return `the run first breaks a check that was not asked about: ${what}; the compiled program's behaviour is undefined from there`;
}

/**
 * Null when the witness violates its property the same way whatever bytes
 * memory held at the start (runs with all-zero and all-0xbe memory instead of
 * the witness's own); else why not.
 */
function dependsOnInitialMemory(
  ctx: CodeContext,
  witness: RawWitness,
  nondet: readonly NondetValue[],
): string | null {
  const at = nondet.findIndex((n) => n.source === MEMORY_START);
  if (at < 0) return null;
  for (const fill of [0n, 0xben]) {
    const values = witness.nondet.map((v, i) => (i === at ? mapValue(fill) : v));
    const o = runFunction(ctx.fn, witness.inputs, values, {
      maxSteps: REPLAY_STEP_LIMIT,
      recordPath: false,
    });
    if (o.kind !== 'violated' || o.property !== witness.property)
      return `the run depends on what uninitialised memory holds (with every byte ${fill} at the start it ${describeOutcome(o)})`;
  }
  return null;
}
