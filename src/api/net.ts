/**
 * `arc net` as a library: load a snapshot directory of `aws ec2 describe-*`
 * output (net/snapshot.ts) and answer a reachability question with the
 * verdict contract — yes (a witness packet replayed through the concrete
 * forwarder, hop by hop), no (a proof over all packets, re-checked, with the
 * component and rule that stops each way the packet could go) or don't know
 * (what the snapshot lacks). Snapshot errors are bad input (exit 2) with the
 * file and JSON path of each diagnostic.
 */
import { parseIpv4 } from '../core/ip.js';
import type { PortRange } from '../net/model.js';
import { loadSnapshot, type NetDiagnostic, type Snapshot } from '../net/snapshot.js';
import type { Endpoint, ReachQuery } from '../net/symbolic/query.js';
import { reachable, type Blocker } from '../net/symbolic/reachable.js';
import { explainFlows, exposed, type Finding, type Flow, type Missing } from '../net/flows.js';
import type { ComponentRef, ForwardResult, Packet } from '../net/forward/index.js';
import { answerExitCode, EXIT_BAD_INPUT } from '../verdict/verdict.js';

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

interface Common {
  readonly command: 'net reachable';
  readonly question: string;
  readonly diagnostics: readonly NetDiagnostic[];
  readonly elapsedMs: number;
  readonly solverMs: number;
}

export type NetVerdict =
  | (Common & {
      readonly answer: 'yes';
      readonly explanation: string;
      readonly packet: Packet;
      readonly path: ForwardResult;
    })
  | (Common & {
      readonly answer: 'no';
      readonly explanation: string;
      readonly blockers: readonly Blocker[];
      readonly proof: { readonly paths: number; readonly recheck: string };
    })
  | (Common & {
      readonly answer: 'unknown';
      readonly explanation: string;
      readonly missing: readonly { readonly component: ComponentRef; readonly missing: string }[];
    })
  | (Common & { readonly answer: 'bad-input'; readonly explanation: string });

export class NetInputError extends Error {}

export function parseEndpoint(text: string): Endpoint {
  if (text === 'internet') return { kind: 'internet' };
  if (/^i-[0-9a-zA-Z]+$/.test(text)) return { kind: 'instance', id: text };
  if (/^eni-[0-9a-zA-Z]+$/.test(text)) return { kind: 'eni', id: text };
  const ip = parseIpv4(text);
  if (ip !== undefined) return { kind: 'ip', ip };
  throw new NetInputError(
    `expected an instance id (i-…), a network interface id (eni-…), an IPv4 address or 'internet', got '${text}'`,
  );
}

export function parseProtocol(text: string): number | undefined {
  const t = text.toLowerCase();
  if (t === '-1' || t === 'all') return undefined;
  if (t === 'tcp') return 6;
  if (t === 'udp') return 17;
  if (t === 'icmp') return 1;
  if (/^[0-9]+$/.test(t) && Number(t) <= 255) return Number(t);
  throw new NetInputError(`--protocol must be tcp, udp, icmp, -1 or a number 0-255, got '${text}'`);
}

export function parsePortRange(text: string, option: string): PortRange {
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
  return (question: string, diagnostics: readonly NetDiagnostic[], solverMs: number) => ({
    command,
    question,
    diagnostics,
    elapsedMs: performance.now() - t0,
    solverMs,
  });
}

/** Loads a snapshot directory; `bad` explains why it is bad input (it has errors). */
function loadChecked(dir: string): { snap: Snapshot; bad?: string } {
  const snap = loadSnapshot(dir);
  const errors = snap.diagnostics.filter((d) => d.severity === 'error').length;
  return errors === 0
    ? { snap }
    : { snap, bad: `the snapshot has ${errors} error(s); see the diagnostics` };
}

export function netExitCode(v: NetVerdict): number {
  return v.answer === 'bad-input' ? EXIT_BAD_INPUT : answerExitCode(v.answer);
}

function serviceText(q: ReachQuery, req: NetReachableRequest): string {
  const proto = req.protocol === undefined ? 'any protocol' : req.protocol;
  const port = q.dstPorts === undefined ? '' : `/${req.port ?? ''}`;
  return `${proto}${port}`;
}

