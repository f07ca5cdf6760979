/**
 * The concrete packet forwarder: the reference semantics of `arc net`. Every
 * witness a future symbolic engine finds is replayed through `forward`, so
 * each component's behaviour lives in exactly one function here
 * (`securityGroupCheck`, `networkAclCheck`, `routeLookup`, `internetGateway*`,
 * `natGateway*`, `vpcPeering`, `transitGateway`, `arrive` for delivery).
 *
 * What it mirrors (Amazon VPC User Guide, "Security groups", "Network ACLs",
 * "Route tables", "Internet gateways", "NAT gateways", "VPC peering"; Transit
 * Gateway Guide "How transit gateways work"):
 * - A packet leaves an ENI through the union of its security groups' outbound
 *   rules and enters one through their inbound rules. Security groups are
 *   stateful: the reply of an allowed connection is allowed without rules. A
 *   group reference matches the private addresses of the group's members.
 * - Network ACLs are stateless and apply where a packet leaves or enters a
 *   subnet (not between two addresses of one subnet): entries of the
 *   direction in rule-number order, the first match decides, none means the
 *   final `*` deny. Ports are the packet's destination port, in both
 *   directions — which is why the reply is checked too (`returnTraffic`: the
 *   reply packet forwarded back from the destination, NACLs and routes
 *   evaluated again, security groups and NAT state taken as established).
 * - A subnet uses its associated route table or its VPC's main table;
 *   longest-prefix match; a blackhole route drops. A destination inside the
 *   source subnet is delivered without a route lookup.
 * - An internet gateway translates (one-to-one) between an ENI's private
 *   address and its public or Elastic IP; a private address without one
 *   cannot use it, and from the internet only public IPs owned by something
 *   in the snapshot are reachable.
 * - A public NAT gateway forwards only TCP, UDP and ICMP, only for
 *   connections started from inside; it rewrites the source to its private
 *   address (the internet gateway then maps that to its Elastic IP) and
 *   routes through its own subnet's route table. A reply routed into one
 *   (an asymmetric route, e.g. the reply of an internet client's connection
 *   to a public IP in a subnet whose default route is the NAT gateway) is
 *   dropped: it would reach the client from the wrong address.
 * - VPC peering is not transitive: a packet crossing a peering must be
 *   addressed to the peer VPC's CIDRs and is delivered there (the route back
 *   is the reply's business).
 * - A transit gateway looks the destination up in the route table its
 *   ingress attachment is associated with (static routes win over propagated
 *   ones; propagated VPC routes are the VPC's CIDRs), then enters the
 *   destination VPC through the attachment's subnet in the destination's
 *   availability zone (else the first), whose route table and ACL apply.
 *
 * Not modelled (the result is `missing`, never a guess, when an answer
 * depends on it): VPN / Direct Connect / virtual private gateways, TGW
 * peering and Connect attachments, routes BGP would propagate, gateway route
 * tables (ingress routing), egress-only IGWs, IPv6, interface / Gateway
 * Load Balancer endpoints (gateway endpoints are delivered to as the AWS
 * service), private NAT gateways, ECMP, MTU, DNS. Timeouts and the NAT
 * gateway's port allocation are ignored (ports are kept through NAT).
 */
import { cidrContains, formatIpv4, isPrivateIpv4, longestPrefixMatch, type Ipv4 } from './ip.js';
import {
  enisInSubnet,
  enisInVpc,
  internetGatewayOf,
  natsInSubnet,
  natsInVpc,
  ownerOfPublicIp,
  securityGroupMembers,
  subnetsOfVpc,
  transitGatewayAttachmentsOf,
} from './lookup.js';
import {
  subnetNetworkAcl,
  subnetRouteTable,
  type NatGateway,
  type NetworkAclEntry,
  type NetworkInterface,
  type NetworkModel,
  type Protocol,
  type Route,
  type SecurityGroupRule,
  type SourceRef,
  type Subnet,
  type TransitGatewayRoute,
  type TransitGatewayRouteTable,
} from './model.js';

export interface Packet {
  readonly srcIp: Ipv4;
  readonly dstIp: Ipv4;
  /** IP protocol number: 6 tcp, 17 udp, 1 icmp, … */
  readonly protocol: number;
  readonly srcPort?: number;
  readonly dstPort?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
}

/** Where a packet starts. `host` is an address of a subnet with no ENI in the snapshot (no security group). */
export type Start =
  | { readonly kind: 'eni'; readonly id: string }
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'host'; readonly subnetId: string }
  | { readonly kind: 'internet' };

export type ComponentKind =
  | 'internet'
  | 'host'
  | 'instance'
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'subnet'
  | 'route-table'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'vpc-peering'
  | 'transit-gateway'
  | 'transit-gateway-attachment'
  | 'transit-gateway-route-table'
  | 'vpc-endpoint';

export interface ComponentRef {
  readonly kind: ComponentKind;
  readonly id: string;
}

export interface Hop {
  readonly component: ComponentRef;
  /** What the component did: `egress`, `ingress`, `route`, `source NAT`, … */
  readonly step: string;
  /** The rule or route that let the packet through, in words. */
  readonly rule: string;
  /** Where that rule is in the snapshot, when it is one element. */
  readonly source?: SourceRef;
  /** The header as it leaves this hop (after any translation). */
  readonly packet: Packet;
}

