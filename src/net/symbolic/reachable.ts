/**
 * The question `arc net reachable`: can a packet of the question get from
 * its source to its destination, and its reply back?
 *
 * `reachable` enumerates the paths (index.ts) and asks Z3: a satisfying
 * packet is replayed through `forward` (only a replayed witness is an
 * answer; disagreement is reported as an internal inconsistency, never a
 * yes); unsatisfiability of every accepting path is a no, re-checked with
 * `recheckUnsat`, explained per path by the first component whose filter,
 * together with the ones before it, admits no packet (found on packet sets,
 * ../packetset.ts, with Z3 only where a formula is not one of interval
 * atoms, and named by replaying a packet that got that far through
 * `forward`). A path ending at something the snapshot lacks that some
 * packet takes makes the answer don't know.
 *
 * Guarantees: a yes carries a packet `forward` delivers (and whose reply it
 * delivers) to the destination; a no carries a proof over all packets of
 * the question, re-checked; anything else is don't know with its reason.
 */
import type { UnknownCode } from '../../core/answer.js';
import type { Claim } from '../../core/gate.js';
import { checkSat, conjunction, disjunction, modelScalars, type Term } from '../../smt/index.js';
import { OwnedExclusions } from '../assume.js';
import { forward, type ComponentRef, type ForwardResult, type Packet } from '../forward/index.js';
import { ownedPublicIps } from '../lookup.js';
import type { NetworkModel } from '../model.js';
import {
  boxText,
  internetNames,
  PacketSets,
  sampleOf,
  UnsupportedFormula,
  type Box,
} from '../packetset.js';
import { enumeratePaths } from './index.js';
import { HEADER_VARS, symbolicHeader } from './packet.js';
import {
  packetOf,
  queryConstraint,
  resolveEndpoints,
  type Resolved,
  startFor,
  type ReachQuery,
} from './query.js';
import type { SymPath } from './walk.js';

export interface Blocker {
  readonly component: ComponentRef;
  readonly reason: string;
  /** The components the packet passed before being stopped. */
  readonly via: readonly string[];
  /** Identifies the blocker independently of the replayed packet (for de-duplication). */
  readonly key: string;
  /**
   * The packets this path brings to the component, all of which it stops, as
   * ranges in words (`reason` is worded for one replayed packet of them).
   * Absent when the set cannot be written as ranges.
   */
  readonly packets?: readonly string[];
}

/** A packet the symbolic engine says gets through. */
export interface ReachWitnessClaim {
  readonly packet: Packet;
  readonly resolved: Resolved;
}

/** No accepting path admits a packet: `smtlib` is unsatisfiable. */
export interface ReachProofClaim {
  readonly smtlib: string;
  readonly paths: number;
  readonly blockers: readonly Blocker[];
}

/** What the symbolic engine claims, for the gate (../gate.ts) to check, and what it saw. */
export interface ReachAnswer {
  readonly claim: Claim<ReachProofClaim, ReachWitnessClaim>;
  /** What the snapshot lacks that some packet of the question reaches (don't know). */
  readonly missing: readonly { readonly component: ComponentRef; readonly missing: string }[];
  readonly paths: number;
  readonly solverMs: number;
}

function unknownAnswer(
  code: UnknownCode,
  message: string,
  paths: number,
  solverMs: number,
  missing: ReachAnswer['missing'] = [],
): ReachAnswer {
  return { claim: { kind: 'unknown', reason: { code, message } }, missing, paths, solverMs };
}

/** The don't-know answer of a question whose endpoint the snapshot lacks (`resolveEndpoints` said why). */
export function unresolved(reason: string): ReachAnswer {
  return unknownAnswer('incomplete-input', reason, 0, 0, [
    { component: { kind: 'internet', id: 'endpoint' }, missing: reason },
  ]);
}

export interface ReachOptions {
  readonly timeoutMs?: number;
}

