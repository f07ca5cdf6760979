/**
 * Packet sets between endpoints: `arc net explain` (every packet that can
 * flow from one endpoint to another, as ranges) and `arc net exposed` (every
 * network interface the internet can reach, on which protocols, ports and
 * from which sources).
 *
 * Both take the symbolic engine's paths (`enumeratePaths`), read the
 * disjunction of the accepting ones into boxes (`packetset.ts`, our own
 * decision procedure over interval atoms), and then check the result two
 * independent ways before showing it:
 *  - Z3 proves the boxes exact: `(F xor U) or M` is unsatisfiable, where F
 *    is the formula of the accepting paths, U the union of the boxes, and M
 *    the formula of the paths that end at something the snapshot lacks (so
 *    "nothing missing matters" is proved too);
 *  - the internet side's address must also avoid every public address the
 *    snapshot owns — thousands of disequalities in a large account, which
 *    would dominate every Z3 query. So F and M are taken under the question's
 *    constraint without them (`base`), and the boxes are narrowed to the
 *    internet's addresses afterwards (`narrow`, an intersection of range
 *    sets): the flowing packets are `notOwned ∧ F`, and `notOwned ∧ U` is
 *    exactly the narrowed boxes;
 *  - one packet of every box is replayed through the concrete forwarder,
 *    which must deliver it and its reply.
 * A failed check is an internal inconsistency and the answer don't know.
 */
import {
  checkSat,
  conjunction,
  disjunction,
  eq,
  falseTerm,
  not,
  onLane,
  or,
  toSmtlib,
  type Term,
} from '../smt/index.js';
import type { UnknownCode } from '../core/answer.js';
import type { Claim } from '../core/gate.js';
import type { ComponentRef, ForwardResult, Packet } from './forward/index.js';
import type { NetworkModel, PortRange } from './model.js';
import {
  boxText,
  boxesTerm,
  internetAddresses,
  internetNames,
  narrowBox,
  type NamedSet,
  PacketSets,
  sampleOf,
  UnsupportedFormula,
  type Box,
  type PacketFormula,
} from './packetset.js';
import { enumeratePaths } from './symbolic/index.js';
import { symbolicHeader, type SymPacket } from './symbolic/packet.js';
import {
  packetOf,
  queryConstraint,
  resolveEndpoints,
  type ReachQuery,
  type Resolved,
} from './symbolic/query.js';
import { unresolved } from './symbolic/reachable.js';
import type { SymPath } from './symbolic/walk.js';

export interface Missing {
  readonly component: ComponentRef;
  readonly missing: string;
}

/** What `explainFlows` claims, for the gate (gate.ts): some flow (yes) or none (no). */
export interface ExplainAnswer {
  readonly claim: Claim<FlowSetClaim<object>, FlowSetClaim<object>>;
  /** What the snapshot lacks that some packet of the question reaches (don't know). */
  readonly missing: readonly Missing[];
  readonly paths: number;
  readonly solverMs: number;
}

const conj = (p: SymPath): Term => conjunction(p.steps.map((s) => s.term));

/** How a question's boxes are read: the fields that are the internet side's address. */
interface Side {
  /** The question's constraint without the exclusion of the snapshot's own public addresses. */
  readonly base: Term;
  /** The fields whose ranges are to be read "and not owned by the snapshot". */
  readonly internet: readonly ('src_ip' | 'dst_ip')[];
  /** A box with the owned addresses taken out again (undefined when nothing is left). */
  readonly narrow: (box: Box) => Box | undefined;
}

function internetSide(model: NetworkModel, q: ReachQuery, h: SymPacket): Side {
  const base = queryConstraint(model, q, h, { src: new Set(), dst: new Set() });
  const internet: ('src_ip' | 'dst_ip')[] = [];
  if (q.from.kind === 'internet') internet.push('src_ip');
  if (q.to.kind === 'internet') internet.push('dst_ip');
  if (internet.length === 0) return { base, internet, narrow: (b) => b };
  const addresses = internetAddresses(model);
  return {
    base,
    internet,
    narrow: (b) => {
      let x: Box | undefined = b;
      for (const f of internet) if (x !== undefined) x = narrowBox(x, f, addresses);
      return x;
    },
  };
}

/** The formulas of one question: accepted packets, and packets that reach something missing. */
function formulas(user: Term, paths: readonly SymPath[]): { accepted: Term; missing: Term } {
  return {
    accepted: conjunction([
      user,
      disjunction(paths.filter((p) => p.end.kind === 'accepted').map(conj)),
    ]),
    missing: conjunction([
      user,
      disjunction(paths.filter((p) => p.end.kind === 'missing').map(conj)),
    ]),
  };
}

