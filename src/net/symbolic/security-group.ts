/**
 * Mirrors ../forward/security-group.ts (`securityGroupCheck`, `sgRulePeer`):
 * the union of an ENI's security groups in one direction as one filter, the
 * disjunction over every rule of every group of "its protocol and ports
 * match (`portsMatchSymbolic`) and the peer is in one of its CIDRs or
 * prefix lists, or is a private address of a member of a referenced group".
 * A reply passes without a filter (stateful), as concretely.
 *
 * Exact when the snapshot has every group and prefix list the rules name:
 * a packet satisfies the filter exactly when `securityGroupCheck` lets it
 * through. One it lacks ends the path `missing` for every packet (the
 * forwarder is missing only for the packets no earlier rule admits): a
 * don't know, never a wrong answer.
 */
import { and, disjunction, type Term } from '../../smt/index.js';
import { securityGroupsRef, securityGroupsText } from '../forward/security-group.js';
import { securityGroupMembers } from '../lookup.js';
import type { NetworkInterface, SecurityGroupRule } from '../model.js';
import { inCidr, ip32, portsMatchSymbolic, same, type SymPacket } from './packet.js';
import type { Paths, State, SymWalk } from './walk.js';

/** `securityGroupCheck`: continues with `k` under the filter of the ENI's groups. */
export function securityGroupCheckSymbolic(
  w: SymWalk,
  st: State,
  eni: NetworkInterface,
  direction: 'ingress' | 'egress',
  p: SymPacket,
  k: (s: State) => Paths,
): Paths {
  const ids = eni.securityGroupIds;
  const ref = securityGroupsRef(eni);
  w.pass(st, ref);
  if (st.reply) return k(st);
  const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
  const matches: Term[] = [];
  for (const id of ids) {
    const sg = w.model.securityGroups.get(id);
    if (sg === undefined)
      return w.missing(
        st,
        { kind: 'network-interface', id: eni.id },
        `security group ${id} of ${eni.id} is not in the snapshot`,
      );
    for (const rule of direction === 'ingress' ? sg.ingress : sg.egress) {
      const peerTerm = sgRulePeerSymbolic(w, rule, peer);
      if (typeof peerTerm === 'string')
        return w.missing(st, { kind: 'security-group', id }, peerTerm);
      matches.push(and(portsMatchSymbolic(rule, p), peerTerm));
    }
  }
  const dir = direction === 'ingress' ? 'inbound' : 'outbound';
  w.filter(
    st,
    disjunction(matches),
    ref,
    `${securityGroupsText(ids)} on ${eni.id} ${ids.length === 0 ? 'allows nothing' : `has no ${dir} rule for these packets`}`,
  );
  return k(st);
}

/** `sgRulePeer`: which peers a security group rule admits (a missing prefix list is returned as text). */
function sgRulePeerSymbolic(w: SymWalk, rule: SecurityGroupRule, peer: Term): Term | string {
  const parts: Term[] = rule.ipv4.map((c) => inCidr(peer, c));
  for (const id of rule.prefixListIds) {
    const pl = w.model.prefixLists.get(id);
    if (pl === undefined)
      return `prefix list ${id} (used by a security group rule) is not in the snapshot`;
    parts.push(...pl.cidrs.map((c) => inCidr(peer, c)));
  }
  for (const gid of rule.groupIds)
    for (const eni of securityGroupMembers(w.model, gid))
      parts.push(...eni.addresses.map((a) => same(peer, ip32(a.privateIp))));
  return disjunction(parts);
}