export async function reachable(
  model: NetworkModel,
  q: ReachQuery,
  options: ReachOptions = {},
): Promise<ReachAnswer> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let solverMs = 0;
  const resolved = resolveEndpoints(model, q);
  if (typeof resolved === 'string') return unresolved(resolved);
  const h = symbolicHeader();
  // The owned public addresses the internet side must avoid are added as models hit them.
  const user = new OwnedExclusions(
    ownedPublicIps(model),
    { src: q.from.kind === 'internet', dst: q.to.kind === 'internet' },
    (excluded) => queryConstraint(model, q, h, excluded),
  );
  const paths = enumeratePaths(model, resolved, h);
  const check = async (terms: readonly Term[]) => {
    for (;;) {
      const r = await checkSat(
        { assertions: [user.constraint(), ...terms] },
        { timeoutMs, modelOf: [...HEADER_VARS] },
      );
      solverMs += r.solverMs;
      const { model, ...rest } = r;
      const scalars = model === undefined ? undefined : modelScalars(model);
      if (r.status === 'sat' && scalars !== undefined && user.refine(scalars)) continue;
      return { ...rest, ...(scalars === undefined ? {} : { model: scalars }) };
    }
  };
  const all = (p: SymPath) => p.steps.map((s) => s.term);
  const accepting = paths.filter((p) => p.end.kind === 'accepted');
  let unknownReason: string | undefined;
  for (const path of accepting) {
    const r = await check(all(path));
    if (r.status === 'unknown') {
      unknownReason = `the solver gave no answer (${r.reason ?? 'unknown'})`;
      continue;
    }
    if (r.status !== 'sat' || r.model === undefined) continue;
    const packet = packetOf(r.model);
    return {
      claim: { kind: 'witness', answer: 'yes', witness: { packet, resolved } },
      missing: [],
      paths: paths.length,
      solverMs,
    };
  }
  // No accepting path admits a packet: a path ending in `missing` that some packet takes means don't know.
  const missing: { component: ComponentRef; missing: string }[] = [];
  for (const path of paths) {
    if (path.end.kind !== 'missing') continue;
    const r = await check(all(path));
    if (r.status !== 'unsat')
      missing.push({ component: path.end.component, missing: path.end.missing });
  }
  if (missing.length > 0)
    return unknownAnswer(
      'incomplete-input',
      `the answer depends on what the snapshot lacks: ${[...new Set(missing.map((m) => m.missing))].join('; ')}`,
      paths.length,
      solverMs,
      missing,
    );
  if (unknownReason !== undefined)
    return unknownAnswer('solver-unknown', unknownReason, paths.length, solverMs);
  // A proof over all packets: no accepting path is satisfiable.
  const proof = await check([disjunction(accepting.map((p) => conjunction(all(p))))]);
  if (proof.status !== 'unsat')
    return proof.status === 'sat'
      ? unknownAnswer(
          'recheck-failed',
          'internal inconsistency: the disjunction of the accepting paths is satisfiable although each path is not',
          paths.length,
          solverMs,
        )
      : unknownAnswer(
          'solver-unknown',
          `the solver gave no answer (${proof.reason ?? 'unknown'})`,
          paths.length,
          solverMs,
        );
  // The blockers explain the proof; they are not part of it. Which filter
  // first empties a path is decided on packet sets (packetset.ts, no solver
  // call), with Z3 only where a formula is not one of interval atoms.
  const blockers: Blocker[] = [];
  const named = internetNames(model);
  // Ranges are computed under the whole constraint (every owned address excluded).
  const exact = queryConstraint(model, q, h);
  const sets = new PacketSets();
  const boxesOf = (terms: readonly Term[]): readonly Box[] | undefined => {
    try {
      return sets.boxes(sets.read(conjunction([exact, ...terms])));
    } catch (e) {
      if (e instanceof UnsupportedFormula) return undefined;
      throw e;
    }
  };
  const describe = (terms: readonly Term[]): string[] | undefined =>
    boxesOf(terms)?.map((b) => boxText(b, named));
  const emptiness: Check = async (terms) => {
    const boxes = boxesOf(terms);
    if (boxes === undefined) return check(terms);
    return boxes.length === 0 ? { status: 'unsat' } : { status: 'sat', model: sampleOf(boxes[0]) };
  };
  for (const path of paths) {
    const b = await blockerOf(
      path,
      emptiness,
      (pk) => forward(model, startFor(resolved, pk), pk),
      describe,
    );
    if (b !== undefined && !blockers.some((x) => x.key === b.key)) blockers.push(b);
  }
  return {
    claim: {
      kind: 'certificate',
      answer: 'no',
      certificate: { smtlib: proof.smtlib, paths: paths.length, blockers },
    },
    missing: [],
    paths: paths.length,
    solverMs,
  };
}

type Check = (terms: readonly Term[]) => Promise<{ status: string; model?: Map<string, bigint> }>;

/**
 * What stops the packets of one path: its end when some packet gets there,
 * else the first filter that, with the ones before it, admits no packet.
 * Undefined for a path no packet of the question takes.
 */
async function blockerOf(
  path: SymPath,
  check: Check,
  replay: (p: Packet) => ForwardResult,
  describe: (terms: readonly Term[]) => readonly string[] | undefined,
): Promise<Blocker | undefined> {
  const branches = path.steps.filter((s) => s.kind === 'branch').map((s) => s.term);
  const base = await check(branches);
  if (base.status !== 'sat') return undefined;
  let prefix = [...branches];
  let lastModel = base.model;
  const name = (component: ComponentRef, fallback: string, at: number): Blocker => {
    // The components passed before this one (a filter is recorded after its component is entered).
    const upTo = path.via.slice(0, at);
    const via =
      upTo[upTo.length - 1] === `${component.kind}:${component.id}` ? upTo.slice(0, -1) : upTo;
    const key = `${component.kind}:${component.id}:${fallback}:${via.join(' ')}`;
    const packets = describe(prefix);
    const extra = packets === undefined ? {} : { packets };
    if (lastModel !== undefined) {
      const r = replay(packetOf(lastModel));
      const stop = r.outcome === 'accepted' ? r.returnTraffic : r;
      if (
        stop !== undefined &&
        stop.outcome === 'dropped' &&
        stop.component.kind === component.kind
      )
        return { component: stop.component, reason: stop.reason, via, key, ...extra };
    }
    return { component, reason: fallback, via, key, ...extra };
  };
  for (const s of path.steps) {
    if (s.kind !== 'filter') continue;
    const r = await check([...prefix, s.term]);
    if (r.status === 'unsat') return name(s.component, s.what, s.at);
    prefix = [...prefix, s.term];
    lastModel = r.model;
  }
  if (path.end.kind === 'dropped')
    return name(path.end.component, path.end.reason, path.via.length);
  return undefined;
}
