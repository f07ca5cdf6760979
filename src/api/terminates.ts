/**
 * `terminates`: the pipeline behind `arc terminates`.
 * front-end → IR → termination engine (src/engines/termination) → verdict.
 *
 * - yes: every loop has a ranking argument, re-checked by direct queries
 *   together with the invariants it uses, and no undefined behaviour is
 *   possible (shown under the invariants, or by `prove`'s bounded model
 *   checking when the invariants are not enough);
 * - no: a recurrent set that the interpreter's replay of the witness run
 *   enters and stays in, or undefined behaviour (signed overflow, division by
 *   zero, ...) with a counterexample replayed like `arc prove`'s;
 * - don't know otherwise, with the reason — in particular when the only
 *   non-terminating runs found depend on a function the file does not define.
 */
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Budget } from '../core/budget.js';
import { analyzeTermination, type Analysis } from '../engines/termination/analyze.js';
import type { Cts } from '../engines/termination/cts.js';
import type { LocFunction } from '../engines/termination/rank.js';
import { formatAtoms } from '../engines/termination/recurrent.js';
import {
  formatConstraint,
  formatLinear as linearText,
  tidy,
} from '../engines/termination/format.js';
import type { Constraint } from '../engines/termination/linear.js';
import type { FrontendResult } from '../frontends/frontend.js';
import { frontendFor } from '../frontends/registry.js';
import type { IrFunction, SourceSpan } from '../ir/ir.js';
import { initSolver } from '../smt/index.js';
import { pathToSteps } from '../verdict/source-lines.js';
import type {
  CertificateQuery,
  LoopArgument,
  NoVerdict,
  PropertyRef,
  UnknownVerdict,
  Verdict,
  YesVerdict,
} from '../verdict/verdict.js';
import { DEFAULT_TIMEOUT_SECONDS, validateProveOptions } from './options.js';
import { frontEndFailure, prove } from './prove.js';
import type { ProveResult, TerminatesOptions } from './types.js';

type Lowered = Extract<FrontendResult, { ok: true }>;

interface Request {
  readonly options: TerminatesOptions;
  readonly entry: string;
  readonly question: string;
  readonly started: number;
  readonly deadline: number;
}

export async function terminates(options: TerminatesOptions): Promise<ProveResult> {
  const started = performance.now();
  const problems = validateProveOptions({ ...options });
  if (problems.length > 0) return { kind: 'bad-input', diagnostics: problems };
  void initSolver().catch(() => undefined);
  const entry = options.function ?? 'main';
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const request: Request = {
    options,
    entry,
    question: `Does ${entry} always return to its caller?`,
    started,
    deadline: started + timeoutMs,
  };
  const lowered: FrontendResult = await frontendFor(options.file).lower(options.file, {
    dataModel: options.dataModel ?? 'LP64',
    entry,
    returnsTrue: false,
    semantics: options.semantics ?? 'c',
  });
  if (!lowered.ok) {
    const r = frontEndFailure(lowered.diagnostics, entry, started, request.question);
    if (
      r.kind === 'verdict' &&
      r.verdict.answer === 'unknown' &&
      r.verdict.reason.code === 'recursion'
    ) {
      const v: UnknownVerdict = {
        ...r.verdict,
        reason: {
          ...r.verdict.reason,
          message: `${r.verdict.reason.message}; termination of recursive functions is not analysed yet`,
        },
      };
      return { kind: 'verdict', verdict: v };
    }
    return r;
  }
  const fn = lowered.program.functions.get(entry);
  if (fn === undefined)
    throw new Error(`internal error: the front-end did not produce function ${entry}`);
  await initSolver();
  const budget = new Budget(request.deadline, options.signal, Math.max(1000, timeoutMs / 4));
  const analysis = await analyzeTermination(fn, budget);
  return { kind: 'verdict', verdict: await verdictFor(request, lowered, fn, analysis) };
}