export type Destination =
  | { readonly kind: 'network-interface'; readonly id: string }
  | { readonly kind: 'host'; readonly subnetId: string; readonly ip: Ipv4 }
  | { readonly kind: 'internet' }
  | { readonly kind: 'vpc-endpoint'; readonly id: string };

export type ForwardResult =
  | {
      readonly outcome: 'accepted';
      readonly hops: readonly Hop[];
      readonly destination: Destination;
      /** The reply forwarded back (absent for the reply itself and for AWS services). */
      readonly returnTraffic?: ForwardResult;
    }
  | {
      readonly outcome: 'dropped';
      readonly hops: readonly Hop[];
      readonly component: ComponentRef;
      readonly reason: string;
      readonly source?: SourceRef;
    }
  | {
      readonly outcome: 'missing';
      readonly hops: readonly Hop[];
      readonly component: ComponentRef;
      /** What the snapshot lacks (or arc does not model) that the answer depends on. */
      readonly missing: string;
    };

export interface ForwardOptions {
  /** Forward the reply too (default true). */
  readonly checkReturn?: boolean;
}

/** Follows one packet from `start` hop by hop; never throws on a model it was given. */
export function forward(
  model: NetworkModel,
  start: Start,
  packet: Packet,
  options: ForwardOptions = {},
): ForwardResult {
  const w = new Walk(model, false, new Map(), undefined);
  const result = w.run(start, packet);
  if (result.outcome !== 'accepted' || options.checkReturn === false) return result;
  const dest = result.destination;
  if (dest.kind === 'vpc-endpoint') return result;
  const last = result.hops[result.hops.length - 1].packet;
  const reply: Packet = {
    srcIp: last.dstIp,
    dstIp: last.srcIp,
    protocol: last.protocol,
    srcPort: last.dstPort,
    dstPort: last.srcPort,
    icmpType: last.protocol === 1 ? replyIcmpType(last.icmpType) : undefined,
    icmpCode: last.protocol === 1 ? last.icmpCode : undefined,
  };
  const replyStart: Start =
    dest.kind === 'network-interface'
      ? { kind: 'eni', id: dest.id }
      : dest.kind === 'host'
        ? { kind: 'host', subnetId: dest.subnetId }
        : { kind: 'internet' };
  const hostIp = start.kind === 'host' ? packet.srcIp : undefined;
  const back = new Walk(model, true, w.natBindings, hostIp).run(replyStart, reply);
  return { ...result, returnTraffic: back };
}

/** Echo request (8) is answered by echo reply (0); other ICMP keeps its type. */
function replyIcmpType(t: number | undefined): number | undefined {
  return t === 8 ? 0 : t;
}

export function describePacket(p: Packet): string {
  const proto = protocolName(p.protocol);
  if (p.protocol === 6 || p.protocol === 17)
    return `${proto} ${formatIpv4(p.srcIp)}:${p.srcPort ?? '?'} -> ${formatIpv4(p.dstIp)}:${p.dstPort ?? '?'}`;
  if (p.protocol === 1)
    return `icmp type ${p.icmpType ?? '?'} code ${p.icmpCode ?? '?'} ${formatIpv4(p.srcIp)} -> ${formatIpv4(p.dstIp)}`;
  return `${proto} ${formatIpv4(p.srcIp)} -> ${formatIpv4(p.dstIp)}`;
}

function protocolName(p: number): string {
  return p === 6 ? 'tcp' : p === 17 ? 'udp' : p === 1 ? 'icmp' : `protocol ${p}`;
}

/** `tcp/80`, `icmp 8/0`, `protocol 47`: the part of a packet rules talk about. */
function service(p: Packet): string {
  if (p.protocol === 6 || p.protocol === 17)
    return `${protocolName(p.protocol)}/${p.dstPort ?? '?'}`;
  if (p.protocol === 1) return `icmp ${p.icmpType ?? '?'}/${p.icmpCode ?? '?'}`;
  return protocolName(p.protocol);
}

class Stop {
  constructor(readonly result: ForwardResult) {}
}

const MAX_STEPS = 64;

/** One traversal: the hops so far, whether it is a reply, and NAT state. */
class Walk {
  readonly hops: Hop[] = [];
  private steps = 0;

  constructor(
    readonly model: NetworkModel,
    /** A reply of an accepted connection: stateful components let it through. */
    readonly reply: boolean,
    /** NAT gateway id → the private source it translated (set going out, read by replies). */
    readonly natBindings: Map<string, { srcIp: Ipv4; srcPort?: number }>,
    /** For a reply to a `host` start: the host's address. */
    readonly hostIp: Ipv4 | undefined,
  ) {}

  run(start: Start, packet: Packet): ForwardResult {
    try {
      return this.begin(start, packet);
    } catch (e) {
      if (e instanceof Stop) return e.result;
      throw e;
    }
  }

  hop(
    component: ComponentRef,
    step: string,
    rule: string,
    packet: Packet,
    source?: SourceRef,
  ): void {
    this.hops.push(
      source === undefined
        ? { component, step, rule, packet }
        : { component, step, rule, packet, source },
    );
  }

