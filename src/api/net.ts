/**
 * `arc net` as a library: load a snapshot directory of `aws ec2 describe-*`
 * output (net/snapshot.ts) and answer a reachability question with the
 * verdict contract — yes (a witness packet replayed through the concrete
 * forwarder, hop by hop), no (a proof over all packets, re-checked, with the
 * component and rule that stops each way the packet could go) or don't know
 * (what the snapshot lacks). Snapshot errors are bad input (exit 2) with the
 * file and JSON path of each diagnostic.
 */
import type { Exhibited, Outcome, Proved, Result, UnknownReason, Verdict } from '../core/answer.js';
import { parseIpv4 } from '../core/ip.js';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { decideExplain, decideExposed, decideReachable } from '../net/answer.js';
import type { FindingPlace, Missing } from '../net/flows.js';
import type { ComponentRef } from '../net/forward/index.js';
import type { Flow, FlowSet, ReachProof, ReachWitness } from '../net/gate.js';
import type { PortRange } from '../net/model.js';
import { loadSnapshot, type Snapshot } from '../net/snapshot.js';
import type { Endpoint, ReachQuery } from '../net/symbolic/query.js';

export type { Flow, FlowSet, ReachProof, ReachWitness };

export interface NetReachableRequest {
  readonly dir: string;
  /** Instance id, ENI id, IPv4 address or `internet`. */
  readonly from: string;
  readonly to: string;
  /** `tcp`, `udp`, `icmp`, `-1` / `all`, or a protocol number. */
  readonly protocol?: string;
  /** `N` or `N-M`. */
  readonly port?: string;
  readonly sourcePort?: string;
  readonly timeoutMs?: number;
}

interface NetFields {
  readonly domain: 'net';
  /** What the snapshot lacks that the answer depends on (don't know), else empty. */
  readonly missing: readonly Missing[];
}

/** `net reachable`: yes with a replayed packet, no with a re-checked proof over every packet. */
export type NetVerdict = Verdict<Exhibited<ReachWitness>, Proved<ReachProof>> &
  NetFields & { readonly command: 'net reachable'; readonly paths: number };

/** `net explain`: yes with the flowing ranges (each replayed), no with the proof that none flows. */
export type NetExplainVerdict = Verdict<Exhibited<FlowSet<object>>, Proved<FlowSet<object>>> &
  NetFields & { readonly command: 'net explain'; readonly paths: number };

export type Finding = Flow & FindingPlace;

/** `net exposed`: yes (nothing exposed) with the proof, no with the replayed findings. */
export type NetExposedVerdict = Verdict<
  Proved<FlowSet<FindingPlace>>,
  Exhibited<FlowSet<FindingPlace>>
> &
  NetFields & {
    readonly command: 'net exposed';
    /** Interfaces whose exposure could not be decided, with the reason. */
    readonly undecided: readonly { readonly networkInterface: string; readonly reason: string }[];
    /** How many network interfaces were examined. */
    readonly interfaces: number;
    /** Distinct packet sets computed (interfaces with the same filters share one). */
    readonly classes: number;
  };

class NetInputError extends Error {}

function parseEndpoint(text: string): Endpoint {
  if (text === 'internet') return { kind: 'internet' };
  if (/^i-[0-9a-zA-Z]+$/.test(text)) return { kind: 'instance', id: text };
  if (/^eni-[0-9a-zA-Z]+$/.test(text)) return { kind: 'eni', id: text };
  const ip = parseIpv4(text);
  if (ip !== undefined) return { kind: 'ip', ip };
  throw new NetInputError(
    `expected an instance id (i-…), a network interface id (eni-…), an IPv4 address or 'internet', got '${text}'`,
  );
}

function parseProtocol(text: string): number | undefined {
  const t = text.toLowerCase();
  if (t === '-1' || t === 'all') return undefined;
  if (t === 'tcp') return 6;
  if (t === 'udp') return 17;
  if (t === 'icmp') return 1;
  if (/^[0-9]+$/.test(t) && Number(t) <= 255) return Number(t);
  throw new NetInputError(`--protocol must be tcp, udp, icmp, -1 or a number 0-255, got '${text}'`);
}