export async function netReachable(req: NetReachableRequest): Promise<NetVerdict> {
  const base = header('net reachable');
  const query = queryOf(req);
  if (typeof query === 'string')
    return {
      ...base(`can ${req.from} reach ${req.to}?`, [], 0),
      answer: 'bad-input',
      explanation: query,
    };
  const question = `can ${req.from} reach ${req.to} on ${serviceText(query, req)}?`;
  const { snap, bad } = loadChecked(req.dir);
  if (bad !== undefined)
    return { ...base(question, snap.diagnostics, 0), answer: 'bad-input', explanation: bad };
  const a = await reachable(snap.model, query, {
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
  });
  const common = base(question, snap.diagnostics, a.solverMs);
  switch (a.answer) {
    case 'yes':
      return {
        ...common,
        answer: 'yes',
        explanation: `a packet gets through and its reply gets back (found among ${a.paths} path(s) and replayed through the concrete forwarder)`,
        packet: a.packet,
        path: a.result,
      };
    case 'no':
      return {
        ...common,
        answer: 'no',
        explanation: `no packet gets through: every one of the ${a.paths} way(s) it could go is blocked`,
        blockers: a.blockers,
        proof: { paths: a.paths, recheck: a.recheck },
      };
    case 'unknown':
      return { ...common, answer: 'unknown', explanation: a.reason, missing: a.missing };
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

interface FlowCommon {
  readonly question: string;
  readonly diagnostics: readonly NetDiagnostic[];
  readonly elapsedMs: number;
  readonly solverMs: number;
  readonly explanation: string;
}

export type NetExplainVerdict = FlowCommon & { readonly command: 'net explain' } & (
    | {
        readonly answer: 'yes' | 'no';
        readonly flows: readonly Flow[];
        readonly check: string;
        readonly paths: number;
      }
    | { readonly answer: 'unknown'; readonly missing: readonly Missing[] }
    | { readonly answer: 'bad-input' }
  );

export type NetExposedVerdict = FlowCommon & { readonly command: 'net exposed' } & (
    | {
        readonly answer: 'yes' | 'no' | 'unknown';
        readonly findings: readonly Finding[];
        readonly undecided: readonly {
          readonly networkInterface: string;
          readonly reason: string;
        }[];
        readonly interfaces: number;
        readonly classes: number;
        readonly check: string;
      }
    | { readonly answer: 'bad-input' }
  );

export function flowExitCode(v: NetExplainVerdict | NetExposedVerdict): number {
  return v.answer === 'bad-input' ? EXIT_BAD_INPUT : answerExitCode(v.answer);
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
export async function netExplain(req: NetExplainRequest): Promise<NetExplainVerdict> {
  const common = header('net explain');
  const query = queryOf(req);
  const what = `which packets can flow from ${req.from} to ${req.to}`;
  if (typeof query === 'string')
    return { ...common(`${what}?`, [], 0), answer: 'bad-input', explanation: query };
  const question = `${what} (${serviceText(query, req)})?`;
  const { snap, bad } = loadChecked(req.dir);
  if (bad !== undefined)
    return { ...common(question, snap.diagnostics, 0), answer: 'bad-input', explanation: bad };
  const a = await explainFlows(snap.model, query, {
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
  });
  const c = common(question, snap.diagnostics, a.solverMs);
  if (a.answer === 'unknown')
    return { ...c, answer: 'unknown', explanation: a.reason, missing: a.missing };
  return {
    ...c,
    answer: a.answer,
    explanation:
      a.answer === 'yes'
        ? `these ${a.flows.length} set(s) of packets get through and their replies get back; no other packet does`
        : `no packet gets through (arc net reachable names what stops each path)`,
    flows: a.flows,
    check: a.check,
    paths: a.paths,
  };
}

/** `arc net exposed`: which interfaces the internet reaches; yes when none is. */
export async function netExposed(req: NetExposedRequest): Promise<NetExposedVerdict> {
  const common = header('net exposed');
  let protocol: number | undefined;
  let dstPorts: PortRange | undefined;
  try {
    protocol = req.protocol === undefined ? undefined : parseProtocol(req.protocol);
    dstPorts = req.port === undefined ? undefined : parsePortRange(req.port, '--port');
  } catch (e) {
    if (!(e instanceof NetInputError)) throw e;
    return {
      ...common('is nothing reachable from the internet?', [], 0),
      answer: 'bad-input',
      explanation: e.message,
    };
  }
  const service = `${req.protocol ?? 'any protocol'}${req.port !== undefined ? `/${req.port}` : ''}`;
  const question = `is every network interface closed to the internet (${service})?`;
  const { snap, bad } = loadChecked(req.dir);
  if (bad !== undefined)
    return { ...common(question, snap.diagnostics, 0), answer: 'bad-input', explanation: bad };
  const a = await exposed(snap.model, {
    ...(protocol !== undefined ? { protocol } : {}),
    ...(dstPorts !== undefined ? { dstPorts } : {}),
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
  });
  const exposedEnis = new Set(a.findings.map((f) => f.networkInterface)).size;
  const explanation =
    a.answer === 'yes'
      ? `none of the ${a.interfaces} network interface(s) can be reached from the internet`
      : a.answer === 'no'
        ? `${exposedEnis} of the ${a.interfaces} network interface(s) can be reached from the internet (${a.findings.length} finding(s), each with a replayed packet)`
        : `${a.unknown.length} network interface(s) could not be decided; the others are closed`;
  return {
    ...common(question, snap.diagnostics, a.solverMs),
    answer: a.answer,
    explanation,
    findings: a.findings,
    undecided: a.unknown,
    interfaces: a.interfaces,
    classes: a.classes,
    check: a.check,
  };
}