  drop(component: ComponentRef, reason: string, source?: SourceRef): never {
    throw new Stop(
      source === undefined
        ? { outcome: 'dropped', hops: this.hops, component, reason }
        : { outcome: 'dropped', hops: this.hops, component, reason, source },
    );
  }

  missing(component: ComponentRef, what: string): never {
    throw new Stop({ outcome: 'missing', hops: this.hops, component, missing: what });
  }

  accept(destination: Destination): never {
    throw new Stop({ outcome: 'accepted', hops: this.hops, destination });
  }

  subnet(id: string, from: ComponentRef): Subnet {
    const s = this.model.subnets.get(id);
    return s ?? this.missing(from, `subnet ${id} is not in the snapshot`);
  }

  private begin(start: Start, packet: Packet): never {
    switch (start.kind) {
      case 'internet':
        this.hop({ kind: 'internet', id: 'internet' }, 'send', 'a host on the internet', packet);
        return fromInternet(this, packet);
      case 'host': {
        const subnet = this.subnet(start.subnetId, { kind: 'subnet', id: start.subnetId });
        const me: ComponentRef = { kind: 'host', id: `${subnet.id}/${formatIpv4(packet.srcIp)}` };
        if (!cidrContains(subnet.cidr, packet.srcIp))
          this.drop(me, `${formatIpv4(packet.srcIp)} is not an address of ${subnet.id}`);
        this.hop(
          me,
          'send',
          'a host in the subnet with no network interface in the snapshot (no security group)',
          packet,
        );
        return leaveSubnet(this, subnet, packet);
      }
      case 'instance': {
        const inst = this.model.instances.get(start.id);
        const me: ComponentRef = { kind: 'instance', id: start.id };
        if (inst === undefined) this.missing(me, `instance ${start.id} is not in the snapshot`);
        if (inst.state !== undefined && inst.state !== 'running')
          this.drop(me, `instance ${inst.id} is ${inst.state}`);
        const enis = inst.networkInterfaceIds
          .map((id) => this.model.networkInterfaces.get(id))
          .filter((e): e is NetworkInterface => e !== undefined);
        const eni =
          enis.find((e) => e.addresses.some((a) => a.privateIp === packet.srcIp)) ?? enis[0];
        if (eni === undefined)
          this.missing(me, `the network interfaces of ${inst.id} are not in the snapshot`);
        return fromEni(this, eni, packet);
      }
      case 'eni': {
        const eni = this.model.networkInterfaces.get(start.id);
        if (eni === undefined)
          this.missing(
            { kind: 'network-interface', id: start.id },
            `network interface ${start.id} is not in the snapshot`,
          );
        return fromEni(this, eni, packet);
      }
    }
  }

  step(): void {
    if (++this.steps > MAX_STEPS)
      this.drop({ kind: 'internet', id: 'loop' }, `forwarding loop: more than ${MAX_STEPS} hops`);
  }
}

function eniRef(eni: NetworkInterface): ComponentRef {
  return { kind: 'network-interface', id: eni.id };
}

/** A packet sent by an ENI: source/destination check, security groups (egress), then its subnet. */
function fromEni(w: Walk, eni: NetworkInterface, packet: Packet): never {
  const own = eni.addresses.some((a) => a.privateIp === packet.srcIp);
  if (!own && eni.sourceDestCheck)
    w.drop(
      eniRef(eni),
      `source/destination check: ${formatIpv4(packet.srcIp)} is not an address of ${eni.id}`,
    );
  w.hop(
    eniRef(eni),
    'send',
    eni.instanceId ? `network interface of ${eni.instanceId}` : 'network interface',
    packet,
  );
  securityGroupCheck(w, eni, 'egress', packet);
  return leaveSubnet(w, w.subnet(eni.subnetId, eniRef(eni)), packet);
}

// ---------------------------------------------------------------- security groups

function portsMatch(
  rule: {
    protocol: Protocol;
    ports?: { from: number; to: number };
    icmp?: { type: number; code: number };
  },
  p: Packet,
): boolean {
  if (rule.protocol !== 'all' && rule.protocol !== p.protocol) return false;
  if (rule.protocol === 6 || rule.protocol === 17) {
    if (rule.ports === undefined) return true;
    return p.dstPort !== undefined && rule.ports.from <= p.dstPort && p.dstPort <= rule.ports.to;
  }
  if (rule.protocol === 1 && rule.icmp !== undefined) {
    if (rule.icmp.type !== -1 && rule.icmp.type !== p.icmpType) return false;
    if (rule.icmp.code !== -1 && rule.icmp.code !== p.icmpCode) return false;
  }
  return true;
}

/** Which source of a security group rule admits `peer`, or undefined. */
function sgRulePeer(
  w: Walk,
  rule: SecurityGroupRule,
  peer: Ipv4,
  from: ComponentRef,
): string | undefined {
  for (const c of rule.ipv4)
    if (cidrContains(c, peer)) return `${formatIpv4(c.address)}/${c.prefixLength}`;
  for (const id of rule.prefixListIds) {
    const pl = w.model.prefixLists.get(id);
    if (pl === undefined)
      w.missing(from, `prefix list ${id} (used by a security group rule) is not in the snapshot`);
    if (pl.cidrs.some((c) => cidrContains(c, peer))) return `prefix list ${id}`;
  }
  for (const gid of rule.groupIds)
    for (const eni of securityGroupMembers(w.model, gid))
      if (eni.addresses.some((a) => a.privateIp === peer)) return `members of ${gid} (${eni.id})`;
  return undefined;
}

