/**
 * The Horn-clause engine (name `chc`): the function's cutpoint graph as
 * constrained Horn clauses over the integers, solved by Z3's Spacer
 * (PDR/IC3). A solution is an inductive invariant at every loop head; it is
 * turned into initiation / consecution / safety queries in the bit-precise
 * encoding (certificate.ts), which must all be unsat here before the engine
 * answers `safe` — and the verdict layer re-checks them again independently.
 *
 * The engine never answers `unsafe`: when Spacer reports a reachable
 * violation, the portfolio (api/prove.ts) asks bounded model checking for
 * the concrete run, which the interpreter then replays.
 */
import { performance } from 'node:perf_hooks';
import type { IrFunction } from '../../ir/ir.js';
import { allVariables } from '../../ir/ir.js';
import type { Term } from '../../smt/index.js';
import { and, checkSat, toSmtlib, writeSmtlib } from '../../smt/index.js';
import { termToInfix } from '../../smt/infix.js';
import type {
  CertificateQuery,
  Engine,
  EngineOptions,
  EngineResult,
  InvariantRawCertificate,
} from '../engine.js';
import { certificateQueries } from './certificate.js';
import { C_SYNTAX, formatInvariant, PYTHON_SYNTAX } from './format.js';
import { buildHorn, solveHorn, SPACER_CONFIGS } from './horn.js';
import type { Regions } from './regions.js';
import { buildRegions } from './regions.js';

export { buildRegions } from './regions.js';

/** What the engine learnt besides its result (for the portfolio). */
export interface ChcNotes {
  /** Spacer showed a selected property fails on some run (exact encoding). */
  readonly violationReachable: boolean;
}

/** Longest time any Spacer configuration but the last may take. */
const ATTEMPT_MS = 5_000;

class Budget {
  private readonly deadline: number;
  solverMs = 0;
  constructor(timeoutMs: number) {
    this.deadline = performance.now() + timeoutMs;
  }
  left(): number {
    return Math.max(0, this.deadline - performance.now());
  }
}

/** Display names for the IR variables (source names, unless two would clash). */
export function displayNames(fn: IrFunction): (v: string) => string {
  const vars = allVariables(fn);
  const count = new Map<string, number>();
  for (const v of vars) count.set(v.sourceName, (count.get(v.sourceName) ?? 0) + 1);
  const show = new Map(
    vars.map((v) => [v.name, (count.get(v.sourceName) ?? 0) > 1 ? v.name : v.sourceName]),
  );
  return (name) => {
    const ir = name.startsWith('v!') ? name.slice(2) : name;
    return show.get(ir) ?? ir;
  };
}

/** Confirms the drafts are unsat here; returns the certificate, or a reason it is not one. */
export async function confirmInvariants(
  fn: IrFunction,
  regions: Regions,
  invariants: readonly Term[],
  options: EngineOptions,
  budget: { left(): number; solverMs: number },
  engine: 'chc' | 'k-induction',
  k: number,
): Promise<{ ok: true; certificate: InvariantRawCertificate } | { ok: false; why: string }> {
  const drafts = certificateQueries(fn, regions, invariants, options.properties);
  if (drafts === null) return { ok: false, why: 'an invariant cannot be evaluated bit-precisely' };
  const queries: CertificateQuery[] = [];
  for (const [n, d] of drafts.entries()) {
    const q = { assertions: d.assertions, comments: [`${engine} certificate: ${d.meaning}`] };
    const dumpPath =
      options.dumpSmtDir === undefined
        ? undefined
        : `${options.dumpSmtDir}/${engine}-${d.kind}-${n}.smt2`;
    const r = await checkSat(q, {
      timeoutMs: Math.max(1, budget.left()),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(dumpPath === undefined ? {} : { dumpPath }),
    });
    budget.solverMs += r.solverMs;
    if (r.status !== 'unsat') {
      return { ok: false, why: `the ${d.kind} query "${d.meaning}" answered ${r.status}` };
    }
    const condition = termToInfix(and(...d.assertions)) ?? undefined;
    queries.push({
      meaning: d.meaning,
      ...(condition === undefined ? {} : { condition }),
      smtlib: toSmtlib(q),
      solverMs: r.solverMs,
    });
  }
  const name = displayNames(fn);
  const syntax = options.language === 'python' ? PYTHON_SYNTAX : C_SYNTAX;
  const invs = regions.cutpoints
    .filter((c) => c.index > 0)
    .map((c) => ({
      node: c.node,
      loop: c.span,
      function: fn.name,
      text: formatInvariant(invariants[c.index], name, syntax),
    }));
  return {
    ok: true,
    certificate: { kind: 'invariant', engine, k, invariants: invs, queries },
  };
}

