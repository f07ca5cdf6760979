/**
 * The network domain's gates (core/gate.ts's `Gate`), for the claims the
 * symbolic engine makes:
 *
 * - `reachGate` (`arc net reachable`): a claimed packet is replayed through
 *   the concrete forwarder, which must deliver it to the destination and its
 *   reply back; a claimed proof (no accepting path admits a packet) is
 *   re-checked unsat in a fresh Z3 context.
 * - `flowGate` (`arc net explain`, `arc net exposed`): claimed packet sets are
 *   believed only when the unsat queries saying the ranges are exact re-check
 *   unsat in a fresh Z3 context, and one packet of every range is delivered
 *   (with its reply) by the concrete forwarder.
 *
 * A failed check is an internal inconsistency: don't know, never the answer.
 */
import { accepted, rejected, type Checked, type Gate } from '../core/gate.js';
import { trace } from '../core/trace.js';
import { onLane, recheckUnsat, type RecheckResult } from '../smt/index.js';
import { forward, type Packet, type Start } from './forward/index.js';

export type { Flow };
import type { NetworkModel } from './model.js';
import type { Delivered, Flow, FlowSetClaim } from './flows.js';
import { reaches, startFor, type Resolved } from './symbolic/query.js';
import type { Blocker, ReachProofClaim, ReachWitnessClaim } from './symbolic/reachable.js';

/** The packet, replayed: its path and its reply's, hop by hop. */
export interface ReachWitness {
  readonly packet: Packet;
  /** Where the packet starts (the source endpoint's interface, or the internet). */
  readonly start: Start;
  readonly path: Delivered;
}

export type { Delivered };

export interface ReachProof {
  /** The query shown unsat: some packet takes an accepting path. */
  readonly smtlib: string;
  /** How many paths the packets of the question could take; each is blocked. */
  readonly paths: number;
  /** What stops each path (an explanation of the proof, found by replay). */
  readonly blockers: readonly Blocker[];
  readonly recheck: string;
  readonly solverMs: number;
}

export function reachGate(
  model: NetworkModel,
  timeoutMs: number,
): Gate<ReachProofClaim, ReachWitnessClaim, ReachProof, ReachWitness> {
  return {
    domain: 'net',
    async recheck(claim) {
      const re = await recheckUnsat(claim.smtlib, timeoutMs);
      if (re.status !== 'unsat')
        return rejected({
          code: 'recheck-failed',
          message: `the re-check of the proof did not confirm it (${re.status}${re.reason ? `: ${re.reason}` : ''})`,
        });
      return accepted({
        smtlib: claim.smtlib,
        paths: claim.paths,
        blockers: claim.blockers,
        recheck: `${re.status} (${re.strategy}, ${re.solverMs.toFixed(1)} ms)`,
        solverMs: re.solverMs,
      });
    },
    async replay(claim) {
      const path = replayPacket(model, claim.resolved, claim.packet);
      if (typeof path === 'string') return rejected({ code: 'replay-failed', message: path });
      return accepted({
        packet: claim.packet,
        start: startFor(claim.resolved, claim.packet),
        path,
      });
    },
  };
}

/** The forwarder's path for `packet`, or why it does not get through. */
function replayPacket(model: NetworkModel, resolved: Resolved, packet: Packet): Delivered | string {
  const path = forward(model, startFor(resolved, packet), packet);
  if (path.outcome === 'accepted' && reaches(path, resolved.accepts)) return path;
  return `internal inconsistency: the symbolic engine found a packet (${JSON.stringify(packet)}) that the concrete forwarder does not deliver (${path.outcome})`;
}

// ---------------------------------------------------------------- flows

export interface FlowSet<T> {
  readonly flows: readonly (Flow & T)[];
  /** How the ranges were checked, in words. */
  readonly check: string;
  readonly solverMs: number;
}

/**
 * Re-checks every query unsat, on two solver lanes when there are more than
 * two queries (the lanes the engine's certificate used, so no new Z3
 * instance); stops at the first query that does not re-check. The failure
 * reported is the first in the queries' order among those tried, so which
 * one is named can depend on timing; that any fails cannot.
 */
async function recheckAll(
  queries: readonly string[],
  timeoutMs: number,
): Promise<{ solverMs: number; failed?: RecheckResult }> {
  let solverMs = 0;
  let next = 0;
  const failures = new Map<number, RecheckResult>();
  const lanes = queries.length > 2 ? [0, 1] : [0];
  await Promise.all(
    lanes.map((lane) =>
      onLane(lane, async () => {
        while (next < queries.length && failures.size === 0) {
          const i = next++;
          const re = await recheckUnsat(queries[i], timeoutMs);
          solverMs += re.solverMs;
          if (re.status !== 'unsat') failures.set(i, re);
        }
      }),
    ),
  );
  if (failures.size === 0) return { solverMs };
  return { solverMs, failed: failures.get(Math.min(...failures.keys())) };
}

export function flowGate<T>(
  model: NetworkModel,
  timeoutMs: number,
): Gate<FlowSetClaim<T>, FlowSetClaim<T>, FlowSet<T>, FlowSet<T>> {
  const check = async (claim: FlowSetClaim<T>): Promise<Checked<FlowSet<T>>> => {
    const t0 = performance.now();
    const { solverMs, failed } = await recheckAll(claim.queries, timeoutMs);
    trace(
      'net',
      () =>
        `gate: ${claim.queries.length} queries re-checked in ${(performance.now() - t0).toFixed(0)} ms (solver ${solverMs.toFixed(0)} ms)`,
    );
    if (failed !== undefined)
      return rejected({
        code: 'recheck-failed',
        message: `the re-check that the ranges are exact answered ${failed.status}${failed.reason ? ` (${failed.reason})` : ''}, not unsat`,
      });
    const t1 = performance.now();
    const flows: (Flow & T)[] = [];
    for (const { claim: f, about } of claim.flows) {
      const path = replayPacket(model, f.resolved, f.packet);
      if (typeof path === 'string') return rejected({ code: 'replay-failed', message: path });
      flows.push({
        ...about,
        box: f.box,
        internetSide: f.internetSide,
        text: f.text,
        packet: f.packet,
        path,
      });
    }
    trace(
      'net',
      () => `gate: ${flows.length} packets replayed in ${(performance.now() - t1).toFixed(0)} ms`,
    );
    return accepted({
      flows,
      check: `${claim.check}; re-checked unsat in a fresh Z3 context (${claim.queries.length} quer${claim.queries.length === 1 ? 'y' : 'ies'}, ${solverMs.toFixed(1)} ms); one packet of each range replayed through the concrete forwarder`,
      solverMs,
    });
  };
  return { domain: 'net', recheck: check, replay: check };
}