// ------------------------------------------------------------------ names

function namer(cts: Cts, fn: IrFunction): (v: string) => string {
  const source = new Map([...fn.params, ...fn.locals].map((v) => [v.name, v.sourceName]));
  return (v: string) => {
    const ir = cts.irName.get(v);
    return ir === undefined ? v : (source.get(ir) ?? ir);
  };
}

function formatLinear(
  f: { coeffs: ReadonlyMap<string, bigint>; constant: bigint },
  show: (v: string) => string,
): string {
  return linearText(
    {
      terms: [...f.coeffs].map(([variable, coeff]) => ({ variable, coeff })),
      constant: f.constant,
    },
    show,
  );
}

function where(span: SourceSpan | undefined): string {
  return span === undefined ? 'the loop' : `the loop at line ${span.startLine}`;
}

function formatLoc(
  f: LocFunction,
  cts: Cts,
  show: (v: string) => string,
  locs: readonly number[],
): string {
  if (locs.length === 1)
    return formatLinear(f.get(locs[0]) ?? { coeffs: new Map(), constant: 0n }, show);
  return locs
    .map(
      (l) =>
        `${formatLinear(f.get(l) ?? { coeffs: new Map(), constant: 0n }, show)} at line ${cts.locations[l].span?.startLine ?? '?'}`,
    )
    .join('; ');
}

function elapsed(r: Request): number {
  return performance.now() - r.started;
}

function base(r: Request, lowered: Lowered, solverMs: number) {
  return {
    question: r.question,
    elapsedMs: elapsed(r),
    solverMs,
    properties: [],
    diagnostics: lowered.diagnostics as readonly Diagnostic[],
    notes: [] as string[],
  };
}

function terminationProperty(fn: IrFunction, span: SourceSpan | undefined): PropertyRef {
  return {
    id: `${fn.name}.termination.1`,
    kind: 'termination',
    description: `every run of ${fn.name} returns`,
    span: span ?? fn.span,
  };
}

// ---------------------------------------------------------------- verdicts

async function verdictFor(
  r: Request,
  lowered: Lowered,
  fn: IrFunction,
  a: Analysis,
): Promise<Verdict> {
  switch (a.kind) {
    case 'unsupported':
      return unknownVerdict(
        r,
        lowered,
        'unsupported',
        `arc cannot model this loop: ${a.reason}`,
        a.span,
      );
    case 'nonterminating':
      return noVerdict(r, lowered, fn, a);
    case 'terminates': {
      if (a.open.length > 0) {
        const ub = await settleUndefinedBehaviour(
          r,
          a.open.map((o) => o.span?.startLine ?? 0),
        );
        if (ub !== null) return ub;
      }
      return yesVerdict(r, lowered, fn, a);
    }
    case 'unknown': {
      if (a.open.length > 0) {
        const ub = await settleUndefinedBehaviour(
          r,
          a.open.map((o) => o.span?.startLine ?? 0),
          true,
        );
        if (ub !== null && ub.answer === 'no') return ub;
      }
      const foreign = a.witness?.sources.find(
        (s) => !s.startsWith('__VERIFIER_nondet') && !s.startsWith('uninitialised'),
      );
      if (foreign !== undefined)
        return unknownVerdict(r, lowered, 'undefined-function', a.message, a.span);
      return unknownVerdict(
        r,
        lowered,
        a.timeout ? 'timeout' : 'solver-unknown',
        a.message,
        a.span,
      );
    }
  }
}

function unknownVerdict(
  r: Request,
  lowered: Lowered,
  code: UnknownVerdict['reason']['code'],
  message: string,
  span?: SourceSpan,
): UnknownVerdict {
  return {
    ...base(r, lowered, 0),
    answer: 'unknown',
    explanation: message,
    reason: { code, message, ...(span === undefined ? {} : { span }) },
  };
}

