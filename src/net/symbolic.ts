/**
 * The symbolic side of `arc net reachable`: packet sets as Z3 bit-vector
 * formulas over one symbolic header (source and destination address, 32
 * bits each; protocol, 8; source and destination port, 16 each — for ICMP
 * the source-port field holds the type and the destination-port field the
 * code, both at most 255; for protocols other than TCP, UDP and ICMP both
 * fields are 0).
 *
 * `enumeratePaths` walks the model the way `forward.ts` does, component by
 * component and in the same order, but where the forwarder tests one packet
 * it records a formula: a security group is the disjunction of its rules'
 * matches, a network ACL the if-then-else chain of its entries in rule-number
 * order ending in the final deny, NAT and internet-gateway translations are
 * fixed rewrites of the header. Where the forwarder's path depends on the
 * packet (a longest-prefix match on a destination that is not fixed, which
 * address of which interface is addressed, a NAT gateway's protocol test) the
 * walk forks, each branch carrying its condition, so every packet follows
 * exactly one enumerated path and that path's formula holds for it exactly
 * when the forwarder accepts it. Destinations given as an interface or an
 * instance are enumerated one address at a time, so most lookups are
 * concrete.
 *
 * `reachable` then asks Z3: a satisfying packet is replayed through
 * `forward` (only a replayed witness is an answer; disagreement is reported
 * as an internal inconsistency, never a yes); unsatisfiability of every
 * accepting path is a no, re-checked with `recheckUnsat`, explained per path
 * by the first component whose filter, together with the ones before it,
 * admits no packet (found by incremental checks and named by replaying a
 * packet that got that far through `forward`).
 *
 * A source address that no interface has but a subnet contains is a `host`
 * start, as in the forwarder (no security group; its reply is delivered to it).
 *
 * Transit gateways are followed as in the forwarder (the ingress attachment's
 * associated route table, static and propagated routes, the egress
 * attachment's subnet); attachments to anything but a VPC are don't know.
 */
import {
  and,
  bvCompare,
  bvConst,
  bvSort,
  checkSat,
  conjunction,
  disjunction,
  eq,
  extract,
  falseTerm,
  ite,
  mkVar,
  not,
  recheckUnsat,
  trueTerm,
  type Term,
} from '../smt/index.js';
import {
  forward,
  natReplyReason,
  type ComponentRef,
  type Destination,
  type ForwardResult,
  type Packet,
  type Start,
  transitGatewayRoutes,
} from './forward.js';
import { cidrContains, formatIpv4, NON_PUBLIC, type Cidr4, type Ipv4 } from './ip.js';
import {
  eniWithAddress,
  ownerOfPublicIp,
  enisInSubnet,
  enisInVpc,
  internetGatewayOf,
  natsInSubnet,
  natsInVpc,
  ownedPublicIps,
  publicOwners,
  securityGroupMembers,
  subnetsOfVpc,
  transitGatewayAttachmentsOf,
  type PublicOwner,
} from './lookup.js';
import { internetHostAssumption, OwnedExclusions } from './assume.js';
import {
  subnetNetworkAcl,
  subnetRouteTable,
  type NatGateway,
  type NetworkInterface,
  type NetworkModel,
  type PortRange,
  type Protocol,
  type Route,
  type SecurityGroupRule,
  type Subnet,
} from './model.js';
import {
  boxText,
  internetNames,
  PacketSets,
  sampleOf,
  UnsupportedFormula,
  type Box,
} from './packetset.js';

// ---------------------------------------------------------------- header and helpers

export interface SymPacket {
  readonly srcIp: Term;
  readonly dstIp: Term;
  readonly proto: Term;
  readonly sport: Term;
  readonly dport: Term;
}

export const HEADER_VARS = ['src_ip', 'dst_ip', 'protocol', 'src_port', 'dst_port'] as const;

export function symbolicHeader(): SymPacket {
  return {
    srcIp: mkVar('src_ip', bvSort(32)),
    dstIp: mkVar('dst_ip', bvSort(32)),
    proto: mkVar('protocol', bvSort(8)),
    sport: mkVar('src_port', bvSort(16)),
    dport: mkVar('dst_port', bvSort(16)),
  };
}

const ip32 = (v: number): Term => bvConst(32, BigInt(v));

function constOf(t: Term): number | undefined {
  return t.kind === 'const' ? Number(t.value) : undefined;
}

/** `=` folding constants (the term layer folds only identical terms). */
function same(a: Term, b: Term): Term {
  const x = constOf(a);
  const y = constOf(b);
  if (x !== undefined && y !== undefined) return x === y ? trueTerm : falseTerm;
  return eq(a, b);
}

function inCidr(t: Term, c: Cidr4): Term {
  const v = constOf(t);
  if (v !== undefined) return cidrContains(c, v) ? trueTerm : falseTerm;
  if (c.prefixLength === 0) return trueTerm;
  const len = c.prefixLength;
  return eq(extract(31, 32 - len, t), bvConst(len, BigInt(c.address >>> (32 - len))));
}

function inRange(t: Term, width: number, from: number, to: number): Term {
  const v = constOf(t);
  if (v !== undefined) return from <= v && v <= to ? trueTerm : falseTerm;
  return and(
    bvCompare('bvule', bvConst(width, BigInt(from)), t),
    bvCompare('bvule', t, bvConst(width, BigInt(to))),
  );
}

function protoIs(p: SymPacket, n: number): Term {
  return same(p.proto, bvConst(8, BigInt(n)));
}

