/**
 * A reachability question and what the engine reads from it: its endpoints
 * (`Endpoint`, `ReachQuery`) resolved to starts and concrete addresses
 * (`resolveEndpoints`), the header constraints it puts on every packet
 * (`queryConstraint`), and the way back from the symbolic header to the
 * forwarder (`packetOf`, `startFor`, `reaches`). Shared by `reachable`
 * (reachable.ts) and `explain` / `exposed` (../flows.ts).
 *
 * Guarantees: `resolveEndpoints` starts a source address as the forwarder
 * would (an ENI, an instance, or a `host` of the one subnet holding an
 * address no ENI has); `packetOf` of a model satisfying `queryConstraint`
 * is the concrete packet the model's header denotes.
 */
import { cidr4Contains, formatIpv4, NON_PUBLIC, type Ipv4 } from '../../core/ip.js';
import {
  and,
  bvConst,
  conjunction,
  falseTerm,
  ite,
  not,
  trueTerm,
  type Term,
} from '../../smt/index.js';
import type { Destination, ForwardResult, Packet, Start } from '../forward/index.js';
import { eniWithAddress, ownedPublicIps } from '../lookup.js';
import type { NetworkInterface, NetworkModel, PortRange } from '../model.js';
import { inCidr, inRange, ip32, or3, protoIs, same, type SymPacket } from './packet.js';

/** Where a reachability question starts or ends. */
export type Endpoint =
  | { readonly kind: 'internet' }
  | { readonly kind: 'eni'; readonly id: string }
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'ip'; readonly ip: Ipv4 };

export interface ReachQuery {
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** IP protocol number; undefined means any. */
  readonly protocol?: number;
  readonly dstPorts?: PortRange;
  readonly srcPorts?: PortRange;
}

export interface Resolved {
  readonly start: Start;
  /** The starts with their concrete source addresses (undefined: any public address). */
  readonly sources: readonly { start: Start; ip: Ipv4 | undefined }[];
  /** Concrete destination addresses, or undefined for any public address. */
  readonly dstIps: readonly Ipv4[] | undefined;
  readonly accepts: (d: Destination) => boolean;
}

function eniOfIp(model: NetworkModel, ip: Ipv4): NetworkInterface | undefined {
  return eniWithAddress(model, ip);
}

/** Resolves the endpoints to starts, source addresses and destination addresses; a string says what is missing. */
export function resolveEndpoints(model: NetworkModel, q: ReachQuery): Resolved | string {
  let sources: { start: Start; ip: Ipv4 | undefined }[] = [];
  const from = q.from;
  if (from.kind === 'internet') sources = [{ start: { kind: 'internet' }, ip: undefined }];
  else {
    let enis: NetworkInterface[];
    let start: Start | undefined;
    if (from.kind === 'instance') {
      const inst = model.instances.get(from.id);
      if (inst === undefined) return `instance ${from.id} is not in the snapshot`;
      start = { kind: 'instance', id: from.id };
      enis = inst.networkInterfaceIds
        .map((id) => model.networkInterfaces.get(id))
        .filter((e): e is NetworkInterface => e !== undefined);
      if (enis.length === 0) return `the network interfaces of ${from.id} are not in the snapshot`;
    } else {
      const eni =
        from.kind === 'eni' ? model.networkInterfaces.get(from.id) : eniOfIp(model, from.ip);
      if (eni === undefined && from.kind === 'ip') {
        // An address of a subnet with no network interface: a `host` start (no security group).
        const subs = [...model.subnets.values()].filter((s) => cidr4Contains(s.cidr, from.ip));
        if (subs.length === 0)
          return `no network interface or subnet in the snapshot has address ${formatIpv4(from.ip)}`;
        if (subs.length > 1)
          return `${formatIpv4(from.ip)} is in more than one subnet (${subs.map((s) => s.id).join(', ')}) and no network interface has it`;
        enis = [];
        start = { kind: 'host', subnetId: subs[0].id };
        sources = [{ start, ip: from.ip }];
      } else if (eni === undefined)
        return from.kind === 'eni'
          ? `network interface ${from.id} is not in the snapshot`
          : `no network interface in the snapshot has address ${formatIpv4(from.ip)}`;
      else enis = [eni];
    }
    for (const eni of enis)
      for (const a of eni.addresses)
        if (from.kind !== 'ip' || a.privateIp === from.ip || a.publicIp === from.ip)
          sources.push({ start: start ?? { kind: 'eni', id: eni.id }, ip: a.privateIp });
  }
  const to = q.to;
  let dstIps: Ipv4[] | undefined;
  let accepts: (d: Destination) => boolean;
  if (to.kind === 'internet') {
    dstIps = undefined;
    accepts = (d) => d.kind === 'internet';
  } else if (to.kind === 'ip') {
    dstIps = [to.ip];
    accepts = () => true;
  } else {
    let ids: string[];
    if (to.kind === 'instance') {
      const inst = model.instances.get(to.id);
      if (inst === undefined) return `instance ${to.id} is not in the snapshot`;
      ids = [...inst.networkInterfaceIds];
    } else ids = [to.id];
    const enis = ids
      .map((id) => model.networkInterfaces.get(id))
      .filter((e): e is NetworkInterface => e !== undefined);
    if (enis.length === 0)
      return `network interface ${ids.join(', ') || to.id} is not in the snapshot`;
    dstIps = enis.flatMap((e) =>
      e.addresses.flatMap((a) =>
        a.publicIp === undefined ? [a.privateIp] : [a.privateIp, a.publicIp],
      ),
    );
    accepts = (d) => d.kind === 'network-interface' && ids.includes(d.id);
  }
  return { start: sources[0].start, sources, dstIps, accepts };
}

