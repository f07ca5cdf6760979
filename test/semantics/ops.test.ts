/** Every operator on boundary values of 8/16/32/64-bit signed and unsigned types, against ./reference.ts. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BitVecType, Expr } from '../../src/ir/ir.js';
import { boolType, bvType, constant, intType } from '../../src/ir/ir.js';
import { binaryFn, castFn, compareFn, overflowFn, unaryFn } from '../../src/semantics/ops.js';
import { evalExpr } from '../../src/semantics/eval.js';
import {
  boundaryValues,
  range,
  refBitwise,
  refCast,
  refShl,
  refShr,
  refTruncDiv,
  refWrap,
} from './reference.js';

const TYPES: BitVecType[] = [8, 16, 32, 64].flatMap((w) => [bvType(w, true), bvType(w, false)]);
const name = (t: BitVecType): string => `${t.signed ? 'i' : 'u'}${t.width}`;

function pairs(t: BitVecType): [bigint, bigint][] {
  const vs = boundaryValues(t);
  return vs.flatMap((a) => vs.map((b): [bigint, bigint] => [a, b]));
}

function inRange(x: bigint, t: BitVecType): boolean {
  const { min, max } = range(t);
  return x >= min && x <= max;
}

for (const t of TYPES) {
  describe(`operators on ${name(t)}`, () => {
    it('add, sub, mul wrap modulo 2^width', () => {
      for (const [a, b] of pairs(t)) {
        assert.equal(binaryFn('add', t)(a, b), refWrap(a + b, t), `${a} + ${b}`);
        assert.equal(binaryFn('sub', t)(a, b), refWrap(a - b, t), `${a} - ${b}`);
        assert.equal(binaryFn('mul', t)(a, b), refWrap(a * b, t), `${a} * ${b}`);
      }
    });
    it('div and rem truncate toward zero; results stay in range', () => {
      for (const [a, b] of pairs(t)) {
        if (b === 0n) continue;
        const q = binaryFn('div', t)(a, b);
        const r = binaryFn('rem', t)(a, b);
        assert.equal(q, refWrap(refTruncDiv(a, b), t), `${a} / ${b}`);
        assert.equal(r, refWrap(a - refTruncDiv(a, b) * b, t), `${a} % ${b}`);
        assert.ok(inRange(q, t) && inRange(r, t));
      }
    });
    it('neg and bitnot', () => {
      for (const a of boundaryValues(t)) {
        assert.equal(unaryFn('neg', t)(a), refWrap(-a, t));
        assert.equal(unaryFn('bitnot', t)(a), refBitwise('xor', a, -1n, t));
      }
    });
    it('bitwise and, or, xor', () => {
      for (const [a, b] of pairs(t)) {
        assert.equal(binaryFn('bitand', t)(a, b), refBitwise('and', a, b, t));
        assert.equal(binaryFn('bitor', t)(a, b), refBitwise('or', a, b, t));
        assert.equal(binaryFn('bitxor', t)(a, b), refBitwise('xor', a, b, t));
      }
    });
    it('shl and shr for every amount in [0, width + 2], amounts ≥ width saturate', () => {
      for (const a of boundaryValues(t)) {
        for (let k = 0n; k <= BigInt(t.width) + 2n; k++) {
          if (!inRange(k, t)) continue;
          assert.equal(binaryFn('shl', t)(a, k), refShl(a, k, t), `${a} << ${k}`);
          assert.equal(binaryFn('shr', t)(a, k), refShr(a, k, t), `${a} >> ${k}`);
        }
      }
    });
    it('comparisons follow the values (signedness from the type)', () => {
      for (const [a, b] of pairs(t)) {
        assert.equal(compareFn('lt')(a, b), a < b ? 1n : 0n);
        assert.equal(compareFn('le')(a, b), a <= b ? 1n : 0n);
        assert.equal(compareFn('gt')(a, b), a > b ? 1n : 0n);
        assert.equal(compareFn('ge')(a, b), a >= b ? 1n : 0n);
        assert.equal(compareFn('eq')(a, b), a === b ? 1n : 0n);
        assert.equal(compareFn('ne')(a, b), a !== b ? 1n : 0n);
      }
    });
    it('overflow: exact result outside the range, signed only', () => {
      const bit = (x: boolean): bigint => (t.signed && x ? 1n : 0n);
      const out = (x: bigint): boolean => !inRange(x, t);
      const { min } = range(t);
      for (const [a, b] of pairs(t)) {
        assert.equal(overflowFn('add', t)([a, b]), bit(out(a + b)), `${a} + ${b}`);
        assert.equal(overflowFn('sub', t)([a, b]), bit(out(a - b)), `${a} - ${b}`);
        assert.equal(overflowFn('mul', t)([a, b]), bit(out(a * b)), `${a} * ${b}`);
        assert.equal(overflowFn('div', t)([a, b]), bit(a === min && b === -1n), `${a} / ${b}`);
      }
      for (const a of boundaryValues(t)) {
        assert.equal(overflowFn('neg', t)([a]), bit(out(-a)));
        for (let k = 0n; k < BigInt(t.width); k++) {
          assert.equal(
            overflowFn('shl', t)([a, k]),
            bit(a < 0n || out(a * 2n ** k)),
            `${a} << ${k}`,
          );
        }
      }
    });
    it('casts to every other width extend by the source signedness', () => {
      for (const to of TYPES) {
        for (const a of boundaryValues(t)) assert.equal(castFn(to)(a), refCast(a, t, to));
      }
      for (const a of boundaryValues(t)) {
        assert.equal(castFn(boolType)(a), a === 0n ? 0n : 1n);
        assert.equal(castFn(intType)(a), a);
      }
    });
  });
}

describe('anchored examples', () => {
  const i32 = bvType(32, true);
  const u32 = bvType(32, false);
  const i8 = bvType(8, true);
  it('C division and remainder', () => {
    assert.equal(binaryFn('div', i32)(-7n, 2n), -3n);
    assert.equal(binaryFn('rem', i32)(-7n, 2n), -1n);
    assert.equal(binaryFn('rem', i32)(7n, -2n), 1n);
    assert.equal(binaryFn('div', i32)(-2147483648n, -1n), -2147483648n);
    assert.equal(binaryFn('rem', i32)(-2147483648n, -1n), 0n);
  });
  it('Python floor division on int', () => {
    assert.equal(binaryFn('floordiv', intType)(-7n, 2n), -4n);
    assert.equal(binaryFn('floormod', intType)(-7n, 2n), 1n);
    assert.equal(binaryFn('floordiv', intType)(7n, -2n), -4n);
    assert.equal(binaryFn('floormod', intType)(7n, -2n), -1n);
    assert.equal(binaryFn('floordiv', intType)(6n, -2n), -3n);
    assert.equal(binaryFn('floormod', intType)(6n, -2n), 0n);
    assert.equal(binaryFn('add', intType)(2n ** 100n, 1n), 2n ** 100n + 1n);
  });
  it('division by zero is total (SMT-LIB for bit-vectors)', () => {
    assert.equal(binaryFn('div', u32)(5n, 0n), 4294967295n);
    assert.equal(binaryFn('div', i32)(5n, 0n), -1n);
    assert.equal(binaryFn('div', i32)(-5n, 0n), 1n);
    assert.equal(binaryFn('rem', i32)(-5n, 0n), -5n);
    assert.equal(binaryFn('div', intType)(5n, 0n), 0n);
  });
  it('shifts', () => {
    assert.equal(binaryFn('shl', i32)(1n, 31n), -2147483648n);
    assert.equal(overflowFn('shl', i32)([1n, 31n]), 1n);
    assert.equal(overflowFn('shl', i32)([1n, 30n]), 0n);
    assert.equal(overflowFn('shl', i32)([-1n, 0n]), 1n);
    assert.equal(binaryFn('shr', i8)(-128n, 7n), -1n);
    assert.equal(binaryFn('shr', i8)(-128n, 8n), -1n);
    assert.equal(binaryFn('shr', bvType(8, false))(200n, 9n), 0n);
    assert.equal(binaryFn('shl', i8)(1n, -1n), 0n);
  });
  it('evalExpr over a map; an unknown variable is an internal error', () => {
    const x: Expr = { kind: 'var', type: i32, name: 'x' };
    const e: Expr = {
      kind: 'ite',
      type: i32,
      cond: { kind: 'compare', type: boolType, op: 'gt', left: x, right: constant(i32, 0n) },
      then: { kind: 'binary', type: i32, op: 'add', left: x, right: constant(i32, 1n) },
      else: constant(i32, 7n),
    };
    assert.equal(evalExpr(e, new Map([['x', 2147483647n]])), -2147483648n);
    assert.throws(() => evalExpr(e, new Map([['y', 0n]])), /unknown variable/);
  });
});
