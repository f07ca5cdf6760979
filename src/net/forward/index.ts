/**
 * The concrete packet forwarder: the reference semantics of `arc net`. Every
 * witness the symbolic engine (../symbolic/) finds is replayed through
 * `forward`, so each component's behaviour lives in exactly one function,
 * one file per component:
 *   security-group.ts   `securityGroupCheck`
 *   nacl.ts             `networkAclCheck`
 *   route-table.ts      `routeLookup`
 *   internet-gateway.ts `internetGatewayOut`, `fromInternet`
 *   nat-gateway.ts      `natGatewayOut`, `natGatewayIn`
 *   peering.ts          `vpcPeering`
 *   transit-gateway.ts  `transitGateway`
 * each with the AWS documentation it follows in its opening comment. This
 * file is the hop loop that connects them: where a packet starts (an ENI,
 * an instance, a host of a subnet, the internet), `leaveSubnet` (delivery
 * inside the subnet, else ACL egress, route lookup and the route's target),
 * `arrive` (ACL ingress, then the owner of the destination address: a NAT
 * gateway, an ENI behind its security groups, or the host of a reply),
 * routes to an ENI or instance (a middlebox: forwarded on only with its
 * source/destination check off), gateway VPC endpoints (delivered to as the
 * AWS service), and the reply.
 *
 * Replies (`returnTraffic`): the reply packet is forwarded back from the
 * destination, NACLs and routes evaluated again, security groups and NAT
 * state taken as established. A destination inside the source subnet is
 * delivered without a route lookup.
 *
 * Not modelled (the result is `missing`, never a guess, when an answer
 * depends on it): VPN / Direct Connect / virtual private gateways, TGW
 * peering and Connect attachments, routes BGP would propagate, gateway route
 * tables (ingress routing), egress-only IGWs, IPv6, interface / Gateway
 * Load Balancer endpoints, private NAT gateways, ECMP, MTU, DNS. Timeouts
 * and the NAT gateway's port allocation are ignored (ports are kept through
 * NAT).
 *
 * Guarantees: `forward` never throws on a model it was given, and its hops
 * are the components the packet passed, in order. Mirrored by
 * ../symbolic/index.ts.
 */
import { cidr4Contains, formatIpv4 } from '../../core/ip.js';
import { enisInSubnet, natsInSubnet } from '../lookup.js';
import type { NetworkInterface, NetworkModel, Subnet } from '../model.js';
import { fromInternet, internetGatewayOut } from './internet-gateway.js';
import { networkAclCheck } from './nacl.js';
import { natGatewayIn, natGatewayOut } from './nat-gateway.js';
import type { Packet } from './packet.js';
import { vpcPeering } from './peering.js';
import { routeLookup } from './route-table.js';
import { securityGroupCheck } from './security-group.js';
import { transitGateway } from './transit-gateway.js';
import {
  eniRef,
  Walk,
  type ComponentRef,
  type Destination,
  type ForwardResult,
  type Start,
} from './walk.js';

export { describePacket, type Packet } from './packet.js';
export type {
  ComponentKind,
  ComponentRef,
  Destination,
  ForwardResult,
  Hop,
  Start,
} from './walk.js';

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
  const w = new Forwarder(model, false, new Map(), undefined);
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
  const hostIp = start.kind === 'host' ? packet.srcIp : undefined;
  const back = new Forwarder(model, true, w.natBindings, hostIp).run(replyStart(dest), reply);
  return { ...result, returnTraffic: back };
}

/** Where the reply to a packet delivered at `dest` starts. */
export function replyStart(dest: Exclude<Destination, { kind: 'vpc-endpoint' }>): Start {
  return dest.kind === 'network-interface'
    ? { kind: 'eni', id: dest.id }
    : dest.kind === 'host'
      ? { kind: 'host', subnetId: dest.subnetId }
      : { kind: 'internet' };
}

/** Echo request (8) is answered by echo reply (0); other ICMP keeps its type. */
function replyIcmpType(t: number | undefined): number | undefined {
  return t === 8 ? 0 : t;
}

