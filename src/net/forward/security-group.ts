/**
 * Security groups (Amazon VPC User Guide, "Security groups"): a packet leaves
 * an ENI through the union of its groups' outbound rules and enters one
 * through their inbound rules; a rule admits a packet when its protocol and
 * ports match (`portsMatch`) and its peer (the destination going out, the
 * source coming in) is in one of its CIDRs, prefix lists, or is a private
 * address of a member of a referenced group. Security groups are stateful:
 * the reply of an allowed connection passes without rules.
 *
 * Guarantees: `securityGroupCheck` returns (after one hop naming the rule)
 * exactly when some rule of some group admits the packet, or for a reply;
 * otherwise the walk is dropped, or `missing` when a group or prefix list a
 * decision needs is not in the snapshot. Mirrored by
 * ../symbolic/security-group.ts.
 */
import { cidr4Contains, formatIpv4, type Ipv4 } from '../../core/ip.js';
import { securityGroupMembers } from '../lookup.js';
import type { NetworkInterface, SecurityGroupRule } from '../model.js';
import { portsMatch, ruleText, service, type Packet } from './packet.js';
import { eniRef, type ComponentRef, type Walk } from './walk.js';

/** The component an ENI's groups make together (named in drops and paths). */
export function securityGroupsRef(eni: NetworkInterface): ComponentRef {
  return { kind: 'security-group', id: eni.securityGroupIds.join(',') || '(none)' };
}

/** `security group sg-1`, `security groups sg-1, sg-2`, `no security group`. */
export function securityGroupsText(ids: readonly string[]): string {
  return ids.length === 1
    ? `security group ${ids[0]}`
    : ids.length === 0
      ? 'no security group'
      : `security groups ${ids.join(', ')}`;
}

/** Which source of a security group rule admits `peer`, or undefined. */
function sgRulePeer(
  w: Walk,
  rule: SecurityGroupRule,
  peer: Ipv4,
  from: ComponentRef,
): string | undefined {
  for (const c of rule.ipv4)
    if (cidr4Contains(c, peer)) return `${formatIpv4(c.address)}/${c.prefixLength}`;
  for (const id of rule.prefixListIds) {
    const pl = w.model.prefixLists.get(id);
    if (pl === undefined)
      w.missing(from, `prefix list ${id} (used by a security group rule) is not in the snapshot`);
    if (pl.cidrs.some((c) => cidr4Contains(c, peer))) return `prefix list ${id}`;
  }
  for (const gid of rule.groupIds)
    for (const eni of securityGroupMembers(w.model, gid))
      if (eni.addresses.some((a) => a.privateIp === peer)) return `members of ${gid} (${eni.id})`;
  return undefined;
}

/** The union of the ENI's security groups, one direction. Replies pass (stateful). */
export function securityGroupCheck(
  w: Walk,
  eni: NetworkInterface,
  direction: 'ingress' | 'egress',
  p: Packet,
): void {
  const ids = eni.securityGroupIds;
  const ref = securityGroupsRef(eni);
  if (w.reply) {
    w.hop(ref, direction, 'reply of an allowed connection (security groups are stateful)', p);
    return;
  }
  const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
  for (const id of ids) {
    const sg = w.model.securityGroups.get(id);
    if (sg === undefined)
      w.missing(eniRef(eni), `security group ${id} of ${eni.id} is not in the snapshot`);
    const rules = direction === 'ingress' ? sg.ingress : sg.egress;
    for (const rule of rules) {
      if (!portsMatch(rule, p)) continue;
      const via = sgRulePeer(w, rule, peer, { kind: 'security-group', id });
      if (via !== undefined) {
        w.hop(
          { kind: 'security-group', id },
          direction,
          `${ruleText(rule)} ${direction === 'ingress' ? 'from' : 'to'} ${via}`,
          p,
          rule.source,
        );
        return;
      }
    }
  }
  const dir = direction === 'ingress' ? 'inbound' : 'outbound';
  w.drop(
    ref,
    `${securityGroupsText(ids)} on ${eni.id} ${ids.length === 0 ? 'allows nothing' : `has no ${dir} rule for ${service(p)} ${direction === 'ingress' ? 'from' : 'to'} ${formatIpv4(peer)}`}`,
  );
}