/** The union of the ENI's security groups, one direction. Replies pass (stateful). */
function securityGroupCheck(
  w: Walk,
  eni: NetworkInterface,
  direction: 'ingress' | 'egress',
  p: Packet,
): void {
  const ids = eni.securityGroupIds;
  const ref: ComponentRef = { kind: 'security-group', id: ids.join(',') || '(none)' };
  if (w.reply) {
    w.hop(ref, direction, 'reply of an allowed connection (security groups are stateful)', p);
    return;
  }
  const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
  for (const id of ids) {
    const sg = w.model.securityGroups.get(id);
    if (sg === undefined)
      w.missing(eniRef(eni), `security group ${id} of ${eni.id} is not in the snapshot`);
    const rules = direction === 'ingress' ? sg.ingress : sg.egress;
    for (const rule of rules) {
      if (!portsMatch(rule, p)) continue;
      const via = sgRulePeer(w, rule, peer, { kind: 'security-group', id });
      if (via !== undefined) {
        w.hop(
          { kind: 'security-group', id },
          direction,
          `${ruleText(rule)} ${direction === 'ingress' ? 'from' : 'to'} ${via}`,
          p,
          rule.source,
        );
        return;
      }
    }
  }
  const dir = direction === 'ingress' ? 'inbound' : 'outbound';
  const groups =
    ids.length === 1
      ? `security group ${ids[0]}`
      : ids.length === 0
        ? 'no security group'
        : `security groups ${ids.join(', ')}`;
  w.drop(
    ref,
    `${groups} on ${eni.id} ${ids.length === 0 ? 'allows nothing' : `has no ${dir} rule for ${service(p)} ${direction === 'ingress' ? 'from' : 'to'} ${formatIpv4(peer)}`}`,
  );
}

function ruleText(rule: {
  protocol: Protocol;
  ports?: { from: number; to: number };
  icmp?: { type: number; code: number };
}): string {
  if (rule.protocol === 'all') return 'all traffic';
  const name = protocolName(rule.protocol);
  if (rule.ports !== undefined)
    return rule.ports.from === rule.ports.to
      ? `${name}/${rule.ports.from}`
      : `${name}/${rule.ports.from}-${rule.ports.to}`;
  if (rule.icmp !== undefined) return `${name} ${rule.icmp.type}/${rule.icmp.code}`;
  return rule.protocol === 6 || rule.protocol === 17 ? `${name}/all ports` : name;
}

// ---------------------------------------------------------------- network ACLs

/** The subnet's network ACL, one direction: first matching entry by rule number, else the final deny. */
function networkAclCheck(
  w: Walk,
  subnet: Subnet,
  direction: 'ingress' | 'egress',
  p: Packet,
): void {
  const acl = subnetNetworkAcl(w.model, subnet);
  if (acl === undefined)
    w.missing(
      { kind: 'subnet', id: subnet.id },
      `the network ACL of ${subnet.id} (no association and no default ACL of ${subnet.vpcId} in the snapshot)`,
    );
  const ref: ComponentRef = { kind: 'network-acl', id: acl.id };
  const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
  const entries = acl.entries
    .filter((e) => e.egress === (direction === 'egress'))
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
  const dir = direction === 'ingress' ? 'inbound' : 'outbound';
  const what = `${dir} ${service(p)} ${direction === 'ingress' ? 'from' : 'to'} ${formatIpv4(peer)}`;
  const tag = w.reply ? ' (return traffic)' : '';
  for (const e of entries) {
    if (!aclEntryMatches(e, peer, p)) continue;
    if (e.action === 'allow') {
      w.hop(
        ref,
        `${direction} of ${subnet.id}${tag}`,
        `rule ${e.ruleNumber} allows ${ruleText(e)} ${direction === 'ingress' ? 'from' : 'to'} ${e.cidr ? `${formatIpv4(e.cidr.address)}/${e.cidr.prefixLength}` : ''}`,
        p,
        e.source,
      );
      return;
    }
    w.drop(ref, `network ACL ${acl.id} rule ${e.ruleNumber} denies ${what}${tag}`, e.source);
  }
  w.drop(ref, `network ACL ${acl.id} rule * (the final implicit deny) denies ${what}${tag}`);
}

function aclEntryMatches(e: NetworkAclEntry, peer: Ipv4, p: Packet): boolean {
  return e.cidr !== undefined && cidrContains(e.cidr, peer) && portsMatch(e, p);
}

// ---------------------------------------------------------------- routing

