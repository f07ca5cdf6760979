/**
 * The IR → term translation against a brute-force reference: `overflow`
 * for every op over all 8-bit operand pairs (by constant folding, which uses
 * the SMT-LIB semantics checked against Z3 in test/smt) and over all 4-bit
 * pairs through Z3 itself; arithmetic operators, casts and the int
 * operators likewise.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeExpr } from '../../../src/engines/encoding/bitvector.js';
import type { BinaryOp, BitVecType, Expr, OverflowOp, Type } from '../../../src/ir/ir.js';
import { bvRange, bvType, intType } from '../../../src/ir/ir.js';
import type { Term } from '../../../src/smt/index.js';
import {
  bvConst,
  checkSat,
  eq,
  intConst,
  mkVar,
  not,
  or,
  bvSort,
  intSort,
} from '../../../src/smt/index.js';
import { bin, c, cast, ovf, refEval, refOverflow } from '../bmc/builder.js';

const OPS: readonly OverflowOp[] = ['add', 'sub', 'mul', 'neg', 'div', 'shl'];

function values(t: BitVecType): bigint[] {
  const { min, max } = bvRange(t);
  const out: bigint[] = [];
  for (let v = min; v <= max; v++) out.push(v);
  return out;
}

function folded(e: Expr): bigint {
  const t = encodeExpr(e, new Map());
  assert.equal(t.kind, 'const', 'a constant expression folds');
  return (t as { value: bigint }).value;
}

function asType(v: bigint, t: Type): bigint {
  return t.kind === 'bv' && t.signed ? BigInt.asIntN(t.width, v) : v;
}

test('overflow encoding is exact on all 8-bit pairs (signed and unsigned)', () => {
  for (const t of [bvType(8, true), bvType(8, false)]) {
    const vs = values(t);
    for (const op of OPS) {
      for (const a of vs) {
        for (const b of op === 'neg' ? [0n] : vs) {
          const e = op === 'neg' ? ovf(op, c(t, a)) : ovf(op, c(t, a), c(t, b));
          const want = refOverflow(op, t, a, b) ? 1n : 0n;
          if (folded(e) !== want) assert.fail(`${op} ${a} ${b} on ${t.signed ? 'i8' : 'u8'}`);
        }
      }
    }
  }
});

const ARITH: readonly BinaryOp[] = [
  'add',
  'sub',
  'mul',
  'div',
  'rem',
  'shl',
  'shr',
  'bitand',
  'bitor',
  'bitxor',
];

test('bit-vector operators and casts agree with the reference on all 8-bit pairs', () => {
  for (const t of [bvType(8, true), bvType(8, false)]) {
    const vs = values(t);
    for (const op of ARITH) {
      for (const a of vs) {
        for (const b of vs) {
          if ((op === 'div' || op === 'rem') && b === 0n) continue;
          const e = bin(op, c(t, a), c(t, b));
          const got = asType(folded(e), t);
          if (got !== refEval(e, new Map())) assert.fail(`${op} ${a} ${b}`);
        }
      }
    }
    for (const to of [
      bvType(4, true),
      bvType(4, false),
      bvType(16, true),
      bvType(16, false),
      intType,
    ]) {
      for (const a of vs) {
        const e = cast(to, c(t, a));
        if (asType(folded(e), to) !== refEval(e, new Map()))
          assert.fail(`cast ${a} to ${JSON.stringify(to)}`);
      }
    }
  }
});

test('int operators (C and Python division) agree with the reference', () => {
  const vs = [-9n, -7n, -6n, -1n, 0n, 1n, 2n, 3n, 7n, 10n];
  const ops: BinaryOp[] = ['div', 'rem', 'floordiv', 'floormod', 'add', 'sub', 'mul'];
  for (const op of ops) {
    for (const a of vs) {
      for (const b of vs) {
        if (b === 0n && op !== 'add' && op !== 'sub' && op !== 'mul') continue;
        const e = bin(op, c(intType, a), c(intType, b));
        assert.equal(folded(e), refEval(e, new Map()), `${op} ${a} ${b}`);
      }
    }
  }
  assert.equal(folded(cast(bvType(8, true), c(intType, 200n))), 200n);
});

/** One query per op: is there a 4-bit pair where the encoding differs from the table? */
test('overflow encoding through Z3 on all 4-bit pairs', async () => {
  for (const t of [bvType(4, true), bvType(4, false)]) {
    const vs = values(t);
    for (const op of OPS) {
      const defs: Term[] = [];
      const differs: Term[] = [];
      vs.forEach((a, i) => {
        vs.forEach((b, j) => {
          const xa = mkVar(`a${i}_${j}`, bvSort(4));
          const xb = mkVar(`b${i}_${j}`, bvSort(4));
          defs.push(eq(xa, bvConst(4, a)), eq(xb, bvConst(4, b)));
          const env = new Map([
            ['x', xa],
            ['y', xb],
          ]);
          const vx: Expr = { kind: 'var', type: t, name: 'x' };
          const vy: Expr = { kind: 'var', type: t, name: 'y' };
          const term = encodeExpr(op === 'neg' ? ovf(op, vx) : ovf(op, vx, vy), env);
          const want = refOverflow(op, t, a, b);
          differs.push(want ? not(term) : term);
        });
      });
      const r = await checkSat({ assertions: [...defs, or(...differs)] }, { timeoutMs: 30000 });
      assert.equal(r.status, 'unsat', `${op} ${t.signed ? 'signed' : 'unsigned'}`);
    }
  }
});

test('int division encoding through Z3', async () => {
  const vs = [-7n, -6n, -1n, 0n, 1n, 2n, 7n];
  for (const op of ['div', 'rem', 'floordiv', 'floormod'] as const) {
    const defs: Term[] = [];
    const differs: Term[] = [];
    vs.forEach((a, i) => {
      vs.forEach((b, j) => {
        if (b === 0n) return;
        const xa = mkVar(`a${i}_${j}`, intSort);
        const xb = mkVar(`b${i}_${j}`, intSort);
        defs.push(eq(xa, intConst(a)), eq(xb, intConst(b)));
        const e = bin(
          op,
          { kind: 'var', type: intType, name: 'x' },
          { kind: 'var', type: intType, name: 'y' },
        );
        const term = encodeExpr(
          e,
          new Map([
            ['x', xa],
            ['y', xb],
          ]),
        );
        differs.push(
          not(eq(term, intConst(refEval(bin(op, c(intType, a), c(intType, b)), new Map())))),
        );
      });
    });
    const r = await checkSat({ assertions: [...defs, or(...differs)] }, { timeoutMs: 30000 });
    assert.equal(r.status, 'unsat', op);
  }
});
