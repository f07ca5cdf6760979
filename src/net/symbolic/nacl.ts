/**
 * Mirrors ../forward/nacl.ts (`networkAclCheck`, `aclEntryMatches`): the
 * subnet's network ACL in one direction as one filter, the if-then-else
 * chain of its entries in rule-number order (`aclEntries`, the forwarder's
 * order) ending in the final deny: `ite(match₁, allow₁, ite(match₂, …,
 * false))`. Applied to replies too (stateless), as concretely.
 *
 * Exact: a packet satisfies the filter exactly when `networkAclCheck` lets
 * it through; a subnet without an ACL in the snapshot ends the path
 * `missing`, as concretely.
 */
import { and, falseTerm, ite, trueTerm, type Term } from '../../smt/index.js';
import type { ComponentRef } from '../forward/walk.js';
import { aclEntries, noNetworkAclText, subnetNetworkAcl } from '../forward/nacl.js';
import type { Subnet } from '../model.js';
import { inCidr, portsMatchSymbolic, type SymPacket } from './packet.js';
import type { Paths, State, SymWalk } from './walk.js';

/** `networkAclCheck`: continues with `k` under the filter of the subnet's ACL. */
export function networkAclCheckSymbolic(
  w: SymWalk,
  st: State,
  subnet: Subnet,
  direction: 'ingress' | 'egress',
  p: SymPacket,
  k: (s: State) => Paths,
): Paths {
  const acl = subnetNetworkAcl(w.model, subnet);
  if (acl === undefined)
    return w.missing(st, { kind: 'subnet', id: subnet.id }, noNetworkAclText(subnet));
  const ref: ComponentRef = { kind: 'network-acl', id: acl.id };
  w.pass(st, ref);
  const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
  const entries = aclEntries(acl, direction);
  let allowed: Term = falseTerm;
  for (const e of [...entries].reverse()) {
    const m =
      e.cidr === undefined ? falseTerm : and(inCidr(peer, e.cidr), portsMatchSymbolic(e, p));
    allowed = ite(m, e.action === 'allow' ? trueTerm : falseTerm, allowed);
  }
  const dir = direction === 'ingress' ? 'inbound' : 'outbound';
  w.filter(
    st,
    allowed,
    ref,
    `network ACL ${acl.id} denies these packets ${dir}${st.reply ? ' (return traffic)' : ''}`,
  );
  return k(st);
}