/** Longest-prefix match in the subnet's route table; drops on no route or a blackhole. */
function routeLookup(w: Walk, subnet: Subnet, p: Packet): Route {
  const found = subnetRouteTable(w.model, subnet);
  if (found === undefined)
    w.missing(
      { kind: 'subnet', id: subnet.id },
      `the route table of ${subnet.id} (no association and no main route table of ${subnet.vpcId} in the snapshot)`,
    );
  const table = found.table;
  const ref: ComponentRef = { kind: 'route-table', id: table.id };
  const cidrRoutes: { route: Route; cidr: { address: number; prefixLength: number } }[] = [];
  for (const route of table.routes) {
    const d = route.destination;
    if (d.kind === 'cidr') cidrRoutes.push({ route, cidr: d.cidr });
    else if (d.kind === 'prefix-list') {
      const pl = w.model.prefixLists.get(d.id);
      if (pl === undefined) {
        w.missing(ref, `prefix list ${d.id} (a destination in ${table.id}) is not in the snapshot`);
      }
      for (const cidr of pl.cidrs) cidrRoutes.push({ route, cidr });
    }
  }
  const best = longestPrefixMatch(cidrRoutes, (x) => x.cidr, p.dstIp);
  if (best.length === 0)
    w.drop(ref, `route table ${table.id} has no route to ${formatIpv4(p.dstIp)}`);
  const { route, cidr } = best[0];
  const dest =
    route.destination.kind === 'prefix-list'
      ? `${route.destination.id} (${formatIpv4(cidr.address)}/${cidr.prefixLength})`
      : `${formatIpv4(cidr.address)}/${cidr.prefixLength}`;
  const target = route.target.kind === 'local' ? 'local' : route.target.id;
  if (route.state === 'blackhole')
    w.drop(ref, `route table ${table.id} route ${dest} -> ${target} is a blackhole`, route.source);
  w.hop(
    ref,
    `route (${found.explicit ? 'associated with' : 'main table of'} ${found.explicit ? subnet.id : subnet.vpcId})`,
    `${dest} -> ${target}`,
    p,
    route.source,
  );
  return route;
}

/** A packet inside `subnet` heading elsewhere: delivered in the subnet, or NACL egress, route lookup and next hop. */
function leaveSubnet(w: Walk, subnet: Subnet, p: Packet): never {
  w.step();
  if (cidrContains(subnet.cidr, p.dstIp)) return arrive(w, subnet, p, subnet.id);
  networkAclCheck(w, subnet, 'egress', p);
  const route = routeLookup(w, subnet, p);
  const t = route.target;
  switch (t.kind) {
    case 'local': {
      const dst = subnetOf(w, subnet.vpcId, p.dstIp);
      if (dst === undefined)
        w.drop(
          { kind: 'subnet', id: subnet.vpcId },
          `no subnet of ${subnet.vpcId} contains ${formatIpv4(p.dstIp)}`,
        );
      return arrive(w, dst, p, subnet.id);
    }
    case 'igw':
      return internetGatewayOut(w, t.id, subnet, p);
    case 'nat':
      return natGatewayOut(w, t.id, subnet, p);
    case 'pcx':
      return vpcPeering(w, t.id, subnet, p);
    case 'tgw':
      return transitGateway(w, t.id, subnet, p);
    case 'eni':
    case 'instance':
      return middlebox(w, t.kind, t.id, subnet, p);
    case 'vpce': {
      const ep = w.model.vpcEndpoints.get(t.id);
      w.hop(
        { kind: 'vpc-endpoint', id: t.id },
        'deliver',
        ep?.serviceName ? `gateway endpoint for ${ep.serviceName}` : 'gateway endpoint',
        p,
      );
      return w.accept({ kind: 'vpc-endpoint', id: t.id });
    }
    case 'vgw':
    case 'egress-only-igw':
    case 'other':
      return w.missing(
        { kind: 'route-table', id: t.id },
        `the network behind ${t.id} (${t.kind === 'other' ? t.field : t.kind}) is not modelled`,
      );
  }
}

function subnetOf(w: Walk, vpcId: string, ip: Ipv4): Subnet | undefined {
  for (const s of subnetsOfVpc(w.model, vpcId)) if (cidrContains(s.cidr, ip)) return s;
  return undefined;
}

/**
 * A packet reaching `subnet` (from `fromSubnetId`; undefined for a gateway):
 * NACL ingress when it crosses the subnet boundary, then the owner of the
 * destination address: a NAT gateway, an ENI (security groups, ingress) or,
 * for a reply, the `host` that started the connection.
 */
function arrive(w: Walk, subnet: Subnet, p: Packet, fromSubnetId: string | undefined): never {
  if (fromSubnetId !== subnet.id) networkAclCheck(w, subnet, 'ingress', p);
  for (const nat of natsInSubnet(w.model, subnet.id))
    if (nat.addresses.some((a) => a.privateIp === p.dstIp)) return natGatewayIn(w, nat, p);
  for (const eni of enisInSubnet(w.model, subnet.id)) {
    if (!eni.addresses.some((a) => a.privateIp === p.dstIp)) continue;
    securityGroupCheck(w, eni, 'ingress', p);
    w.hop(
      eniRef(eni),
      'receive',
      eni.instanceId ? `network interface of ${eni.instanceId}` : 'network interface',
      p,
    );
    return w.accept({ kind: 'network-interface', id: eni.id });
  }
  if (w.hostIp !== undefined && w.hostIp === p.dstIp) {
    w.hop(
      { kind: 'host', id: `${subnet.id}/${formatIpv4(p.dstIp)}` },
      'receive',
      'the host that started the connection',
      p,
    );
    return w.accept({ kind: 'host', subnetId: subnet.id, ip: p.dstIp });
  }
  return w.drop(
    { kind: 'subnet', id: subnet.id },
    `no network interface in ${subnet.id} has address ${formatIpv4(p.dstIp)}`,
  );
}

