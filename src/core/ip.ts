/**
 * IPv4 and IPv6 addresses and CIDR ranges: the one reader of address text in
 * arc (the base layer: it imports nothing of arc). IAM policies read their
 * `IpAddress` / `NotIpAddress` values with it, VPC snapshots their addresses
 * and CIDR blocks.
 *
 * The text is standard CIDR notation (`203.0.113.0/24`,
 * `2001:DB8:1234:5678::/64`) as both IAM ("IAM JSON policy elements:
 * Condition operators", section "IP address condition operators") and EC2's
 * `describe-*` output write it: dotted quads without leading zeros, octets
 * 0–255; an address without a prefix length means a single address (/32,
 * /128 for IPv6); `::` stands for a run of zero groups.
 *
 * Two representations:
 * - `IpAddress` / `Cidr`: either family, the value a bigint (32 or 128
 *   bits) so the policy encoding can use bit-vectors of the same widths. An
 *   IPv4 address never lies in an IPv6 range and vice versa (IPv4-mapped
 *   IPv6 addresses such as `::ffff:192.0.2.1` are IPv6 addresses here).
 * - `Ipv4` / `Cidr4`: IPv4 only, as plain unsigned 32-bit numbers (0 …
 *   2^32−1, never negative), which the network forwarder and its symbolic
 *   encoding work on (`parseIpv4`, `parseCidr4`, `cidr4Contains`, …). IPv6
 *   packets are not modelled there: IPv6 blocks of a snapshot are kept as
 *   text (net/model.ts) and never match an IPv4 packet.
 *
 * A range written with host bits set (`10.1.2.3/8`) denotes the range of its
 * prefix (`10.0.0.0/8`) in both.
 */

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export interface Cidr {
  readonly family: IpFamily;
  /** The network address (host bits cleared). */
  readonly network: bigint;
  readonly prefix: number;
}

function familyWidth(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/** Parses a dotted-quad IPv4 address (no leading zeros, each octet 0–255). */
function parseDottedQuad(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** Parses an IPv6 address: eight hex groups, one optional `::`, optional dotted-quad tail. */
function parseIpv6(text: string): bigint | undefined {
  if (text.includes('%')) return undefined; // zone ids are not addresses in a policy
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): number[] | undefined => {
    if (s === '') return [];
    const pieces = s.split(':');
    const groups: number[] = [];
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k];
      if (k === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseDottedQuad(piece);
        if (v4 === undefined) return undefined;
        groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) groups.push(parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  // A dotted tail may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [
    ...head,
    ...new Array<number>(halves.length === 2 ? missing : 0).fill(0),
    ...tail,
  ];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

/** Parses an IPv4 or IPv6 address (no prefix length). */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseDottedQuad(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  if (v6 !== undefined) return { family: 6, value: v6 };
  return undefined;
}

/** Parses `address` or `address/prefix`; a bare address is a one-address range. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const address = parseIp(addressText);
  if (address === undefined) return undefined;
  const width = familyWidth(address.family);
  let prefix = width;
  if (slash !== -1) {
    const p = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    prefix = Number(p);
    if (prefix > width) return undefined;
  }
  return {
    family: address.family,
    network: address.value & prefixMask(address.family, prefix),
    prefix,
  };
}

/** The mask with the `prefix` high bits set. */
export function prefixMask(family: IpFamily, prefix: number): bigint {
  const width = BigInt(familyWidth(family));
  const all = (1n << width) - 1n;
  return (all << (width - BigInt(prefix))) & all;
}

/** Does the range contain the address? Never across families. */
export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  return (
    cidr.family === address.family &&
    (address.value & prefixMask(cidr.family, cidr.prefix)) === cidr.network
  );
}

/** Canonical text of an address (IPv6 as eight unabbreviated lower-case groups). */
export function formatIp(address: IpAddress): string {
  if (address.family === 4)
    return [24n, 16n, 8n, 0n].map((s) => String((address.value >> s) & 0xffn)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((address.value >> s) & 0xffffn).toString(16));
  return groups.join(':');
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ family: cidr.family, value: cidr.network })}/${cidr.prefix}`;
}

// ---------------------------------------------------------------- IPv4 as 32-bit words

/** An IPv4 address as an unsigned 32-bit integer. */
export type Ipv4 = number;

export interface Cidr4 {
  /** The network address (host bits cleared), unsigned 32-bit. */
  readonly address: Ipv4;
  readonly prefixLength: number;
}

/** Parses a dotted-quad IPv4 address; undefined for anything else (IPv6 included). */
export function parseIpv4(text: string): Ipv4 | undefined {
  const v4 = parseDottedQuad(text);
  return v4 === undefined ? undefined : Number(v4);
}

/** Parses `a.b.c.d/n` (or a bare address, meaning /32); undefined for anything else. */
export function parseCidr4(text: string): Cidr4 | undefined {
  const c = parseCidr(text);
  return c !== undefined && c.family === 4
    ? { address: Number(c.network), prefixLength: c.prefix }
    : undefined;
}

/** The network mask of a prefix length, unsigned. */
function maskOf(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

export function cidr4Contains(cidr: Cidr4, address: Ipv4): boolean {
  return (address & maskOf(cidr.prefixLength)) >>> 0 === cidr.address;
}

/** Does `outer` contain every address of `inner`? */
export function cidr4Covers(outer: Cidr4, inner: Cidr4): boolean {
  return outer.prefixLength <= inner.prefixLength && cidr4Contains(outer, inner.address);
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
    if (c === undefined || !cidr4Contains(c, address)) continue;
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
  return NON_PUBLIC.some((c) => cidr4Contains(c, address));
}
