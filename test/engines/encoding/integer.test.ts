/**
 * The integer encoding of IR expressions (encoding/integer.ts) in exact mode,
 * differentially against arc's IR evaluator (semantics/eval.ts): on random
 * well-typed expressions over i8/u8/i16/u16/i32/u32, bool and int variables,
 * using every operator the encoder claims to encode exactly, the encoded Int
 * (or Bool) term must equal the evaluator's value for in-range variable
 * values — Z3 must find no assignment among the given ones where they
 * differ — and the encoder must not report an approximation. Operators
 * outside exact integer arithmetic must set `fresh.approximate`, and their
 * over-approximation must still admit the true value.
 *
 * Many (expression, values) checks go into one query: each set of values
 * gets its own copies of the variables, bound by equalities, and the query
 * asks for the disjunction of all mismatches. A sat answer is then narrowed
 * down to the first mismatching check for the failure message.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FreshValues, IntEncoder, intSortOf } from '../../../src/engines/encoding/integer.js';
import type {
  BinaryOp,
  BitVecType,
  CompareOp,
  Expr,
  OverflowOp,
  Type,
} from '../../../src/ir/ir.js';
import { boolType, bvRange, bvType, intType, typeName } from '../../../src/ir/ir.js';
import { printExpr } from '../../../src/ir/print.js';
import { evalExpr } from '../../../src/semantics/eval.js';
import type { Term } from '../../../src/smt/index.js';
import {
  checkSat,
  conjunction,
  disjunction,
  eq,
  intConst,
  mkVar,
  not,
  boolConst,
} from '../../../src/smt/index.js';
import { bin, c, cast, cmp, i32, i8, neg, ovf, u32, u8, v } from '../../support/ir-exprs.js';

const SEED = 20_250_611;
/** Solver queries of the random test; each holds EXPRS_PER_RUN × ENVS_PER_RUN checks. */
const RUNS = 50;
const EXPRS_PER_RUN = 10;
const ENVS_PER_RUN = 4;
const MAX_DEPTH = 3;
const SOLVER_MS = 20_000;

const i16 = bvType(16, true);
const u16 = bvType(16, false);
const BV_TYPES: readonly BitVecType[] = [
  i8 as BitVecType,
  u8 as BitVecType,
  i16,
  u16,
  i32 as BitVecType,
  u32 as BitVecType,
];
const ALL_TYPES: readonly Type[] = [...BV_TYPES, boolType, intType];
/** Mathematical-integer variables range over this much (any bound would do). */
const INT_LIMIT = 1n << 40n;

interface VarDecl {
  readonly name: string;
  readonly type: Type;
}
/** Two variables of every type: `a_i8`, `b_i8`, ... */
const VARS: readonly VarDecl[] = ALL_TYPES.flatMap((t) =>
  ['a', 'b'].map((p) => ({ name: `${p}_${typeName(t)}`, type: t })),
);
const varsOf = (t: Type): VarDecl[] => VARS.filter((x) => typeName(x.type) === typeName(t));

function rangeOfType(t: Type): { min: bigint; max: bigint } {
  if (t.kind === 'bv') return bvRange(t);
  if (t.kind === 'bool') return { min: 0n, max: 1n };
  return { min: -INT_LIMIT, max: INT_LIMIT };
}

/** The values where encodings go wrong: the ends of the range, 0, ±1, and their neighbours. */
function edgeValues(t: Type): bigint[] {
  const { min, max } = rangeOfType(t);
  const candidates = [min, min + 1n, max, max - 1n, 0n, 1n, -1n, 2n, -2n];
  if (t.kind === 'int') candidates.push(1n << 31n, -(1n << 31n), (1n << 32n) - 1n);
  return [...new Set(candidates.filter((x) => x >= min && x <= max))];
}

/** A value of type `t`: often an edge value or a small number, otherwise anything in range. */
function valueOf(t: Type): fc.Arbitrary<bigint> {
  const { min, max } = rangeOfType(t);
  const lo = min > -8n ? min : -8n;
  const hi = max < 8n ? max : 8n;
  return fc.oneof(
    fc.constantFrom(...edgeValues(t)),
    fc.bigInt({ min: lo, max: hi }),
    fc.bigInt({ min, max }),
  );
}

const typeKey = (t: Type): string => typeName(t);

