/**
 * Mirrors ../forward/index.ts: the symbolic walker. `enumeratePaths` walks
 * the model the way `forward` does, component by component and in the same
 * order, but where the forwarder tests one packet it records a formula over
 * one symbolic header (packet.ts), one file per component beside its
 * concrete twin:
 *   security-group.ts   `securityGroupCheckSymbolic`  (a disjunction of rules)
 *   nacl.ts             `networkAclCheckSymbolic`     (an if-then-else chain)
 *   route-table.ts      `routeLookupSymbolic`         (a first-match fork)
 *   internet-gateway.ts `internetGatewayOutSymbolic`, `fromInternetSymbolic`
 *   nat-gateway.ts      `natGatewayOutSymbolic`, `natGatewayInSymbolic`
 *   peering.ts          `vpcPeeringSymbolic`
 *   transit-gateway.ts  `transitGatewaySymbolic`
 * This file is the hop loop that connects them, as in the forwarder: where a
 * packet starts, `leaveSubnet` and the route's target, `arrive`, routes to a
 * middlebox, and the reply (`accepted`: forwarded back with security groups
 * and NAT state as established).
 *
 * Where the forwarder's path depends on the packet (a longest-prefix match
 * on a destination that is not fixed, which address of which interface is
 * addressed, a NAT gateway's protocol test) the walk forks, each branch
 * carrying its condition, so every packet follows exactly one enumerated
 * path and that path's formula holds for it exactly when the forwarder
 * accepts it. Destinations given as an interface or an instance are
 * enumerated one address at a time, so most lookups are concrete. NAT and
 * internet-gateway translations are fixed rewrites of the header.
 *
 * A source address that no interface has but a subnet contains is a `host`
 * start, as in the forwarder (no security group; its reply is delivered to it).
 */
import { bvConst, disjunction, ite, not, type Term } from '../../smt/index.js';
import { internetHostAssumption } from '../assume.js';
import { replyStart, routeTargetEni, type Destination, type Start } from '../forward/index.js';
import { MAX_STEPS, type ComponentRef } from '../forward/walk.js';
import { enisInSubnet, natsInSubnet, ownedPublicIps } from '../lookup.js';
import type { NatGateway, NetworkInterface, NetworkModel, Route, Subnet } from '../model.js';
import { fromInternetSymbolic, internetGatewayOutSymbolic } from './internet-gateway.js';
import { networkAclCheckSymbolic } from './nacl.js';
import { natGatewayInSymbolic, natGatewayOutSymbolic } from './nat-gateway.js';
import { inCidr, ip32, protoIs, same, type SymPacket } from './packet.js';
import { vpcPeeringSymbolic } from './peering.js';
import type { Resolved } from './query.js';
import { routeLookupSymbolic } from './route-table.js';
import { securityGroupCheckSymbolic } from './security-group.js';
import { transitGatewaySymbolic } from './transit-gateway.js';
import { clone, SymWalk, type Paths, type State, type SymPath } from './walk.js';

/** The walker: where a packet starts, the moves between components, and the reply. */
class Walker extends SymWalk {
  /** `begin`: where a packet starts (the instance's ENI holding the source, as a first-match choice). */
  begin(st: State, start: Start, p: SymPacket): Paths {
    switch (start.kind) {
      case 'internet':
        this.pass(st, { kind: 'internet', id: 'internet' });
        return fromInternetSymbolic(this, st, p);
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
    return this.begin(back, replyStart(dest), reply).map((path) =>
      path.end.kind === 'accepted'
        ? { ...path, end: { kind: 'accepted', destination: dest } }
        : path,
    );
  }

  /** `fromEni`: the source/destination check as a fork, security groups (egress), then its subnet. */
  fromEni(st: State, eni: NetworkInterface, p: SymPacket): Paths {
    const ref: ComponentRef = { kind: 'network-interface', id: eni.id };
    const own = disjunction(eni.addresses.map((a) => same(p.srcIp, ip32(a.privateIp))));
    const go = (s: State): Paths => {
      this.pass(s, ref);
      return securityGroupCheckSymbolic(this, s, eni, 'egress', p, (s2) => {
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

  /** `leaveSubnet`: delivered in the subnet, or ACL egress, the route lookup and the route's target. */
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
          networkAclCheckSymbolic(this, s, subnet, 'egress', p, (s2) =>
            routeLookupSymbolic(this, s2, subnet, p, (s3, route) =>
              this.target(s3, subnet, route, p),
            ),
          ),
      },
    ]);
  }

  /** The route's target, as `leaveSubnet`'s switch. */
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
        return internetGatewayOutSymbolic(this, st, t.id, subnet, p);
      case 'nat':
        return natGatewayOutSymbolic(this, st, t.id, subnet, p);
      case 'pcx':
        return vpcPeeringSymbolic(this, st, t.id, subnet, p);
      case 'eni':
      case 'instance':
        return this.middlebox(st, t.kind, t.id, subnet, p);
      case 'vpce':
        this.pass(st, { kind: 'vpc-endpoint', id: t.id });
        return this.accepted(st, { kind: 'vpc-endpoint', id: t.id }, p);
      case 'tgw':
        return transitGatewaySymbolic(this, st, t.id, subnet, p);
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

  /** `arrive`: ACL ingress across the subnet boundary, then a first-match choice of the destination's owner. */
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
          if (o.kind === 'nat') return natGatewayInSymbolic(this, s, o.nat, p);
          if (o.kind === 'host') {
            this.pass(s, { kind: 'host', id: subnet.id });
            return this.accepted(s, { kind: 'host', subnetId: subnet.id, ip: 0 }, p);
          }
          const eni = o.eni;
          return securityGroupCheckSymbolic(this, s, eni, 'ingress', p, (s2) => {
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
    return from !== subnet.id
      ? networkAclCheckSymbolic(this, st, subnet, 'ingress', p, go)
      : go(st);
  }

  /** `middlebox`: a route to an ENI or instance, forwarded on only with its source/destination check off. */
  middlebox(st: State, kind: 'eni' | 'instance', id: string, subnet: Subnet, p: SymPacket): Paths {
    const eni = routeTargetEni(this.model, kind, id);
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
      securityGroupCheckSymbolic(this, s, box, 'ingress', p, (s2) => {
        if (box.sourceDestCheck)
          return this.drop(
            s2,
            ref,
            `${box.id} has source/destination check enabled and is not the destination`,
          );
        this.pass(s2, ref);
        return securityGroupCheckSymbolic(this, s2, box, 'egress', p, (s3) =>
          this.leaveSubnet(s3, eniSubnet, p),
        );
      });
    return eniSubnet.id !== subnet.id
      ? networkAclCheckSymbolic(this, st, eniSubnet, 'ingress', p, after)
      : after(st);
  }
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
  const walk = new Walker(
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
