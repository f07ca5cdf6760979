/**
 * An independent, deliberately naive formulation of the IR operators for
 * tests: values go through explicit bit strings and sign/magnitude
 * arithmetic, never through BigInt.asIntN/asUintN.
 */
import type { BitVecType } from '../../src/ir/ir.js';

/** The width-bit two's-complement bit string of `v` (most significant first). */
function bits(v: bigint, width: number): string {
  const m = 2n ** BigInt(width);
  let u = v % m;
  if (u < 0n) u += m;
  return u.toString(2).padStart(width, '0');
}

/** The value of a bit string read as `t`. */
function fromBits(s: string, t: BitVecType): bigint {
  const u = BigInt('0b' + s);
  return t.signed && s[0] === '1' ? u - 2n ** BigInt(t.width) : u;
}

export function refWrap(v: bigint, t: BitVecType): bigint {
  return fromBits(bits(v, t.width), t);
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
const sign = (x: bigint): bigint => (x < 0n ? -1n : 1n);

export function refTruncDiv(a: bigint, b: bigint): bigint {
  return sign(a) * sign(b) * (abs(a) / abs(b));
}
export function refFloorDiv(a: bigint, b: bigint): bigint {
  const q = refTruncDiv(a, b);
  return q * b !== a && sign(a) !== sign(b) ? q - 1n : q;
}

export function refBitwise(op: 'and' | 'or' | 'xor', a: bigint, b: bigint, t: BitVecType): bigint {
  const x = bits(a, t.width);
  const y = bits(b, t.width);
  let s = '';
  for (let i = 0; i < t.width; i++) {
    const p = x[i] === '1';
    const q = y[i] === '1';
    s += (op === 'and' ? p && q : op === 'or' ? p || q : p !== q) ? '1' : '0';
  }
  return fromBits(s, t);
}

export function refShl(a: bigint, n: bigint, t: BitVecType): bigint {
  if (n >= BigInt(t.width)) return 0n;
  const s = bits(a, t.width).slice(Number(n)) + '0'.repeat(Number(n));
  return fromBits(s, t);
}

export function refShr(a: bigint, n: bigint, t: BitVecType): bigint {
  const s = bits(a, t.width);
  const fill = t.signed ? s[0] : '0';
  const k = Math.min(Number(n), t.width);
  return fromBits(fill.repeat(k) + s.slice(0, t.width - k), t);
}

export function refCast(v: bigint, from: BitVecType, to: BitVecType): bigint {
  let s = bits(v, from.width);
  if (to.width <= from.width) s = s.slice(from.width - to.width);
  else s = (from.signed ? s[0] : '0').repeat(to.width - from.width) + s;
  return fromBits(s, to);
}

export function range(t: BitVecType): { min: bigint; max: bigint } {
  const w = BigInt(t.width);
  return t.signed
    ? { min: -(2n ** (w - 1n)), max: 2n ** (w - 1n) - 1n }
    : { min: 0n, max: 2n ** w - 1n };
}

/** Boundary values of `t`: extremes, around zero, around the half-way point. */
export function boundaryValues(t: BitVecType): bigint[] {
  const { min, max } = range(t);
  const half = 2n ** BigInt(t.width - 1);
  const cands = [
    min,
    min + 1n,
    -2n,
    -1n,
    0n,
    1n,
    2n,
    3n,
    7n,
    half - 1n,
    half,
    max - 1n,
    max,
    -half + 1n,
  ];
  return [...new Set(cands.filter((x) => x >= min && x <= max))];
}
