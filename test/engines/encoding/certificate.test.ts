/**
 * The certificate queries of invariants at loop heads (encoding/certificate.ts):
 * for small C functions with one loop and hand-written invariants, a right
 * invariant makes every initiation, consecution and safety query unsat,
 * while a wrong one makes exactly the queries of its defect sat — (a) not
 * initiated: initiation; (b) initiated but not inductive: consecution;
 * (c) inductive but too weak for the property: safety. Covers signed
 * overflow checks, unsigned wrap-around (an invariant true of mathematical
 * integers that wrap-around breaks), the bit-vector fallback for regions
 * with `|`, and `confirmInvariants`, which must refuse a wrong invariant
 * with a reason.
 */
import { C_SYNTAX } from '../../../src/frontends/c/back-translator.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import type { CertificateQueryDraft } from '../../../src/engines/encoding/certificate.js';
import { certificateQueries, invariantAt } from '../../../src/engines/encoding/certificate.js';
import { stateVar } from '../../../src/engines/chc/horn.js';
import { confirmInvariants } from '../../../src/engines/encoding/confirm.js';
import type { Regions } from '../../../src/engines/encoding/regions.js';
import { buildRegions } from '../../../src/engines/encoding/regions.js';
import { lowerCFile } from '../../../src/frontends/c/index.js';
import type { IrFunction, PropertyKind, Type } from '../../../src/ir/ir.js';
import { allVariables, boolType, bvType } from '../../../src/ir/ir.js';
import { runFunction } from '../../../src/semantics/interpreter.js';
import { termToInfix } from '../../../src/smt/infix.js';
import type { Term } from '../../../src/smt/index.js';
import {
  and,
  boolConst,
  boolSort,
  bvConst,
  checkSat,
  evaluate,
  intNeg,
  ite,
  or,
  eq,
  intBinary,
  intCompare,
  intConst,
  mkVar,
  not,
  intSort,
  toSmtlib,
  trueTerm,
} from '../../../src/smt/index.js';

const SOLVER_MS = 30_000;

