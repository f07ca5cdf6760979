/**
 * Mirrors ../forward/internet-gateway.ts (`internetGatewayOut`,
 * `publicIpOf`, `fromInternet`): the one-to-one translation as a
 * first-match choice over the VPC's (private, public) address pairs in the
 * forwarder's order (NAT gateways, then ENIs), the source rewritten to the
 * constant public address; then a fork on a private destination (dropped),
 * an owned public one (back in through `fromInternetSymbolic`) or the
 * internet. From the internet, a first-match choice over the owners of
 * public addresses (`ownerOfPublicIp`'s order), the destination rewritten to
 * the owner's private address.
 *
 * Exact: every packet takes the branch of the address pair, owner and
 * outcome the forwarder finds for it.
 */
import { NON_PUBLIC, type Ipv4 } from '../../core/ip.js';
import { disjunction, not, type Term } from '../../smt/index.js';
import type { ComponentRef } from '../forward/walk.js';
import {
  enisInVpc,
  internetGatewayOf,
  natsInVpc,
  ownerOfPublicIp,
  publicOwners,
  type PublicOwner,
} from '../lookup.js';
import type { Subnet } from '../model.js';
import { constOf, inCidr, ip32, same, type SymPacket } from './packet.js';
import type { Paths, State, SymWalk } from './walk.js';

/** `internetGatewayOut`. */
export function internetGatewayOutSymbolic(
  w: SymWalk,
  st: State,
  id: string,
  subnet: Subnet,
  p: SymPacket,
): Paths {
  const ref: ComponentRef = { kind: 'internet-gateway', id };
  const igw = w.model.internetGateways.get(id);
  if (igw === undefined) return w.missing(st, ref, `internet gateway ${id} is not in the snapshot`);
  if (!igw.vpcIds.includes(subnet.vpcId))
    return w.drop(st, ref, `internet gateway ${id} is not attached to ${subnet.vpcId}`);
  // `publicIpOf`: the pairs in the order it scans them.
  const pubs: { priv: Ipv4; pub: Ipv4 }[] = [];
  for (const nat of natsInVpc(w.model, subnet.vpcId))
    for (const a of nat.addresses)
      if (a.privateIp !== undefined && a.publicIp !== undefined)
        pubs.push({ priv: a.privateIp, pub: a.publicIp });
  for (const eni of enisInVpc(w.model, subnet.vpcId))
    for (const a of eni.addresses)
      if (a.publicIp !== undefined) pubs.push({ priv: a.privateIp, pub: a.publicIp });
  return w.firstMatch(
    st,
    pubs,
    (x) => same(p.srcIp, ip32(x.priv)),
    (s, x) => {
      const out: SymPacket = { ...p, srcIp: ip32(x.pub) };
      w.pass(s, ref);
      const priv = disjunction(NON_PUBLIC.map((c) => inCidr(out.dstIp, c)));
      return w.fork(s, [
        {
          cond: priv,
          run: (s2) =>
            w.drop(
              s2,
              { kind: 'internet', id: 'internet' },
              'a private address is not routed on the internet',
            ),
        },
        {
          cond: not(priv),
          run: (s2) =>
            w.firstMatch(
              s2,
              publicOwnersOf(w, out.dstIp),
              (o) => same(out.dstIp, ip32(o.publicIp)),
              (s3, o) => {
                w.pass(s3, { kind: 'internet', id: 'internet' });
                return fromInternetSymbolic(w, s3, { ...out, dstIp: ip32(o.publicIp) });
              },
              (s3) => {
                w.pass(s3, { kind: 'internet', id: 'internet' });
                return w.accepted(s3, { kind: 'internet' }, out);
              },
            ),
        },
      ]);
    },
    (s) =>
      w.drop(
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
function publicOwnersOf(w: SymWalk, t: Term): readonly PublicOwner[] {
  const v = constOf(t);
  if (v !== undefined) {
    const o = ownerOfPublicIp(w.model, v);
    return o === undefined ? [] : [o];
  }
  if (w.internetSide.has(t)) return [];
  return publicOwners(w.model);
}

/** `fromInternet`. */
export function fromInternetSymbolic(w: SymWalk, st: State, p: SymPacket): Paths {
  const inet: ComponentRef = { kind: 'internet', id: 'internet' };
  return w.firstMatch(
    st,
    publicOwnersOf(w, p.dstIp),
    (o) => same(p.dstIp, ip32(o.publicIp)),
    (s, owner) => {
      const igwId = internetGatewayOf(w.model, owner.vpcId);
      const igw = igwId === undefined ? undefined : w.model.internetGateways.get(igwId);
      if (igw === undefined)
        return w.drop(
          s,
          inet,
          `${owner.vpcId} (of ${owner.what}) has no internet gateway attached`,
        );
      const inside: SymPacket = { ...p, dstIp: ip32(owner.privateIp) };
      const ref: ComponentRef = { kind: 'internet-gateway', id: igw.id };
      w.pass(s, ref);
      const sub = w.subnet(owner.subnetId);
      if (sub === undefined)
        return w.missing(s, ref, `subnet ${owner.subnetId} is not in the snapshot`);
      if (w.step(s)) return w.drop(s, { kind: 'internet', id: 'loop' }, 'forwarding loop');
      return w.arrive(s, sub, inside, undefined);
    },
    (s) => w.drop(s, inet, 'no resource in the snapshot owns the destination address'),
  );
}