function parsePortRange(text: string, option: string): PortRange {
  const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(text);
  const from = m ? Number(m[1]) : NaN;
  const to = m?.[2] !== undefined ? Number(m[2]) : from;
  if (!m || from > 65535 || to > 65535 || from > to)
    throw new NetInputError(`${option} must be N or N-M with 0 <= N <= M <= 65535, got '${text}'`);
  return { from, to };
}

/** The fields every net verdict has; `elapsedMs` counts from this call. */
function header<C extends string>(command: C) {
  const t0 = performance.now();
  return (
    question: string,
    explanation: string,
    diagnostics: readonly Diagnostic[],
    solverMs: number,
  ) => ({
    domain: 'net' as const,
    command,
    question,
    explanation,
    diagnostics,
    notes: [] as string[],
    elapsedMs: performance.now() - t0,
    solverMs,
  });
}

/** Bad input of a net command: the snapshot's diagnostics, or a bad option. */
function badInput(command: string, diagnostics: readonly Diagnostic[]): Result<never> {
  return { kind: 'bad-input', command, diagnostics };
}

function badOption(command: string, message: string): Result<never> {
  return badInput(command, [diagnostic('bad-option', 'error', message)]);
}

/** Loads a snapshot directory; bad input when it has errors. */
function loadChecked(dir: string): Snapshot {
  return loadSnapshot(dir);
}

function hasErrors(snap: Snapshot): boolean {
  return snap.diagnostics.some((d) => d.severity === 'error');
}

function serviceText(q: ReachQuery, req: NetReachableRequest): string {
  const proto = req.protocol === undefined ? 'any protocol' : req.protocol;
  const port = q.dstPorts === undefined ? '' : `/${req.port ?? ''}`;
  return `${proto}${port}`;
}

function unknownOf(reason: UnknownReason, missing: readonly Missing[]) {
  return { answer: 'unknown' as const, reason, missing };
}

export async function netReachable(req: NetReachableRequest): Promise<Result<NetVerdict>> {
  const base = header('net reachable' as const);
  const query = queryOf(req);
  if (typeof query === 'string') return badOption('net reachable', query);
  const question = `can ${req.from} reach ${req.to} on ${serviceText(query, req)}?`;
  const snap = loadChecked(req.dir);
  if (hasErrors(snap)) return badInput('net reachable', snap.diagnostics);
  const d = await decideReachable(snap.model, query, {
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
  });
  return pathsVerdict(base, question, snap, d, {
    yes: () =>
      `a packet gets through and its reply gets back (found among ${d.paths} path(s) and replayed through the concrete forwarder)`,
    no: `no packet gets through: every one of the ${d.paths} way(s) it could go is blocked`,
  });
}

/**
 * The verdict of a question about the paths between two endpoints (yes with
 * replayed packets, no with a re-checked proof), from its decision.
 */
function pathsVerdict<W, C, H extends { readonly command: string }>(
  header: (q: string, e: string, ds: readonly Diagnostic[], ms: number) => H,
  question: string,
  snap: Snapshot,
  d: Outcome<Exhibited<W>, Proved<C>> & {
    missing: readonly Missing[];
    paths: number;
    solverMs: number;
  },
  words: { yes: (w: W) => string; no: string },
): Result<H & (Outcome<Exhibited<W>, Proved<C>> & { missing: readonly Missing[]; paths: number })> {
  const common = (explanation: string) => ({
    ...header(question, explanation, snap.diagnostics, d.solverMs),
    paths: d.paths,
  });
  switch (d.answer) {
    case 'yes':
      return {
        kind: 'verdict',
        verdict: {
          ...common(words.yes(d.witness)),
          answer: 'yes',
          witness: d.witness,
          missing: [],
        },
      };
    case 'no':
      return {
        kind: 'verdict',
        verdict: { ...common(words.no), answer: 'no', certificate: d.certificate, missing: [] },
      };
    case 'unknown':
      return {
        kind: 'verdict',
        verdict: { ...common(d.reason.message), ...unknownOf(d.reason, d.missing) },
      };
  }
}