const dir = mkdtempSync(join(tmpdir(), 'arc-chc-certificate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  'extern int __VERIFIER_nondet_int(void);',
  'extern void __VERIFIER_assert(int cond);',
  '',
].join('\n');

interface Loop {
  readonly fn: IrFunction;
  readonly regions: Regions;
  /** The ids of the function's properties of the selected kinds. */
  readonly selected: ReadonlySet<string>;
  /** `v!<name>` for an IR variable. */
  readonly s: (name: string) => Term;
}

let files = 0;

/** Lowers `body` (one C function named `f`) and builds its regions; expects exactly one loop. */
async function loop(body: string, kinds: readonly PropertyKind[]): Promise<Loop> {
  const file = join(dir, `case-${++files}.c`);
  writeFileSync(file, HEADER + body);
  const lowered = await lowerCFile(file, { dataModel: 'LP64', entry: 'f' });
  if (!lowered.ok) assert.fail(lowered.diagnostics.map((d) => d.message).join('; '));
  const fn = lowered.program.functions.get('f');
  assert.ok(fn !== undefined);
  const built = buildRegions(fn);
  if (!built.ok) assert.fail(built.message);
  const regions = built.regions;
  assert.equal(regions.cutpoints.length, 2, 'the entry and one loop head');
  const selected = new Set(fn.properties.filter((p) => kinds.includes(p.kind)).map((p) => p.id));
  assert.ok(selected.size > 0, `no property of kinds ${kinds.join(', ')}`);
  const types = new Map(allVariables(fn).map((x) => [x.name, x.type]));
  const s = (name: string): Term => {
    const t = types.get(name);
    assert.ok(t !== undefined, `no IR variable ${name}`);
    assert.ok(regions.cutpoints[1].live.includes(name), `${name} is not live at the loop head`);
    return stateVar(name, t);
  };
  return { fn, regions, selected, s };
}

const k = (n: bigint | number): Term => intConst(BigInt(n));
const le = (a: Term, b: Term): Term => intCompare('<=', a, b);
const lt = (a: Term, b: Term): Term => intCompare('<', a, b);
const add = (a: Term, b: Term): Term => intBinary('+', a, b);
const mul = (a: Term, b: Term): Term => intBinary('*', a, b);
const mod = (a: Term, b: Term): Term => intBinary('mod', a, b);

type Kind = CertificateQueryDraft['kind'];

function drafts(l: Loop, inv: Term): CertificateQueryDraft[] {
  const qs = certificateQueries(l.fn, l.regions, [trueTerm, inv], l.selected);
  assert.ok(qs !== null, 'the invariant could not be encoded');
  return qs;
}

/** The kinds of the queries that are sat (every query must be decided). */
async function satKinds(l: Loop, inv: Term): Promise<Kind[]> {
  const out = new Set<Kind>();
  for (const q of drafts(l, inv)) {
    const r = await checkSat({ assertions: q.assertions }, { timeoutMs: SOLVER_MS });
    assert.notEqual(r.status, 'unknown', `undecided: ${q.meaning} (${r.reason ?? ''})`);
    if (r.status === 'sat') out.add(q.kind);
  }
  return [...out].sort();
}

/** A right invariant: every kind of query is asked, and all are unsat. */
async function assertAccepted(l: Loop, inv: Term): Promise<void> {
  const kinds = new Set(drafts(l, inv).map((q) => q.kind));
  assert.deepEqual([...kinds].sort(), ['consecution', 'initiation', 'safety']);
  assert.deepEqual(await satKinds(l, inv), [], 'a right invariant is refused');
}

async function assertRefusedBy(l: Loop, inv: Term, expected: readonly Kind[]): Promise<void> {
  assert.deepEqual(await satKinds(l, inv), [...expected].sort());
}

/** Whether the queries of the loop head's own region are in the bit-vector encoding. */
function loopQueriesInBitVectors(l: Loop, inv: Term): boolean[] {
  return drafts(l, inv)
    .filter((q) => q.kind !== 'initiation')
    .map((q) => /\(_ BitVec 32\)/.test(toSmtlib({ assertions: q.assertions })));
}

const COUNTER = `int f(int n) {
  if (n < 0) return 0;
  int i = 0;
  while (i < n) { i++; }
  __VERIFIER_assert(i == n);
  return i;
}
`;

test('a counting loop (assertion): right invariant accepted; not initiated, not inductive, too weak refused', async () => {
  const l = await loop(COUNTER, ['assertion']);
  const [n, i] = [l.s('n'), l.s('i')];
  assert.deepEqual(l.regions.cutpoints[1].live, ['n', 'i']);
  await assertAccepted(l, and(le(k(0), i), le(i, n)));
  // (a) excludes the first visit (i == 0), but is inductive and implies i == n at the exit.
  await assertRefusedBy(l, and(le(k(1), i), le(i, n)), ['initiation']);
  // (b) holds on entry and gives i == n at the exit, but i = 1 after one pass.
  await assertRefusedBy(l, and(eq(i, k(0)), le(k(0), n)), ['consecution']);
  // (c) inductive, but i may exceed n at the exit.
  await assertRefusedBy(l, le(k(0), i), ['safety']);
  // Both (a) and (c) at once: each defect shows up in its own query.
  await assertRefusedBy(l, le(k(1), i), ['initiation', 'safety']);
});

test('signed overflow checks selected: s += 2 and i++ never overflow', async () => {
  const l = await loop(
    `int f(int n) {
  if (n > 1000) return 0;
  int s = 0;
  for (int i = 0; i < n; i++) { s += 2; }
  return s;
}
`,
    ['overflow'],
  );
  assert.equal(l.selected.size, 2, 'the overflow checks of s += 2 and i++');
  const [n, i, s] = [l.s('n'), l.s('i'), l.s('s')];
  // The bound on i comes from n: the entry guard gives n <= 1000, the loop guard i < n.
  const bounded = and(le(k(0), i), le(n, k(1000)));
  await assertAccepted(l, and(eq(s, mul(k(2), i)), bounded));
  // (a) s is 2 ahead of 2i: inductive and keeps s <= 2000, but not true at the start.
  await assertRefusedBy(l, and(eq(s, add(mul(k(2), i), k(2))), bounded), ['initiation']);
  // (b) s <= 100 holds at first and keeps s += 2 safe, but breaks after 50 passes.
  await assertRefusedBy(l, and(eq(s, mul(k(2), i)), bounded, le(s, k(100))), ['consecution']);
  // (b) i <= 1000 is true of every visit, but not inductive without n <= 1000.
  await assertRefusedBy(l, and(eq(s, mul(k(2), i)), le(k(0), i), le(i, k(1000))), ['consecution']);
  // (c) says nothing about s: s += 2 may overflow.
  await assertRefusedBy(l, bounded, ['safety']);
  // (c) without a bound, s = 2i may be INT_MAX - 1 with i < n: s += 2 overflows.
  await assertRefusedBy(l, and(eq(s, mul(k(2), i)), le(k(0), i)), ['safety']);
});

test('unsigned wrap-around: x % 4 survives x -= 12, x % 3 does not survive x -= 3', async () => {
  const four = await loop(
    `int f(void) {
  unsigned x = 0;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) x += 4; else x -= 12;
  }
  __VERIFIER_assert(x % 4 == 0);
  return 0;
}
`,
    ['assertion'],
  );
  const x4 = four.s('x');
  await assertAccepted(four, eq(mod(x4, k(4)), k(0)));
  // Without wrap-around, x -= 12 from 0 would stay below 4000000000.
  await assertRefusedBy(four, and(eq(mod(x4, k(4)), k(0)), le(x4, k(4_000_000_000n))), [
    'consecution',
  ]);
  // Every multiple of 4 is reachable: an invariant without 0 is not initiated, and x % 4 == 1 fails the assertion.
  await assertRefusedBy(four, eq(mod(x4, k(4)), k(1)), ['initiation', 'safety']);
  // Too weak: x is always in range anyway.
  await assertRefusedBy(four, le(k(0), x4), ['safety']);
  // No operation here lacks an exact integer form: no bit-vector fallback.
  const inBv = loopQueriesInBitVectors(four, eq(mod(x4, k(4)), k(0)));
  assert.ok(inBv.length >= 2 && inBv.every((b) => !b));

  const three = await loop(
    `int f(void) {
  unsigned x = 0;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) x += 3; else x -= 3;
  }
  __VERIFIER_assert(x % 3 == 0);
  return 0;
}
`,
    ['assertion'],
  );
  // Inductive over the mathematical integers, but 0 - 3 wraps to 4294967293 == 3 * 1431655764 + 1.
  await assertRefusedBy(three, eq(mod(three.s('x'), k(3)), k(0)), ['consecution']);
});

test('the bit-vector fallback (a region with |): right invariant accepted, wrong ones refused', async () => {
  const l = await loop(
    `int f(void) {
  unsigned x = 1;
  while (__VERIFIER_nondet_int()) { x = x | 2u; x = x + 4u; }
  __VERIFIER_assert(x % 2 == 1);
  return 0;
}
`,
    ['assertion'],
  );
  const x = l.s('x');
  const odd = eq(mod(x, k(2)), k(1));
  // The loop's region has `|`, which the exact integer encoding does not cover.
  const inBv = loopQueriesInBitVectors(l, odd);
  assert.ok(inBv.length >= 2 && inBv.every((b) => b));
  await assertAccepted(l, odd);
  // (a) x == 1 only on the first visit; afterwards x | 2 keeps bit 1 set.
  await assertRefusedBy(l, and(odd, not(eq(x, k(1)))), ['initiation']);
  // (b) 1 → 3 → 7: x % 4 == 1 breaks after one pass.
  await assertRefusedBy(l, eq(mod(x, k(4)), k(1)), ['consecution']);
  // (c) x >= 1 is kept (x | 2 >= 2, and + 4 cannot wrap to 0), but says nothing of parity.
  await assertRefusedBy(l, le(k(1), x), ['safety']);
  // Integer `ite` inside arithmetic (Spacer's `abs` reads as one): odd and 1 <= (x < 5 ? x : x + 0).
  await assertAccepted(l, and(odd, le(k(1), ite(lt(x, k(5)), x, add(x, k(0))))));
  await assertRefusedBy(l, and(odd, le(k(2), ite(lt(x, k(5)), x, add(x, k(0))))), ['initiation']);
});

test('an invariant is evaluated without wrap-around however large its intermediate values', async () => {
  // x is 2^22 at the loop head on the first visit, and the assertion fails then.
  // The wrong invariant x * 2^42 == 0 (i.e. x == 0) is true of x = 2^22 only
  // if x * 2^42 = 2^64 wraps around to 0 — as in a 64-bit evaluation. The
  // entry region has `|`, so initiation is checked in bit-vectors; the loop's
  // region has none, so consecution and safety are checked over the integers,
  // where the invariant says x == 0 and the assertion holds.
  const l = await loop(
    `int f(void) {
  unsigned x = 4194304u;
  unsigned z = x | 1u;
  while (__VERIFIER_nondet_int()) { x = x * 2u; }
  __VERIFIER_assert(x == 0u);
  return (int)z;
}
`,
    ['assertion'],
  );
  const violated = runFunction(l.fn, new Map(), [0n]);
  assert.equal(violated.kind, 'violated', 'the assertion fails when the loop does not run');
  const x = l.s('x');
  const inv = eq(mul(x, k(1n << 42n)), k(0));
  await assertRefusedBy(l, inv, ['initiation']);
  const r = await confirmInvariants(
    l.fn,
    l.regions,
    [trueTerm, inv],
    { timeoutMs: SOLVER_MS, properties: l.selected, syntax: C_SYNTAX },
    { left: () => SOLVER_MS, solverMs: 0 },
    'chc',
    1,
  );
  assert.equal(r.ok, false, 'a certificate for a function whose assertion fails');
});

/** Random integer formulas over an i32, a u32 and a bool state variable, with large constants. */
function formulas(): fc.Arbitrary<Term> {
  const X = mkVar('v!x', intSort);
  const Y = mkVar('v!y', intSort);
  const B = mkVar('v!b', boolSort);
  const big = fc.oneof(
    fc.constantFrom(
      0n,
      1n,
      -1n,
      7n,
      1n << 31n,
      1n << 32n,
      1n << 42n,
      1n << 63n,
      1n << 64n,
      3n ** 40n,
    ),
    fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
  );
  const divisor = big.map((d) => (d === 0n ? 3n : d));
  const ints: fc.Arbitrary<Term>[] = [];
  const bools: fc.Arbitrary<Term>[] = [];
  for (let depth = 0; depth <= 3; depth++) {
    if (depth === 0) {
      ints.push(fc.oneof(fc.constantFrom<Term>(X, Y), big.map(k)));
      bools.push(fc.constantFrom<Term>(B, trueTerm));
      continue;
    }
    const i = ints[depth - 1];
    const b = bools[depth - 1];
    ints.push(
      fc.oneof(
        i,
        fc
          .tuple(fc.constantFrom<'+' | '-' | '*'>('+', '-', '*'), i, i)
          .map(([op, a, c]) => intBinary(op, a, c)),
        i.map((a) => intNeg(a)),
        fc
          .tuple(fc.constantFrom<'div' | 'mod'>('div', 'mod'), i, divisor)
          .map(([op, a, d]) => intBinary(op, a, k(d))),
        fc.tuple(b, i, i).map(([c, a, e]) => ite(c, a, e)),
      ),
    );
    bools.push(
      fc.oneof(
        fc
          .tuple(fc.constantFrom<'<' | '<=' | '='>('<', '<=', '='), i, i)
          .map(([op, a, c]) => (op === '=' ? eq(a, c) : intCompare(op, a, c))),
        b.map((a) => not(a)),
        fc.tuple(b, b).map(([a, c]) => and(a, c)),
        fc.tuple(b, b).map(([a, c]) => or(a, c)),
      ),
    );
  }
  return bools[3];
}

test('invariantAt: the bit-precise evaluation of a formula is its value over the integers', () => {
  const types = new Map<string, Type>([
    ['x', bvType(32, true)],
    ['y', bvType(32, false)],
    ['b', boolType],
  ]);
  let evaluated = 0;
  fc.assert(
    fc.property(
      formulas(),
      fc.bigInt({ min: -(1n << 31n), max: (1n << 31n) - 1n }),
      fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }),
      fc.boolean(),
      (inv, xv, yv, bv) => {
        const values = new Map<string, Term>([
          ['x', bvConst(32, xv)],
          ['y', bvConst(32, yv)],
          ['b', boolConst(bv)],
        ]);
        const wide = invariantAt(inv, values, types);
        if (wide === null) return;
        evaluated++;
        const ints = new Map([
          ['v!x', xv],
          ['v!y', yv],
          ['v!b', bv ? 1n : 0n],
        ]);
        const truth = evaluate(inv, (v) => ints.get(v.name) as bigint);
        const got = evaluate(wide, () => assert.fail('a variable is left in the evaluation'));
        assert.equal(
          got,
          truth,
          `${termToInfix(inv) ?? 'the formula'} at x=${xv}, y=${yv}, b=${bv}`,
        );
      },
    ),
    { numRuns: 3000, seed: 4242, includeErrorInReport: true },
  );
  assert.ok(evaluated > 1000, `only ${evaluated} formulas were evaluated`);
});