/** The symbolic form of forward.ts `portsMatch`. */
function portsMatch(
  rule: { protocol: Protocol; ports?: PortRange; icmp?: { type: number; code: number } },
  p: SymPacket,
): Term {
  if (rule.protocol === 'all') return trueTerm;
  const parts: Term[] = [protoIs(p, rule.protocol)];
  if ((rule.protocol === 6 || rule.protocol === 17) && rule.ports !== undefined)
    parts.push(inRange(p.dport, 16, rule.ports.from, rule.ports.to));
  if (rule.protocol === 1 && rule.icmp !== undefined) {
    if (rule.icmp.type !== -1) parts.push(same(p.sport, bvConst(16, BigInt(rule.icmp.type))));
    if (rule.icmp.code !== -1) parts.push(same(p.dport, bvConst(16, BigInt(rule.icmp.code))));
  }
  return conjunction(parts);
}

// ---------------------------------------------------------------- paths

/** One condition on a path: a `branch` chooses the path, a `filter` is a component letting the packet through. */
export interface PathStep {
  readonly kind: 'branch' | 'filter';
  readonly term: Term;
  readonly component: ComponentRef;
  /** For a filter: what stops a packet here, in words. */
  readonly what: string;
  /** How many components the path had passed when this step was recorded. */
  readonly at: number;
}

export type PathEnd =
  | { readonly kind: 'accepted'; readonly destination: Destination }
  | { readonly kind: 'dropped'; readonly component: ComponentRef; readonly reason: string }
  | { readonly kind: 'missing'; readonly component: ComponentRef; readonly missing: string };

export interface SymPath {
  readonly steps: readonly PathStep[];
  /** The components passed, in order (`kind:id`), for explanations. */
  readonly via: readonly string[];
  readonly end: PathEnd;
}

interface State {
  readonly steps: PathStep[];
  readonly via: string[];
  readonly reply: boolean;
  readonly nat: Map<string, { srcIp: Term; sport: Term }>;
  readonly hostIp: Term | undefined;
  /** When the walk started at a `host`: its address (the reply's `hostIp`). */
  readonly hostStart: Term | undefined;
  /** Attachment subnets entered from a transit gateway on this path, with the header then (a repeat is a loop). */
  readonly tgwEntered: Map<string, SymPacket>;
  count: number;
}

function clone(st: State): State {
  return {
    ...st,
    steps: [...st.steps],
    via: [...st.via],
    nat: new Map(st.nat),
    tgwEntered: new Map(st.tgwEntered),
  };
}

type Paths = SymPath[];

const MAX_STEPS = 64;

class SymWalk {
  constructor(
    readonly model: NetworkModel,
    /** Simplifies a branch condition under the question's constraint (assume.ts). */
    readonly assume: (t: Term) => Term = (t) => t,
    /** The header variables holding the internet side's address (public, owned by nothing here). */
    readonly internetSide: ReadonlySet<Term> = new Set(),
  ) {}

  end(st: State, end: PathEnd): Paths {
    return [{ steps: st.steps, via: st.via, end }];
  }
  drop(st: State, component: ComponentRef, reason: string): Paths {
    return this.end(st, { kind: 'dropped', component, reason });
  }
  missing(st: State, component: ComponentRef, missing: string): Paths {
    return this.end(st, { kind: 'missing', component, missing });
  }
  pass(st: State, c: ComponentRef): void {
    st.via.push(`${c.kind}:${c.id}`);
  }
  filter(st: State, term: Term, component: ComponentRef, what: string): void {
    if (term === trueTerm) return;
    st.steps.push({ kind: 'filter', term, component, what, at: st.via.length });
  }

  /** Forks on mutually exclusive, exhaustive conditions (given in the forwarder's order). */
  fork(st: State, cases: readonly { cond: Term; run: (s: State) => Paths }[]): Paths {
    const out: Paths = [];
    for (const c0 of cases) {
      const c = { ...c0, cond: this.assume(c0.cond) };
      if (c.cond === falseTerm) continue;
      const s = clone(st);
      if (c.cond !== trueTerm)
        s.steps.push({
          kind: 'branch',
          term: c.cond,
          component: { kind: 'internet', id: '' },
          what: '',
          at: s.via.length,
        });
      out.push(...c.run(s));
      if (c.cond === trueTerm) break;
    }
    return out;
  }

  /** First-match choice: case i holds when its condition holds and no earlier one does; `otherwise` when none does. */
  firstMatch<T>(
    st: State,
    items: readonly T[],
    cond: (item: T) => Term,
    run: (s: State, item: T) => Paths,
    otherwise: (s: State) => Paths,
  ): Paths {
    const cases: { cond: Term; run: (s: State) => Paths }[] = [];
    const earlier: Term[] = [];
    // An item that matches every packet (a 0.0.0.0/0 route) leaves nothing for `otherwise`.
    let exhaustive = false;
    for (const item of items) {
      const c = this.assume(cond(item));
      cases.push({ cond: conjunction([c, ...earlier.map(not)]), run: (s) => run(s, item) });
      if (c === trueTerm) {
        exhaustive = true;
        break;
      }
      if (c !== falseTerm) earlier.push(c);
    }
    const none = conjunction(earlier.map(not));
    if (!exhaustive) cases.push({ cond: none, run: otherwise });
    return this.fork(st, cases);
  }

  step(st: State): boolean {
    return ++st.count > MAX_STEPS;
  }

  subnet(id: string): Subnet | undefined {
    return this.model.subnets.get(id);
  }

  // ------------------------------------------------------------ start and reply

