/**
 * The termination engine behind the `Engine` interface (name `termination`):
 * the analysis of analyze.ts, reported as raw evidence for the gate.
 *
 * - every loop has a ranking argument → `safe` with a termination
 *   certificate: the arguments and invariants in the source language's
 *   syntax, and the direct queries that check them (each unsat);
 * - a recurrent set the program's run enters → `unsafe` on the property
 *   `<fn>.termination.1`, with the run's inputs and choices and the set
 *   (`recurrence`), which the gate replays;
 * - otherwise `unknown`, with the reason. A run that stays in a recurrent set
 *   only because of a function the file does not define is `undefined-function`.
 *
 * Undefined behaviour the invariants could not rule out is reported, not
 * decided: `openChecks` on a certificate or an unknown result lists where it
 * may happen, for the caller to settle with bounded model checking.
 */
import { Budget } from '../../core/budget.js';
import type { IrFunction, SourceSpan } from '../../ir/ir.js';
import { allVariables } from '../../ir/ir.js';
import type { SourceSyntax } from '../../ir/syntax.js';
import { scalar, type Value } from '../../ir/value.js';
import type { Engine, EngineOptions, EngineResult, RawRecurrence } from '../engine.js';
import { analyzeTermination, type Analysis } from './analyze.js';
import type { Cts } from './cts.js';
import { formatConstraint, formatLinear, tidy } from './format.js';
import type { Constraint } from './linear.js';
import type { LocFunction } from './rank.js';
import { atomsHold, formatAtoms } from './recurrent.js';
import { terminatingRun } from './run.js';
import { stateAt } from './samples.js';

/** The id of the property `arc terminates` decides. */
export function terminationPropertyId(fn: IrFunction): string {
  return `${fn.name}.termination.1`;
}

/** The smallest per-query budget: the analysis asks many small queries. */
const MIN_QUERY_MS = 1000;
/**
 * The quick effort's queries are bounded by Z3's work counter, not by time:
 * it decides the same on a quiet and a busy machine (a fixed point query of
 * a small loop takes a few thousand units; this allows far more).
 */
const QUICK_RLIMIT = 20_000_000;

export const terminationEngine: Engine = {
  name: 'termination',
  question: 'termination',
  async check(fn: IrFunction, options: EngineOptions): Promise<EngineResult> {
    const budget = Budget.ofMs(
      options.timeoutMs,
      options.signal,
      Math.max(MIN_QUERY_MS, options.timeoutMs / 4),
      {
        ...(options.dumpSmtDir === undefined ? {} : { dumpDir: options.dumpSmtDir }),
        ...(options.effort === 'quick' ? { rlimit: QUICK_RLIMIT } : {}),
        dumpPrefix: `${fn.name}.termination`,
      },
    );
    if (budget.cancelled()) return unknownResult('cancelled', 'the check was cancelled', 0);
    // One run decides a function that reads no input ('rest' follows a quick step that tried).
    if (options.effort !== 'rest') {
      const run = terminatingRun(fn);
      if (run !== undefined) return runCertificate(fn, run.steps);
    }
    const analysis = await analyzeTermination(fn, budget, options.effort ?? 'full');
    return resultOf(fn, analysis, options.syntax);
  },
};

function unknownResult(
  code: 'cancelled' | 'timeout' | 'solver-unknown' | 'unsupported' | 'undefined-function',
  message: string,
  solverMs: number,
  extra: { location?: SourceSpan; openChecks?: readonly SourceSpan[] } = {},
): EngineResult {
  return {
    status: 'unknown',
    reason: {
      code,
      message,
      ...(extra.location === undefined ? {} : { location: extra.location }),
    },
    solverMs,
    ...(extra.openChecks === undefined || extra.openChecks.length === 0
      ? {}
      : { openChecks: extra.openChecks }),
  };
}

function spansOf(open: readonly { readonly span?: SourceSpan }[], fn: IrFunction): SourceSpan[] {
  return open.map((o) => o.span ?? fn.span);
}

function resultOf(fn: IrFunction, a: Analysis, syntax: SourceSyntax): EngineResult {
  switch (a.kind) {
    case 'unsupported':
      return unknownResult('unsupported', `arc cannot model this loop: ${a.reason}`, 0, {
        ...(a.span === undefined ? {} : { location: a.span }),
      });
    case 'terminates':
      return certificateOf(fn, a, syntax);
    case 'nonterminating':
      return witnessOf(fn, a, syntax);
    case 'unknown': {
      const foreign = a.witness?.sources.find(
        (s) => !s.startsWith('__VERIFIER_nondet') && !s.startsWith('uninitialised'),
      );
      const code =
        foreign !== undefined ? 'undefined-function' : a.timeout ? 'timeout' : 'solver-unknown';
      return unknownResult(code, a.message, 0, {
        ...(a.span === undefined ? {} : { location: a.span }),
        openChecks: spansOf(a.open, fn),
      });
    }
  }
}

// ------------------------------------------------------------------ names

/** Source names of the system's variables (IR names where the source name is unknown). */
function namer(cts: Cts, fn: IrFunction): (v: string) => string {
  const source = new Map(allVariables(fn).map((v) => [v.name, v.sourceName]));
  return (v: string) => {
    const ir = cts.irName.get(v);
    return ir === undefined ? v : (source.get(ir) ?? ir);
  };
}