/** The walker: where a packet starts, and the two moves between components. */
class Forwarder extends Walk {
  protected begin(start: Start, packet: Packet): never {
    switch (start.kind) {
      case 'internet':
        this.hop({ kind: 'internet', id: 'internet' }, 'send', 'a host on the internet', packet);
        return fromInternet(this, packet);
      case 'host': {
        const subnet = this.subnet(start.subnetId, { kind: 'subnet', id: start.subnetId });
        const me: ComponentRef = { kind: 'host', id: `${subnet.id}/${formatIpv4(packet.srcIp)}` };
        if (!cidr4Contains(subnet.cidr, packet.srcIp))
          this.drop(me, `${formatIpv4(packet.srcIp)} is not an address of ${subnet.id}`);
        this.hop(
          me,
          'send',
          'a host in the subnet with no network interface in the snapshot (no security group)',
          packet,
        );
        return this.leaveSubnet(subnet, packet);
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

  /** A packet inside `subnet` heading elsewhere: delivered in the subnet, or NACL egress, route lookup and next hop. */
  leaveSubnet(subnet: Subnet, p: Packet): never {
    this.step();
    if (cidr4Contains(subnet.cidr, p.dstIp)) return this.arrive(subnet, p, subnet.id);
    networkAclCheck(this, subnet, 'egress', p);
    const route = routeLookup(this, subnet, p);
    const t = route.target;
    switch (t.kind) {
      case 'local': {
        const dst = this.subnetOf(subnet.vpcId, p.dstIp);
        if (dst === undefined)
          this.drop(
            { kind: 'subnet', id: subnet.vpcId },
            `no subnet of ${subnet.vpcId} contains ${formatIpv4(p.dstIp)}`,
          );
        return this.arrive(dst, p, subnet.id);
      }
      case 'igw':
        return internetGatewayOut(this, t.id, subnet, p);
      case 'nat':
        return natGatewayOut(this, t.id, subnet, p);
      case 'pcx':
        return vpcPeering(this, t.id, subnet, p);
      case 'tgw':
        return transitGateway(this, t.id, subnet, p);
      case 'eni':
      case 'instance':
        return middlebox(this, t.kind, t.id, subnet, p);
      case 'vpce': {
        const ep = this.model.vpcEndpoints.get(t.id);
        this.hop(
          { kind: 'vpc-endpoint', id: t.id },
          'deliver',
          ep?.serviceName ? `gateway endpoint for ${ep.serviceName}` : 'gateway endpoint',
          p,
        );
        return this.accept({ kind: 'vpc-endpoint', id: t.id });
      }
      case 'vgw':
      case 'egress-only-igw':
      case 'other':
        return this.missing(
          { kind: 'route-table', id: t.id },
          `the network behind ${t.id} (${t.kind === 'other' ? t.field : t.kind}) is not modelled`,
        );
    }
  }

  /**
   * A packet reaching `subnet` (from `fromSubnetId`; undefined for a gateway):
   * NACL ingress when it crosses the subnet boundary, then the owner of the
   * destination address: a NAT gateway, an ENI (security groups, ingress) or,
   * for a reply, the `host` that started the connection.
   */
  arrive(subnet: Subnet, p: Packet, fromSubnetId: string | undefined): never {
    if (fromSubnetId !== subnet.id) networkAclCheck(this, subnet, 'ingress', p);
    for (const nat of natsInSubnet(this.model, subnet.id))
      if (nat.addresses.some((a) => a.privateIp === p.dstIp)) return natGatewayIn(this, nat, p);
    for (const eni of enisInSubnet(this.model, subnet.id)) {
      if (!eni.addresses.some((a) => a.privateIp === p.dstIp)) continue;
      securityGroupCheck(this, eni, 'ingress', p);
      this.hop(eniRef(eni), 'receive', eniText(eni), p);
      return this.accept({ kind: 'network-interface', id: eni.id });
    }
    if (this.hostIp !== undefined && this.hostIp === p.dstIp) {
      this.hop(
        { kind: 'host', id: `${subnet.id}/${formatIpv4(p.dstIp)}` },
        'receive',
        'the host that started the connection',
        p,
      );
      return this.accept({ kind: 'host', subnetId: subnet.id, ip: p.dstIp });
    }
    return this.drop(
      { kind: 'subnet', id: subnet.id },
      `no network interface in ${subnet.id} has address ${formatIpv4(p.dstIp)}`,
    );
  }
}

function eniText(eni: NetworkInterface): string {
  return eni.instanceId ? `network interface of ${eni.instanceId}` : 'network interface';
}

/** A packet sent by an ENI: source/destination check, security groups (egress), then its subnet. */
function fromEni(w: Walk, eni: NetworkInterface, packet: Packet): never {
  const own = eni.addresses.some((a) => a.privateIp === packet.srcIp);
  if (!own && eni.sourceDestCheck)
    w.drop(
      eniRef(eni),
      `source/destination check: ${formatIpv4(packet.srcIp)} is not an address of ${eni.id}`,
    );
  w.hop(eniRef(eni), 'send', eniText(eni), packet);
  securityGroupCheck(w, eni, 'egress', packet);
  return w.leaveSubnet(w.subnet(eni.subnetId, eniRef(eni)), packet);
}

/** The ENI a route to an ENI or an instance (its first ENI) delivers to. */
export function routeTargetEni(
  model: NetworkModel,
  kind: 'eni' | 'instance',
  id: string,
): NetworkInterface | undefined {
  if (kind === 'eni') return model.networkInterfaces.get(id);
  const first = model.instances.get(id)?.networkInterfaceIds[0];
  return first === undefined ? undefined : model.networkInterfaces.get(first);
}

/** A route to an ENI or instance: delivered to it, then forwarded on only if its source/destination check is off. */
function middlebox(
  w: Walk,
  kind: 'eni' | 'instance',
  id: string,
  subnet: Subnet,
  p: Packet,
): never {
  const eni = routeTargetEni(w.model, kind, id);
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
  return w.leaveSubnet(eniSubnet, p);
}