/** A route to an ENI or instance: delivered to it, then forwarded on only if its source/destination check is off. */
function middlebox(
  w: Walk,
  kind: 'eni' | 'instance',
  id: string,
  subnet: Subnet,
  p: Packet,
): never {
  let eni: NetworkInterface | undefined;
  if (kind === 'eni') eni = w.model.networkInterfaces.get(id);
  else {
    const inst = w.model.instances.get(id);
    const first = inst?.networkInterfaceIds[0];
    eni = first === undefined ? undefined : w.model.networkInterfaces.get(first);
  }
  if (eni === undefined)
    w.missing(
      { kind: kind === 'eni' ? 'network-interface' : 'instance', id },
      `route target ${id} is not in the snapshot`,
    );
  const eniSubnet = w.subnet(eni.subnetId, eniRef(eni));
  if (eniSubnet.id !== subnet.id) networkAclCheck(w, eniSubnet, 'ingress', p);
  securityGroupCheck(w, eni, 'ingress', p);
  if (eni.sourceDestCheck)
    w.drop(
      eniRef(eni),
      `${eni.id} has source/destination check enabled and is not ${formatIpv4(p.dstIp)}`,
    );
  w.hop(eniRef(eni), 'forward', 'source/destination check disabled', p);
  securityGroupCheck(w, eni, 'egress', p);
  return leaveSubnet(w, eniSubnet, p);
}

// ---------------------------------------------------------------- internet gateway

/** Leaving through an IGW: it must be attached to the VPC; the private source becomes its public IP. */
function internetGatewayOut(w: Walk, id: string, subnet: Subnet, p: Packet): never {
  const ref: ComponentRef = { kind: 'internet-gateway', id };
  const igw = w.model.internetGateways.get(id);
  if (igw === undefined) w.missing(ref, `internet gateway ${id} is not in the snapshot`);
  if (!igw.vpcIds.includes(subnet.vpcId))
    w.drop(ref, `internet gateway ${id} is not attached to ${subnet.vpcId}`);
  const pub = publicIpOf(w, subnet.vpcId, p.srcIp);
  if (pub === undefined)
    w.drop(
      ref,
      `internet gateway ${id} has no public address for ${formatIpv4(p.srcIp)} (no public or Elastic IP is associated with it)`,
    );
  const out: Packet = { ...p, srcIp: pub };
  w.hop(ref, 'source NAT', `${formatIpv4(p.srcIp)} -> ${formatIpv4(pub)}`, out);
  if (isPrivateIpv4(out.dstIp))
    w.drop(
      { kind: 'internet', id: 'internet' },
      `${formatIpv4(out.dstIp)} is a private address; the internet does not route it`,
    );
  if (ownerOfPublicIp(w.model, out.dstIp) !== undefined) {
    w.hop(
      { kind: 'internet', id: 'internet' },
      'route',
      `${formatIpv4(out.dstIp)} is a public IP of this snapshot`,
      out,
    );
    return fromInternet(w, out);
  }
  w.hop({ kind: 'internet', id: 'internet' }, 'receive', 'a host on the internet', out);
  return w.accept({ kind: 'internet' });
}

function publicIpOf(w: Walk, vpcId: string, privateIp: Ipv4): Ipv4 | undefined {
  for (const nat of natsInVpc(w.model, vpcId))
    for (const a of nat.addresses)
      if (a.privateIp === privateIp && a.publicIp !== undefined) return a.publicIp;
  for (const eni of enisInVpc(w.model, vpcId))
    for (const a of eni.addresses)
      if (a.privateIp === privateIp && a.publicIp !== undefined) return a.publicIp;
  return undefined;
}

/** From the internet: only a public IP owned here, through an IGW attached to its VPC; destination NAT to the private IP. */
function fromInternet(w: Walk, p: Packet): never {
  const inet: ComponentRef = { kind: 'internet', id: 'internet' };
  const owner = ownerOfPublicIp(w.model, p.dstIp);
  if (owner === undefined)
    w.drop(
      inet,
      isPrivateIpv4(p.dstIp)
        ? `${formatIpv4(p.dstIp)} is a private address; it is not reachable from the internet`
        : `no resource in the snapshot owns the public address ${formatIpv4(p.dstIp)}`,
    );
  const igwId = internetGatewayOf(w.model, owner.vpcId);
  const igw = igwId === undefined ? undefined : w.model.internetGateways.get(igwId);
  if (igw === undefined)
    w.drop(inet, `${owner.vpcId} (of ${owner.what}) has no internet gateway attached`);
  const inside: Packet = { ...p, dstIp: owner.privateIp };
  w.hop(
    { kind: 'internet-gateway', id: igw.id },
    'destination NAT',
    `${formatIpv4(p.dstIp)} -> ${formatIpv4(owner.privateIp)} (${owner.what})`,
    inside,
  );
  w.step();
  return arrive(
    w,
    w.subnet(owner.subnetId, { kind: 'internet-gateway', id: igw.id }),
    inside,
    undefined,
  );
}