  begin(st: State, start: Start, p: SymPacket): Paths {
    switch (start.kind) {
      case 'internet':
        this.pass(st, { kind: 'internet', id: 'internet' });
        return this.fromInternet(st, p);
      case 'host': {
        const subnet = this.subnet(start.subnetId);
        const me: ComponentRef = { kind: 'host', id: start.subnetId };
        if (subnet === undefined)
          return this.missing(st, me, `subnet ${start.subnetId} is not in the snapshot`);
        const inside = inCidr(p.srcIp, subnet.cidr);
        return this.fork(st, [
          {
            cond: inside,
            run: (s) => {
              this.pass(s, me);
              return this.leaveSubnet(s, subnet, p);
            },
          },
          {
            cond: not(inside),
            run: (s) => this.drop(s, me, `the source is not an address of ${subnet.id}`),
          },
        ]);
      }
      case 'instance': {
        const me: ComponentRef = { kind: 'instance', id: start.id };
        const inst = this.model.instances.get(start.id);
        if (inst === undefined)
          return this.missing(st, me, `instance ${start.id} is not in the snapshot`);
        if (inst.state !== undefined && inst.state !== 'running')
          return this.drop(st, me, `instance ${inst.id} is ${inst.state}`);
        const enis = inst.networkInterfaceIds
          .map((id) => this.model.networkInterfaces.get(id))
          .filter((e): e is NetworkInterface => e !== undefined);
        if (enis.length === 0)
          return this.missing(
            st,
            me,
            `the network interfaces of ${inst.id} are not in the snapshot`,
          );
        return this.firstMatch(
          st,
          enis,
          (e) => disjunction(e.addresses.map((a) => same(p.srcIp, ip32(a.privateIp)))),
          (s, e) => this.fromEni(s, e, p),
          (s) => this.fromEni(s, enis[0], p),
        );
      }
      case 'eni': {
        const eni = this.model.networkInterfaces.get(start.id);
        if (eni === undefined)
          return this.missing(
            st,
            { kind: 'network-interface', id: start.id },
            `network interface ${start.id} is not in the snapshot`,
          );
        return this.fromEni(st, eni, p);
      }
    }
  }

  /** Accepted at `dest`: the reply is forwarded back (security groups and NAT state as established). */
  accepted(st: State, dest: Destination, p: SymPacket): Paths {
    if (st.reply || dest.kind === 'vpc-endpoint')
      return this.end(st, { kind: 'accepted', destination: dest });
    const isIcmp = protoIs(p, 1);
    const reply: SymPacket = {
      srcIp: p.dstIp,
      dstIp: p.srcIp,
      proto: p.proto,
      sport: ite(isIcmp, ite(same(p.sport, bvConst(16, 8n)), bvConst(16, 0n), p.sport), p.dport),
      dport: ite(isIcmp, p.dport, p.sport),
    };
    const back: State = { ...clone(st), reply: true, count: 0, hostIp: st.hostStart };
    back.via.push('reply');
    const start: Start =
      dest.kind === 'network-interface'
        ? { kind: 'eni', id: dest.id }
        : dest.kind === 'host'
          ? { kind: 'host', subnetId: dest.subnetId }
          : { kind: 'internet' };
    return this.begin(back, start, reply).map((path) =>
      path.end.kind === 'accepted'
        ? { ...path, end: { kind: 'accepted', destination: dest } }
        : path,
    );
  }

  fromEni(st: State, eni: NetworkInterface, p: SymPacket): Paths {
    const ref: ComponentRef = { kind: 'network-interface', id: eni.id };
    const own = disjunction(eni.addresses.map((a) => same(p.srcIp, ip32(a.privateIp))));
    const go = (s: State): Paths => {
      this.pass(s, ref);
      return this.securityGroups(s, eni, 'egress', p, (s2) => {
        const subnet = this.subnet(eni.subnetId);
        if (subnet === undefined)
          return this.missing(s2, ref, `subnet ${eni.subnetId} is not in the snapshot`);
        return this.leaveSubnet(s2, subnet, p);
      });
    };
    if (!eni.sourceDestCheck) return go(st);
    return this.fork(st, [
      { cond: own, run: go },
      {
        cond: not(own),
        run: (s) =>
          this.drop(s, ref, `source/destination check: the source is not an address of ${eni.id}`),
      },
    ]);
  }

  // ------------------------------------------------------------ filters

  securityGroups(
    st: State,
    eni: NetworkInterface,
    direction: 'ingress' | 'egress',
    p: SymPacket,
    k: (s: State) => Paths,
  ): Paths {
    const ids = eni.securityGroupIds;
    const ref: ComponentRef = { kind: 'security-group', id: ids.join(',') || '(none)' };
    this.pass(st, ref);
    if (st.reply) return k(st);
    const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
    const matches: Term[] = [];
    for (const id of ids) {
      const sg = this.model.securityGroups.get(id);
      if (sg === undefined)
        return this.missing(
          st,
          { kind: 'network-interface', id: eni.id },
          `security group ${id} of ${eni.id} is not in the snapshot`,
        );
      for (const rule of direction === 'ingress' ? sg.ingress : sg.egress) {
        const peerTerm = this.sgPeer(rule, peer);
        if (typeof peerTerm === 'string')
          return this.missing(st, { kind: 'security-group', id }, peerTerm);
        matches.push(and(portsMatch(rule, p), peerTerm));
      }
    }
    const groups =
      ids.length === 1
        ? `security group ${ids[0]}`
        : ids.length === 0
          ? 'no security group'
          : `security groups ${ids.join(', ')}`;
    const dir = direction === 'ingress' ? 'inbound' : 'outbound';
    this.filter(
      st,
      disjunction(matches),
      ref,
      `${groups} on ${eni.id} ${ids.length === 0 ? 'allows nothing' : `has no ${dir} rule for these packets`}`,
    );
    return k(st);
  }

  /** Which peers a security group rule admits (a missing prefix list is returned as text). */
  sgPeer(rule: SecurityGroupRule, peer: Term): Term | string {
    const parts: Term[] = rule.ipv4.map((c) => inCidr(peer, c));
    for (const id of rule.prefixListIds) {
      const pl = this.model.prefixLists.get(id);
      if (pl === undefined)
        return `prefix list ${id} (used by a security group rule) is not in the snapshot`;
      parts.push(...pl.cidrs.map((c) => inCidr(peer, c)));
    }
    for (const gid of rule.groupIds)
      for (const eni of securityGroupMembers(this.model, gid))
        parts.push(...eni.addresses.map((a) => same(peer, ip32(a.privateIp))));
    return disjunction(parts);
  }