function linearText(
  f: { coeffs: ReadonlyMap<string, bigint>; constant: bigint },
  show: (v: string) => string,
): string {
  return formatLinear(
    {
      terms: [...f.coeffs].map(([variable, coeff]) => ({ variable, coeff })),
      constant: f.constant,
    },
    show,
  );
}

function locText(
  f: LocFunction,
  cts: Cts,
  show: (v: string) => string,
  locs: readonly number[],
): string {
  const at = (l: number) => linearText(f.get(l) ?? { coeffs: new Map(), constant: 0n }, show);
  if (locs.length === 1) return at(locs[0]);
  return locs.map((l) => `${at(l)} at line ${cts.locations[l].span?.startLine ?? '?'}`).join('; ');
}

/** The invariant atoms worth showing: drop type ranges and bounds implied by a tighter one. */
function displayInvariant(cs: readonly Constraint[]): Constraint[] {
  const isBig = (c: Constraint): boolean =>
    [c.lhs.constant, c.rhs.constant].some((k) => k > 1_000_000n || k < -1_000_000n);
  return tidy(cs.filter((c) => !isBig(c))).slice(0, 12);
}

// ------------------------------------------------------------------ evidence

function certificateOf(
  fn: IrFunction,
  a: Extract<Analysis, { kind: 'terminates' }>,
  syntax: SourceSyntax,
): EngineResult {
  const show = namer(a.cts, fn);
  const loops = a.parts.map((p) => ({
    loop: a.cts.locations[p.locs[0]].span ?? fn.span,
    kind: p.argument.kind,
    components: [
      ...p.argument.components.map((f) => locText(f, a.cts, show, p.locs)),
      ...p.argument.nested.map((f) => locText(f, a.cts, show, p.locs)),
    ],
  }));
  const invariants = [...a.invariants]
    .filter(([l, cs]) => l !== 0 && cs.length > 0)
    .map(([l, cs]) => ({
      loop: a.cts.locations[l].span ?? fn.span,
      invariant: displayInvariant(cs)
        .map((c) => formatConstraint(c, show))
        .join(` ${syntax.and} `),
    }));
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
      : words.join('; ');
  return {
    status: 'safe',
    sound: true,
    solverMs: a.queries.reduce((s, q) => s + q.solverMs, 0),
    certificate: {
      kind: 'termination',
      summary,
      loops,
      invariants,
      queries: a.queries.map((q) => ({
        meaning: q.meaning,
        smtlib: q.smtlib,
        solverMs: q.solverMs,
      })),
      openChecks: spansOf(a.open, fn),
    },
  };
}

function runCertificate(fn: IrFunction, steps: number): EngineResult {
  return {
    status: 'safe',
    sound: true,
    solverMs: 0,
    certificate: {
      kind: 'termination',
      summary: `${fn.name} reads no input, so it has one run, and that run ends after ${steps} steps of arc's interpreter`,
      loops: [],
      invariants: [],
      queries: [],
      openChecks: [],
      run: { steps },
    },
  };
}

function witnessOf(
  fn: IrFunction,
  a: Extract<Analysis, { kind: 'nonterminating' }>,
  syntax: SourceSyntax,
): EngineResult {
  const w = a.witness;
  const cts = a.cts;
  const show = namer(cts, fn);
  const span = cts.locations[a.locs[0]].span ?? fn.span;
  const sets = [...w.set].map(([l, atoms]) => ({
    loop: cts.locations[l].span ?? fn.span,
    set: formatAtoms(atoms, show, syntax),
  }));
  const vars = allVariables(fn);
  const entryState = [...w.entry.state].map(([v, x]) => {
    const ir = cts.irName.get(v);
    const variable = vars.find((q) => q.name === ir);
    return { name: show(v), type: variable?.sourceType ?? '', value: x as Value };
  });
  const slot = new Map(vars.map((v, i) => [v.name, i]));
  const locOfNode = new Map(cts.locations.map((l, i) => [l.node, i]));
  const nodes = [...w.set.keys()].map((l) => cts.locations[l].node);
  const recurrence: RawRecurrence = {
    kind: w.fixedPoint && sets.length === 1 ? 'fixed-point' : 'recurrent-set',
    loop: span,
    sets,
    entryState,
    nodes,
    contains: (node, values) => {
      const loc = locOfNode.get(node);
      const atoms = loc === undefined ? undefined : w.set.get(loc);
      if (loc === undefined || atoms === undefined) return false;
      return atomsHold(atoms, stateAt(cts, loc, values.map(scalar), slot));
    },
    queries: w.queries.map((q) => ({ meaning: q.meaning, smtlib: q.smtlib, solverMs: q.solverMs })),
  };
  return {
    status: 'unsafe',
    precise: true,
    solverMs: w.queries.reduce((s, q) => s + q.solverMs, 0),
    witness: {
      inputs: w.inputs,
      nondet: w.nondet,
      property: terminationPropertyId(fn),
      path: [],
      recurrence,
    },
  };
}
