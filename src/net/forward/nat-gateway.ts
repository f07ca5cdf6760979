/**
 * NAT gateways (Amazon VPC User Guide, "NAT gateways"; public NAT gateways
 * only): a route into one forwards TCP, UDP and ICMP of connections started
 * from inside, after the ingress ACL of the gateway's subnet; it rewrites
 * the source to its private address (the internet gateway then maps that to
 * its Elastic IP), remembers the translation, and routes through its own
 * subnet's route table. A packet addressed to the gateway itself gets in
 * only as the reply of a connection it translated, and is translated back.
 * A reply routed into one (an asymmetric route, e.g. the reply of an
 * internet client's connection to a public IP in a subnet whose default
 * route is the NAT gateway) is dropped: it would reach the client from the
 * wrong address. Port allocation is not modelled (ports are kept).
 *
 * Guarantees: `natGatewayOut` and `natGatewayIn` continue the walk through
 * the walker's `leaveSubnet` with the translated header, or end it dropped
 * or `missing`. Mirrored by ../symbolic/nat-gateway.ts.
 */
import { formatIpv4 } from '../../core/ip.js';
import type { NatGateway, Subnet } from '../model.js';
import { networkAclCheck } from './nacl.js';
import { protocolName, type Packet } from './packet.js';
import type { ComponentRef, Walk } from './walk.js';

/** Why a reply routed into a NAT gateway is dropped (shared with the symbolic engine). */
export function natReplyReason(id: string): string {
  return `a reply routed to NAT gateway ${id} would leave with the NAT gateway's address, not the one the connection was made to (asymmetric route)`;
}

/** Why a packet addressed to a NAT gateway is dropped when it is not the reply of a translated connection. */
export function natInboundReason(id: string): string {
  return `NAT gateway ${id} accepts no connection started from outside (only replies to connections it translated)`;
}

/** Into a NAT gateway from a route: TCP/UDP/ICMP only, not a reply; source becomes its private IP; on through its subnet. */
export function natGatewayOut(w: Walk, id: string, subnet: Subnet, p: Packet): never {
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
  return w.leaveSubnet(natSubnet, out);
}

/** A packet addressed to the NAT gateway itself: only the reply of a translated connection gets back in. */
export function natGatewayIn(w: Walk, nat: NatGateway, p: Packet): never {
  const ref: ComponentRef = { kind: 'nat-gateway', id: nat.id };
  const binding = w.reply ? w.natBindings.get(nat.id) : undefined;
  if (binding === undefined) w.drop(ref, natInboundReason(nat.id));
  const back: Packet = { ...p, dstIp: binding.srcIp, dstPort: binding.srcPort ?? p.dstPort };
  w.hop(
    ref,
    'destination NAT (reply)',
    `${formatIpv4(p.dstIp)} -> ${formatIpv4(binding.srcIp)}`,
    back,
  );
  return w.leaveSubnet(w.subnet(nat.subnetId, ref), back);
}