// ---------------------------------------------------------------- NAT gateway

/** Why a reply routed into a NAT gateway is dropped (shared with the symbolic engine). */
export function natReplyReason(id: string): string {
  return `a reply routed to NAT gateway ${id} would leave with the NAT gateway's address, not the one the connection was made to (asymmetric route)`;
}

/** Into a NAT gateway from a route: TCP/UDP/ICMP only, not a reply; source becomes its private IP; on through its subnet. */
function natGatewayOut(w: Walk, id: string, subnet: Subnet, p: Packet): never {
  const ref: ComponentRef = { kind: 'nat-gateway', id };
  const nat = w.model.natGateways.get(id);
  if (nat === undefined) w.missing(ref, `NAT gateway ${id} is not in the snapshot`);
  const natSubnet = w.subnet(nat.subnetId, ref);
  if (natSubnet.id !== subnet.id) networkAclCheck(w, natSubnet, 'ingress', p);
  if (nat.state !== 'available') w.drop(ref, `NAT gateway ${id} is ${nat.state}`);
  // A reply routed into a NAT gateway (an asymmetric route) would get the gateway's address
  // as its source, not the one the connection was made to: the initiator drops it.
  if (w.reply) w.drop(ref, natReplyReason(id));
  if (p.protocol !== 6 && p.protocol !== 17 && p.protocol !== 1)
    w.drop(
      ref,
      `NAT gateway ${id} translates only TCP, UDP and ICMP, not ${protocolName(p.protocol)}`,
    );
  const addr = nat.addresses.find((a) => a.privateIp !== undefined);
  if (addr?.privateIp === undefined) w.missing(ref, `the private address of NAT gateway ${id}`);
  w.natBindings.set(nat.id, { srcIp: p.srcIp, srcPort: p.srcPort });
  const out: Packet = { ...p, srcIp: addr.privateIp };
  w.hop(ref, 'source NAT', `${formatIpv4(p.srcIp)} -> ${formatIpv4(addr.privateIp)}`, out);
  return leaveSubnet(w, natSubnet, out);
}

/** A packet addressed to the NAT gateway itself: only the reply of a translated connection gets back in. */
function natGatewayIn(w: Walk, nat: NatGateway, p: Packet): never {
  const ref: ComponentRef = { kind: 'nat-gateway', id: nat.id };
  const binding = w.reply ? w.natBindings.get(nat.id) : undefined;
  if (binding === undefined)
    w.drop(
      ref,
      `NAT gateway ${nat.id} accepts no connection started from outside (only replies to connections it translated)`,
    );
  const back: Packet = { ...p, dstIp: binding.srcIp, dstPort: binding.srcPort ?? p.dstPort };
  w.hop(
    ref,
    'destination NAT (reply)',
    `${formatIpv4(p.dstIp)} -> ${formatIpv4(binding.srcIp)}`,
    back,
  );
  return leaveSubnet(w, w.subnet(nat.subnetId, ref), back);
}

// ---------------------------------------------------------------- VPC peering

/** Across an active peering, to an address of the peer VPC only (not transitive). */
function vpcPeering(w: Walk, id: string, subnet: Subnet, p: Packet): never {
  const ref: ComponentRef = { kind: 'vpc-peering', id };
  const pcx = w.model.vpcPeerings.get(id);
  if (pcx === undefined) w.missing(ref, `VPC peering connection ${id} is not in the snapshot`);
  if (pcx.status !== 'active') w.drop(ref, `VPC peering connection ${id} is ${pcx.status}`);
  const peer =
    pcx.requester.vpcId === subnet.vpcId
      ? pcx.accepter
      : pcx.accepter.vpcId === subnet.vpcId
        ? pcx.requester
        : undefined;
  if (peer === undefined)
    w.drop(ref, `VPC peering connection ${id} does not connect ${subnet.vpcId}`);
  const cidrs = peer.cidrs.length > 0 ? peer.cidrs : (w.model.vpcs.get(peer.vpcId)?.cidrs ?? []);
  if (!cidrs.some((c) => cidrContains(c, p.dstIp)))
    w.drop(ref, `${formatIpv4(p.dstIp)} is not in ${peer.vpcId}; VPC peering is not transitive`);
  w.hop(ref, 'peering', `${subnet.vpcId} -> ${peer.vpcId}`, p, pcx.source);
  w.step();
  const dst = subnetOf(w, peer.vpcId, p.dstIp);
  if (dst === undefined) {
    if (subnetsOfVpc(w.model, peer.vpcId).length === 0)
      w.missing(ref, `the subnets of ${peer.vpcId} are not in the snapshot`);
    w.drop(ref, `no subnet of ${peer.vpcId} contains ${formatIpv4(p.dstIp)}`);
  }
  return arrive(w, dst, p, undefined);
}

// ---------------------------------------------------------------- transit gateway

