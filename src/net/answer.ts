/**
 * The network questions answered through the gate (gate.ts): what the
 * symbolic engine claims (symbolic/reachable.ts, flows.ts), checked by
 * replay through the concrete forwarder and by an independent re-check of
 * every unsat query, as one outcome of the verdict contract:
 *
 * - `decideReachable`: yes with a replayed packet, no with a re-checked proof;
 * - `decideExplain`: yes with the flowing ranges (each replayed), no with the
 *   proof that none flows;
 * - `decideExposed`: yes (nothing exposed) with the proof, no with the
 *   replayed findings; interfaces it could not decide are listed.
 */
import type { Exhibited, Outcome, Proved } from '../core/answer.js';
import { admit, existentialOutcome, universalOutcome } from '../core/gate.js';
import {
  explainFlows,
  exposed,
  type ExposedOptions,
  type FindingPlace,
  type FlowOptions,
  type Missing,
} from './flows.js';
import { flowGate, reachGate, type FlowSet, type ReachProof, type ReachWitness } from './gate.js';
import type { NetworkModel } from './model.js';
import type { ReachQuery } from './symbolic/query.js';
import { reachable, type ReachOptions } from './symbolic/reachable.js';

const DEFAULT_TIMEOUT_MS = 10_000;

interface Seen {
  /** What the snapshot lacks that the answer depends on (don't know), else empty. */
  readonly missing: readonly Missing[];
  /** How many paths the packets of the question could take. */
  readonly paths: number;
  /** Solver time, the gate's re-checks included. */
  readonly solverMs: number;
}

export type ReachDecision = Outcome<Exhibited<ReachWitness>, Proved<ReachProof>> & Seen;

export async function decideReachable(
  model: NetworkModel,
  q: ReachQuery,
  options: ReachOptions = {},
): Promise<ReachDecision> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const a = await reachable(model, q, { timeoutMs });
  const outcome = existentialOutcome(await admit(reachGate(model, timeoutMs), a.claim));
  const recheckMs = outcome.answer === 'no' ? outcome.certificate.solverMs : 0;
  return { ...outcome, missing: a.missing, paths: a.paths, solverMs: a.solverMs + recheckMs };
}

export type ExplainDecision = Outcome<Exhibited<FlowSet<object>>, Proved<FlowSet<object>>> & Seen;

export async function decideExplain(
  model: NetworkModel,
  q: ReachQuery,
  options: FlowOptions = {},
): Promise<ExplainDecision> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const a = await explainFlows(model, q, { timeoutMs });
  const outcome = existentialOutcome(await admit(flowGate<object>(model, timeoutMs), a.claim));
  const checkMs =
    outcome.answer === 'yes'
      ? outcome.witness.solverMs
      : outcome.answer === 'no'
        ? outcome.certificate.solverMs
        : 0;
  return { ...outcome, missing: a.missing, paths: a.paths, solverMs: a.solverMs + checkMs };
}

export type ExposedDecision = Outcome<
  Proved<FlowSet<FindingPlace>>,
  Exhibited<FlowSet<FindingPlace>>
> & {
  /** Interfaces whose exposure could not be decided, with the reason. */
  readonly undecided: readonly { readonly networkInterface: string; readonly reason: string }[];
  /** How many network interfaces were examined. */
  readonly interfaces: number;
  /** Distinct packet sets computed (interfaces with the same filters share one). */
  readonly classes: number;
  readonly solverMs: number;
};

export async function decideExposed(
  model: NetworkModel,
  options: ExposedOptions = {},
): Promise<ExposedDecision> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // The gate re-checks every certificate query, so the engine first only
  // writes them. Should one not re-check unsat, the engine runs again and
  // solves its queries itself, splitting a failing batch down to the
  // interfaces at fault (undecided) so the others keep their answer.
  return gateFirst((solve) => decideExposedWith(model, { ...options, timeoutMs, solve }));
}

/**
 * Runs `decide` with the engine leaving its queries to the gate; only if the
 * gate's re-check fails does it run again with the engine solving them.
 */
export async function gateFirst(
  decide: (solve: boolean) => Promise<ExposedDecision>,
): Promise<ExposedDecision> {
  const first = await decide(false);
  if (first.answer !== 'unknown' || first.reason.code !== 'recheck-failed') return first;
  return decide(true);
}

async function decideExposedWith(
  model: NetworkModel,
  options: ExposedOptions & { readonly timeoutMs: number },
): Promise<ExposedDecision> {
  const timeoutMs = options.timeoutMs;
  const a = await exposed(model, options);
  const seen = { undecided: a.unknown, interfaces: a.interfaces, classes: a.classes };
  const found = a.claim.flows.length > 0;
  if (!found && a.unknown.length > 0)
    return {
      answer: 'unknown',
      reason: {
        code: 'solver-unknown',
        message: `${a.unknown.length} network interface(s) could not be decided; the others are closed`,
      },
      ...seen,
      solverMs: a.solverMs,
    };
  const outcome = universalOutcome(
    await admit(
      flowGate<FindingPlace>(model, timeoutMs),
      found
        ? { kind: 'witness', answer: 'no', witness: a.claim }
        : { kind: 'certificate', answer: 'yes', certificate: a.claim },
    ),
  );
  const checkMs =
    outcome.answer === 'yes'
      ? outcome.certificate.solverMs
      : outcome.answer === 'no'
        ? outcome.witness.solverMs
        : 0;
  return { ...outcome, ...seen, solverMs: a.solverMs + checkMs };
}
