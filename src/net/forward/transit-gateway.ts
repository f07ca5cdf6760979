/**
 * Transit gateways (Transit Gateway Guide, "How transit gateways work"; VPC
 * attachments only): a packet routed to a transit gateway enters through its
 * VPC's attachment (the ingress ACL of the attachment's subnet in the
 * packet's zone, else the first, applies), is looked up in the route table
 * that attachment is associated with (longest prefix; on the same prefix a
 * static route wins over a propagated one; propagated VPC routes are the
 * VPC's CIDRs; a blackhole drops), and enters the destination VPC through
 * the egress attachment's subnet in the destination's zone (else the
 * first), whose route table and ACL then apply.
 *
 * Not modelled (`missing`): attachments to anything but a VPC (VPN, Direct
 * Connect, TGW peering, Connect) and the routes they would propagate.
 *
 * Guarantees: `transitGateway` continues the walk through the walker's
 * `leaveSubnet` from the egress attachment's subnet, or ends it dropped or
 * `missing`. Mirrored by ../symbolic/transit-gateway.ts.
 */
import { formatIpv4, longestPrefixMatch } from '../../core/ip.js';
import { transitGatewayAttachmentsOf } from '../lookup.js';
import type {
  NetworkModel,
  Subnet,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
} from '../model.js';
import { networkAclCheck } from './nacl.js';
import type { Packet } from './packet.js';
import type { ComponentRef, Walk } from './walk.js';

/** Through a transit gateway: ingress attachment, its associated route table, egress attachment's subnet. */
export function transitGateway(w: Walk, id: string, subnet: Subnet, p: Packet): never {
  const ref: ComponentRef = { kind: 'transit-gateway', id };
  const all = transitGatewayAttachmentsOf(w.model, id);
  if (all.length === 0)
    w.missing(ref, `the attachments of transit gateway ${id} are not in the snapshot`);
  const ingress = all.find((a) => a.resourceType === 'vpc' && a.resourceId === subnet.vpcId);
  if (ingress === undefined || ingress.state !== 'available')
    w.drop(ref, `${subnet.vpcId} has no available attachment to transit gateway ${id}`);
  const inSubnet = pickAttachmentSubnet(w.model, ingress.subnetIds, subnet.availabilityZone);
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
  const dstSubnet = w.subnetOf(out.resourceId, p.dstIp);
  const outSubnet = pickAttachmentSubnet(w.model, out.subnetIds, dstSubnet?.availabilityZone);
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
  return w.leaveSubnet(outSubnet, p);
}

/** The attachment subnet (of those in the snapshot) in zone `az`, else the first. */
export function pickAttachmentSubnet(
  model: NetworkModel,
  ids: readonly string[],
  az: string | undefined,
): Subnet | undefined {
  const subnets = ids.map((s) => model.subnets.get(s)).filter((s): s is Subnet => s !== undefined);
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
