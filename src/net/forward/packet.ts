/**
 * The packet the forwarder follows, its text, and the part of it rules talk
 * about: `portsMatch`, the protocol / port / ICMP test that security group
 * rules (security-group.ts) and network ACL entries (nacl.ts) share.
 *
 * Guarantees: a rule of protocol `all` matches every packet; a TCP or UDP
 * rule matches on the destination port only (in both directions, as AWS
 * evaluates them); an ICMP rule with type or code -1 matches every type or
 * code. Mirrored by ../symbolic/packet.ts (`portsMatchSymbolic`).
 */
import { formatIpv4, type Ipv4 } from '../../core/ip.js';
import type { PortRange, Protocol } from '../model.js';

export interface Packet {
  readonly srcIp: Ipv4;
  readonly dstIp: Ipv4;
  /** IP protocol number: 6 tcp, 17 udp, 1 icmp, … */
  readonly protocol: number;
  readonly srcPort?: number;
  readonly dstPort?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
}

/** What a security group rule or network ACL entry says about protocol, ports and ICMP. */
export interface RuleService {
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: { readonly type: number; readonly code: number };
}

export function describePacket(p: Packet): string {
  const proto = protocolName(p.protocol);
  if (p.protocol === 6 || p.protocol === 17)
    return `${proto} ${formatIpv4(p.srcIp)}:${p.srcPort ?? '?'} -> ${formatIpv4(p.dstIp)}:${p.dstPort ?? '?'}`;
  if (p.protocol === 1)
    return `icmp type ${p.icmpType ?? '?'} code ${p.icmpCode ?? '?'} ${formatIpv4(p.srcIp)} -> ${formatIpv4(p.dstIp)}`;
  return `${proto} ${formatIpv4(p.srcIp)} -> ${formatIpv4(p.dstIp)}`;
}

export function protocolName(p: number): string {
  return p === 6 ? 'tcp' : p === 17 ? 'udp' : p === 1 ? 'icmp' : `protocol ${p}`;
}

/** `tcp/80`, `icmp 8/0`, `protocol 47`: the part of a packet rules talk about. */
export function service(p: Packet): string {
  if (p.protocol === 6 || p.protocol === 17)
    return `${protocolName(p.protocol)}/${p.dstPort ?? '?'}`;
  if (p.protocol === 1) return `icmp ${p.icmpType ?? '?'}/${p.icmpCode ?? '?'}`;
  return protocolName(p.protocol);
}

/** Does the rule's protocol, port range and ICMP type/code admit the packet? */
export function portsMatch(rule: RuleService, p: Packet): boolean {
  if (rule.protocol !== 'all' && rule.protocol !== p.protocol) return false;
  if (rule.protocol === 6 || rule.protocol === 17) {
    if (rule.ports === undefined) return true;
    return p.dstPort !== undefined && rule.ports.from <= p.dstPort && p.dstPort <= rule.ports.to;
  }
  if (rule.protocol === 1 && rule.icmp !== undefined) {
    if (rule.icmp.type !== -1 && rule.icmp.type !== p.icmpType) return false;
    if (rule.icmp.code !== -1 && rule.icmp.code !== p.icmpCode) return false;
  }
  return true;
}

/** A rule's service in words: `tcp/22`, `udp/1024-65535`, `all traffic`. */
export function ruleText(rule: RuleService): string {
  if (rule.protocol === 'all') return 'all traffic';
  const name = protocolName(rule.protocol);
  if (rule.ports !== undefined)
    return rule.ports.from === rule.ports.to
      ? `${name}/${rule.ports.from}`
      : `${name}/${rule.ports.from}-${rule.ports.to}`;
  if (rule.icmp !== undefined) return `${name} ${rule.icmp.type}/${rule.icmp.code}`;
  return rule.protocol === 6 || rule.protocol === 17 ? `${name}/all ports` : name;
}