  networkAcl(
    st: State,
    subnet: Subnet,
    direction: 'ingress' | 'egress',
    p: SymPacket,
    k: (s: State) => Paths,
  ): Paths {
    const acl = subnetNetworkAcl(this.model, subnet);
    if (acl === undefined)
      return this.missing(
        st,
        { kind: 'subnet', id: subnet.id },
        `the network ACL of ${subnet.id} (no association and no default ACL of ${subnet.vpcId} in the snapshot)`,
      );
    const ref: ComponentRef = { kind: 'network-acl', id: acl.id };
    this.pass(st, ref);
    const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
    const entries = acl.entries
      .filter((e) => e.egress === (direction === 'egress'))
      .sort((a, b) => a.ruleNumber - b.ruleNumber);
    let allowed: Term = falseTerm;
    for (const e of [...entries].reverse()) {
      const m = e.cidr === undefined ? falseTerm : and(inCidr(peer, e.cidr), portsMatch(e, p));
      allowed = ite(m, e.action === 'allow' ? trueTerm : falseTerm, allowed);
    }
    const dir = direction === 'ingress' ? 'inbound' : 'outbound';
    this.filter(
      st,
      allowed,
      ref,
      `network ACL ${acl.id} denies these packets ${dir}${st.reply ? ' (return traffic)' : ''}`,
    );
    return k(st);
  }

  // ------------------------------------------------------------ routing

  routeLookup(st: State, subnet: Subnet, p: SymPacket, k: (s: State, r: Route) => Paths): Paths {
    const found = subnetRouteTable(this.model, subnet);
    if (found === undefined)
      return this.missing(
        st,
        { kind: 'subnet', id: subnet.id },
        `the route table of ${subnet.id} (no association and no main route table of ${subnet.vpcId} in the snapshot)`,
      );
    const table = found.table;
    const ref: ComponentRef = { kind: 'route-table', id: table.id };
    const routes: { route: Route; cidr: Cidr4 }[] = [];
    for (const route of table.routes) {
      const d = route.destination;
      if (d.kind === 'cidr') routes.push({ route, cidr: d.cidr });
      else if (d.kind === 'prefix-list') {
        const pl = this.model.prefixLists.get(d.id);
        if (pl === undefined)
          return this.missing(
            st,
            ref,
            `prefix list ${d.id} (a destination in ${table.id}) is not in the snapshot`,
          );
        for (const cidr of pl.cidrs) routes.push({ route, cidr });
      }
    }
    // Longest prefix first; ties keep table order (the forwarder takes the first of a tie).
    const ordered = routes
      .map((r, i) => ({ ...r, i }))
      .sort((a, b) => b.cidr.prefixLength - a.cidr.prefixLength || a.i - b.i);
    return this.firstMatch(
      st,
      ordered,
      (r) => inCidr(p.dstIp, r.cidr),
      (s, { route, cidr }) => {
        const dest =
          route.destination.kind === 'prefix-list'
            ? `${route.destination.id} (${formatIpv4(cidr.address)}/${cidr.prefixLength})`
            : `${formatIpv4(cidr.address)}/${cidr.prefixLength}`;
        const target = route.target.kind === 'local' ? 'local' : route.target.id;
        if (route.state === 'blackhole')
          return this.drop(
            s,
            ref,
            `route table ${table.id} route ${dest} -> ${target} is a blackhole`,
          );
        this.pass(s, ref);
        return k(s, route);
      },
      (s) => this.drop(s, ref, `route table ${table.id} has no route to the destination`),
    );
  }

  subnetOf(
    st: State,
    vpcId: string,
    dst: Term,
    run: (s: State, sub: Subnet) => Paths,
    none: (s: State) => Paths,
  ): Paths {
    const subs = subnetsOfVpc(this.model, vpcId);
    return this.firstMatch(st, subs, (s) => inCidr(dst, s.cidr), run, none);
  }

  leaveSubnet(st: State, subnet: Subnet, p: SymPacket): Paths {
    if (this.step(st))
      return this.drop(
        st,
        { kind: 'internet', id: 'loop' },
        `forwarding loop: more than ${MAX_STEPS} hops`,
      );
    return this.fork(st, [
      { cond: inCidr(p.dstIp, subnet.cidr), run: (s) => this.arrive(s, subnet, p, subnet.id) },
      {
        cond: not(inCidr(p.dstIp, subnet.cidr)),
        run: (s) =>
          this.networkAcl(s, subnet, 'egress', p, (s2) =>
            this.routeLookup(s2, subnet, p, (s3, route) => this.target(s3, subnet, route, p)),
          ),
      },
    ]);
  }

  target(st: State, subnet: Subnet, route: Route, p: SymPacket): Paths {
    const t = route.target;
    switch (t.kind) {
      case 'local':
        return this.subnetOf(
          st,
          subnet.vpcId,
          p.dstIp,
          (s, dst) => this.arrive(s, dst, p, subnet.id),
          (s) =>
            this.drop(
              s,
              { kind: 'subnet', id: subnet.vpcId },
              `no subnet of ${subnet.vpcId} contains the destination`,
            ),
        );
      case 'igw':
        return this.internetGatewayOut(st, t.id, subnet, p);
      case 'nat':
        return this.natGatewayOut(st, t.id, subnet, p);
      case 'pcx':
        return this.vpcPeering(st, t.id, subnet, p);
      case 'eni':
      case 'instance':
        return this.middlebox(st, t.kind, t.id, subnet, p);
      case 'vpce':
        this.pass(st, { kind: 'vpc-endpoint', id: t.id });
        return this.accepted(st, { kind: 'vpc-endpoint', id: t.id }, p);
      case 'tgw':
        return this.transitGateway(st, t.id, subnet, p);
      case 'vgw':
      case 'egress-only-igw':
      case 'other':
        return this.missing(
          st,
          { kind: 'route-table', id: t.id },
          `the network behind ${t.id} (${t.kind === 'other' ? t.field : t.kind}) is not modelled`,
        );
    }
  }