/** Through a transit gateway: ingress attachment, its associated route table, egress attachment's subnet. */
function transitGateway(w: Walk, id: string, subnet: Subnet, p: Packet): never {
  const ref: ComponentRef = { kind: 'transit-gateway', id };
  const all = transitGatewayAttachmentsOf(w.model, id);
  if (all.length === 0)
    w.missing(ref, `the attachments of transit gateway ${id} are not in the snapshot`);
  const ingress = all.find((a) => a.resourceType === 'vpc' && a.resourceId === subnet.vpcId);
  if (ingress === undefined || ingress.state !== 'available')
    w.drop(ref, `${subnet.vpcId} has no available attachment to transit gateway ${id}`);
  const inSubnet = pickAttachmentSubnet(w, ingress.subnetIds, subnet.availabilityZone);
  if (inSubnet !== undefined && inSubnet.id !== subnet.id)
    networkAclCheck(w, inSubnet, 'ingress', p);
  const tgw = w.model.transitGateways.get(id);
  const tableId = ingress.associatedRouteTableId ?? tgw?.defaultAssociationRouteTableId;
  if (tableId === undefined)
    w.missing(
      { kind: 'transit-gateway-attachment', id: ingress.id },
      `the route table associated with ${ingress.id}`,
    );
  const table = w.model.transitGatewayRouteTables.get(tableId);
  if (table === undefined)
    w.missing(ref, `transit gateway route table ${tableId} is not in the snapshot`);
  const tref: ComponentRef = { kind: 'transit-gateway-route-table', id: table.id };
  w.hop(
    { kind: 'transit-gateway-attachment', id: ingress.id },
    'attach',
    `${subnet.vpcId} -> ${id}, associated with ${table.id}`,
    p,
    ingress.source,
  );
  const { routes, unknown } = transitGatewayRoutes(w.model, table);
  const best = longestPrefixMatch(routes, (r) => r.destination, p.dstIp);
  if (best.length === 0) {
    if (unknown.length > 0)
      w.missing(tref, `routes propagated into ${table.id} by ${unknown.join(', ')}`);
    w.drop(tref, `transit gateway route table ${table.id} has no route to ${formatIpv4(p.dstIp)}`);
  }
  const route = best.find((r) => r.type === 'static') ?? best[0];
  const dest = `${formatIpv4(route.destination.address)}/${route.destination.prefixLength}`;
  if (route.state === 'blackhole')
    w.drop(
      tref,
      `transit gateway route table ${table.id} route ${dest} is a blackhole`,
      route.source,
    );
  const outId = route.attachmentIds[0];
  const out = outId === undefined ? undefined : w.model.transitGatewayAttachments.get(outId);
  if (out === undefined) w.missing(tref, `the attachment of route ${dest} in ${table.id}`);
  w.hop(tref, `route (${route.type})`, `${dest} -> ${out.id}`, p, route.source);
  if (out.resourceType !== 'vpc' || out.resourceId === undefined)
    w.missing(
      { kind: 'transit-gateway-attachment', id: out.id },
      `the network behind ${out.id} (${out.resourceType}) is not modelled`,
    );
  const dstSubnet = subnetOf(w, out.resourceId, p.dstIp);
  const outSubnet = pickAttachmentSubnet(w, out.subnetIds, dstSubnet?.availabilityZone);
  if (outSubnet === undefined)
    w.missing(
      { kind: 'transit-gateway-attachment', id: out.id },
      `the subnets of attachment ${out.id} in ${out.resourceId}`,
    );
  w.hop(
    { kind: 'transit-gateway-attachment', id: out.id },
    'enter',
    `${id} -> ${out.resourceId} through ${outSubnet.id}`,
    p,
    out.source,
  );
  return leaveSubnet(w, outSubnet, p);
}

function pickAttachmentSubnet(
  w: Walk,
  ids: readonly string[],
  az: string | undefined,
): Subnet | undefined {
  const subnets = ids
    .map((s) => w.model.subnets.get(s))
    .filter((s): s is Subnet => s !== undefined);
  return subnets.find((s) => az !== undefined && s.availabilityZone === az) ?? subnets[0];
}

/**
 * A transit gateway route table's routes: its static routes and, for each
 * propagating VPC attachment, the VPC's CIDRs; `unknown` lists the
 * propagations whose routes the snapshot cannot tell (other attachment
 * kinds, or an attachment or VPC it lacks).
 */
export function transitGatewayRoutes(
  model: NetworkModel,
  table: TransitGatewayRouteTable,
): { routes: TransitGatewayRoute[]; unknown: string[] } {
  const routes: TransitGatewayRoute[] = [...table.routes];
  const unknown: string[] = [];
  for (const attId of table.propagationAttachmentIds) {
    const att = model.transitGatewayAttachments.get(attId);
    if (att === undefined) {
      unknown.push(attId);
      continue;
    }
    if (att.resourceType !== 'vpc' || att.resourceId === undefined) {
      unknown.push(`${attId} (${att.resourceType})`);
      continue;
    }
    const vpc = model.vpcs.get(att.resourceId);
    if (vpc === undefined) {
      unknown.push(`${attId} (${att.resourceId})`);
      continue;
    }
    for (const c of vpc.cidrs)
      routes.push({
        destination: c,
        attachmentIds: [attId],
        state: 'active',
        type: 'propagated',
        source: table.source,
      });
  }
  return { routes, unknown };
}