test('an invariant over a variable the function does not have cannot be encoded', async () => {
  const l = await loop(COUNTER, ['assertion']);
  const stray = mkVar('v!nope', intSort);
  assert.equal(certificateQueries(l.fn, l.regions, [trueTerm, le(k(0), stray)], l.selected), null);
  const r = await confirmInvariants(
    l.fn,
    l.regions,
    [trueTerm, le(k(0), stray)],
    { timeoutMs: SOLVER_MS, properties: l.selected, syntax: C_SYNTAX },
    { left: () => SOLVER_MS, solverMs: 0 },
    'chc',
    1,
  );
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.why, /cannot be evaluated/);
});

test('confirmInvariants: a certificate for a right invariant, a reason for each wrong one', async () => {
  const l = await loop(COUNTER, ['assertion']);
  const [n, i] = [l.s('n'), l.s('i')];
  const confirm = (inv: Term) =>
    confirmInvariants(
      l.fn,
      l.regions,
      [trueTerm, inv],
      { timeoutMs: SOLVER_MS, properties: l.selected, syntax: C_SYNTAX },
      { left: () => SOLVER_MS, solverMs: 0 },
      'chc',
      1,
    );
  const right = await confirm(and(le(k(0), i), le(i, n)));
  assert.equal(right.ok, true);
  if (right.ok) {
    const cert = right.certificate;
    assert.equal(cert.kind, 'invariant');
    assert.equal(cert.invariants.length, 1);
    assert.match(cert.invariants[0].text, /i/);
    assert.match(cert.invariants[0].text, /n/);
    assert.ok(cert.queries.length >= 3);
    for (const q of cert.queries) assert.match(q.smtlib, /\(check-sat\)\s*$/);
  }
  const wrong: [Term, RegExp][] = [
    [and(le(k(1), i), le(i, n)), /initiation/],
    [and(eq(i, k(0)), le(k(0), n)), /consecution/],
    [le(k(0), i), /safety/],
  ];
  for (const [inv, reason] of wrong) {
    const r = await confirm(inv);
    assert.equal(r.ok, false, 'a wrong invariant was confirmed');
    if (!r.ok) {
      assert.match(r.why, reason);
      assert.match(r.why, /answered sat/);
    }
  }
});
