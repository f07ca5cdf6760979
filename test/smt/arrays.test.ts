/**
 * SMT arrays (term.ts, print.ts, z3-worker.ts): factories check sorts and
 * fold exactly; the printer writes SMT-LIB arrays; Z3 answers array queries;
 * an array variable's model value is a `map` value, read from whatever form
 * Z3 gives (constant arrays, stores, lambdas), that satisfies the query when
 * plugged into `evaluate`; and `evaluate` agrees with Z3 on random terms.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AppTerm, Sort, Term, TermValue, VarTerm } from '../../src/smt/index.js';
import {
  and,
  arraySort,
  boolSort,
  bvBinary,
  bvCompare,
  bvConst,
  bvSort,
  checkScript,
  checkSat,
  constArray,
  eq,
  evaluate,
  evaluateValue,
  falseTerm,
  intSort,
  ite,
  mkVar,
  not,
  or,
  quantifier,
  queryVariables,
  select,
  sortEquals,
  sortText,
  store,
  toSmtlib,
  trueTerm,
  withoutArrays,
  zeroExtend,
} from '../../src/smt/index.js';
import { termToInfix } from '../../src/smt/infix.js';
import { mapGet, mapValue, valueEquals, type MapValue, type Value } from '../../src/ir/value.js';

const bv4 = bvSort(4);
const bv8 = bvSort(8);
const bv64 = bvSort(64);
const mem4 = arraySort(bv4, bv8);
const mem64 = arraySort(bv64, bv8);

const c4 = (v: bigint): Term => bvConst(4, v);
const c8 = (v: bigint): Term => bvConst(8, v);

/** A model's value of `v` for `evaluate` (every variable of the query has one). */
function modelValueOf(model: ReadonlyMap<string, Value> | undefined): (v: VarTerm) => TermValue {
  return (v) => {
    const x = model?.get(v.name);
    if (x === undefined) throw new Error(`no model value for ${v.name}`);
    if (typeof x === 'bigint' || x.kind === 'map') return x;
    throw new Error(`a ${x.kind} model value for ${v.name}`);
  };
}

async function solve(
  assertions: readonly Term[],
): Promise<{ status: string; model?: ReadonlyMap<string, Value> }> {
  const modelOf = queryVariables({ assertions }).map((v) => v.name);
  // Generous: these take milliseconds alone, but the suite runs them beside other files.
  return checkSat({ assertions }, { timeoutMs: 120_000, modelOf });
}

function asMap(v: Value | undefined): MapValue {
  assert.ok(v !== undefined && typeof v !== 'bigint' && v.kind === 'map', `not a map: ${v}`);
  return v;
}

test('array sorts: construction, equality, SMT-LIB spelling, checks', () => {
  assert.equal(sortText(mem64), '(Array (_ BitVec 64) (_ BitVec 8))');
  assert.equal(sortText(arraySort(bv4, boolSort)), '(Array (_ BitVec 4) Bool)');
  assert.ok(sortEquals(mem4, arraySort(bvSort(4), bvSort(8))));
  assert.ok(!sortEquals(mem4, mem64));
  assert.ok(!sortEquals(mem4, arraySort(bv4, bvSort(16))));
  assert.ok(!sortEquals(mem4, bv8));
  assert.throws(() => arraySort(intSort, bv8), /internal error/);
  assert.throws(() => arraySort(bv4, mem4), /internal error/);
});

test('array factories check sorts', () => {
  const a = mkVar('a', mem4);
  const x = mkVar('x', bv8);
  assert.throws(() => select(x, c4(0n)), /internal error/);
  assert.throws(() => select(a, c8(0n)), /internal error/);
  assert.throws(() => store(a, c4(0n), c4(0n)), /internal error/);
  assert.throws(() => store(a, c8(0n), c8(0n)), /internal error/);
  assert.throws(() => constArray(bv8, c8(0n)), /internal error/);
  assert.throws(() => constArray(mem4, c4(0n)), /internal error/);
  assert.throws(() => eq(a, mkVar('b', mem64)), /internal error/);
  assert.throws(() => ite(trueTerm, a, x), /internal error/);
  assert.equal(select(a, c4(1n)).sort, bv8);
  assert.ok(sortEquals(store(a, c4(1n), x).sort, mem4));
  assert.ok(sortEquals(constArray(mem4, x).sort, mem4));
});