/**
 * The header constraints of a question (user's protocol and ports, well-formed
 * ports, the internet side's addresses). `excluded` narrows the owned public
 * addresses the internet side is kept off (default: all of them); a narrower
 * set gives a weaker constraint, which `OwnedExclusions` (assume.ts) uses
 * soundly.
 */
export function queryConstraint(
  model: NetworkModel,
  q: ReachQuery,
  h: SymPacket,
  excluded?: { readonly src: ReadonlySet<Ipv4>; readonly dst: ReadonlySet<Ipv4> },
): Term {
  const parts: Term[] = [];
  if (q.protocol !== undefined) parts.push(protoIs(h, q.protocol));
  const tcpUdp = or3(protoIs(h, 6), protoIs(h, 17), falseTerm);
  const icmp = protoIs(h, 1);
  if (q.dstPorts !== undefined) parts.push(inRange(h.dport, 16, q.dstPorts.from, q.dstPorts.to));
  if (q.srcPorts !== undefined) parts.push(inRange(h.sport, 16, q.srcPorts.from, q.srcPorts.to));
  parts.push(ite(icmp, and(inRange(h.sport, 16, 0, 255), inRange(h.dport, 16, 0, 255)), trueTerm));
  parts.push(
    ite(
      or3(tcpUdp, icmp, falseTerm),
      trueTerm,
      and(same(h.sport, bvConst(16, 0n)), same(h.dport, bvConst(16, 0n))),
    ),
  );
  const owned = ownedPublicIps(model);
  /** A host on the internet: a public address no resource of the snapshot owns. */
  const internetHost = (t: Term, skip: ReadonlySet<Ipv4>): Term =>
    conjunction([
      ...NON_PUBLIC.map((c) => not(inCidr(t, c))),
      ...[...skip].map((ip) => not(same(t, ip32(ip)))),
    ]);
  if (q.from.kind === 'internet') parts.push(internetHost(h.srcIp, excluded?.src ?? owned));
  if (q.to.kind === 'internet') parts.push(internetHost(h.dstIp, excluded?.dst ?? owned));
  return conjunction(parts);
}

/** The concrete packet a model of the header denotes. */
export function packetOf(values: ReadonlyMap<string, bigint>): Packet {
  const n = (k: string) => Number(values.get(k) ?? 0n);
  const protocol = n('protocol');
  const base = { srcIp: n('src_ip'), dstIp: n('dst_ip'), protocol };
  if (protocol === 6 || protocol === 17)
    return { ...base, srcPort: n('src_port'), dstPort: n('dst_port') };
  if (protocol === 1) return { ...base, icmpType: n('src_port'), icmpCode: n('dst_port') };
  return base;
}

/** Is a forwarding result an answer yes for the question (the packet and its reply get through to the destination)? */
export function reaches(r: ForwardResult, accepts: (d: Destination) => boolean): boolean {
  return (
    r.outcome === 'accepted' &&
    accepts(r.destination) &&
    (r.returnTraffic === undefined || r.returnTraffic.outcome === 'accepted')
  );
}

/** The start `forward` uses for a concrete source address. */
export function startFor(r: Resolved, p: Packet): Start {
  return r.sources.find((s) => s.ip === p.srcIp)?.start ?? r.start;
}