  /** forward.ts `transitGateway`: ingress attachment, its associated route table, the egress attachment's subnet. */
  transitGateway(st: State, id: string, subnet: Subnet, p: SymPacket): Paths {
    const ref: ComponentRef = { kind: 'transit-gateway', id };
    const all = transitGatewayAttachmentsOf(this.model, id);
    if (all.length === 0)
      return this.missing(
        st,
        ref,
        `the attachments of transit gateway ${id} are not in the snapshot`,
      );
    const ingress = all.find((a) => a.resourceType === 'vpc' && a.resourceId === subnet.vpcId);
    if (ingress === undefined || ingress.state !== 'available')
      return this.drop(
        st,
        ref,
        `${subnet.vpcId} has no available attachment to transit gateway ${id}`,
      );
    const inSubnet = this.attachmentSubnet(ingress.subnetIds, subnet.availabilityZone);
    const afterAcl = (s0: State): Paths => {
      const tgw = this.model.transitGateways.get(id);
      const tableId = ingress.associatedRouteTableId ?? tgw?.defaultAssociationRouteTableId;
      if (tableId === undefined)
        return this.missing(
          s0,
          { kind: 'transit-gateway-attachment', id: ingress.id },
          `the route table associated with ${ingress.id}`,
        );
      const table = this.model.transitGatewayRouteTables.get(tableId);
      if (table === undefined)
        return this.missing(
          s0,
          ref,
          `transit gateway route table ${tableId} is not in the snapshot`,
        );
      const tref: ComponentRef = { kind: 'transit-gateway-route-table', id: table.id };
      this.pass(s0, { kind: 'transit-gateway-attachment', id: ingress.id });
      const { routes, unknown } = transitGatewayRoutes(this.model, table);
      // Longest prefix first; among equal prefixes (the same CIDR) a static route, then table order.
      const ordered = routes
        .map((r, i) => ({ r, i }))
        .sort(
          (a, b) =>
            b.r.destination.prefixLength - a.r.destination.prefixLength ||
            (a.r.type === 'static' ? 0 : 1) - (b.r.type === 'static' ? 0 : 1) ||
            a.i - b.i,
        )
        .map((x) => x.r);
      return this.firstMatch(
        s0,
        ordered,
        (r) => inCidr(p.dstIp, r.destination),
        (s1, route) => {
          const dest = `${formatIpv4(route.destination.address)}/${route.destination.prefixLength}`;
          if (route.state === 'blackhole')
            return this.drop(
              s1,
              tref,
              `transit gateway route table ${table.id} route ${dest} is a blackhole`,
            );
          const outId = route.attachmentIds[0];
          const out =
            outId === undefined ? undefined : this.model.transitGatewayAttachments.get(outId);
          if (out === undefined)
            return this.missing(s1, tref, `the attachment of route ${dest} in ${table.id}`);
          this.pass(s1, tref);
          const outRef: ComponentRef = { kind: 'transit-gateway-attachment', id: out.id };
          const vpcId = out.resourceId;
          if (out.resourceType !== 'vpc' || vpcId === undefined)
            return this.missing(
              s1,
              outRef,
              `the network behind ${out.id} (${out.resourceType}) is not modelled`,
            );
          const enter = (s2: State, az: string | undefined): Paths => {
            const outSubnet = this.attachmentSubnet(out.subnetIds, az);
            if (outSubnet === undefined)
              return this.missing(s2, outRef, `the subnets of attachment ${out.id} in ${vpcId}`);
            // The same header entering the same subnet again from the gateway: the forwarder
            // would go round until its hop limit.
            const key = `${id}/${outSubnet.id}/${s2.reply ? 'reply' : 'request'}`;
            if (s2.tgwEntered.get(key) === p)
              return this.drop(
                s2,
                { kind: 'internet', id: 'loop' },
                `forwarding loop: more than ${MAX_STEPS} hops`,
              );
            s2.tgwEntered.set(key, p);
            this.pass(s2, outRef);
            return this.leaveSubnet(s2, outSubnet, p);
          };
          return this.subnetOf(
            s1,
            vpcId,
            p.dstIp,
            (s2, dst) => enter(s2, dst.availabilityZone),
            (s2) => enter(s2, undefined),
          );
        },
        (s1) =>
          unknown.length > 0
            ? this.missing(s1, tref, `routes propagated into ${table.id} by ${unknown.join(', ')}`)
            : this.drop(
                s1,
                tref,
                `transit gateway route table ${table.id} has no route to the destination`,
              ),
      );
    };
    if (inSubnet !== undefined && inSubnet.id !== subnet.id)
      return this.networkAcl(st, inSubnet, 'ingress', p, afterAcl);
    return afterAcl(st);
  }

  attachmentSubnet(ids: readonly string[], az: string | undefined): Subnet | undefined {
    const subnets = ids
      .map((s) => this.model.subnets.get(s))
      .filter((s): s is Subnet => s !== undefined);
    return subnets.find((s) => az !== undefined && s.availabilityZone === az) ?? subnets[0];
  }