test('array factories fold exactly', () => {
  const a = mkVar('a', mem4);
  const i = mkVar('i', bv4);
  const x = mkVar('x', bv8);
  const y = mkVar('y', bv8);
  // select of a store at the same index, at another constant index, of a constant array.
  assert.equal(eq(select(store(a, c4(3n), c8(7n)), c4(3n)), c8(7n)), trueTerm);
  assert.equal(select(store(store(a, c4(1n), x), c4(2n), y), c4(1n)), x);
  assert.equal(select(store(a, i, x), i), x);
  assert.equal(select(constArray(mem4, x), i), x);
  assert.equal(select(store(constArray(mem4, x), c4(1n), y), c4(2n)), x);
  // Not folded: the indices may be equal.
  const open = select(store(a, i, x), c4(1n));
  assert.equal(open.kind === 'app' && open.op, 'select');
  assert.equal(open.kind === 'app' && open.args[0].kind === 'app' && open.args[0].op, 'store');
  // Stores.
  assert.equal(store(a, i, select(a, i)), a);
  const twice = store(store(a, c4(1n), x), c4(1n), y);
  assert.ok(twice.kind === 'app' && twice.args[0] === a && twice.args[2] === y);
  assert.equal(store(constArray(mem4, c8(5n)), i, c8(5n)).kind, 'app');
  const k5 = constArray(mem4, c8(5n));
  assert.equal(store(k5, i, c8(5n)), k5);
  // Constant arrays.
  assert.equal(eq(constArray(mem4, c8(1n)), constArray(mem4, c8(2n))), falseTerm);
  assert.equal(eq(constArray(mem4, c8(1n)), constArray(mem4, c8(1n))), trueTerm);
  assert.equal(eq(a, a), trueTerm);
});

test('evaluate computes on map values', () => {
  const a = mkVar('a', mem4);
  const b = mkVar('b', mem4);
  const i = mkVar('i', bv4);
  const m = mapValue(9n, [[2n, 4n]]);
  const valueOf = (v: VarTerm): TermValue =>
    v.name === 'a' ? m : v.name === 'b' ? mapValue(9n) : 2n;
  assert.equal(evaluate(select(a, i), valueOf), 4n);
  assert.equal(evaluate(select(a, c4(3n)), valueOf), 9n);
  assert.equal(evaluate(select(store(a, i, c8(1n)), i), valueOf), 1n);
  const stored = evaluateValue(store(b, i, c8(4n)), valueOf);
  assert.ok(typeof stored !== 'bigint' && valueEquals(stored, m));
  assert.equal(evaluate(eq(store(b, i, c8(4n)), a), valueOf), 1n);
  assert.equal(evaluate(eq(b, a), valueOf), 0n);
  assert.equal(evaluate(eq(constArray(mem4, c8(9n)), b), valueOf), 1n);
  const chosen = evaluateValue(ite(eq(i, c4(2n)), a, b), valueOf);
  assert.ok(typeof chosen !== 'bigint' && valueEquals(chosen, m));
  // evaluate is for scalars; evaluateValue for any sort.
  assert.throws(() => evaluate(a, valueOf), /internal error/);
  assert.throws(() => evaluate(select(a, i), () => 0n), /internal error/);
  // Equality is over the index sort: every index listed makes the defaults irrelevant.
  const bit = arraySort(bvSort(1), bv8);
  const p = mkVar('p', bit);
  const q = mkVar('q', bit);
  const full = (v: VarTerm): TermValue =>
    v.name === 'p'
      ? mapValue(0n, [
          [0n, 1n],
          [1n, 1n],
        ])
      : mapValue(1n);
  assert.equal(evaluate(eq(p, q), full), 1n);
  assert.equal(evaluate(eq(p, constArray(bit, c8(1n))), full), 1n);
  assert.equal(evaluate(eq(p, store(q, bvConst(1, 0n), c8(0n))), full), 0n);
  // A shared memo keeps array values apart from the scalars.
  const memo = new Map<Term, bigint>();
  assert.equal(evaluate(select(a, i), valueOf, memo), 4n);
  assert.equal(evaluate(select(store(a, i, c8(3n)), i), valueOf, memo), 3n);
  for (const v of memo.values()) assert.equal(typeof v, 'bigint');
});

