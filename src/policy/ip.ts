/**
 * IPv4 and IPv6 addresses and CIDR ranges for `IpAddress` / `NotIpAddress`.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "IP
 * address condition operators": values are in standard CIDR notation
 * (`203.0.113.0/24`, `2001:DB8:1234:5678::/64`); an address without a
 * prefix length means a single address ("IAM uses the default prefix value
 * of /32", i.e. /128 for IPv6); `::` stands for a run of zero groups.
 *
 * Addresses are bigints (32 or 128 bits) so the symbolic encoding can use
 * bit-vectors of the same widths. An IPv4 request address never lies in an
 * IPv6 range and vice versa (IPv4-mapped IPv6 addresses such as
 * `::ffff:192.0.2.1` are IPv6 addresses here). A range written with host
 * bits set (`10.1.2.3/8`) denotes the range of its prefix (`10.0.0.0/8`).
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

export function familyWidth(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/** Parses a dotted-quad IPv4 address (no leading zeros, each octet 0–255). */
function parseIpv4(text: string): bigint | undefined {
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
        const v4 = parseIpv4(piece);
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
  const v4 = parseIpv4(text);
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
