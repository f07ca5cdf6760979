/**
 * Network ACLs (Amazon VPC User Guide, "Network ACLs"): stateless, applied
 * where a packet leaves or enters a subnet (not between two addresses of one
 * subnet). A subnet uses its associated ACL, else its VPC's default ACL. The
 * entries of the direction are read in rule-number order and the first whose
 * CIDR holds the peer and whose protocol and ports match (`portsMatch`, on
 * the destination port in both directions) decides; none means the final
 * `*` deny. Replies are checked again (stateless), marked return traffic.
 *
 * Guarantees: `networkAclCheck` returns (after one hop naming the allowing
 * entry) exactly when the first matching entry allows; otherwise the walk
 * is dropped, naming the entry, or `missing` when the subnet has no ACL in
 * the snapshot. Mirrored by ../symbolic/nacl.ts.
 */
import { cidr4Contains, formatIpv4, type Ipv4 } from '../../core/ip.js';
import { associatedNetworkAcl, defaultNetworkAcl } from '../lookup.js';
import type { NetworkAcl, NetworkAclEntry, NetworkModel, Subnet } from '../model.js';
import { portsMatch, ruleText, service, type Packet } from './packet.js';
import type { ComponentRef, Walk } from './walk.js';

/** The network ACL a subnet uses: its association, else its VPC's default ACL. */
export function subnetNetworkAcl(model: NetworkModel, subnet: Subnet): NetworkAcl | undefined {
  return associatedNetworkAcl(model, subnet.id) ?? defaultNetworkAcl(model, subnet.vpcId);
}

/** Why a subnet's ACL is missing. */
export function noNetworkAclText(subnet: Subnet): string {
  return `the network ACL of ${subnet.id} (no association and no default ACL of ${subnet.vpcId} in the snapshot)`;
}

/** The entries of one direction in evaluation order (by rule number). */
export function aclEntries(
  acl: NetworkAcl,
  direction: 'ingress' | 'egress',
): readonly NetworkAclEntry[] {
  return acl.entries
    .filter((e) => e.egress === (direction === 'egress'))
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/** The subnet's network ACL, one direction: first matching entry by rule number, else the final deny. */
export function networkAclCheck(
  w: Walk,
  subnet: Subnet,
  direction: 'ingress' | 'egress',
  p: Packet,
): void {
  const acl = subnetNetworkAcl(w.model, subnet);
  if (acl === undefined) w.missing({ kind: 'subnet', id: subnet.id }, noNetworkAclText(subnet));
  const ref: ComponentRef = { kind: 'network-acl', id: acl.id };
  const peer = direction === 'ingress' ? p.srcIp : p.dstIp;
  const entries = aclEntries(acl, direction);
  const dir = direction === 'ingress' ? 'inbound' : 'outbound';
  const what = `${dir} ${service(p)} ${direction === 'ingress' ? 'from' : 'to'} ${formatIpv4(peer)}`;
  const tag = w.reply ? ' (return traffic)' : '';
  for (const e of entries) {
    if (!aclEntryMatches(e, peer, p)) continue;
    if (e.action === 'allow') {
      w.hop(
        ref,
        `${direction} of ${subnet.id}${tag}`,
        `rule ${e.ruleNumber} allows ${ruleText(e)} ${direction === 'ingress' ? 'from' : 'to'} ${e.cidr ? `${formatIpv4(e.cidr.address)}/${e.cidr.prefixLength}` : ''}`,
        p,
        e.source,
      );
      return;
    }
    w.drop(ref, `network ACL ${acl.id} rule ${e.ruleNumber} denies ${what}${tag}`, e.source);
  }
  w.drop(ref, `network ACL ${acl.id} rule * (the final implicit deny) denies ${what}${tag}`);
}

function aclEntryMatches(e: NetworkAclEntry, peer: Ipv4, p: Packet): boolean {
  return e.cidr !== undefined && cidr4Contains(e.cidr, peer) && portsMatch(e, p);
}