function missingOf(sets: PacketSets, user: Term, paths: readonly SymPath[]): Missing[] {
  const out: Missing[] = [];
  for (const p of paths)
    if (p.end.kind === 'missing' && !sets.isEmpty(sets.read(conjunction([user, conj(p)]))))
      if (!out.some((m) => m.missing === (p.end as { missing: string }).missing))
        out.push({ component: p.end.component, missing: p.end.missing });
  return out;
}

/**
 * One packet of each box (narrowed to the internet's addresses), for the
 * gate to replay. A box that narrowing empties (only the snapshot's own
 * addresses) is no flow.
 */
function claimBoxes(
  r: Resolved,
  boxes: readonly Box[],
  side: Side,
  named: readonly NamedSet[],
): FlowClaim[] {
  const flows: FlowClaim[] = [];
  for (const box of boxes) {
    const narrowed = side.narrow(box);
    if (narrowed === undefined) continue;
    flows.push({
      box,
      narrowed,
      internetSide: side.internet,
      text: boxText(narrowed, named),
      packet: packetOf(sampleOf(narrowed)),
      resolved: r,
    });
  }
  return flows;
}

export interface FlowOptions {
  readonly timeoutMs?: number;
}

/** Every packet that can flow for a question (its protocol and ports restrict the set). */
export async function explainFlows(
  model: NetworkModel,
  q: ReachQuery,
  options: FlowOptions = {},
): Promise<ExplainAnswer> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const resolved = resolveEndpoints(model, q);
  if (typeof resolved === 'string') {
    const u = unresolved(resolved);
    return {
      claim: {
        kind: 'unknown',
        reason:
          u.claim.kind === 'unknown'
            ? u.claim.reason
            : { code: 'incomplete-input', message: resolved },
      },
      missing: u.missing,
      paths: 0,
      solverMs: 0,
    };
  }
  const h = symbolicHeader();
  const side = internetSide(model, q, h);
  const user = side.base;
  const paths = enumeratePaths(model, resolved, h);
  const unknown = (
    code: UnknownCode,
    message: string,
    missing: readonly Missing[] = [],
    solverMs = 0,
  ): ExplainAnswer => ({
    claim: { kind: 'unknown', reason: { code, message } },
    missing,
    paths: paths.length,
    solverMs,
  });
  const f = formulas(user, paths);
  const sets = new PacketSets();
  let boxes: readonly Box[];
  let missing: Missing[];
  try {
    boxes = sets.boxes(sets.read(f.accepted));
    missing = missingOf(sets, user, paths);
  } catch (e) {
    if (e instanceof UnsupportedFormula)
      return unknown('unsupported', `the packet set cannot be written as ranges: ${e.message}`);
    throw e;
  }
  if (missing.length > 0)
    return unknown(
      'incomplete-input',
      `the answer depends on what the snapshot lacks: ${missing.map((m) => m.missing).join('; ')}`,
      missing,
    );
  const proof = await checkSat(
    { assertions: [or(not(eq(f.accepted, boxesTerm(boxes, h))), f.missing)] },
    { timeoutMs },
  );
  if (proof.status !== 'unsat')
    return proof.status === 'sat'
      ? unknown(
          'recheck-failed',
          'internal inconsistency: Z3 finds a packet on which the ranges and the paths disagree',
          [],
          proof.solverMs,
        )
      : unknown(
          'solver-unknown',
          `the solver could not confirm the ranges (${proof.reason ?? 'unknown'})`,
          [],
          proof.solverMs,
        );
  const flows = claimBoxes(resolved, boxes, side, internetNames(model));
  const set: FlowSetClaim<object> = {
    queries: [proof.smtlib],
    flows: flows.map((claim) => ({ claim, about: {} })),
    check: `Z3: the ranges equal the ${paths.filter((p) => p.end.kind === 'accepted').length} accepting path(s) and no path to a missing component is taken (unsat, ${proof.solverMs.toFixed(1)} ms)`,
  };
  return {
    claim:
      flows.length > 0
        ? { kind: 'witness', answer: 'yes', witness: set }
        : { kind: 'certificate', answer: 'no', certificate: set },
    missing: [],
    paths: paths.length,
    solverMs: proof.solverMs,
  };
}

// ---------------------------------------------------------------- exposed