/**
 * How Spacer's configurations share the budget: `all` gives each but the
 * last a slice (half of what is left, at most ATTEMPT_MS); `quick` gives
 * each in turn all that is left, so the next one runs only when the one
 * before gave up early (a short budget is not split).
 */
export type ChcAttempts = 'all' | 'quick';

export async function checkChc(
  fn: IrFunction,
  options: EngineOptions,
  attempts: ChcAttempts = 'all',
): Promise<{ result: EngineResult; notes: ChcNotes }> {
  const budget = new Budget(options.timeoutMs);
  const done = (result: EngineResult, violationReachable = false) => ({
    result,
    notes: { violationReachable },
  });
  const unknown = (
    code: 'timeout' | 'unsupported' | 'solver-unknown' | 'cancelled',
    message: string,
  ) => done({ status: 'unknown', reason: { code, message }, solverMs: budget.solverMs });
  const built = buildRegions(fn);
  if (!built.ok) return unknown('unsupported', built.message);
  const regions = built.regions;
  let last = 'Spacer found no invariant';
  // Without the types' upper bounds every overflow check fails on some
  // out-of-range state, and Spacer searches for that run instead of an invariant.
  const checksOverflow = fn.properties.some(
    (p) => p.kind === 'overflow' && options.properties.has(p.id),
  );
  const usable = SPACER_CONFIGS.filter((c) => c.ranges === 'full' || !checksOverflow);
  for (const [i, config] of usable.entries()) {
    const left = budget.left();
    if (left < 50) break;
    // Global guidance either finds an invariant within seconds or rarely at all:
    // every configuration but the last gets half of what is left, at most ATTEMPT_MS.
    const slice =
      attempts === 'quick' || i === usable.length - 1 ? left : Math.min(left * 0.5, ATTEMPT_MS);
    const problem = buildHorn(fn, regions, options.properties, config);
    if (options.dumpSmtDir !== undefined) {
      writeSmtlib(options.dumpSmtDir, `chc-horn-${i}`, problem.script);
    }
    const answer = await solveHorn(fn, regions, problem, slice, options.signal);
    budget.solverMs += answer.solverMs;
    if (options.signal?.aborted) return unknown('cancelled', 'the check was cancelled');
    if (answer.kind === 'unsafe') {
      if (problem.approximate) {
        last = 'Spacer found a path to a violation through an operation it approximates';
        continue;
      }
      return done(
        {
          status: 'unknown',
          reason: {
            code: 'solver-unknown',
            message: 'Spacer reports that a property can fail, but found no concrete run',
          },
          solverMs: budget.solverMs,
        },
        true,
      );
    }
    if (answer.kind === 'unknown') {
      last = `Spacer answered unknown (${answer.reason})`;
      continue;
    }
    const confirmed = await confirmInvariants(
      fn,
      regions,
      answer.invariants,
      options,
      budget,
      'chc',
      1,
    );
    if (confirmed.ok) {
      return done({
        status: 'safe',
        sound: true,
        certificate: confirmed.certificate,
        solverMs: budget.solverMs,
      });
    }
    last = `Spacer's invariants did not survive the bit-precise check: ${confirmed.why}`;
  }
  const timedOut = budget.left() < 50;
  return unknown(
    timedOut ? 'timeout' : 'solver-unknown',
    timedOut ? `ran out of time (${Math.round(options.timeoutMs)} ms): ${last}` : last,
  );
}

export const chcEngine: Engine = {
  name: 'chc',
  async check(fn, options) {
    return (await checkChc(fn, options)).result;
  },
};