  arrive(st: State, subnet: Subnet, p: SymPacket, from: string | undefined): Paths {
    const go = (s0: State): Paths => {
      type Owner =
        | { kind: 'nat'; nat: NatGateway; cond: Term }
        | { kind: 'eni'; eni: NetworkInterface; cond: Term }
        | { kind: 'host'; cond: Term };
      const owners: Owner[] = [];
      for (const nat of natsInSubnet(this.model, subnet.id))
        for (const a of nat.addresses)
          if (a.privateIp !== undefined)
            owners.push({ kind: 'nat', nat, cond: same(p.dstIp, ip32(a.privateIp)) });
      for (const eni of enisInSubnet(this.model, subnet.id))
        owners.push({
          kind: 'eni',
          eni,
          cond: disjunction(eni.addresses.map((a) => same(p.dstIp, ip32(a.privateIp)))),
        });
      if (s0.hostIp !== undefined) owners.push({ kind: 'host', cond: same(s0.hostIp, p.dstIp) });
      return this.firstMatch(
        s0,
        owners,
        (o) => o.cond,
        (s, o) => {
          if (o.kind === 'nat') return this.natGatewayIn(s, o.nat, p);
          if (o.kind === 'host') {
            this.pass(s, { kind: 'host', id: subnet.id });
            return this.accepted(s, { kind: 'host', subnetId: subnet.id, ip: 0 }, p);
          }
          const eni = o.eni;
          return this.securityGroups(s, eni, 'ingress', p, (s2) => {
            this.pass(s2, { kind: 'network-interface', id: eni.id });
            return this.accepted(s2, { kind: 'network-interface', id: eni.id }, p);
          });
        },
        (s) =>
          this.drop(
            s,
            { kind: 'subnet', id: subnet.id },
            `no network interface in ${subnet.id} has the destination address`,
          ),
      );
    };
    return from !== subnet.id ? this.networkAcl(st, subnet, 'ingress', p, go) : go(st);
  }

  middlebox(st: State, kind: 'eni' | 'instance', id: string, subnet: Subnet, p: SymPacket): Paths {
    let eni: NetworkInterface | undefined;
    if (kind === 'eni') eni = this.model.networkInterfaces.get(id);
    else {
      const first = this.model.instances.get(id)?.networkInterfaceIds[0];
      eni = first === undefined ? undefined : this.model.networkInterfaces.get(first);
    }
    if (eni === undefined)
      return this.missing(
        st,
        { kind: kind === 'eni' ? 'network-interface' : 'instance', id },
        `route target ${id} is not in the snapshot`,
      );
    const box = eni;
    const eniSubnet = this.subnet(box.subnetId);
    const ref: ComponentRef = { kind: 'network-interface', id: box.id };
    if (eniSubnet === undefined)
      return this.missing(st, ref, `subnet ${box.subnetId} is not in the snapshot`);
    const after = (s: State): Paths =>
      this.securityGroups(s, box, 'ingress', p, (s2) => {
        if (box.sourceDestCheck)
          return this.drop(
            s2,
            ref,
            `${box.id} has source/destination check enabled and is not the destination`,
          );
        this.pass(s2, ref);
        return this.securityGroups(s2, box, 'egress', p, (s3) =>
          this.leaveSubnet(s3, eniSubnet, p),
        );
      });
    return eniSubnet.id !== subnet.id
      ? this.networkAcl(st, eniSubnet, 'ingress', p, after)
      : after(st);
  }

  // ------------------------------------------------------------ gateways

  internetGatewayOut(st: State, id: string, subnet: Subnet, p: SymPacket): Paths {
    const ref: ComponentRef = { kind: 'internet-gateway', id };
    const igw = this.model.internetGateways.get(id);
    if (igw === undefined)
      return this.missing(st, ref, `internet gateway ${id} is not in the snapshot`);
    if (!igw.vpcIds.includes(subnet.vpcId))
      return this.drop(st, ref, `internet gateway ${id} is not attached to ${subnet.vpcId}`);
    const pubs: { priv: Ipv4; pub: Ipv4 }[] = [];
    for (const nat of natsInVpc(this.model, subnet.vpcId))
      for (const a of nat.addresses)
        if (a.privateIp !== undefined && a.publicIp !== undefined)
          pubs.push({ priv: a.privateIp, pub: a.publicIp });
    for (const eni of enisInVpc(this.model, subnet.vpcId))
      for (const a of eni.addresses)
        if (a.publicIp !== undefined) pubs.push({ priv: a.privateIp, pub: a.publicIp });
    return this.firstMatch(
      st,
      pubs,
      (x) => same(p.srcIp, ip32(x.priv)),
      (s, x) => {
        const out: SymPacket = { ...p, srcIp: ip32(x.pub) };
        this.pass(s, ref);
        const priv = disjunction(NON_PUBLIC.map((c) => inCidr(out.dstIp, c)));
        return this.fork(s, [
          {
            cond: priv,
            run: (s2) =>
              this.drop(
                s2,
                { kind: 'internet', id: 'internet' },
                'a private address is not routed on the internet',
              ),
          },
          {
            cond: not(priv),
            run: (s2) =>
              this.firstMatch(
                s2,
                this.publicOwners(out.dstIp),
                (o) => same(out.dstIp, ip32(o.publicIp)),
                (s3, o) => {
                  this.pass(s3, { kind: 'internet', id: 'internet' });
                  return this.fromInternet(s3, { ...out, dstIp: ip32(o.publicIp) });
                },
                (s3) => {
                  this.pass(s3, { kind: 'internet', id: 'internet' });
                  return this.accepted(s3, { kind: 'internet' }, out);
                },
              ),
          },
        ]);
      },
      (s) =>
        this.drop(
          s,
          ref,
          `internet gateway ${id} has no public address for the source (no public or Elastic IP is associated with it)`,
        ),
    );
  }

  /**
   * The owners of public addresses that `t` could be, in the forwarder's
   * order (the first owner of an address only): for a constant the one
   * owner of that address, for the internet side's address none (it owns
   * nothing: the question's constraint), else every owner. The conditions
   * of the owners left out are false, so first-match choices over the
   * shorter list are the same.
   */
  publicOwners(t: Term): readonly PublicOwner[] {
    const v = constOf(t);
    if (v !== undefined) {
      const o = ownerOfPublicIp(this.model, v);
      return o === undefined ? [] : [o];
    }
    if (this.internetSide.has(t)) return [];
    return publicOwners(this.model);
  }