export interface ExposedOptions extends FlowOptions {
  readonly protocol?: number;
  readonly dstPorts?: PortRange;
  /** Interfaces per Z3 certificate query. */
  readonly batch?: number;
  /**
   * Whether the engine solves its certificate queries itself (default true).
   * With `false` it only writes them: the gate (net/gate.ts), which re-checks
   * every query in a fresh Z3 context anyway, is then the one solver run, and
   * a query that does not check unsat rejects the whole claim. With `true` a
   * batch that does not check is split until the interfaces at fault are
   * found, and those alone are undecided.
   */
  readonly solve?: boolean;
}

/** Where a range of packets from the internet arrives. */
export interface FindingPlace {
  readonly networkInterface: string;
  readonly instance?: string;
  readonly vpc: string;
  readonly subnet: string;
}

/** A network interface the internet reaches: one box of packets, with a replayed witness. */
export type Finding = Flow & FindingPlace;

export interface ExposedAnswer {
  /**
   * The ranges that reach some interface (each to be replayed) and the unsat
   * queries saying they are exact for every interface not in `unknown`; no
   * range means nothing is exposed.
   */
  readonly claim: FlowSetClaim<FindingPlace>;
  /** Interfaces whose exposure could not be decided, with the reason. */
  readonly unknown: readonly { readonly networkInterface: string; readonly reason: string }[];
  /** How many network interfaces were examined. */
  readonly interfaces: number;
  /** Distinct packet sets computed (interfaces with the same filters share one). */
  readonly classes: number;
  readonly solverMs: number;
}

interface Examined {
  readonly eni: string;
  readonly resolved: Resolved;
  readonly accepted: Term;
  readonly missing: Term;
  readonly boxes: readonly Box[];
}