test('a query with arrays prints as SMT-LIB', () => {
  const a = mkVar('a', mem64);
  const b = mkVar('mem#1', mem64);
  const i = mkVar('i', bv64);
  const j = mkVar('j', bv64);
  const text = toSmtlib({
    assertions: [
      eq(select(store(a, i, c8(7n)), j), c8(7n)),
      eq(b, store(constArray(mem64, c8(0n)), bvConst(64, 16n), c8(255n))),
    ],
  });
  assert.equal(
    text,
    [
      '(declare-fun j () (_ BitVec 64))',
      '(declare-fun i () (_ BitVec 64))',
      '(declare-fun a () (Array (_ BitVec 64) (_ BitVec 8)))',
      '(declare-fun |mem#1| () (Array (_ BitVec 64) (_ BitVec 8)))',
      '(assert (= (select (store a i (_ bv7 8)) j) (_ bv7 8)))',
      '(assert (= |mem#1| (store ((as const (Array (_ BitVec 64) (_ BitVec 8))) (_ bv0 8)) (_ bv16 64) (_ bv255 8))))',
      '(check-sat)',
      '',
    ].join('\n'),
  );
  assert.doesNotMatch(text, /QF_BV/);
  assert.equal(termToInfix(select(store(a, i, c8(7n)), j)), 'store(a, i, 7)[j]');
});

test('the printed text is what Z3 reads', async () => {
  const a = mkVar('a', mem64);
  const text = toSmtlib({
    assertions: [eq(select(a, bvConst(64, 5n)), c8(1n)), eq(a, constArray(mem64, c8(1n)))],
  });
  assert.equal((await checkScript(text, 20_000)).status, 'sat');
  const contradiction = toSmtlib({
    assertions: [eq(select(a, bvConst(64, 5n)), c8(2n)), eq(a, constArray(mem64, c8(1n)))],
  });
  assert.equal((await checkScript(contradiction, 20_000)).status, 'unsat');
});

test('array equality is extensional: Z3 and evaluate agree when every index is stored', async () => {
  const bit = arraySort(bvSort(1), bv8);
  const ones = store(
    store(constArray(bit, c8(0n)), bvConst(1, 0n), c8(1n)),
    bvConst(1, 1n),
    c8(1n),
  );
  const same = eq(ones, constArray(bit, c8(1n)));
  assert.equal(
    evaluate(same, () => 0n),
    1n,
  );
  assert.equal((await solve([not(same)])).status, 'unsat');
  const nearly = eq(
    store(constArray(bit, c8(0n)), bvConst(1, 0n), c8(1n)),
    constArray(bit, c8(1n)),
  );
  assert.equal(
    evaluate(nearly, () => 0n),
    0n,
  );
  assert.equal((await solve([nearly])).status, 'unsat');
});

