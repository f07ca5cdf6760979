/**
 * IPv4 addresses and CIDR blocks for the network model.
 *
 * Mirrors how EC2 writes them in `describe-*` output: dotted quads
 * (`10.0.0.91`) and CIDR blocks (`10.0.0.0/16`). Parsing reuses the policy
 * module's strict reader (`src/policy/ip.ts`: no leading zeros, octets
 * 0–255, prefix 0–32); this module only converts its bigint values to plain
 * numbers, because the forwarder and the future symbolic encoding work on
 * 32-bit words. An address is an unsigned 32-bit integer (0 … 2^32−1, never
 * negative); a CIDR is `{ address, prefixLength }` with host bits cleared
 * (`10.1.2.3/8` denotes `10.0.0.0/8`, as EC2 itself would reject it but the
 * meaning is unambiguous).
 *
 * Not modelled: IPv6 packets. IPv6 blocks found in a snapshot are kept as
 * text (see `model.ts`) and never match an IPv4 packet.
 */
import { parseCidr, parseIp } from '../policy/ip.js';

/** An IPv4 address as an unsigned 32-bit integer. */
export type Ipv4 = number;

export interface Cidr4 {
  /** The network address (host bits cleared), unsigned 32-bit. */
  readonly address: Ipv4;
  readonly prefixLength: number;
}

/** Parses a dotted-quad IPv4 address; undefined for anything else (IPv6 included). */
export function parseIpv4(text: string): Ipv4 | undefined {
  const ip = parseIp(text);
  return ip !== undefined && ip.family === 4 ? Number(ip.value) : undefined;
}

/** Parses `a.b.c.d/n` (or a bare address, meaning /32); undefined for anything else. */
export function parseCidr4(text: string): Cidr4 | undefined {
  const c = parseCidr(text);
  return c !== undefined && c.family === 4
    ? { address: Number(c.network), prefixLength: c.prefix }
    : undefined;
}

/** The network mask of a prefix length, unsigned. */
export function maskOf(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

export function cidr4(address: Ipv4, prefixLength: number): Cidr4 {
  return { address: (address & maskOf(prefixLength)) >>> 0, prefixLength };
}

export function cidrContains(cidr: Cidr4, address: Ipv4): boolean {
  return (address & maskOf(cidr.prefixLength)) >>> 0 === cidr.address;
}

/** Does `outer` contain every address of `inner`? */
export function cidrCovers(outer: Cidr4, inner: Cidr4): boolean {
  return outer.prefixLength <= inner.prefixLength && cidrContains(outer, inner.address);
}

export function formatIpv4(address: Ipv4): string {
  return [24, 16, 8, 0].map((s) => String((address >>> s) & 0xff)).join('.');
}

export function formatCidr4(cidr: Cidr4): string {
  return `${formatIpv4(cidr.address)}/${cidr.prefixLength}`;
}

/**
 * Longest-prefix match: the items whose CIDR contains the address and whose
 * prefix is the longest among those. Several items are returned when they
 * tie (the caller decides what a tie means); none when nothing matches.
 */
export function longestPrefixMatch<T>(
  items: readonly T[],
  cidrOf: (item: T) => Cidr4 | undefined,
  address: Ipv4,
): T[] {
  let best = -1;
  let out: T[] = [];
  for (const item of items) {
    const c = cidrOf(item);
    if (c === undefined || !cidrContains(c, address)) continue;
    if (c.prefixLength > best) {
      best = c.prefixLength;
      out = [item];
    } else if (c.prefixLength === best) out.push(item);
  }
  return out;
}

/** RFC 1918, RFC 6598 shared space, loopback and link-local: never routed on the internet. */
export const NON_PUBLIC: readonly Cidr4[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '0.0.0.0/8',
].map((t) => parseCidr4(t) as Cidr4);

export function isPrivateIpv4(address: Ipv4): boolean {
  return NON_PUBLIC.some((c) => cidrContains(c, address));
}
