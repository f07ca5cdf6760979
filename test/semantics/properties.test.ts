/** Property-based tests: the operators against independent formulations, on random widths and values. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BitVecType } from '../../src/ir/ir.js';
import { bvType, intType, wrapToType } from '../../src/ir/ir.js';
import { binaryFn, castFn, overflowFn } from '../../src/semantics/ops.js';
import { range, refCast, refFloorDiv, refShl, refShr, refTruncDiv, refWrap } from './reference.js';

const arbType: fc.Arbitrary<BitVecType> = fc
  .record({
    width: fc.constantFrom(1, 2, 7, 8, 16, 31, 32, 33, 63, 64, 65, 128),
    signed: fc.boolean(),
  })
  .map(({ width, signed }) => bvType(width, signed));

const arbInRange = (t: BitVecType): fc.Arbitrary<bigint> => {
  const { min, max } = range(t);
  return fc.oneof(
    fc.bigInt({ min, max }),
    fc.constantFrom(min, max, 0n, min + 1n, max - 1n).filter((x) => x >= min && x <= max),
  );
};

const typedPair = arbType.chain((t) => fc.tuple(fc.constant(t), arbInRange(t), arbInRange(t)));
const big = fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n });

describe('properties', () => {
  it('reduction agrees with wrapToType and the bit-string reference', () => {
    fc.assert(
      fc.property(arbType, big, (t, x) => {
        const w = castFn(t)(x);
        assert.equal(w, wrapToType(x, t));
        assert.equal(w, refWrap(x, t));
      }),
    );
  });
  it('add/sub/mul are congruent to the exact result and in range', () => {
    fc.assert(
      fc.property(typedPair, ([t, a, b]) => {
        const m = 2n ** BigInt(t.width);
        const { min, max } = range(t);
        for (const [op, exact] of [
          ['add', a + b],
          ['sub', a - b],
          ['mul', a * b],
        ] as const) {
          const r = binaryFn(op, t)(a, b);
          assert.ok(r >= min && r <= max);
          assert.equal((((r - exact) % m) + m) % m, 0n);
          assert.equal(overflowFn(op, t)([a, b]), t.signed && r !== exact ? 1n : 0n);
        }
      }),
    );
  });
  it('div/rem: a = q·b + r with |r| < |b| and r of the sign of a', () => {
    fc.assert(
      fc.property(typedPair, ([t, a, b]) => {
        fc.pre(b !== 0n);
        const q = binaryFn('div', t)(a, b);
        const r = binaryFn('rem', t)(a, b);
        assert.equal(q, refWrap(refTruncDiv(a, b), t));
        assert.equal(refWrap(q * b + r, t), a);
        assert.ok((r < 0n ? -r : r) < (b < 0n ? -b : b));
        assert.ok(r === 0n || r < 0n === a < 0n);
      }),
    );
  });
  it('floordiv/floormod on int: a = q·b + r, r of the sign of b', () => {
    fc.assert(
      fc.property(big, big, (a, b) => {
        fc.pre(b !== 0n);
        const q = binaryFn('floordiv', intType)(a, b);
        const r = binaryFn('floormod', intType)(a, b);
        assert.equal(q, refFloorDiv(a, b));
        assert.equal(q * b + r, a);
        assert.ok(r === 0n || r < 0n === b < 0n);
        assert.ok((r < 0n ? -r : r) < (b < 0n ? -b : b));
      }),
    );
  });
  it('shifts match the bit-string reference', () => {
    fc.assert(
      fc.property(
        arbType.chain((t) =>
          fc.tuple(fc.constant(t), arbInRange(t), fc.integer({ min: 0, max: t.width + 3 })),
        ),
        ([t, a, k]) => {
          const n = BigInt(k);
          fc.pre(n <= range(t).max);
          assert.equal(binaryFn('shl', t)(a, n), refShl(a, n, t));
          assert.equal(binaryFn('shr', t)(a, n), refShr(a, n, t));
        },
      ),
    );
  });
  it('bv → bv casts truncate or extend by the source signedness', () => {
    fc.assert(
      fc.property(
        arbType.chain((t) => fc.tuple(fc.constant(t), arbInRange(t))),
        arbType,
        ([from, a], to) => {
          assert.equal(castFn(to)(a), refCast(a, from, to));
        },
      ),
    );
  });
});
