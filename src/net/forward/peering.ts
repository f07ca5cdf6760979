/**
 * VPC peering (Amazon VPC User Guide, "VPC peering"): an active peering
 * connection between the packet's VPC and another carries packets addressed
 * to the peer VPC's CIDRs (those the connection names, else the VPC's) and
 * delivers them in the peer's subnet holding the destination. Not
 * transitive: any other destination is dropped. The route back is the
 * reply's business.
 *
 * Guarantees: `vpcPeering` continues the walk through the walker's `arrive`
 * in the peer's subnet, or ends it dropped or `missing`. Mirrored by
 * ../symbolic/peering.ts.
 */
import { cidr4Contains, formatIpv4, type Cidr4 } from '../../core/ip.js';
import { subnetsOfVpc } from '../lookup.js';
import type { NetworkModel, PeeringSide, Subnet, VpcPeering } from '../model.js';
import type { Packet } from './packet.js';
import type { ComponentRef, Walk } from './walk.js';

/** The other side of a peering connection seen from `vpcId`, or undefined when it does not connect that VPC. */
export function peerOf(pcx: VpcPeering, vpcId: string): PeeringSide | undefined {
  return pcx.requester.vpcId === vpcId
    ? pcx.accepter
    : pcx.accepter.vpcId === vpcId
      ? pcx.requester
      : undefined;
}

/** The peer's CIDRs the connection carries: those it names, else the peer VPC's. */
export function peerCidrs(model: NetworkModel, peer: PeeringSide): readonly Cidr4[] {
  return peer.cidrs.length > 0 ? peer.cidrs : (model.vpcs.get(peer.vpcId)?.cidrs ?? []);
}

/** Across an active peering, to an address of the peer VPC only (not transitive). */
export function vpcPeering(w: Walk, id: string, subnet: Subnet, p: Packet): never {
  const ref: ComponentRef = { kind: 'vpc-peering', id };
  const pcx = w.model.vpcPeerings.get(id);
  if (pcx === undefined) w.missing(ref, `VPC peering connection ${id} is not in the snapshot`);
  if (pcx.status !== 'active') w.drop(ref, `VPC peering connection ${id} is ${pcx.status}`);
  const peer = peerOf(pcx, subnet.vpcId);
  if (peer === undefined)
    w.drop(ref, `VPC peering connection ${id} does not connect ${subnet.vpcId}`);
  if (!peerCidrs(w.model, peer).some((c) => cidr4Contains(c, p.dstIp)))
    w.drop(ref, `${formatIpv4(p.dstIp)} is not in ${peer.vpcId}; VPC peering is not transitive`);
  w.hop(ref, 'peering', `${subnet.vpcId} -> ${peer.vpcId}`, p, pcx.source);
  w.step();
  const dst = w.subnetOf(peer.vpcId, p.dstIp);
  if (dst === undefined) {
    if (subnetsOfVpc(w.model, peer.vpcId).length === 0)
      w.missing(ref, `the subnets of ${peer.vpcId} are not in the snapshot`);
    w.drop(ref, `no subnet of ${peer.vpcId} contains ${formatIpv4(p.dstIp)}`);
  }
  return w.arrive(dst, p, undefined);
}