test('select of a store: sat and unsat', async () => {
  const a = mkVar('a', mem64);
  const i = mkVar('i', bv64);
  const j = mkVar('j', bv64);
  const v = mkVar('v', bv8);
  // select(store(a, 3, 7), 3) = 7, the indices apart from the store so that nothing folds.
  const sat = [
    eq(i, bvConst(64, 3n)),
    eq(j, bvConst(64, 3n)),
    eq(select(store(a, i, c8(7n)), j), c8(7n)),
  ];
  const r = await solve(sat);
  assert.equal(r.status, 'sat');
  for (const t of sat) assert.equal(evaluate(t, modelValueOf(r.model)), 1n);
  // ... and it cannot be anything else.
  const unsat = [eq(i, j), not(eq(select(store(a, i, v), j), v))];
  assert.equal((await solve(unsat)).status, 'unsat');
  // Reading back at another index gives the old element.
  const other = [not(eq(i, j)), not(eq(select(store(a, i, v), j), select(a, j)))];
  assert.equal((await solve(other)).status, 'unsat');
});

test('a model of an array constrained at a few indices satisfies the query', async () => {
  const mem = mkVar('mem', mem64);
  const p = mkVar('p', bv64);
  const at = (k: bigint): Term => select(mem, bvBinary('bvadd', p, bvConst(64, k)));
  const assertions = [
    bvCompare('bvult', bvConst(64, 1n << 40n), p),
    eq(at(0n), c8(0x41n)),
    eq(at(1n), bvBinary('bvadd', at(0n), c8(1n))),
    bvCompare('bvult', c8(200n), at(2n)),
    not(eq(at(3n), at(4n))),
    eq(select(mem, bvConst(64, 7n)), c8(9n)),
  ];
  const r = await solve(assertions);
  assert.equal(r.status, 'sat');
  const m = asMap(r.model?.get('mem'));
  const base = r.model?.get('p') as bigint;
  assert.equal(mapGet(m, base), 0x41n);
  assert.equal(mapGet(m, base + 1n), 0x42n);
  assert.equal(mapGet(m, 7n), 9n);
  for (const [i, x] of m.entries) {
    assert.ok(i >= 0n && i < 1n << 64n, `index ${i}`);
    assert.ok(x >= 0n && x < 256n, `element ${x}`);
  }
  for (const t of assertions) assert.equal(evaluate(t, modelValueOf(r.model)), 1n);
});

test('Bool elements are 0n and 1n', async () => {
  const flags = mkVar('flags', arraySort(bv8, boolSort));
  const assertions = [select(flags, c8(3n)), not(select(flags, c8(4n)))];
  const r = await solve(assertions);
  assert.equal(r.status, 'sat');
  const m = asMap(r.model?.get('flags'));
  assert.equal(mapGet(m, 3n), 1n);
  assert.equal(mapGet(m, 4n), 0n);
  assert.ok([m.default, ...m.entries.values()].every((x) => x === 0n || x === 1n));
});

test('a model where Z3 picks a constant array', async () => {
  const a = mkVar('a', mem64);
  const i = mkVar('i', bv64);
  // Every element is 5: Z3 answers ((as const ...) #x05).
  const everywhere = quantifier('forall', [i], eq(select(a, i), c8(5n)));
  const r = await solve([everywhere]);
  assert.equal(r.status, 'sat');
  const m = asMap(r.model?.get('a'));
  assert.equal(m.default, 5n);
  assert.equal(m.entries.size, 0);
  // A constant array over a variable element, with one store over it.
  const b = mkVar('b', mem64);
  const x = mkVar('x', bv8);
  const assertions = [
    eq(a, constArray(mem64, x)),
    eq(b, store(a, bvConst(64, 2n), c8(1n))),
    bvCompare('bvult', c8(250n), x),
  ];
  const s = await solve(assertions);
  assert.equal(s.status, 'sat');
  const ma = asMap(s.model?.get('a'));
  const mb = asMap(s.model?.get('b'));
  assert.equal(ma.entries.size, 0);
  assert.equal(ma.default, s.model?.get('x'));
  assert.ok(valueEquals(mb, mapValue(ma.default, [[2n, 1n]])));
  for (const t of assertions) assert.equal(evaluate(t, modelValueOf(s.model)), 1n);
});

