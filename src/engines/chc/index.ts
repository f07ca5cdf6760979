/**
 * The Horn-clause engine (name `chc`): the function's cutpoint graph as
 * constrained Horn clauses over the integers, solved by Z3's Spacer
 * (PDR/IC3). A solution is an inductive invariant at every loop head; it is
 * turned into initiation / consecution / safety queries in the bit-precise
 * encoding (encoding/certificate.ts), which must all be unsat here before the engine
 * answers `safe` — and the verdict layer re-checks them again independently.
 *
 * The engine never answers `unsafe`: when Spacer reports a reachable
 * violation, the portfolio (verdict/portfolio.ts) asks bounded model checking for
 * the concrete run, which the interpreter then replays.
 */
import { Budget } from '../../core/budget.js';
import type { IrFunction } from '../../ir/ir.js';
import { usesMemory } from '../../ir/ir.js';
import { writeSmtlib } from '../../smt/index.js';
import type { Engine, EngineOptions, EngineResult } from '../engine.js';
import { confirmInvariants } from '../encoding/confirm.js';
import { buildRegions } from '../encoding/regions.js';
import { buildHorn, solveHorn, SPACER_CONFIGS } from './horn.js';

/** Longest time any Spacer configuration but the last may take. */
const ATTEMPT_MS = 5_000;
/** …or this share of the engine's budget, when that is more (a larger --timeout). */
const ATTEMPT_SHARE = 0.25;

/**
 * How Spacer's configurations share the budget: with `effort: 'full'` each
 * but the last gets a slice (half of what is left, at most ATTEMPT_MS); with
 * `quick` each in turn gets all that is left, so the next one runs only when
 * the one before gave up early (a short budget is not split).
 */
async function checkChc(fn: IrFunction, options: EngineOptions): Promise<EngineResult> {
  const budget = Budget.ofMs(options.timeoutMs, options.signal);
  const quick = options.effort === 'quick';
  const unknown = (
    code: 'timeout' | 'unsupported' | 'solver-unknown' | 'cancelled',
    message: string,
  ): EngineResult => ({ status: 'unknown', reason: { code, message }, solverMs: budget.solverMs });
  // Spacer reads the integer encoding, which has no form for memory (arrays).
  if (usesMemory(fn))
    return unknown('unsupported', 'Horn clauses over memory (SMT arrays) are not encoded yet');
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
    const attempt = Math.max(ATTEMPT_MS, options.timeoutMs * ATTEMPT_SHARE);
    const slice = quick || i === usable.length - 1 ? left : Math.min(left * 0.5, attempt);
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
      return unknown(
        'solver-unknown',
        'Spacer reports that a property can fail, but found no concrete run',
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
      return {
        status: 'safe',
        sound: true,
        certificate: confirmed.certificate,
        solverMs: budget.solverMs,
      };
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
  question: 'safety',
  check: checkChc,
};
