/** The interpreter on hand-built IR functions. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boolType } from '../../src/ir/ir.js';
import { compileFunction, runFunction } from '../../src/semantics/interpreter.js';
import {
  assert as assertA,
  assign,
  assume,
  bin,
  c,
  cmp,
  fn,
  havoc,
  i8,
  not,
  ovf,
  skip,
  u8,
  v,
} from './builder.js';

const x = v('x', i8);
const y = v('y', i8);

/** r = x > y ? x : y */
const max = fn({
  params: [
    ['x', i8],
    ['y', i8],
  ],
  locals: [['r', i8]],
  returnType: i8,
  returnVar: 'r',
  nodeKinds: { 3: 'return' },
  edges: [
    [0, 1, assume(cmp('gt', x, y))],
    [0, 2, assume(not(cmp('gt', x, y)))],
    [1, 3, assign('r', x)],
    [2, 3, assign('r', y)],
  ],
});

/** s = 0 + 1 + ... + (n-1) in u8 */
const n = v('n', u8);
const i = v('i', u8);
const s = v('s', u8);
const sum = fn({
  params: [['n', u8]],
  locals: [
    ['i', u8],
    ['s', u8],
  ],
  returnType: u8,
  returnVar: 's',
  nodeKinds: { 4: 'return' },
  edges: [
    [0, 1, skip],
    [1, 2, assume(cmp('lt', i, n))],
    [1, 4, assume(not(cmp('lt', i, n)))],
    [2, 3, assign('s', bin('add', s, i))],
    [3, 1, assign('i', bin('add', i, c(u8, 1)))],
  ],
});

/** assert !overflow(x + y); r = x + y; return r == y + x */
const addComm = fn({
  params: [
    ['x', i8],
    ['y', i8],
  ],
  locals: [['r', boolType]],
  returnType: boolType,
  returnVar: 'r',
  nodeKinds: { 2: 'return' },
  edges: [
    [0, 1, assertA(not(ovf('add', x, y)), 'f.overflow.1')],
    [1, 2, assign('r', cmp('eq', bin('add', x, y), bin('add', y, x)))],
  ],
});

const args = (a: number, b: number): Map<string, bigint> =>
  new Map([
    ['x', BigInt(a)],
    ['y', BigInt(b)],
  ]);

describe('interpreter', () => {
  it('follows branches and returns the return variable', () => {
    const o = runFunction(max, args(3, -5), []);
    assert.deepEqual(o, { kind: 'returned', value: 3n, path: [0, 2] });
    assert.deepEqual(runFunction(max, args(-128, 127), []), {
      kind: 'returned',
      value: 127n,
      path: [1, 3],
    });
  });
  it('runs loops with wrapping arithmetic', () => {
    const o = runFunction(sum, new Map([['n', 5n]]), []);
    assert.equal(o.kind, 'returned');
    assert.equal(o.kind === 'returned' && o.value, 10n);
    const big = runFunction(sum, new Map([['n', 255n]]), []);
    assert.equal(big.kind === 'returned' && big.value, BigInt((254 * 255) / 2) % 256n);
  });
  it('reports a violated assert with the edge on the path', () => {
    assert.deepEqual(runFunction(addComm, args(100, 100), []), {
      kind: 'violated',
      property: 'f.overflow.1',
      path: [0],
    });
    assert.deepEqual(runFunction(addComm, args(100, 27), []), {
      kind: 'returned',
      value: 1n,
      path: [0, 1],
    });
  });
  it('enumerates all 65,536 8-bit pairs with the exact violation count', () => {
    const run = compileFunction(addComm);
    let violated = 0;
    let expected = 0;
    for (let a = -128; a < 128; a++) {
      for (let b = -128; b < 128; b++) {
        const o = run.runPositional([BigInt(a), BigInt(b)], [], { recordPath: false });
        if (o.kind === 'violated') violated++;
        else assert.equal(o.kind === 'returned' && o.value, 1n);
        if (a + b > 127 || a + b < -128) expected++;
      }
    }
    assert.equal(violated, expected);
    assert.equal(expected, 16384);
  });
  it('havoc consumes nondet values in order, reduced into the target type', () => {
    const a = v('a', u8);
    const b = v('b', u8);
    const f = fn({
      params: [],
      locals: [
        ['a', u8],
        ['b', u8],
        ['r', u8],
      ],
      returnType: u8,
      returnVar: 'r',
      nodeKinds: { 3: 'return' },
      edges: [
        [0, 1, havoc('a', '__VERIFIER_nondet_uchar')],
        [1, 2, havoc('b', '__VERIFIER_nondet_uchar')],
        [2, 3, assign('r', bin('sub', a, b))],
      ],
    });
    assert.deepEqual(runFunction(f, new Map(), [300n, 1n]), {
      kind: 'returned',
      value: 43n,
      path: [0, 1, 2],
    });
    assert.deepEqual(runFunction(f, new Map(), [1n, -1n]), {
      kind: 'returned',
      value: 2n,
      path: [0, 1, 2],
    });
    assert.deepEqual(runFunction(f, new Map(), [5n]), { kind: 'nondet-exhausted', path: [0] });
    let k = 0n;
    assert.equal((runFunction(f, new Map(), () => (k += 10n)) as { value: bigint }).value, 246n);
  });
  it('blocked, halted, out-of-steps', () => {
    const blocked = fn({
      params: [['x', i8]],
      nodeKinds: { 1: 'return' },
      edges: [[0, 1, assume(cmp('gt', x, c(i8, 0)))]],
    });
    assert.deepEqual(runFunction(blocked, new Map([['x', 0n]]), []), { kind: 'blocked', path: [] });
    assert.deepEqual(runFunction(blocked, new Map([['x', 1n]]), []), {
      kind: 'returned',
      value: null,
      path: [0],
    });
    const halts = fn({ params: [], nodeKinds: { 1: 'halt' }, edges: [[0, 1, skip]] });
    assert.deepEqual(runFunction(halts, new Map(), []), { kind: 'halted', path: [0] });
    const spins = fn({ params: [], edges: [[0, 0, skip]], nodeKinds: { 1: 'return' } });
    const o = runFunction(spins, new Map(), [], { maxSteps: 50 });
    assert.equal(o.kind, 'out-of-steps');
    assert.equal(o.path.length, 50);
  });
  it('locals start at 0', () => {
    const f = fn({
      params: [],
      locals: [['r', i8]],
      returnType: i8,
      returnVar: 'r',
      nodeKinds: { 0: 'return' },
      edges: [],
    });
    assert.deepEqual(runFunction(f, new Map(), []), { kind: 'returned', value: 0n, path: [] });
  });
  it('throws on malformed IR or inputs (arc bugs)', () => {
    const twoWays = fn({
      params: [],
      nodeKinds: { 1: 'return', 2: 'return' },
      edges: [
        [0, 1, skip],
        [0, 2, skip],
      ],
    });
    assert.throws(() => runFunction(twoWays, new Map(), []), /both enabled/);
    assert.throws(
      () => runFunction(max, new Map([['x', 1n]]), []),
      /no input value for parameter 'y'/,
    );
    assert.throws(() => runFunction(max, args(200, 0), []), /outside its type's range/);
    const unknown = fn({
      params: [],
      nodeKinds: { 1: 'return' },
      edges: [[0, 1, assign('zz', c(i8, 1))]],
    });
    assert.throws(() => runFunction(unknown, new Map(), []), /unknown variable 'zz'/);
  });
});