const unary = (op: 'neg' | 'bitnot' | 'not', a: Expr): Expr => ({
  kind: 'unary',
  type: a.type,
  op,
  arg: a,
});
const iteE = (cond: Expr, a: Expr, b: Expr): Expr => ({
  kind: 'ite',
  type: a.type,
  cond,
  then: a,
  else: b,
});

const ARITH: readonly BinaryOp[] = ['add', 'sub', 'mul', 'div', 'rem'];
const INT_ARITH: readonly BinaryOp[] = [...ARITH, 'floordiv', 'floormod'];
const ORDER: readonly CompareOp[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const OVERFLOW_OPS: readonly OverflowOp[] = ['add', 'sub', 'mul', 'div', 'neg', 'shl'];

const memo = new Map<string, fc.Arbitrary<Expr>>();

/**
 * A random well-typed expression of type `t` with at most `depth` operator
 * levels, using only operators (and operand shapes) the exact encoding
 * covers: shifts by constants in range, `&` with 2^k − 1, `|`/`^` with 0.
 */
function exprOf(t: Type, depth: number): fc.Arbitrary<Expr> {
  const key = `${typeKey(t)}/${depth}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const vars = varsOf(t);
  const leaf = fc.oneof(
    fc.constantFrom(...vars).map((x) => v(x.name, x.type)),
    valueOf(t).map((x) => c(t, x)),
  );
  let arb: fc.Arbitrary<Expr>;
  if (depth === 0) {
    arb = leaf;
  } else {
    const sub = exprOf(t, depth - 1);
    const cond = exprOf(boolType, depth - 1);
    const anyType = fc.constantFrom(...ALL_TYPES);
    const fromAny = anyType.chain((u) => exprOf(u, depth - 1));
    const ite = fc.tuple(cond, sub, sub).map(([k, a, b]) => iteE(k, a, b));
    if (t.kind === 'bv') {
      const width = t.width;
      const shifts = fc
        .tuple(
          fc.constantFrom<'shl' | 'shr'>('shl', 'shr'),
          sub,
          fc.integer({ min: 0, max: width - 1 }),
        )
        .map(([op, a, k]) => bin(op, a, c(t, k)));
      // 2^k − 1 must be a value of the type: k ≤ width − 1 when signed.
      const masks = fc
        .tuple(sub, fc.integer({ min: 0, max: t.signed ? width - 1 : width }), fc.boolean())
        .map(([a, k, left]) => {
          const m = c(t, (1n << BigInt(k)) - 1n);
          // The encoder looks for the mask on the right first: `mask & const` is not exact.
          return left && a.kind === 'var' ? bin('bitand', m, a) : bin('bitand', a, m);
        });
      arb = fc.oneof(
        { arbitrary: leaf, weight: 2 },
        {
          arbitrary: fc
            .tuple(fc.constantFrom<'neg' | 'bitnot'>('neg', 'bitnot'), sub)
            .map(([op, a]) => unary(op, a)),
          weight: 2,
        },
        {
          arbitrary: fc
            .tuple(fc.constantFrom(...ARITH), sub, sub)
            .map(([op, a, b]) => bin(op, a, b)),
          weight: 5,
        },
        { arbitrary: shifts, weight: 2 },
        { arbitrary: masks, weight: 2 },
        {
          arbitrary: fc
            .tuple(fc.constantFrom<BinaryOp>('bitor', 'bitxor'), sub)
            .map(([op, a]) => bin(op, a, c(t, 0))),
          weight: 1,
        },
        { arbitrary: fromAny.map((a) => cast(t, a)), weight: 3 },
        { arbitrary: ite, weight: 1 },
      );
    } else if (t.kind === 'int') {
      arb = fc.oneof(
        { arbitrary: leaf, weight: 2 },
        { arbitrary: sub.map((a) => neg(a)), weight: 1 },
        {
          arbitrary: fc
            .tuple(fc.constantFrom(...INT_ARITH), sub, sub)
            .map(([op, a, b]) => bin(op, a, b)),
          weight: 5,
        },
        { arbitrary: fromAny.map((a) => cast(t, a)), weight: 2 },
        { arbitrary: ite, weight: 1 },
      );
    } else {
      const nonBool = fc.constantFrom(...ALL_TYPES.filter((u) => u.kind !== 'bool'));
      const compare = nonBool.chain((u) =>
        fc
          .tuple(fc.constantFrom(...ORDER), exprOf(u, depth - 1), exprOf(u, depth - 1))
          .map(([op, a, b]) => cmp(op, a, b)),
      );
      const boolCompare = fc
        .tuple(fc.constantFrom<CompareOp>('eq', 'ne'), sub, sub)
        .map(([op, a, b]) => cmp(op, a, b));
      const overflow = fc
        .tuple(fc.constantFrom(...BV_TYPES), fc.constantFrom(...OVERFLOW_OPS))
        .chain(([u, op]) => {
          const arg = exprOf(u, depth - 1);
          if (op === 'neg') return arg.map((a) => ovf(op, a));
          if (op === 'shl') {
            return fc
              .tuple(arg, fc.integer({ min: 0, max: u.width - 1 }))
              .map(([a, k]) => ovf(op, a, c(u, k)));
          }
          return fc.tuple(arg, arg).map(([a, b]) => ovf(op, a, b));
        });
      arb = fc.oneof(
        { arbitrary: leaf, weight: 1 },
        { arbitrary: compare, weight: 5 },
        { arbitrary: boolCompare, weight: 1 },
        { arbitrary: sub.map((a) => unary('not', a)), weight: 1 },
        {
          arbitrary: fc
            .tuple(fc.constantFrom<BinaryOp>('and', 'or'), sub, sub)
            .map(([op, a, b]) => bin(op, a, b)),
          weight: 2,
        },
        { arbitrary: overflow, weight: 4 },
        {
          arbitrary: fc
            .constantFrom(...ALL_TYPES.filter((u) => u.kind !== 'bool'))
            .chain((u) => exprOf(u, depth - 1))
            .map((a) => cast(boolType, a)),
          weight: 1,
        },
        { arbitrary: ite, weight: 1 },
      );
    }
  }
  memo.set(key, arb);
  return arb;
}

/** Values of all variables. */
type Env = ReadonlyMap<string, bigint>;
const envArb: fc.Arbitrary<Env> = fc
  .tuple(...VARS.map((x) => valueOf(x.type)))
  .map((vals) => new Map(VARS.map((x, i) => [x.name, vals[i]])));

/** An expression of any type. */
const anyExpr: fc.Arbitrary<Expr> = fc.oneof(
  { arbitrary: fc.constantFrom(...ALL_TYPES).chain((t) => exprOf(t, MAX_DEPTH)), weight: 3 },
  { arbitrary: exprOf(boolType, MAX_DEPTH), weight: 1 },
);

interface Check {
  readonly expr: Expr;
  readonly env: Env;
  /** Bindings of this check's copies of the variables, and the mismatch to look for. */
  readonly bindings: readonly Term[];
  readonly mismatch: Term;
  readonly encoded: Term;
  readonly expected: bigint;
}

function describe(ch: Check): string {
  const used = [...ch.env]
    .filter(([name]) => printExpr(ch.expr).includes(name))
    .map(([name, val]) => `${name} = ${val}`)
    .join(', ');
  return `${printExpr(ch.expr)}  with ${used || 'no variables'}: the IR value is ${ch.expected}`;
}

/**
 * Encodes `e` in exact mode over copies of the variables named `tag!name`;
 * asserts no approximation and no fresh value was needed.
 */
function exactCheck(e: Expr, env: Env, tag: string): Check {
  const fresh = new FreshValues('h!');
  const encoder = new IntEncoder(fresh, true);
  const copies = new Map(VARS.map((x) => [x.name, mkVar(`${tag}!${x.name}`, intSortOf(x.type))]));
  const encoded = encoder.encode(e, copies);
  assert.equal(fresh.approximate, false, `approximated: ${printExpr(e)}`);
  assert.equal(fresh.vars.length, 0, `made fresh values: ${printExpr(e)}`);
  const expected = evalExpr(e, env);
  const bindings = VARS.map((x) => {
    const copy = copies.get(x.name) as Term;
    const value = env.get(x.name) as bigint;
    return eq(copy, x.type.kind === 'bool' ? boolConst(value !== 0n) : intConst(value));
  });
  const mismatch =
    e.type.kind === 'bool'
      ? expected !== 0n
        ? not(encoded)
        : encoded
      : not(eq(encoded, intConst(expected)));
  return { expr: e, env, bindings, mismatch, encoded, expected };
}

/** Asserts that no check's encoding differs from its IR value (one query; narrowed down on failure). */
async function assertAllAgree(checks: readonly Check[]): Promise<void> {
  const query = (cs: readonly Check[]) => ({
    assertions: [
      conjunction(cs.flatMap((ch) => ch.bindings)),
      disjunction(cs.map((ch) => ch.mismatch)),
    ],
  });
  const all = await checkSat(query(checks), { timeoutMs: SOLVER_MS });
  if (all.status === 'unsat') return;
  assert.equal(all.status, 'sat', `the solver gave up (${all.reason ?? ''})`);
  for (const ch of checks) {
    const one = await checkSat(query([ch]), { timeoutMs: SOLVER_MS });
    if (one.status !== 'unsat') assert.fail(`the exact encoding differs: ${describe(ch)}`);
  }
  assert.fail('some check differs, but none does on its own');
}

const bump = (m: Map<string, number>, key: string): void => {
  m.set(key, (m.get(key) ?? 0) + 1);
};

/** Counts every operator (and expression kind) an expression uses, for the coverage check. */
function operators(e: Expr, out: Map<string, number>): Map<string, number> {
  switch (e.kind) {
    case 'const':
    case 'var':
      bump(out, e.kind);
      break;
    case 'unary':
      bump(out, e.op);
      operators(e.arg, out);
      break;
    case 'binary':
      bump(out, e.op);
      operators(e.left, out);
      operators(e.right, out);
      break;
    case 'compare':
      bump(out, e.op);
      operators(e.left, out);
      operators(e.right, out);
      break;
    case 'ite':
      bump(out, 'ite');
      operators(e.cond, out);
      operators(e.then, out);
      operators(e.else, out);
      break;
    case 'cast':
      bump(out, `cast ${typeName(e.arg.type)}->${typeName(e.type)}`);
      operators(e.arg, out);
      break;
    case 'overflow':
      bump(out, `overflow ${e.op}`);
      for (const a of e.args) operators(a, out);
      break;
  }
  return out;
}

test(
  'exact mode agrees with the IR evaluator on random expressions, and approximates nothing',
  { timeout: 300_000 },
  async () => {
    const seen = new Map<string, number>();
    let checks = 0;
    let zeroDivisors = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyExpr, { minLength: EXPRS_PER_RUN, maxLength: EXPRS_PER_RUN }),
        fc.array(envArb, { minLength: ENVS_PER_RUN, maxLength: ENVS_PER_RUN }),
        async (exprs, envs) => {
          const batch: Check[] = [];
          exprs.forEach((e, k) => {
            operators(e, seen);
            envs.forEach((env, j) => batch.push(exactCheck(e, env, `e${k}x${j}`)));
          });
          checks += batch.length;
          zeroDivisors += envs.filter((env) => env.get('a_i8') === 0n).length;
          await assertAllAgree(batch);
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, includeErrorInReport: true },
    );
    assert.ok(checks >= RUNS * EXPRS_PER_RUN * ENVS_PER_RUN);
    assert.ok(zeroDivisors > 0, 'no zero values were generated');
    // The generator must reach every operator the test is about.
    const required = [
      'add',
      'sub',
      'mul',
      'div',
      'rem',
      'floordiv',
      'floormod',
      'neg',
      'bitnot',
      'not',
      'shl',
      'shr',
      'bitand',
      'bitor',
      'bitxor',
      'and',
      'or',
      'ite',
      ...ORDER,
      ...OVERFLOW_OPS.map((o) => `overflow ${o}`),
      'cast u32->i8',
      'cast i8->u32',
      'cast i16->u16',
      'cast bool->i32',
      'cast i32->bool',
      'cast int->u8',
      'cast i8->int',
    ];
    const missing = required.filter((r) => !seen.has(r));
    assert.deepEqual(
      missing,
      [],
      `operators the generator never produced: ${missing.join(', ')}; seen: ${[...seen].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );
  },
);

