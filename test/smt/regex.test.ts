/**
 * The regular-membership abstraction (src/smt/regex): derivatives against
 * JavaScript's regular expressions on random expressions and strings,
 * emptiness against exhaustive enumeration, and `checkSatStrings` against
 * Z3's own string solver on random Boolean combinations of memberships
 * (same status; every model satisfies the original query; every unsat is
 * re-checked through the cover lemmas).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  modelStrings,
  and,
  checkSat,
  checkSatStrings,
  disjunction,
  eq,
  mkVar,
  not,
  reAllChar,
  reComp,
  reConcat,
  reInter,
  reRange,
  reStar,
  reUnion,
  recheckStringsUnsat,
  strConst,
  strInRe,
  strPrefixOf,
  strSuffixOf,
  strContains,
  strToRe,
  stringSort,
  abstractStrings,
  implies,
  intConst,
  intSort,
  strConcat,
  type Term,
} from '../../src/smt/index.js';
import { fromTerm, matches, shortestMember } from '../../src/smt/regex/re.js';
import { groundHolds } from '../../src/smt/regex/ground.js';

const ALPHABET = ['a', 'b', ':'];

/** Random ground RegLan terms over a small alphabet (with ∩ and complement when `boolean`). */
function regexArb(boolean: boolean): fc.Arbitrary<Term> {
  const { re } = fc.letrec<{ re: Term }>((tie) => ({
    re: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...ALPHABET).map((c) => strToRe(strConst(c))),
      fc.constant(reAllChar()),
      fc.constant(reRange('a', 'b')),
      fc.constantFrom('', 'ab', 'a:').map((t) => strToRe(strConst(t))),
      tie('re').map((r) => reStar(r)),
      fc.tuple(tie('re'), tie('re')).map(([a, b]) => reConcat(a, b)),
      fc.tuple(tie('re'), tie('re')).map(([a, b]) => reUnion(a, b)),
      ...(boolean
        ? [
            fc.tuple(tie('re'), tie('re')).map(([a, b]) => reInter(a, b)),
            tie('re').map((r) => reComp(r)),
          ]
        : []),
    ),
  }));
  return re;
}

const wordArb = fc
  .array(fc.constantFrom(...ALPHABET, 'c'), { maxLength: 6 })
  .map((a) => a.join(''));

test('derivative matching agrees with JavaScript regular expressions', () => {
  fc.assert(
    fc.property(regexArb(false), fc.array(wordArb, { minLength: 5, maxLength: 5 }), (t, words) => {
      const re = fromTerm(t);
      const s = mkVar('s', stringSort);
      for (const w of words) assert.equal(matches(re, w), groundHolds(strInRe(s, t), w), `${w}`);
    }),
    { numRuns: 300, seed: 7 },
  );
});

/** Every word over the alphabet up to length n. */
function words(n: number): string[] {
  let level = [''];
  const out = [''];
  for (let i = 0; i < n; i++) {
    level = level.flatMap((w) => [...ALPHABET, 'c'].map((c) => w + c));
    out.push(...level);
  }
  return out;
}

test('shortestMember finds a shortest member, and none only for empty languages', () => {
  const all = words(4);
  fc.assert(
    fc.property(regexArb(true), (t) => {
      const re = fromTerm(t);
      const w = shortestMember(re);
      const small = all.find((x) => matches(re, x));
      if (w === undefined) assert.equal(small, undefined);
      else {
        assert.ok(matches(re, w));
        if (small !== undefined) assert.ok([...w].length <= [...small].length);
      }
    }),
    { numRuns: 300, seed: 11 },
  );
});

const s = mkVar('s', stringSort);
const t = mkVar('t', stringSort);

function atomArb(v: Term): fc.Arbitrary<Term> {
  return fc.oneof(
    regexArb(true).map((r) => strInRe(v, r)),
    fc.constantFrom('a', 'ab', 'b:a', '').map((x) => eq(v, strConst(x))),
    fc.constantFrom('a', 'b:').map((x) => strPrefixOf(strConst(x), v)),
    fc.constantFrom('a', ':').map((x) => strSuffixOf(strConst(x), v)),
    fc.constantFrom('b', 'a:').map((x) => strContains(v, strConst(x))),
  );
}

