/**
 * Mirrors ../forward/transit-gateway.ts (`transitGateway`): the ingress
 * attachment, its subnet (`pickAttachmentSubnet`) and associated route table
 * are the forwarder's; the route is a first-match choice over the table's
 * routes (`transitGatewayRoutes`) ordered longest prefix first, then static
 * before propagated on the same prefix (the same CIDR), then table order —
 * which is the forwarder's choice (longest-prefix match, the first static
 * route of the tie, else the first); the egress subnet is the attachment's
 * subnet in the zone of the destination's subnet (a first-match choice over
 * the VPC's subnets, as `subnetOf`), else the first.
 *
 * Exact: every packet takes the branch the forwarder's tests choose for it.
 * One more rule than concretely: the same header entering the same
 * attachment subnet again on a path is dropped as a forwarding loop at
 * once, where the forwarder would go round until its hop limit (with the
 * same result).
 */
import { formatIpv4 } from '../../core/ip.js';
import { pickAttachmentSubnet, transitGatewayRoutes } from '../forward/transit-gateway.js';
import { MAX_STEPS, type ComponentRef } from '../forward/walk.js';
import { transitGatewayAttachmentsOf } from '../lookup.js';
import type { Subnet } from '../model.js';
import { networkAclCheckSymbolic } from './nacl.js';
import { inCidr, type SymPacket } from './packet.js';
import type { Paths, State, SymWalk } from './walk.js';

/** `transitGateway`: ingress attachment, its associated route table, the egress attachment's subnet. */
export function transitGatewaySymbolic(
  w: SymWalk,
  st: State,
  id: string,
  subnet: Subnet,
  p: SymPacket,
): Paths {
  const ref: ComponentRef = { kind: 'transit-gateway', id };
  const all = transitGatewayAttachmentsOf(w.model, id);
  if (all.length === 0)
    return w.missing(st, ref, `the attachments of transit gateway ${id} are not in the snapshot`);
  const ingress = all.find((a) => a.resourceType === 'vpc' && a.resourceId === subnet.vpcId);
  if (ingress === undefined || ingress.state !== 'available')
    return w.drop(st, ref, `${subnet.vpcId} has no available attachment to transit gateway ${id}`);
  const inSubnet = pickAttachmentSubnet(w.model, ingress.subnetIds, subnet.availabilityZone);
  const afterAcl = (s0: State): Paths => {
    const tgw = w.model.transitGateways.get(id);
    const tableId = ingress.associatedRouteTableId ?? tgw?.defaultAssociationRouteTableId;
    if (tableId === undefined)
      return w.missing(
        s0,
        { kind: 'transit-gateway-attachment', id: ingress.id },
        `the route table associated with ${ingress.id}`,
      );
    const table = w.model.transitGatewayRouteTables.get(tableId);
    if (table === undefined)
      return w.missing(s0, ref, `transit gateway route table ${tableId} is not in the snapshot`);
    const tref: ComponentRef = { kind: 'transit-gateway-route-table', id: table.id };
    w.pass(s0, { kind: 'transit-gateway-attachment', id: ingress.id });
    const { routes, unknown } = transitGatewayRoutes(w.model, table);
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
    return w.firstMatch(
      s0,
      ordered,
      (r) => inCidr(p.dstIp, r.destination),
      (s1, route) => {
        const dest = `${formatIpv4(route.destination.address)}/${route.destination.prefixLength}`;
        if (route.state === 'blackhole')
          return w.drop(
            s1,
            tref,
            `transit gateway route table ${table.id} route ${dest} is a blackhole`,
          );
        const outId = route.attachmentIds[0];
        const out = outId === undefined ? undefined : w.model.transitGatewayAttachments.get(outId);
        if (out === undefined)
          return w.missing(s1, tref, `the attachment of route ${dest} in ${table.id}`);
        w.pass(s1, tref);
        const outRef: ComponentRef = { kind: 'transit-gateway-attachment', id: out.id };
        const vpcId = out.resourceId;
        if (out.resourceType !== 'vpc' || vpcId === undefined)
          return w.missing(
            s1,
            outRef,
            `the network behind ${out.id} (${out.resourceType}) is not modelled`,
          );
        const enter = (s2: State, az: string | undefined): Paths => {
          const outSubnet = pickAttachmentSubnet(w.model, out.subnetIds, az);
          if (outSubnet === undefined)
            return w.missing(s2, outRef, `the subnets of attachment ${out.id} in ${vpcId}`);
          // The same header entering the same subnet again from the gateway: the forwarder
          // would go round until its hop limit.
          const key = `${id}/${outSubnet.id}/${s2.reply ? 'reply' : 'request'}`;
          if (s2.tgwEntered.get(key) === p)
            return w.drop(
              s2,
              { kind: 'internet', id: 'loop' },
              `forwarding loop: more than ${MAX_STEPS} hops`,
            );
          s2.tgwEntered.set(key, p);
          w.pass(s2, outRef);
          return w.leaveSubnet(s2, outSubnet, p);
        };
        return w.subnetOf(
          s1,
          vpcId,
          p.dstIp,
          (s2, dst) => enter(s2, dst.availabilityZone),
          (s2) => enter(s2, undefined),
        );
      },
      (s1) =>
        unknown.length > 0
          ? w.missing(s1, tref, `routes propagated into ${table.id} by ${unknown.join(', ')}`)
          : w.drop(
              s1,
              tref,
              `transit gateway route table ${table.id} has no route to the destination`,
            ),
    );
  };
  if (inSubnet !== undefined && inSubnet.id !== subnet.id)
    return networkAclCheckSymbolic(w, st, inSubnet, 'ingress', p, afterAcl);
  return afterAcl(st);
}