  fromInternet(st: State, p: SymPacket): Paths {
    const inet: ComponentRef = { kind: 'internet', id: 'internet' };
    return this.firstMatch(
      st,
      this.publicOwners(p.dstIp),
      (o) => same(p.dstIp, ip32(o.publicIp)),
      (s, owner) => {
        const igwId = internetGatewayOf(this.model, owner.vpcId);
        const igw = igwId === undefined ? undefined : this.model.internetGateways.get(igwId);
        if (igw === undefined)
          return this.drop(
            s,
            inet,
            `${owner.vpcId} (of ${owner.what}) has no internet gateway attached`,
          );
        const inside: SymPacket = { ...p, dstIp: ip32(owner.privateIp) };
        const ref: ComponentRef = { kind: 'internet-gateway', id: igw.id };
        this.pass(s, ref);
        const sub = this.subnet(owner.subnetId);
        if (sub === undefined)
          return this.missing(s, ref, `subnet ${owner.subnetId} is not in the snapshot`);
        if (this.step(s)) return this.drop(s, { kind: 'internet', id: 'loop' }, 'forwarding loop');
        return this.arrive(s, sub, inside, undefined);
      },
      (s) => this.drop(s, inet, 'no resource in the snapshot owns the destination address'),
    );
  }

  natGatewayOut(st: State, id: string, subnet: Subnet, p: SymPacket): Paths {
    const ref: ComponentRef = { kind: 'nat-gateway', id };
    const nat = this.model.natGateways.get(id);
    if (nat === undefined) return this.missing(st, ref, `NAT gateway ${id} is not in the snapshot`);
    const natSubnet = this.subnet(nat.subnetId);
    if (natSubnet === undefined)
      return this.missing(st, ref, `subnet ${nat.subnetId} is not in the snapshot`);
    const go = (s0: State): Paths => {
      if (nat.state !== 'available') return this.drop(s0, ref, `NAT gateway ${id} is ${nat.state}`);
      if (s0.reply) return this.drop(s0, ref, natReplyReason(id));
      const ok = or3(protoIs(p, 6), protoIs(p, 17), protoIs(p, 1));
      return this.fork(s0, [
        {
          cond: ok,
          run: (s) => {
            const addr = nat.addresses.find((a) => a.privateIp !== undefined);
            if (addr?.privateIp === undefined)
              return this.missing(s, ref, `the private address of NAT gateway ${id}`);
            s.nat.set(nat.id, { srcIp: p.srcIp, sport: p.sport });
            this.pass(s, ref);
            return this.leaveSubnet(s, natSubnet, { ...p, srcIp: ip32(addr.privateIp) });
          },
        },
        {
          cond: not(ok),
          run: (s) => this.drop(s, ref, `NAT gateway ${id} translates only TCP, UDP and ICMP`),
        },
      ]);
    };
    return natSubnet.id !== subnet.id ? this.networkAcl(st, natSubnet, 'ingress', p, go) : go(st);
  }

  natGatewayIn(st: State, nat: NatGateway, p: SymPacket): Paths {
    const ref: ComponentRef = { kind: 'nat-gateway', id: nat.id };
    const binding = st.reply ? st.nat.get(nat.id) : undefined;
    if (binding === undefined)
      return this.drop(
        st,
        ref,
        `NAT gateway ${nat.id} accepts no connection started from outside (only replies to connections it translated)`,
      );
    const tcpUdp = or3(protoIs(p, 6), protoIs(p, 17), falseTerm);
    const back: SymPacket = {
      ...p,
      dstIp: binding.srcIp,
      dport: ite(tcpUdp, binding.sport, p.dport),
    };
    this.pass(st, ref);
    const sub = this.subnet(nat.subnetId);
    if (sub === undefined)
      return this.missing(st, ref, `subnet ${nat.subnetId} is not in the snapshot`);
    return this.leaveSubnet(st, sub, back);
  }

  vpcPeering(st: State, id: string, subnet: Subnet, p: SymPacket): Paths {
    const ref: ComponentRef = { kind: 'vpc-peering', id };
    const pcx = this.model.vpcPeerings.get(id);
    if (pcx === undefined)
      return this.missing(st, ref, `VPC peering connection ${id} is not in the snapshot`);
    if (pcx.status !== 'active')
      return this.drop(st, ref, `VPC peering connection ${id} is ${pcx.status}`);
    const peer =
      pcx.requester.vpcId === subnet.vpcId
        ? pcx.accepter
        : pcx.accepter.vpcId === subnet.vpcId
          ? pcx.requester
          : undefined;
    if (peer === undefined)
      return this.drop(st, ref, `VPC peering connection ${id} does not connect ${subnet.vpcId}`);
    const cidrs =
      peer.cidrs.length > 0 ? peer.cidrs : (this.model.vpcs.get(peer.vpcId)?.cidrs ?? []);
    const inPeer = disjunction(cidrs.map((c) => inCidr(p.dstIp, c)));
    return this.fork(st, [
      {
        cond: not(inPeer),
        run: (s) =>
          this.drop(
            s,
            ref,
            `the destination is not in ${peer.vpcId}; VPC peering is not transitive`,
          ),
      },
      {
        cond: inPeer,
        run: (s) => {
          this.pass(s, ref);
          if (this.step(s))
            return this.drop(s, { kind: 'internet', id: 'loop' }, 'forwarding loop');
          return this.subnetOf(
            s,
            peer.vpcId,
            p.dstIp,
            (s2, dst) => this.arrive(s2, dst, p, undefined),
            (s2) =>
              subnetsOfVpc(this.model, peer.vpcId).length > 0
                ? this.drop(s2, ref, `no subnet of ${peer.vpcId} contains the destination`)
                : this.missing(s2, ref, `the subnets of ${peer.vpcId} are not in the snapshot`),
          );
        },
      },
    ]);
  }
}

function or3(a: Term, b: Term, c: Term): Term {
  return disjunction([a, b, c]);
}

// ---------------------------------------------------------------- queries

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