test('exact mode on hand-picked corner cases (division by zero, INT_MIN / -1, wrap-around)', async () => {
  const x8 = v('a_i8', i8);
  const y8 = v('b_i8', i8);
  const xu8 = v('a_u8', u8);
  const yu8 = v('b_u8', u8);
  const x32 = v('a_i32', i32);
  const y32 = v('b_i32', i32);
  const xu32 = v('a_u32', u32);
  const n = v('a_int', intType);
  const m = v('b_int', intType);
  const cases: [Expr, Record<string, bigint>][] = [
    [bin('div', x8, y8), { a_i8: -128n, b_i8: -1n }],
    [bin('rem', x8, y8), { a_i8: -128n, b_i8: -1n }],
    [bin('div', x8, y8), { a_i8: -5n, b_i8: 0n }],
    [bin('div', x8, y8), { a_i8: 5n, b_i8: 0n }],
    [bin('div', x8, y8), { a_i8: 0n, b_i8: 0n }],
    [bin('rem', x8, y8), { a_i8: -7n, b_i8: 0n }],
    [bin('div', x8, c(i8, 0)), { a_i8: -3n }],
    [bin('rem', x8, c(i8, 0)), { a_i8: -3n }],
    [bin('div', xu8, yu8), { a_u8: 200n, b_u8: 0n }],
    [bin('rem', xu8, yu8), { a_u8: 200n, b_u8: 0n }],
    [bin('div', x8, y8), { a_i8: -7n, b_i8: 2n }],
    [bin('rem', x8, y8), { a_i8: -7n, b_i8: 2n }],
    [bin('div', x8, y8), { a_i8: 7n, b_i8: -2n }],
    [bin('rem', x8, y8), { a_i8: 7n, b_i8: -2n }],
    [bin('div', n, m), { a_int: -7n, b_int: 0n }],
    [bin('rem', n, m), { a_int: -7n, b_int: 0n }],
    [bin('floordiv', n, m), { a_int: -7n, b_int: 2n }],
    [bin('floormod', n, m), { a_int: -7n, b_int: 2n }],
    [bin('floordiv', n, m), { a_int: 7n, b_int: -2n }],
    [bin('floormod', n, m), { a_int: 7n, b_int: -2n }],
    [bin('floordiv', n, m), { a_int: 7n, b_int: 0n }],
    [bin('floormod', n, m), { a_int: 7n, b_int: 0n }],
    [neg(x8), { a_i8: -128n }],
    [neg(xu8), { a_u8: 1n }],
    [unary('bitnot', x8), { a_i8: -128n }],
    [unary('bitnot', xu32), { a_u32: 0n }],
    [bin('add', x8, y8), { a_i8: 127n, b_i8: 1n }],
    [bin('sub', xu8, yu8), { a_u8: 0n, b_u8: 1n }],
    [bin('add', xu8, yu8), { a_u8: 255n, b_u8: 255n }],
    [bin('mul', x32, y32), { a_i32: 65536n, b_i32: 65536n }],
    [bin('mul', x32, y32), { a_i32: -(2n ** 31n), b_i32: -1n }],
    [bin('shl', x8, c(i8, 7)), { a_i8: 1n }],
    [bin('shl', x8, c(i8, 1)), { a_i8: -65n }],
    [bin('shr', x8, c(i8, 7)), { a_i8: -1n }],
    [bin('shr', x8, c(i8, 3)), { a_i8: -9n }],
    [bin('shr', xu8, c(u8, 7)), { a_u8: 255n }],
    [bin('bitand', x8, c(i8, 15)), { a_i8: -1n }],
    [bin('bitand', c(i8, 127), x8), { a_i8: -128n }],
    [bin('bitand', x8, c(i8, 0)), { a_i8: -1n }],
    [bin('bitand', xu32, c(u32, 0xffffffffn)), { a_u32: 0xdeadbeefn }],
    [cast(i8, xu32), { a_u32: 0xff80n }],
    [cast(u32, x8), { a_i8: -1n }],
    [cast(u8, n), { a_int: -1n }],
    [cast(i8, n), { a_int: 200n }],
    [cast(i16, cast(u8, x8)), { a_i8: -1n }],
    [cast(boolType, x8), { a_i8: -128n }],
    [cast(i32, cmp('lt', x8, y8)), { a_i8: -1n, b_i8: 0n }],
    [cmp('lt', xu8, yu8), { a_u8: 200n, b_u8: 100n }],
    [ovf('add', x8, y8), { a_i8: 127n, b_i8: 1n }],
    [ovf('add', x8, y8), { a_i8: -128n, b_i8: -1n }],
    [ovf('sub', x8, y8), { a_i8: -128n, b_i8: 1n }],
    [ovf('mul', x8, y8), { a_i8: -128n, b_i8: -1n }],
    [ovf('mul', x8, y8), { a_i8: -64n, b_i8: 2n }],
    [ovf('neg', x8), { a_i8: -128n }],
    [ovf('div', x8, y8), { a_i8: -128n, b_i8: -1n }],
    [ovf('div', x8, y8), { a_i8: -128n, b_i8: 0n }],
    [ovf('shl', x8, c(i8, 1)), { a_i8: 64n }],
    [ovf('shl', x8, c(i8, 1)), { a_i8: -1n }],
    [ovf('shl', x8, c(i8, 6)), { a_i8: 1n }],
    [ovf('add', xu8, yu8), { a_u8: 255n, b_u8: 1n }],
    [ovf('shl', xu8, c(u8, 7)), { a_u8: 255n }],
  ];
  const base = new Map(VARS.map((x) => [x.name, 0n]));
  const checks = cases.map(([e, values], k) => {
    const env = new Map(base);
    for (const [name, val] of Object.entries(values)) env.set(name, val);
    return exactCheck(e, env, `c${k}`);
  });
  await assertAllAgree(checks);
});

