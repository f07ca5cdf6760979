/**
 * Term factories: sort checking, constant folding, printing; and the
 * JavaScript semantics (used for folding and witness evaluation) agree with
 * Z3 on every bit-vector operator for all 4-bit operand pairs and on
 * sampled 8- and 64-bit pairs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BvBinOp, BvCmpOp, IntBinOp, Term } from '../../src/smt/index.js';
import {
  and,
  bv2nat,
  bvBinary,
  bvCompare,
  bvConst,
  bvNeg,
  bvNot,
  bvSort,
  checkSat,
  eq,
  evaluate,
  extract,
  falseTerm,
  int2bv,
  intBinary,
  intConst,
  intSort,
  ite,
  mkVar,
  not,
  or,
  signExtend,
  toSmtlib,
  trueTerm,
  zeroExtend,
} from '../../src/smt/index.js';

test('factories check sorts', () => {
  const x = mkVar('x', bvSort(8));
  const y = mkVar('y', bvSort(16));
  assert.throws(() => bvBinary('bvadd', x, y));
  assert.throws(() => and(x));
  assert.throws(() => intBinary('+', x, x));
  assert.throws(() => extract(8, 0, x));
  assert.throws(() => mkVar('a|b', intSort));
});

test('factories fold constants and identities', () => {
  const x = mkVar('x', bvSort(8));
  const c = bvBinary('bvadd', bvConst(8, 200n), bvConst(8, 100n));
  assert.deepEqual(c, bvConst(8, 44n));
  assert.equal(and(trueTerm, eq(x, x)), trueTerm);
  assert.equal(or(falseTerm, falseTerm), falseTerm);
  const p = bvCompare('bvult', x, bvConst(8, 3n));
  assert.equal(and(p, trueTerm, p), p);
  assert.equal(not(not(p)), p);
  assert.equal(ite(p, x, x), x);
  assert.deepEqual(bvBinary('bvudiv', bvConst(8, 7n), bvConst(8, 0n)), bvConst(8, 255n));
  assert.equal(intBinary('div', intConst(7n), intConst(0n)).kind, 'app');
});

test('printing shares subterms and bounds nesting', () => {
  const x = mkVar('g::x#2', bvSort(8));
  let t: Term = x;
  for (let i = 0; i < 500; i++) t = bvBinary('bvadd', t, bvConst(8, BigInt(i)));
  const shared = bvBinary('bvmul', t, t);
  const text = toSmtlib({ assertions: [eq(shared, bvConst(8, 0n))], comments: ['hello'] });
  assert.match(
    text,
    /^; hello\n\(set-logic QF_BV\)\n\(declare-fun \|g::x#2\| \(\) \(_ BitVec 8\)\)/,
  );
  assert.ok(text.endsWith('(check-sat)\n'));
  let depth = 0;
  let maxDepth = 0;
  for (const ch of text) {
    if (ch === '(') maxDepth = Math.max(maxDepth, ++depth);
    if (ch === ')') depth--;
  }
  assert.ok(maxDepth < 60, `nesting ${maxDepth}`);
  assert.ok(text.length < 30000);
});

const BV_BIN: readonly BvBinOp[] = [
  'bvadd',
  'bvsub',
  'bvmul',
  'bvudiv',
  'bvurem',
  'bvsdiv',
  'bvsrem',
  'bvshl',
  'bvlshr',
  'bvashr',
  'bvand',
  'bvor',
  'bvxor',
];
const BV_CMP: readonly BvCmpOp[] = ['bvult', 'bvule', 'bvslt', 'bvsle'];

/** Asks Z3 whether op(x_i, y_i) differs from the folded value for any pair: must be unsat. */
async function agreeWithZ3(
  w: number,
  pairs: readonly [bigint, bigint][],
  op: (a: Term, b: Term) => Term,
): Promise<void> {
  const differs: Term[] = [];
  const defs: Term[] = [];
  pairs.forEach(([a, b], i) => {
    const x = mkVar(`x${i}`, bvSort(w));
    const y = mkVar(`y${i}`, bvSort(w));
    defs.push(eq(x, bvConst(w, a)), eq(y, bvConst(w, b)));
    const folded = op(bvConst(w, a), bvConst(w, b));
    assert.equal(folded.kind, 'const');
    differs.push(not(eq(op(x, y), folded)));
    const value = evaluate(op(x, y), (v) =>
      v.name === x.name ? BigInt.asUintN(w, a) : BigInt.asUintN(w, b),
    );
    assert.equal(value, (folded as { value: bigint }).value);
  });
  const r = await checkSat({ assertions: [...defs, or(...differs)] }, { timeoutMs: 60000 });
  assert.equal(r.status, 'unsat');
}

function allPairs(w: number): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  for (let a = 0n; a < 1n << BigInt(w); a++)
    for (let b = 0n; b < 1n << BigInt(w); b++) out.push([a, b]);
  return out;
}

function samplePairs(w: number, n: number): [bigint, bigint][] {
  const m = 1n << BigInt(w);
  const special = [0n, 1n, m - 1n, m >> 1n, (m >> 1n) - 1n, BigInt(w), BigInt(w - 1)];
  const out: [bigint, bigint][] = [];
  for (const a of special) for (const b of special) out.push([a, b]);
  let seed = 12345n;
  const next = (): bigint => {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) % (1n << 64n);
    return seed % m;
  };
  for (let i = 0; i < n; i++) out.push([next(), next() % (i % 3 === 0 ? BigInt(w) + 2n : m)]);
  return out;
}

test('bit-vector semantics agree with Z3 (all 4-bit pairs; sampled 8- and 64-bit)', async () => {
  const suites: [number, [bigint, bigint][]][] = [
    [4, allPairs(4)],
    [8, samplePairs(8, 60)],
    [64, samplePairs(64, 60)],
  ];
  for (const [w, pairs] of suites) {
    for (const op of BV_BIN) await agreeWithZ3(w, pairs, (a, b) => bvBinary(op, a, b));
    for (const op of BV_CMP) await agreeWithZ3(w, pairs, (a, b) => ite(bvCompare(op, a, b), a, b));
    await agreeWithZ3(w, pairs, (a, b) => bvBinary('bvxor', bvNeg(a), bvNot(b)));
    await agreeWithZ3(w, pairs, (a, b) =>
      extract(w - 1, 0, bvBinary('bvadd', signExtend(3, a), zeroExtend(3, b))),
    );
    await agreeWithZ3(w, pairs, (a) => int2bv(w, intBinary('-', bv2nat(a), intConst(1000n))));
  }
});

test('Int div/mod are Euclidean as in SMT-LIB', async () => {
  const ops: IntBinOp[] = ['div', 'mod'];
  const vals = [-7n, -6n, -1n, 0n, 1n, 5n, 7n];
  for (const op of ops) {
    const differs: Term[] = [];
    const defs: Term[] = [];
    let i = 0;
    for (const a of vals) {
      for (const b of vals) {
        if (b === 0n) continue;
        const x = mkVar(`a${i}`, intSort);
        const y = mkVar(`b${i++}`, intSort);
        defs.push(eq(x, intConst(a)), eq(y, intConst(b)));
        differs.push(not(eq(intBinary(op, x, y), intBinary(op, intConst(a), intConst(b)))));
      }
    }
    const r = await checkSat({ assertions: [...defs, or(...differs)] }, { timeoutMs: 20000 });
    assert.equal(r.status, 'unsat', op);
  }
});
