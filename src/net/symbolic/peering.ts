/**
 * Mirrors ../forward/peering.ts (`vpcPeering`): the status and side checks
 * are the forwarder's (`peerOf`, `peerCidrs`); "the destination is in the
 * peer's CIDRs" is a fork, and the peer subnet holding the destination a
 * first-match choice in the forwarder's order (`subnetOf`).
 *
 * Exact: every packet takes the branch the forwarder's tests choose for it.
 */
import { disjunction, not } from '../../smt/index.js';
import { peerCidrs, peerOf } from '../forward/peering.js';
import type { ComponentRef } from '../forward/walk.js';
import { subnetsOfVpc } from '../lookup.js';
import type { Subnet } from '../model.js';
import { inCidr, type SymPacket } from './packet.js';
import type { Paths, State, SymWalk } from './walk.js';

/** `vpcPeering`. */
export function vpcPeeringSymbolic(
  w: SymWalk,
  st: State,
  id: string,
  subnet: Subnet,
  p: SymPacket,
): Paths {
  const ref: ComponentRef = { kind: 'vpc-peering', id };
  const pcx = w.model.vpcPeerings.get(id);
  if (pcx === undefined)
    return w.missing(st, ref, `VPC peering connection ${id} is not in the snapshot`);
  if (pcx.status !== 'active')
    return w.drop(st, ref, `VPC peering connection ${id} is ${pcx.status}`);
  const peer = peerOf(pcx, subnet.vpcId);
  if (peer === undefined)
    return w.drop(st, ref, `VPC peering connection ${id} does not connect ${subnet.vpcId}`);
  const inPeer = disjunction(peerCidrs(w.model, peer).map((c) => inCidr(p.dstIp, c)));
  return w.fork(st, [
    {
      cond: not(inPeer),
      run: (s) =>
        w.drop(s, ref, `the destination is not in ${peer.vpcId}; VPC peering is not transitive`),
    },
    {
      cond: inPeer,
      run: (s) => {
        w.pass(s, ref);
        if (w.step(s)) return w.drop(s, { kind: 'internet', id: 'loop' }, 'forwarding loop');
        return w.subnetOf(
          s,
          peer.vpcId,
          p.dstIp,
          (s2, dst) => w.arrive(s2, dst, p, undefined),
          (s2) =>
            subnetsOfVpc(w.model, peer.vpcId).length > 0
              ? w.drop(s2, ref, `no subnet of ${peer.vpcId} contains the destination`)
              : w.missing(s2, ref, `the subnets of ${peer.vpcId} are not in the snapshot`),
        );
      },
    },
  ]);
}