test('a wrong expected value is detected (the check can fail)', async () => {
  // Guards the test itself: the same machinery must find an off-by-one.
  const env = new Map(VARS.map((x) => [x.name, 0n]));
  env.set('a_i8', 127n);
  env.set('b_i8', 1n);
  const ch = exactCheck(bin('add', v('a_i8', i8), v('b_i8', i8)), env, 'w');
  assert.equal(ch.expected, -128n);
  const wrong = { ...ch, mismatch: not(eq(ch.encoded, intConst(128n))) };
  await assert.rejects(assertAllAgree([wrong]), /differs/);
});

test('operations outside exact integer arithmetic set fresh.approximate, and admit the true value', async () => {
  const x = v('a_i32', i32);
  const y = v('b_i32', i32);
  const xu = v('a_u8', u8);
  const yu = v('b_u8', u8);
  const approximated: Expr[] = [
    bin('bitor', x, y),
    bin('bitxor', x, y),
    bin('bitor', xu, c(u8, 5)),
    bin('bitxor', c(u8, 3), yu),
    bin('shl', x, y),
    bin('shr', x, y),
    bin('shr', xu, yu),
    bin('shl', x, c(i32, 32)),
    bin('bitand', x, y),
    bin('bitand', xu, c(u8, 6)),
    ovf('shl', x, y),
    cmp('eq', bin('bitor', x, y), c(i32, 0)),
  ];
  const env = new Map(VARS.map((d) => [d.name, 0n]));
  env.set('a_i32', -6n);
  env.set('b_i32', 3n);
  env.set('a_u8', 200n);
  env.set('b_u8', 3n);
  for (const [k, e] of approximated.entries()) {
    const fresh = new FreshValues('h!');
    const encoder = new IntEncoder(fresh, true);
    const copies = new Map(VARS.map((d) => [d.name, mkVar(`p${k}!${d.name}`, intSortOf(d.type))]));
    const term = encoder.encode(e, copies);
    assert.equal(fresh.approximate, true, `not marked as approximate: ${printExpr(e)}`);
    assert.ok(fresh.vars.length > 0, `no fresh value for ${printExpr(e)}`);
    // An over-approximation: some value of the fresh variables gives the IR's value.
    const expected = evalExpr(e, env);
    const bindings = VARS.map((d) => {
      const value = env.get(d.name) as bigint;
      return eq(
        copies.get(d.name) as Term,
        d.type.kind === 'bool' ? boolConst(value !== 0n) : intConst(value),
      );
    });
    const hit =
      e.type.kind === 'bool' ? (expected !== 0n ? term : not(term)) : eq(term, intConst(expected));
    const r = await checkSat(
      { assertions: [...bindings, ...fresh.constraints, hit] },
      { timeoutMs: SOLVER_MS },
    );
    assert.equal(r.status, 'sat', `the approximation excludes the IR value of ${printExpr(e)}`);
  }
  // ... while the exact shapes of the same operators stay exact.
  for (const e of [
    bin('bitor', x, c(i32, 0)),
    bin('bitxor', x, c(i32, 0)),
    bin('shl', x, c(i32, 31)),
    bin('bitand', xu, c(u8, 255)),
  ]) {
    const fresh = new FreshValues('h!');
    new IntEncoder(fresh, true).encode(
      e,
      new Map(VARS.map((d) => [d.name, mkVar(`q!${d.name}`, intSortOf(d.type))])),
    );
    assert.equal(fresh.approximate, false, `approximated: ${printExpr(e)}`);
  }
});