test('a model Z3 gives as a lambda is read index by index when the index sort is small', async () => {
  const a = mkVar('a', mem4);
  const i = mkVar('i', bv4);
  // a[i] = i + 1 (zero-extended) for every i: no constant and no finite list of stores.
  const assertions = [
    quantifier('forall', [i], eq(select(a, i), zeroExtend(4, bvBinary('bvadd', i, c4(1n))))),
  ];
  const r = await solve(assertions);
  assert.equal(r.status, 'sat');
  const m = asMap(r.model?.get('a'));
  for (let k = 0n; k < 16n; k++) assert.equal(mapGet(m, k), (k + 1n) % 16n, `index ${k}`);
});

test('a lambda over a wide index sort whose body compares the index only for equality', async () => {
  const w16 = bvSort(16);
  const a = mkVar('a', arraySort(w16, bv8));
  const i = mkVar('i', w16);
  // a[i] = (i < 16 ? 1 : 0): Z3 answers a lambda with an ite chain on (= i k).
  const assertions = [
    quantifier(
      'forall',
      [i],
      eq(select(a, i), ite(bvCompare('bvult', i, bvConst(16, 16n)), c8(1n), c8(0n))),
    ),
  ];
  const r = await solve(assertions);
  assert.equal(r.status, 'sat');
  const m = asMap(r.model?.get('a'));
  assert.equal(m.default, 0n);
  assert.equal(m.entries.size, 16);
  for (let k = 0n; k < 16n; k++) assert.equal(mapGet(m, k), 1n, `index ${k}`);
});

test('a model value that cannot be read exactly is an internal error, not a guess', async () => {
  const w16 = bvSort(16);
  const a = mkVar('a', arraySort(w16, bv8));
  const i = mkVar('i', w16);
  // a[i] = (i < 2^15 ? 1 : 0): Z3 answers (lambda ((x (_ BitVec 16))) (ite (bvule #x8000 x) ...)),
  // a map of 2^15 entries or a default of 1 with 2^15 exceptions: not read, and not guessed.
  const half = quantifier(
    'forall',
    [i],
    eq(select(a, i), ite(bvCompare('bvult', i, bvConst(16, 1n << 15n)), c8(1n), c8(0n))),
  );
  const r = await checkSat({ assertions: [half] }, { timeoutMs: 20_000 });
  assert.equal(r.status, 'sat');
  await assert.rejects(
    checkSat({ assertions: [half] }, { timeoutMs: 20_000, modelOf: ['a'] }),
    /^Error: internal error: cannot read the \(Array \(_ BitVec 16\) \(_ BitVec 8\)\) model value \(lambda .*bvule/s,
  );
  // The worker answers the next query as usual.
  assert.equal((await solve([eq(select(a, bvConst(16, 1n)), c8(1n))])).status, 'sat');
});

// ---------------------------------------------------------------- random terms

/**
 * A term built by the folding factories or as raw (unfolded) applications,
 * optionally with variables replaced by terms.
 */
interface Recipe {
  readonly build: (raw: boolean, subst?: ReadonlyMap<Term, Term>) => Term;
}

const vars = {
  a: mkVar('a', mem4),
  b: mkVar('b', mem4),
  i: mkVar('i', bv4),
  j: mkVar('j', bv4),
  x: mkVar('x', bv8),
  y: mkVar('y', bv8),
};

function rawApp(op: AppTerm['op'], sort: Sort, args: readonly Term[]): Term {
  return { kind: 'app', sort, op, args, indices: [] };
}

function leaf(t: Term): Recipe {
  return { build: (_raw, subst) => subst?.get(t) ?? t };
}

function node(
  fold: (...args: Term[]) => Term,
  op: AppTerm['op'],
  sort: Sort | ((args: readonly Term[]) => Sort),
  parts: readonly Recipe[],
): Recipe {
  return {
    build: (raw, subst) => {
      const args = parts.map((p) => p.build(raw, subst));
      return raw ? rawApp(op, typeof sort === 'function' ? sort(args) : sort, args) : fold(...args);
    },
  };
}

const recipes = fc.letrec<{ arr: Recipe; idx: Recipe; elem: Recipe; bool: Recipe }>((tie) => ({
  arr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(leaf(vars.a), leaf(vars.b)),
    fc.tuple(tie('arr'), tie('idx'), tie('elem')).map((ps) => node(store, 'store', mem4, ps)),
    tie('elem').map((e) => node((v) => constArray(mem4, v), 'const-array', mem4, [e])),
    fc.tuple(tie('bool'), tie('arr'), tie('arr')).map((ps) => node(ite, 'ite', mem4, ps)),
  ),
  idx: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(leaf(vars.i), leaf(vars.j)),
    fc.bigInt({ min: 0n, max: 15n }).map((v) => leaf(c4(v))),
    fc
      .tuple(tie('idx'), tie('idx'))
      .map((ps) => node((p, q) => bvBinary('bvadd', p, q), 'bvadd', bv4, ps)),
  ),
  elem: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(leaf(vars.x), leaf(vars.y)),
    fc.bigInt({ min: 0n, max: 3n }).map((v) => leaf(c8(v))),
    fc.tuple(tie('arr'), tie('idx')).map((ps) => node(select, 'select', bv8, ps)),
    fc
      .tuple(tie('elem'), tie('elem'))
      .map((ps) => node((p, q) => bvBinary('bvadd', p, q), 'bvadd', bv8, ps)),
  ),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(tie('elem'), tie('elem')).map((ps) => node(eq, '=', boolSort, ps)),
    fc.tuple(tie('arr'), tie('arr')).map((ps) => node(eq, '=', boolSort, ps)),
    fc.tuple(tie('idx'), tie('idx')).map((ps) => node(eq, '=', boolSort, ps)),
    fc
      .tuple(tie('elem'), tie('elem'))
      .map((ps) => node((p, q) => bvCompare('bvult', p, q), 'bvult', boolSort, ps)),
    tie('bool').map((p) => node(not, 'not', boolSort, [p])),
    fc.tuple(tie('bool'), tie('bool')).map((ps) => node(or, 'or', boolSort, ps)),
  ),
}));