/**
 * Undefined behaviour the invariants could not rule out: `prove` decides it
 * (a no is a replayed counterexample). Returns null when it is ruled out.
 */
async function settleUndefinedBehaviour(
  r: Request,
  lines: readonly number[],
  onlyNo = false,
): Promise<Verdict | null> {
  const left = (r.deadline - performance.now()) / 1000;
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const what = `undefined behaviour (such as signed overflow) at line ${unique.join(', ')} was not ruled out`;
  if (left > 0.2) {
    const p = await prove({
      file: r.options.file,
      function: r.entry,
      properties: ['no-undefined-behaviour'],
      timeoutSeconds: left,
      // Only a bounded model checker's quick answer: the budget is shared with the termination search.
      engines: 'bmc',
      ...(r.options.dataModel ? { dataModel: r.options.dataModel } : {}),
      ...(r.options.semantics ? { semantics: r.options.semantics } : {}),
    });
    if (p.kind === 'verdict') {
      const v = p.verdict;
      if (v.answer === 'yes') return null;
      if (v.answer === 'no') {
        const cx = v.counterexample;
        return {
          ...v,
          question: r.question,
          explanation: `${r.entry} can run into undefined behaviour: ${cx.property.description} fails at line ${cx.property.span.startLine}. A run with undefined behaviour has no defined outcome, so it is not guaranteed to return.`,
          elapsedMs: elapsed(r),
        };
      }
      if (onlyNo) return null;
      return {
        ...v,
        question: r.question,
        explanation: `every loop has a termination argument, but ${what}: ${v.answer === 'unknown' ? v.reason.message : ''}`,
        elapsedMs: elapsed(r),
      };
    }
  }
  if (onlyNo) return null;
  return {
    answer: 'unknown',
    question: r.question,
    explanation: `every loop has a termination argument, but ${what}`,
    reason: { code: 'timeout', message: what },
    elapsedMs: elapsed(r),
    solverMs: 0,
    properties: [],
    diagnostics: [],
    notes: [],
  };
}

function queriesOf(
  qs: readonly { meaning: string; smtlib: string; solverMs: number }[],
): CertificateQuery[] {
  return qs.map((q) => ({ meaning: q.meaning, smtlib: q.smtlib, solverMs: q.solverMs }));
}

function yesVerdict(
  r: Request,
  lowered: Lowered,
  fn: IrFunction,
  a: Extract<Analysis, { kind: 'terminates' }>,
): YesVerdict {
  const show = namer(a.cts, fn);
  const loops: LoopArgument[] = a.parts.map((p) => {
    const span = a.cts.locations[p.locs[0]].span ?? fn.span;
    const comps = p.argument.components.map((f) => formatLoc(f, a.cts, show, p.locs));
    const nested = p.argument.nested.map((f) => formatLoc(f, a.cts, show, p.locs));
    return {
      loop: span,
      kind: p.argument.kind,
      components: [...comps, ...nested],
    };
  });
  const invariants = [...a.invariants]
    .filter(([l, cs]) => l !== 0 && cs.length > 0)
    .map(([l, cs]) => ({
      loop: a.cts.locations[l].span ?? fn.span,
      invariant: displayInvariant(cs)
        .map((c) => formatConstraint(c, show))
        .join(' && '),
    }));
  const solverMs = a.queries.reduce((s, q) => s + q.solverMs, 0);
  const words = loops.map((l) => {
    const line = `line ${l.loop.startLine}`;
    if (l.kind === 'linear')
      return `the loop at ${line} decreases ${l.components[0]}, which stays ≥ 0`;
    if (l.kind === 'lexicographic')
      return `the loop at ${line} decreases (${l.components.join(', ')}) lexicographically`;
    return `the loop at ${line} has the multiphase ranking function (${l.components.join(', ')})`;
  });
  const summary =
    loops.length === 0
      ? `${fn.name} has no loop and no recursion: every run is a finite path`
      : `${words.join('; ')}`;
  const invText =
    invariants.length > 0
      ? ` using the invariant${invariants.length > 1 ? 's' : ''} ${invariants.map((i) => `${i.invariant} (line ${i.loop.startLine})`).join('; ')}`
      : '';
  const ub = fn.properties.some(
    (p) => p.kind === 'overflow' || p.kind === 'div-by-zero' || p.kind === 'shift',
  );
  return {
    ...base(r, lowered, solverMs),
    answer: 'yes',
    explanation: `every run of ${fn.name} returns: ${summary}${invText}.${ub && a.open.length === 0 ? ' No operation on the way can overflow or divide by zero.' : ''}`,
    certificate: {
      kind: 'termination',
      summary,
      loops,
      invariants,
      queries: queriesOf(a.queries),
      recheck: `${a.queries.length} direct validity queries (no Farkas multipliers), all unsat: invariant preservation on every transition, and each ranking function's bound and decrease on each transition of its loop`,
    },
  };
}