// ---------------------------------------------------------------- explain and exposed

export type NetExplainRequest = NetReachableRequest;

export interface NetExposedRequest {
  readonly dir: string;
  readonly protocol?: string;
  readonly port?: string;
  readonly timeoutMs?: number;
}

/** The query of a request, or a bad-input message. */
function queryOf(req: NetReachableRequest): ReachQuery | string {
  try {
    const protocol = req.protocol === undefined ? undefined : parseProtocol(req.protocol);
    return {
      from: parseEndpoint(req.from),
      to: parseEndpoint(req.to),
      ...(protocol !== undefined ? { protocol } : {}),
      ...(req.port !== undefined ? { dstPorts: parsePortRange(req.port, '--port') } : {}),
      ...(req.sourcePort !== undefined
        ? { srcPorts: parsePortRange(req.sourcePort, '--source-port') }
        : {}),
    };
  } catch (e) {
    if (e instanceof NetInputError) return e.message;
    throw e;
  }
}

/** `arc net explain`: every packet that can flow from SRC to DST, as ranges. */
export async function netExplain(req: NetExplainRequest): Promise<Result<NetExplainVerdict>> {
  const common = header('net explain' as const);
  const query = queryOf(req);
  const what = `which packets can flow from ${req.from} to ${req.to}`;
  if (typeof query === 'string') return badOption('net explain', query);
  const question = `${what} (${serviceText(query, req)})?`;
  const snap = loadChecked(req.dir);
  if (hasErrors(snap)) return badInput('net explain', snap.diagnostics);
  const d = await decideExplain(snap.model, query, {
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
  });
  return pathsVerdict(common, question, snap, d, {
    yes: (w) =>
      `these ${w.flows.length} set(s) of packets get through and their replies get back; no other packet does`,
    no: 'no packet gets through (arc net reachable names what stops each path)',
  });
}

/** `arc net exposed`: which interfaces the internet reaches; yes when none is. */
export async function netExposed(req: NetExposedRequest): Promise<Result<NetExposedVerdict>> {
  const common = header('net exposed' as const);
  let protocol: number | undefined;
  let dstPorts: PortRange | undefined;
  try {
    protocol = req.protocol === undefined ? undefined : parseProtocol(req.protocol);
    dstPorts = req.port === undefined ? undefined : parsePortRange(req.port, '--port');
  } catch (e) {
    if (!(e instanceof NetInputError)) throw e;
    return badOption('net exposed', e.message);
  }
  const service = `${req.protocol ?? 'any protocol'}${req.port !== undefined ? `/${req.port}` : ''}`;
  const question = `is every network interface closed to the internet (${service})?`;
  const snap = loadChecked(req.dir);
  if (hasErrors(snap)) return badInput('net exposed', snap.diagnostics);
  const d = await decideExposed(snap.model, {
    ...(protocol !== undefined ? { protocol } : {}),
    ...(dstPorts !== undefined ? { dstPorts } : {}),
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
  });
  const fields = {
    undecided: d.undecided,
    interfaces: d.interfaces,
    classes: d.classes,
    missing: [],
  };
  const head = (explanation: string) => common(question, explanation, snap.diagnostics, d.solverMs);
  switch (d.answer) {
    case 'yes':
      return {
        kind: 'verdict',
        verdict: {
          ...head(
            `none of the ${d.interfaces} network interface(s) can be reached from the internet`,
          ),
          ...fields,
          answer: 'yes',
          certificate: d.certificate,
        },
      };
    case 'no': {
      const enis = new Set(d.witness.flows.map((f) => f.networkInterface)).size;
      return {
        kind: 'verdict',
        verdict: {
          ...head(
            `${enis} of the ${d.interfaces} network interface(s) can be reached from the internet (${d.witness.flows.length} finding(s), each with a replayed packet)`,
          ),
          ...fields,
          answer: 'no',
          witness: d.witness,
        },
      };
    }
    case 'unknown':
      return {
        kind: 'verdict',
        verdict: { ...head(d.reason.message), ...fields, answer: 'unknown', reason: d.reason },
      };
  }
}

export type { ComponentRef, Endpoint };