/** Maps over 4-bit indices with small elements; sometimes every index listed. */
const maps4: fc.Arbitrary<MapValue> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.bigInt({ min: 0n, max: 3n }),
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 15n }), fc.bigInt({ min: 0n, max: 3n })), {
          maxLength: 4,
        }),
      )
      .map(([d, es]) => mapValue(d, es)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.bigInt({ min: 0n, max: 255n }),
        fc.array(fc.bigInt({ min: 0n, max: 1n }), { minLength: 16, maxLength: 16 }),
      )
      .map(([d, es]) =>
        mapValue(
          d,
          es.map((x, k) => [BigInt(k), x] as const),
        ),
      ),
  },
);

const assignments = fc.record({
  a: maps4,
  b: maps4,
  i: fc.bigInt({ min: 0n, max: 15n }),
  j: fc.bigInt({ min: 0n, max: 15n }),
  x: fc.bigInt({ min: 0n, max: 3n }),
  y: fc.bigInt({ min: 0n, max: 3n }),
});
type Assignment = typeof assignments extends fc.Arbitrary<infer A> ? A : never;

/** A raw term whose value is the map `m` (a constant array and stores). */
function mapTerm(m: MapValue): Term {
  let t = rawApp('const-array', mem4, [c8(m.default)]);
  for (const [k, x] of m.entries) t = rawApp('store', mem4, [t, c4(k), c8(x)]);
  return t;
}

/** Each variable's value in `asg`, as a term. */
function valueTerms(asg: Assignment): Map<Term, Term> {
  return new Map([
    [vars.a, mapTerm(asg.a)],
    [vars.b, mapTerm(asg.b)],
    [vars.i, c4(asg.i)],
    [vars.j, c4(asg.j)],
    [vars.x, c8(asg.x)],
    [vars.y, c8(asg.y)],
  ]);
}