/** The invariant atoms worth showing: drop type ranges and bounds implied by a tighter one. */
function displayInvariant(cs: readonly Constraint[]): Constraint[] {
  const isBig = (c: Constraint): boolean =>
    [c.lhs.constant, c.rhs.constant].some((k) => k > 1_000_000n || k < -1_000_000n);
  return tidy(cs.filter((c) => !isBig(c))).slice(0, 12);
}

function noVerdict(
  r: Request,
  lowered: Lowered,
  fn: IrFunction,
  a: Extract<Analysis, { kind: 'nonterminating' }>,
): NoVerdict {
  const w = a.witness;
  const show = namer(a.cts, fn);
  const span = a.cts.locations[a.locs[0]].span;
  const sets = [...w.set].map(([l, atoms]) => ({
    loop: a.cts.locations[l].span ?? fn.span,
    set: formatAtoms(atoms, show),
  }));
  const inputs = fn.params.map((p) => ({
    name: p.sourceName,
    type: p.sourceType,
    value: String(w.inputs.get(p.name) ?? 0n),
  }));
  const entryState = [...w.entry.state].map(([v, x]) => {
    const ir = a.cts.irName.get(v) as string;
    const variable = [...fn.params, ...fn.locals].find((q) => q.name === ir);
    return { name: show(v), type: variable?.sourceType ?? '', value: String(x) };
  });
  const call = `${fn.name}(${inputs.map((i) => i.value).join(', ')})`;
  const setText = sets.map((s) => s.set).join(' / ');
  const kind = w.fixedPoint && sets.length === 1 ? 'fixed-point' : 'recurrent-set';
  const solverMs = w.queries.reduce((s, q) => s + q.solverMs, 0);
  const nondet = w.nondet.map((v, i) => ({ source: w.sources[i] ?? 'nondet', value: String(v) }));
  return {
    ...base(r, lowered, solverMs),
    answer: 'no',
    explanation: `${call} never returns: ${where(span)} reaches a state where ${setText}, and from every such state the loop body leads back into that set${kind === 'fixed-point' ? ' (here: to the same state)' : ''}, so the loop never exits.`,
    counterexample: {
      inputs,
      nondet: nondet.slice(0, 64),
      property: terminationProperty(fn, span),
      path: pathToSteps(fn, [], lowered.source),
      replay: {
        interpreter: 'agrees',
        compiler: 'not-applicable',
        detail: `the interpreter ran ${call} and stayed in the set for ${w.replayedVisits} loop-head visits without returning`,
      },
      nonTermination: {
        kind,
        loop: span ?? fn.span,
        sets,
        entryState,
        queries: queriesOf(w.queries),
        recheck: `closure re-checked by ${w.queries.length} quantified quer${w.queries.length === 1 ? 'y' : 'ies'} (unsat); the interpreter's run from the inputs enters the set and stays in it for ${w.replayedVisits} visits`,
      },
    },
  };
}
