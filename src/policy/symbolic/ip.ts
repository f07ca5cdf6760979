/**
 * Mirrors `../../core/ip.ts` (`cidrContains`): an address is a family (a Bool,
 * true for IPv6) with a 32-bit and a 128-bit bit-vector, of which the one
 * of its family is meaningful; a range contains the address when the
 * families agree and the masked address equals the network. Exact.
 */
import { and, bvBinary, bvConst, eq, not, type Term } from '../../smt/index.js';
import { formatIp, prefixMask, type Cidr } from '../../core/ip.js';

export interface SymbolicIp {
  readonly isV6: Term;
  readonly v4: Term;
  readonly v6: Term;
}

/** `cidrContains(cidr, address)`. */
export function cidrContainsSymbolic(cidr: Cidr, address: SymbolicIp): Term {
  const width = cidr.family === 4 ? 32 : 128;
  const value = cidr.family === 4 ? address.v4 : address.v6;
  const masked = bvBinary('bvand', value, bvConst(width, prefixMask(cidr.family, cidr.prefix)));
  return and(
    cidr.family === 4 ? not(address.isV6) : address.isV6,
    eq(masked, bvConst(width, cidr.network)),
  );
}

/** The text of a model's address (readable by `parseIp`). */
export function ipText(isV6: boolean, v4: bigint, v6: bigint): string {
  return isV6 ? formatIp({ family: 6, value: v6 }) : formatIp({ family: 4, value: v4 });
}