test('random array formulas: models satisfy them, evaluate agrees with Z3, folding is exact', async () => {
  await fc.assert(
    fc.asyncProperty(recipes.bool, assignments, async (recipe, asg) => {
      const formula = recipe.build(false);
      const raw = recipe.build(true);
      const valueOf = (v: VarTerm): TermValue => asg[v.name as keyof Assignment];
      // Folding keeps the meaning.
      const expected = evaluate(raw, valueOf);
      assert.equal(evaluate(formula, valueOf), expected, toSmtlib({ assertions: [raw] }));
      // Z3 agrees with evaluate on the formula with the values in place of the variables.
      const ground = recipe.build(true, valueTerms(asg));
      const pinned = await checkSat(
        { assertions: [expected === 1n ? ground : not(ground)] },
        { timeoutMs: 120_000 },
      );
      assert.equal(pinned.status, 'sat', toSmtlib({ assertions: [ground] }));
      // A model of the formula satisfies it.
      const r = await solve([formula]);
      assert.notEqual(r.status, 'unknown');
      if (r.status === 'sat') {
        assert.equal(
          evaluate(formula, modelValueOf(r.model)),
          1n,
          toSmtlib({ assertions: [formula] }),
        );
      }
      // So does a model of the raw formula (a different script).
      const rr = await solve([raw]);
      assert.equal(rr.status, r.status);
      if (rr.status === 'sat') assert.equal(evaluate(raw, modelValueOf(rr.model)), 1n);
    }),
    { seed: 20261208, numRuns: 100 },
  );
});

test('conjunctions of random constraints on two arrays have models that satisfy them', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(recipes.bool, { minLength: 2, maxLength: 5 }), async (rs) => {
      const assertions = rs.map((p) => p.build(false));
      const r = await solve(assertions);
      assert.notEqual(r.status, 'unknown');
      if (r.status !== 'sat') return;
      const valueOf = modelValueOf(r.model);
      const value = evaluate(and(...assertions), valueOf);
      assert.equal(value, 1n, toSmtlib({ assertions }));
    }),
    { seed: 7, numRuns: 60 },
  );
});

test('eliminating arrays (reads through writes, Ackermann) keeps satisfiability', async () => {
  let eliminated = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(recipes.bool, { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      async (rs, raw) => {
        const q = { assertions: rs.map((p) => p.build(raw)) };
        const free = withoutArrays(q);
        const text = toSmtlib(free);
        if (free === q) {
          // Unchanged only where an array is compared or no array is read.
          return;
        }
        eliminated++;
        assert.doesNotMatch(text, /Array/, text);
        const [before, after] = [await solve(q.assertions), await solve(free.assertions)];
        assert.notEqual(before.status, 'unknown');
        assert.equal(after.status, before.status, `${toSmtlib(q)}\n${text}`);
      },
    ),
    { seed: 20261209, numRuns: 120 },
  );
  // The generator mostly builds queries the elimination applies to.
  assert.ok(eliminated > 25, `only ${eliminated} queries eliminated`);
});

test('eliminating arrays leaves quantified queries and compared arrays alone', () => {
  const a = vars.a;
  const k = mkVar('k', bv4);
  const quantified = {
    assertions: [
      quantifier('forall', [k], eq(select(a, k), c8(0n))),
      eq(select(a, vars.i), c8(1n)),
    ],
  };
  assert.equal(withoutArrays(quantified), quantified);
  const compared = { assertions: [eq(a, vars.b), eq(select(a, vars.i), c8(1n))] };
  assert.equal(withoutArrays(compared), compared);
  const reads = {
    assertions: [not(eq(select(a, vars.i), select(store(a, vars.j, c8(2n)), vars.i)))],
  };
  const free = withoutArrays(reads);
  assert.notEqual(free, reads);
  assert.doesNotMatch(toSmtlib(free), /Array|select|store/);
});
