/** fast-check generators of security-group rules and network-ACL entries for the differential tests. */
import fc from 'fast-check';
import type { Doc } from './fixtures.js';

export type PortPair = [number, number];

/** A security-group ingress rule over the given protocols (`icmp`: echo request), port ranges and CIDRs. */
export function sgRule(
  protocols: readonly ('tcp' | 'udp' | 'icmp' | '-1')[],
  ports: readonly PortPair[],
  cidrs: readonly string[],
): fc.Arbitrary<Doc> {
  return fc
    .record({
      p: fc.constantFrom(...protocols),
      ports: fc.constantFrom(...ports),
      c: fc.constantFrom(...cidrs),
    })
    .map(({ p, ports: [from, to], c }): Doc =>
      p === '-1'
        ? { IpProtocol: '-1', IpRanges: [{ CidrIp: c }] }
        : p === 'icmp'
          ? { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: c }] }
          : { IpProtocol: p, FromPort: from, ToPort: to, IpRanges: [{ CidrIp: c }] },
    );
}

/** A numbered network-ACL entry (rule numbers 1-300) over the given protocol numbers, ports and CIDRs. */
export function aclEntry(
  egress: boolean,
  protocols: readonly string[],
  ports: readonly PortPair[],
  cidrs: readonly string[],
): fc.Arbitrary<Doc> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: 300 }),
      p: fc.constantFrom(...protocols),
      ports: fc.constantFrom(...ports),
      c: fc.constantFrom(...cidrs),
      allow: fc.boolean(),
    })
    .map(({ n, p, ports: [from, to], c, allow }): Doc => ({
      CidrBlock: c,
      Egress: egress,
      Protocol: p,
      ...(p === '-1' ? {} : { PortRange: { From: from, To: to } }),
      RuleAction: allow ? 'allow' : 'deny',
      RuleNumber: n,
    }));
}

/** The entries with the first of each rule number (EC2 rejects duplicates). */
export function uniqueNumbers(entries: readonly Doc[]): Doc[] {
  return entries.filter(
    (e, i) => entries.findIndex((x) => x['RuleNumber'] === e['RuleNumber']) === i,
  );
}