/** Which network interfaces the internet can reach, on which packets. */
export async function exposed(
  model: NetworkModel,
  options: ExposedOptions = {},
): Promise<ExposedAnswer> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batch = options.batch ?? 64;
  const h: SymPacket = symbolicHeader();
  const base = {
    from: { kind: 'internet' } as const,
    ...(options.protocol !== undefined ? { protocol: options.protocol } : {}),
    ...(options.dstPorts !== undefined ? { dstPorts: options.dstPorts } : {}),
  };
  const enis = [...model.networkInterfaces.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  // One header constraint for every question: it depends on the endpoints' kinds only.
  const side =
    enis.length === 0
      ? undefined
      : internetSide(model, { ...base, to: { kind: 'eni', id: enis[0].id } }, h);
  const user = side?.base;
  const trace = process.env.ARC_TRACE?.split(',').includes('net') === true;
  const t0 = performance.now();
  const sets = new PacketSets();
  const examined: Examined[] = [];
  const unknown: { networkInterface: string; reason: string }[] = [];
  const classes = new Set<string>();
  for (const eni of enis) {
    const q: ReachQuery = { ...base, to: { kind: 'eni', id: eni.id } };
    const resolved = resolveEndpoints(model, q);
    if (typeof resolved === 'string' || user === undefined) {
      unknown.push({ networkInterface: eni.id, reason: String(resolved) });
      continue;
    }
    const paths = enumeratePaths(model, resolved, h);
    const f = formulas(user, paths);
    try {
      const missing = missingOf(sets, user, paths);
      if (missing.length > 0) {
        unknown.push({
          networkInterface: eni.id,
          reason: `depends on what the snapshot lacks: ${missing.map((m) => m.missing).join('; ')}`,
        });
        continue;
      }
      const read: PacketFormula = sets.read(f.accepted);
      classes.add(sets.classOf(read, 'dst_ip'));
      examined.push({
        eni: eni.id,
        resolved,
        accepted: f.accepted,
        missing: f.missing,
        boxes: sets.boxes(read),
      });
    } catch (e) {
      if (!(e instanceof UnsupportedFormula)) throw e;
      unknown.push({
        networkInterface: eni.id,
        reason: `the packet set cannot be written as ranges: ${e.message}`,
      });
    }
  }
  if (trace)
    process.stderr.write(
      `[net] exposed: ${enis.length} interfaces examined in ${(performance.now() - t0).toFixed(0)} ms\n`,
    );
  // Z3 certificate, a batch of interfaces per query: no packet on which some
  // interface's boxes and paths disagree, and no path to a missing component.
  // An interface whose claim folds to `false` as it is built (no path from the
  // internet gets anywhere, and no box) needs no solver; the batches run on
  // two solver lanes (two Z3 workers) at once.
  let solverMs = 0;
  let queries = 0;
  const proofs: string[] = [];
  const refuted = new Set<string>();
  const claims = examined
    .map((x) => ({ x, claim: or(not(eq(x.accepted, boxesTerm(x.boxes, h))), x.missing) }))
    .filter((c) => c.claim !== falseTerm);
  type Claim = (typeof claims)[number];
  const certify = async (group: readonly Claim[]): Promise<void> => {
    if (options.solve === false) {
      proofs.push(toSmtlib({ assertions: [disjunction(group.map((c) => c.claim))] }));
      queries++;
      return;
    }
    const dump = process.env.ARC_NET_DUMP;
    const r = await checkSat(
      { assertions: [disjunction(group.map((c) => c.claim))] },
      { timeoutMs, ...(dump ? { dumpPath: `${dump}/exposed-${queries}.smt2` } : {}) },
    );
    queries++;
    solverMs += r.solverMs;
    if (r.status === 'unsat') {
      proofs.push(r.smtlib);
      return;
    }
    if (group.length === 1) {
      refuted.add(group[0].x.eni);
      unknown.push({
        networkInterface: group[0].x.eni,
        reason:
          r.status === 'sat'
            ? 'internal inconsistency: Z3 finds a packet on which the ranges and the paths disagree'
            : `the solver could not confirm the ranges (${r.reason ?? 'unknown'})`,
      });
      return;
    }
    const mid = Math.ceil(group.length / 2);
    await certify(group.slice(0, mid));
    await certify(group.slice(mid));
  };
  const t1 = performance.now();
  const batches: Claim[][] = [];
  for (let i = 0; i < claims.length; i += batch) batches.push(claims.slice(i, i + batch));
  let next = 0;
  const lanes = batches.length > 2 && options.solve !== false ? [0, 1] : [0];
  await Promise.all(
    lanes.map((lane) =>
      onLane(lane, async () => {
        while (next < batches.length) await certify(batches[next++]);
      }),
    ),
  );
  if (trace)
    process.stderr.write(
      `[net] exposed: certificate ${queries} queries for ${claims.length} interfaces in ${(performance.now() - t1).toFixed(0)} ms (solver ${solverMs.toFixed(0)} ms)\n`,
    );
  const findings: { claim: FlowClaim; about: FindingPlace }[] = [];
  const named = internetNames(model);
  for (const x of examined) {
    if (refuted.has(x.eni) || side === undefined) continue;
    const eni = model.networkInterfaces.get(x.eni);
    if (eni === undefined) continue;
    const about: FindingPlace = {
      networkInterface: eni.id,
      ...(eni.instanceId !== undefined ? { instance: eni.instanceId } : {}),
      vpc: eni.vpcId,
      subnet: eni.subnetId,
    };
    for (const claim of claimBoxes(x.resolved, x.boxes, side, named))
      findings.push({ claim, about });
  }
  unknown.sort((a, b) => (a.networkInterface < b.networkInterface ? -1 : 1));
  return {
    claim: {
      queries: proofs,
      flows: findings,
      check: `Z3: every interface's ranges equal its accepting paths and no path to a missing component is taken (${claims.length} interface(s) in ${queries} quer${queries === 1 ? 'y' : 'ies'}${options.solve === false ? ', solved by the gate alone' : ' shown unsat'}, ${examined.length - claims.length} with no path from the internet and no range)`,
    },
    unknown,
    interfaces: enis.length,
    classes: classes.size,
    solverMs,
  };
}

/** A set of packets that flow, one box of it, with a replayed witness. */
export interface Flow {
  /**
   * The box as certified. Its `internetSide` fields are to be read "and not
   * an address the snapshot owns" (thousands of points in a large account,
   * which `text` words as "the internet").
   */
  readonly box: Box;
  readonly internetSide: readonly ('src_ip' | 'dst_ip')[];
  /** The box in words. */
  readonly text: string;
  readonly packet: Packet;
  readonly path: ForwardResult;
}

/** One range of packets between two endpoints, with the packet to replay. */
export interface FlowClaim {
  readonly box: Box;
  /** `box` without the snapshot's own public addresses on the internet side. */
  readonly narrowed: Box;
  readonly internetSide: readonly ('src_ip' | 'dst_ip')[];
  readonly text: string;
  readonly packet: Packet;
  readonly resolved: Resolved;
}

/** Ranges claimed exact: each query (ranges ≠ paths, or a path to something missing) is unsat. */
export interface FlowSetClaim<T> {
  readonly queries: readonly string[];
  /** The ranges, each with the packet to replay and what to report with it. */
  readonly flows: readonly { readonly claim: FlowClaim; readonly about: T }[];
  /** How the ranges were found, in words (completed by the gate with how they were checked). */
  readonly check: string;
}

/** A path the forwarder delivered. */
export type Delivered = Extract<ForwardResult, { outcome: 'accepted' }>;
