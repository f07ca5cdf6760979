/**
 * Mirrors ../forward/packet.ts: the packet as one symbolic header — source
 * and destination address (32 bits each), protocol (8), source and
 * destination port (16 each); for ICMP the source-port field holds the type
 * and the destination-port field the code, both at most 255; for protocols
 * other than TCP, UDP and ICMP both fields are 0 (`queryConstraint`,
 * query.ts) — and `portsMatchSymbolic`, the formula of `portsMatch`.
 *
 * The term helpers fold constants (`same`, `inCidr`, `inRange` of a constant
 * are `true` or `false`), so a walk on a fixed address stays concrete.
 * Exact: for every header, `portsMatchSymbolic(rule, h)` holds exactly when
 * `portsMatch(rule, packetOf(h))` is true.
 */
import { cidr4Contains, type Cidr4 } from '../../core/ip.js';
import {
  and,
  bvCompare,
  bvConst,
  bvSort,
  conjunction,
  disjunction,
  eq,
  extract,
  falseTerm,
  mkVar,
  trueTerm,
  type Term,
} from '../../smt/index.js';
import type { RuleService } from '../forward/packet.js';

export interface SymPacket {
  readonly srcIp: Term;
  readonly dstIp: Term;
  readonly proto: Term;
  readonly sport: Term;
  readonly dport: Term;
}

export const HEADER_VARS = ['src_ip', 'dst_ip', 'protocol', 'src_port', 'dst_port'] as const;

export function symbolicHeader(): SymPacket {
  return {
    srcIp: mkVar('src_ip', bvSort(32)),
    dstIp: mkVar('dst_ip', bvSort(32)),
    proto: mkVar('protocol', bvSort(8)),
    sport: mkVar('src_port', bvSort(16)),
    dport: mkVar('dst_port', bvSort(16)),
  };
}

/** An address as a 32-bit constant. */
export const ip32 = (v: number): Term => bvConst(32, BigInt(v));

export function constOf(t: Term): number | undefined {
  return t.kind === 'const' ? Number(t.value) : undefined;
}

/** `=` folding constants (the term layer folds only identical terms). */
export function same(a: Term, b: Term): Term {
  const x = constOf(a);
  const y = constOf(b);
  if (x !== undefined && y !== undefined) return x === y ? trueTerm : falseTerm;
  return eq(a, b);
}

/** `cidr4Contains(c, t)`. */
export function inCidr(t: Term, c: Cidr4): Term {
  const v = constOf(t);
  if (v !== undefined) return cidr4Contains(c, v) ? trueTerm : falseTerm;
  if (c.prefixLength === 0) return trueTerm;
  const len = c.prefixLength;
  return eq(extract(31, 32 - len, t), bvConst(len, BigInt(c.address >>> (32 - len))));
}

export function inRange(t: Term, width: number, from: number, to: number): Term {
  const v = constOf(t);
  if (v !== undefined) return from <= v && v <= to ? trueTerm : falseTerm;
  return and(
    bvCompare('bvule', bvConst(width, BigInt(from)), t),
    bvCompare('bvule', t, bvConst(width, BigInt(to))),
  );
}

export function protoIs(p: SymPacket, n: number): Term {
  return same(p.proto, bvConst(8, BigInt(n)));
}

export function or3(a: Term, b: Term, c: Term): Term {
  return disjunction([a, b, c]);
}

/** `portsMatch`. */
export function portsMatchSymbolic(rule: RuleService, p: SymPacket): Term {
  if (rule.protocol === 'all') return trueTerm;
  const parts: Term[] = [protoIs(p, rule.protocol)];
  if ((rule.protocol === 6 || rule.protocol === 17) && rule.ports !== undefined)
    parts.push(inRange(p.dport, 16, rule.ports.from, rule.ports.to));
  if (rule.protocol === 1 && rule.icmp !== undefined) {
    if (rule.icmp.type !== -1) parts.push(same(p.sport, bvConst(16, BigInt(rule.icmp.type))));
    if (rule.icmp.code !== -1) parts.push(same(p.dport, bvConst(16, BigInt(rule.icmp.code))));
  }
  return conjunction(parts);
}