export type ReachAnswer =
  | {
      readonly answer: 'yes';
      readonly packet: Packet;
      readonly start: Start;
      readonly result: ForwardResult;
      readonly paths: number;
      readonly solverMs: number;
    }
  | {
      readonly answer: 'no';
      readonly blockers: readonly Blocker[];
      readonly paths: number;
      readonly recheck: string;
      readonly solverMs: number;
      readonly smtlib: string;
    }
  | {
      readonly answer: 'unknown';
      readonly reason: string;
      readonly missing: readonly { readonly component: ComponentRef; readonly missing: string }[];
      readonly paths: number;
      readonly solverMs: number;
    };

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

/** The don't-know answer of a question whose endpoint the snapshot lacks (`resolveEndpoints` said why). */
export function unresolved(reason: string): Extract<ReachAnswer, { answer: 'unknown' }> {
  return {
    answer: 'unknown',
    reason,
    missing: [{ component: { kind: 'internet', id: 'endpoint' }, missing: reason }],
    paths: 0,
    solverMs: 0,
  };
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
        const subs = [...model.subnets.values()].filter((s) => cidrContains(s.cidr, from.ip));
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

/**
 * Every path a packet of the question can take, with its conditions. A packet
 * of the question satisfies `queryConstraint`, so paths on which the internet
 * side has an address the snapshot owns (or a private one) are not listed:
 * the conditions are meant to be checked together with that constraint.
 */
export function enumeratePaths(model: NetworkModel, r: Resolved, h: SymPacket): SymPath[] {
  // The internet side's address is public and owned by nothing here (queryConstraint):
  // branches it contradicts are left out rather than enumerated and refuted one by one.
  const internetSide = new Set<Term>();
  if (r.sources.some((s) => s.ip === undefined)) internetSide.add(h.srcIp);
  if (r.dstIps === undefined) internetSide.add(h.dstIp);
  const walk = new SymWalk(
    model,
    internetHostAssumption(internetSide, ownedPublicIps(model)),
    internetSide,
  );
  const out: SymPath[] = [];
  for (const src of r.sources)
    for (const dst of r.dstIps ?? [undefined]) {
      const p: SymPacket = {
        ...h,
        srcIp: src.ip === undefined ? h.srcIp : ip32(src.ip),
        dstIp: dst === undefined ? h.dstIp : ip32(dst),
      };
      const pinned: Term[] = [];
      if (src.ip !== undefined) pinned.push(same(h.srcIp, ip32(src.ip)));
      if (dst !== undefined) pinned.push(same(h.dstIp, ip32(dst)));
      const st: State = {
        steps: pinned.map((term) => ({
          kind: 'branch',
          term,
          component: { kind: 'internet', id: '' },
          what: '',
          at: 0,
        })),
        via: [],
        reply: false,
        nat: new Map(),
        hostIp: undefined,
        hostStart: src.start.kind === 'host' ? p.srcIp : undefined,
        tgwEntered: new Map(),
        count: 0,
      };
      for (const path of walk.begin(st, src.start, p)) {
        if (path.end.kind === 'accepted' && !r.accepts(path.end.destination))
          out.push({
            ...path,
            end: {
              kind: 'dropped',
              component: { kind: 'internet', id: 'destination' },
              reason: `delivered to ${describeDestination(path.end.destination)}, not to the requested destination`,
            },
          });
        else out.push(path);
      }
    }
  return out;
}

function describeDestination(d: Destination): string {
  return d.kind === 'network-interface' ? d.id : d.kind === 'vpc-endpoint' ? d.id : d.kind;
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
      if (r.status === 'sat' && r.model !== undefined && user.refine(r.model)) continue;
      return r;
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
    const start = startFor(resolved, packet);
    const result = forward(model, start, packet);
    if (!reaches(result, resolved.accepts))
      return {
        answer: 'unknown',
        reason: `internal inconsistency: the symbolic engine found a packet (${JSON.stringify(packet)}) that the concrete forwarder does not deliver (${result.outcome})`,
        missing: [],
        paths: paths.length,
        solverMs,
      };
    return { answer: 'yes', packet, start, result, paths: paths.length, solverMs };
  }
  // No accepting path admits a packet: a path ending in `missing` that some packet takes means don't know.
  const missing: { component: ComponentRef; missing: string }[] = [];
  for (const path of paths) {
    if (path.end.kind !== 'missing') continue;
    const r = await check(all(path));
    if (r.status !== 'unsat')
      missing.push({ component: path.end.component, missing: path.end.missing });
  }
  if (missing.length > 0 || unknownReason !== undefined)
    return {
      answer: 'unknown',
      reason:
        missing.length > 0
          ? `the answer depends on what the snapshot lacks: ${[...new Set(missing.map((m) => m.missing))].join('; ')}`
          : (unknownReason ?? ''),
      missing,
      paths: paths.length,
      solverMs,
    };
  // A proof over all packets: no accepting path is satisfiable.
  const proof = await check([disjunction(accepting.map((p) => conjunction(all(p))))]);
  if (proof.status !== 'unsat')
    return {
      answer: 'unknown',
      reason:
        proof.status === 'sat'
          ? 'internal inconsistency: the disjunction of the accepting paths is satisfiable although each path is not'
          : `the solver gave no answer (${proof.reason ?? 'unknown'})`,
      missing: [],
      paths: paths.length,
      solverMs,
    };
  const re = await recheckUnsat(proof.smtlib, timeoutMs);
  solverMs += re.solverMs;
  if (re.status !== 'unsat')
    return {
      answer: 'unknown',
      reason: `the re-check of the proof did not confirm it (${re.status}${re.reason ? `: ${re.reason}` : ''})`,
      missing: [],
      paths: paths.length,
      solverMs,
    };
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
    answer: 'no',
    blockers,
    paths: paths.length,
    recheck: `${re.status} (${re.strategy}, ${re.solverMs.toFixed(1)} ms)`,
    solverMs,
    smtlib: proof.smtlib,
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
