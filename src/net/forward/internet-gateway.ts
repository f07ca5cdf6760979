/**
 * Internet gateways (Amazon VPC User Guide, "Internet gateways"): one-to-one
 * translation between an ENI's (or NAT gateway's) private address and its
 * public or Elastic IP. Going out, the gateway must be attached to the VPC
 * and the source must have a public address; a private destination is not
 * routed on the internet, and a public IP owned by something in the snapshot
 * comes straight back in. From the internet, only public IPs owned by
 * something in the snapshot are reachable, through the internet gateway of
 * the owner's VPC, translated to the owner's private address.
 *
 * Guarantees: `internetGatewayOut` and `fromInternet` end the walk (accepted
 * on the internet, or in the snapshot through the walker's `arrive`),
 * dropped or `missing`, hop by hop as above. Mirrored by
 * ../symbolic/internet-gateway.ts.
 */
import { formatIpv4, isPrivateIpv4, type Ipv4 } from '../../core/ip.js';
import { enisInVpc, internetGatewayOf, natsInVpc, ownerOfPublicIp } from '../lookup.js';
import type { Subnet } from '../model.js';
import type { Packet } from './packet.js';
import type { ComponentRef, Walk } from './walk.js';

/** Leaving through an IGW: it must be attached to the VPC; the private source becomes its public IP. */
export function internetGatewayOut(w: Walk, id: string, subnet: Subnet, p: Packet): never {
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
export function fromInternet(w: Walk, p: Packet): never {
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
  return w.arrive(
    w.subnet(owner.subnetId, { kind: 'internet-gateway', id: igw.id }),
    inside,
    undefined,
  );
}