/** A random CNF of literals over memberships of s and t. */
const queryArb = fc
  .array(
    fc.array(fc.tuple(fc.boolean(), fc.oneof(atomArb(s), atomArb(t))), {
      minLength: 1,
      maxLength: 3,
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((clauses) => clauses.map((c) => disjunction(c.map(([pos, a]) => (pos ? a : not(a))))));

test('checkSatStrings agrees with Z3 and its answers check out', async () => {
  const seen = { sat: 0, unsat: 0, abstracted: 0 };
  await fc.assert(
    fc.asyncProperty(queryArb, async (assertions) => {
      const ours = await checkSatStrings(
        { assertions },
        { timeoutMs: 20_000, modelOf: ['s', 't'] },
      );
      const z3 = await checkSat({ assertions }, { timeoutMs: 20_000 });
      if (z3.status === 'unknown' || ours.status === 'unknown') return;
      assert.equal(ours.status, z3.status);
      seen[ours.status]++;
      if (ours.abstraction !== undefined) seen.abstracted++;
      if (ours.status === 'sat') {
        // The model satisfies every clause (fixed by equations, Z3 confirms).
        const fixed = [...modelStrings(ours.model)].map(([n, v]) =>
          eq(mkVar(n, stringSort), strConst(v)),
        );
        const check = await checkSat(
          { assertions: [...fixed, and(...assertions)] },
          { timeoutMs: 20_000 },
        );
        assert.equal(check.status, 'sat');
      } else {
        const recheck = await recheckStringsUnsat(ours, 20_000);
        assert.equal(recheck.status, 'unsat', recheck.reason);
      }
    }),
    { numRuns: 60, seed: 3 },
  );
  assert.ok(seen.sat >= 5 && seen.unsat >= 5 && seen.abstracted >= 30, JSON.stringify(seen));
});

test('a variable that occurs outside a membership is left to the solver', () => {
  const a = abstractStrings([strInRe(s, reStar(reAllChar())), eq(s, t), eq(t, strConst('x'))]);
  assert.deepEqual(a.variables, []);
  assert.deepEqual([...a.kept.keys()].sort(), ['s', 't']);
});

test('cells of wildcard patterns over one variable', () => {
  const glob = (text: string) =>
    strInRe(
      s,
      reConcat(
        ...text
          .split('*')
          .flatMap((part, i) => [...(i > 0 ? [reStar(reAllChar())] : []), strToRe(strConst(part))]),
      ),
    );
  const a = abstractStrings([glob('iam:*'), not(glob('iam:get*')), eq(s, strConst('iam:getrole'))]);
  const [v] = a.variables;
  assert.equal(v.name, 's');
  // {iam:getrole}, then iam:get… and iam:(other) and everything else.
  assert.equal(v.cells.length, 4);
  for (const c of v.cells)
    v.atoms.forEach((atom, i) => assert.equal(groundHolds(atom, c.witness), c.signs[i]));
});

test('definitions of otherwise unused variables are dropped, and their values computed', async () => {
  const k = mkVar('k', intSort);
  const x = mkVar('x', stringSort);
  const y = mkVar('y', stringSort);
  const defs = [
    implies(eq(k, intConst(0n)), eq(x, strConcat(strConst('a:'), y))),
    implies(eq(k, intConst(1n)), eq(x, strConcat(strConst('b:'), y, strConst('/')))),
    eq(k, intConst(1n)),
    strPrefixOf(strConst('q'), y),
  ];
  const a = abstractStrings(defs);
  assert.deepEqual(
    a.eliminated.map((d) => d.name),
    ['x'],
  );
  assert.deepEqual(
    a.variables.map((v) => v.name),
    ['y'],
  );
  const r = await checkSatStrings(
    { assertions: defs },
    { timeoutMs: 20_000, modelOf: ['x', 'y', 'k'] },
  );
  assert.equal(r.status, 'sat');
  const yv = modelStrings(r.model).get('y') ?? '';
  assert.ok(yv.startsWith('q'));
  assert.equal(modelStrings(r.model).get('x'), `b:${yv}/`);
  // Used elsewhere, or with guards that may hold together: kept.
  assert.deepEqual(abstractStrings([...defs, strSuffixOf(strConst('/'), x)]).eliminated, []);
  const overlapping = [
    implies(eq(k, intConst(0n)), eq(x, strConst('a'))),
    implies(eq(y, strConst('z')), eq(x, strConst('b'))),
  ];
  assert.deepEqual(abstractStrings(overlapping).eliminated, []);
});
