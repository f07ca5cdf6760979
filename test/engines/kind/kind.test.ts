/**
 * The k-induction engine's parts: the null-space computation behind the
 * equality candidates, the candidates read off sampled states, the samples
 * themselves (boundary values find deep bugs), and the engine end to end —
 * a 1-inductive proof, a property that needs k = 2, and a counterexample —
 * with every certificate query re-checked unsat in a fresh context.
 */
import { C_SYNTAX } from '../../../src/frontends/c/back-translator.js';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { EngineOptions, EngineResult } from '../../../src/engines/engine.js';
import { candidatesAt, nullSpace } from '../../../src/engines/kind/candidates.js';
import { checkKInduction } from '../../../src/engines/kind/index.js';
import {
  LONG_RUNS,
  programConstants,
  sampleRuns,
  SHORT_RUNS,
} from '../../../src/engines/testing/samples.js';
import { formatInvariant } from '../../../src/engines/encoding/invariant-text.js';
import { buildRegions } from '../../../src/engines/encoding/regions.js';
import { lowerCFile } from '../../../src/frontends/c/index.js';
import type { IrFunction } from '../../../src/ir/ir.js';
import { allVariables } from '../../../src/ir/ir.js';
import { runFunction } from '../../../src/semantics/interpreter.js';
import type { Term } from '../../../src/smt/index.js';
import {
  and,
  checkSat,
  eq,
  evaluate,
  intBinary,
  intCompare,
  intConst,
  intSort,
  mkVar,
  recheckUnsat,
  trueTerm,
} from '../../../src/smt/index.js';
import { windowQueries } from '../../../src/engines/kind/window.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-kind-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function lower(source: string, entry = 'f'): Promise<IrFunction> {
  const file = join(dir, `p${files++}.c`);
  writeFileSync(file, source);
  const r = await lowerCFile(file, { dataModel: 'LP64', entry });
  if (!r.ok) throw new Error(`front-end: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.program.functions.get(entry) as IrFunction;
}

function options(fn: IrFunction, kinds: readonly string[] = ['assertion']): EngineOptions {
  return {
    timeoutMs: 60_000,
    properties: new Set(fn.properties.filter((p) => kinds.includes(p.kind)).map((p) => p.id)),
    syntax: C_SYNTAX,
  };
}

const dot = (row: readonly bigint[], v: readonly bigint[]): bigint =>
  row.reduce((s, x, i) => s + x * v[i], 0n);

describe('nullSpace', () => {
  test('every basis vector annihilates every row, and rank + nullity = width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 5, maxLength: 5 }), {
          minLength: 0,
          maxLength: 6,
        }),
        (width, raw) => {
          const rows = raw.map((r) => r.slice(0, width).map(BigInt));
          const basis = nullSpace(rows, width);
          for (const v of basis) {
            assert.equal(v.length, width);
            assert.ok(
              v.some((x) => x !== 0n),
              'a zero vector is no basis vector',
            );
            for (const r of rows) assert.equal(dot(r, v), 0n);
          }
          // The basis vectors are independent: rank + nullity = width.
          assert.equal(rank(rows, width) + basis.length, width);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  test('the states of x += 1, y -= 1 from (0, n) give x + y == n', () => {
    const rows = [0n, 1n, 2n, 3n].map((k) => [k, 10n - k, 10n, 1n]);
    const basis = nullSpace(rows, 4);
    assert.equal(basis.length, 2); // n is constant too (n == 10 on these states)
    for (const v of basis) for (const r of rows) assert.equal(dot(r, v), 0n);
  });
});

/** Rank over the rationals by fraction-free elimination (an independent implementation). */
function rank(rows: readonly (readonly bigint[])[], width: number): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][c] === 0n) continue;
      const [a, b] = [m[r][c], m[i][c]];
      m[i] = m[i].map((x, j) => x * a - m[r][j] * b);
    }
    r++;
  }
  return r;
}

describe('candidates from samples', () => {
  test('a transfer loop: x + y == n, parity and bounds hold in every sampled state', async () => {
    const fn = await lower(`
      int f(int n) {
        if (n < 0 || n > 100) return 0;
        int x = n, y = 0;
        while (x > 0) { x--; y++; }
        return y - n;
      }`);
    const regions = buildRegions(fn);
    assert.ok(regions.ok);
    const head = regions.regions.cutpoints[1];
    const samples = await sampleRuns(fn, new Set([head.node]), new Set(), SHORT_RUNS, () => false);
    const states = samples.states.get(head.node) ?? [];
    assert.ok(states.length > 10, 'the loop head is reached');
    const order = allVariables(fn).map((v) => v.name);
    const vars = head.live
      .filter((n) =>
        fn.locals.concat(fn.params).some((v) => v.name === n && v.type.kind !== 'bool'),
      )
      .map((name) => ({ name, slot: order.indexOf(name) }));
    const cs = candidatesAt(vars, states, {
      quadratic: false,
      constants: programConstants(fn),
      moduli: [],
    });
    const texts = cs.map((c) => formatInvariant(c.term, (v) => v.replace(/^v!/, ''), C_SYNTAX));
    assert.ok(
      texts.some((t) => /^(x \+ y == n|n == x \+ y)$/.test(t)),
      `no x + y == n in ${texts.join(' ; ')}`,
    );
    assert.ok(texts.includes('x >= 0'), texts.join(' ; '));
    // Every candidate is true in every sampled state (checked independently).
    for (const c of cs) {
      for (const s of states) {
        const env = new Map(vars.map((v) => [`v!${v.name}`, s[v.slot]]));
        assert.equal(
          evalTerm(c.term, env),
          1n,
          formatInvariant(c.term, (v) => v, C_SYNTAX),
        );
      }
    }
  });
});

function evalTerm(t: Term, env: Map<string, bigint>): bigint {
  return evaluate(t, (v) => {
    const x = env.get(v.name);
    if (x === undefined) throw new Error(`no value for ${v.name}`);
    return x;
  });
}

describe('samples', () => {
  test('program constants and their neighbours reach a bug after 1,001 iterations', async () => {
    const fn = await lower(`
      extern void __VERIFIER_assert(int);
      int f(int n) {
        if (n < 1000 || n > 5000) return 0;
        int k = 0;
        for (int i = 0; i < n; i++) k += 2;
        __VERIFIER_assert(k != 2002);
        return k;
      }`);
    assert.ok(programConstants(fn).includes(1000n));
    const ids = new Set(fn.properties.filter((p) => p.kind === 'assertion').map((p) => p.id));
    const s = await sampleRuns(fn, new Set(), ids, LONG_RUNS, () => false);
    assert.ok(s.violation !== null, 'no violating run');
    const n = [...s.violation.inputs.values()][0];
    assert.equal(n, 1001n);
    const replay = runFunction(fn, s.violation.inputs, s.violation.nondet, { maxSteps: 1e7 });
    assert.equal(replay.kind, 'violated');
  });

  test('random nondeterministic choices reach a large unsigned value', async () => {
    const fn = await lower(`
      extern unsigned __VERIFIER_nondet_uint(void);
      extern void __VERIFIER_assert(int);
      int f(void) {
        unsigned x = __VERIFIER_nondet_uint();
        __VERIFIER_assert(x < 4000000000u);
        return 0;
      }`);
    const ids = new Set(fn.properties.map((p) => p.id));
    const s = await sampleRuns(fn, new Set(), ids, SHORT_RUNS, () => false);
    assert.ok(s.violation !== null, 'the random nondet values include a large unsigned');
    assert.equal(runFunction(fn, new Map(), s.violation.nondet).kind, 'violated');
  });
});

async function recheckAll(r: EngineResult): Promise<void> {
  assert.equal(r.status, 'safe');
  if (r.status !== 'safe') return;
  assert.ok(r.sound);
  assert.ok(r.certificate.queries.length > 0);
  for (const q of r.certificate.queries) {
    const again = await recheckUnsat(q.smtlib, 60_000);
    assert.equal(again.status, 'unsat', q.meaning);
  }
}

describe('observables', () => {
  test('the samples carry each pointer observable evaluated in the run state', async () => {
    const fn = await lower(
      `
      int main(void) {
        char *s = (char *)__builtin_alloca(5);
        s[4] = 0;
        int *q = 0;
        for (int i = 0; i < 4; i++) s[i] = (char)('a' + i);
        return s[0] + (q == 0);
      }`,
      'main',
    );
    const observables = fn.observables ?? [];
    // Pointer variables only, never arc's own temporaries or integers.
    assert.deepEqual(
      [...new Set(observables.map((o) => o.of))].sort(),
      ['q', 's'],
      observables.map((o) => o.name).join(' '),
    );
    const built = buildRegions(fn);
    if (!built.ok) return assert.fail(built.message);
    const head = built.regions.cutpoints[1].node;
    const samples = await sampleRuns(fn, new Set([head]), new Set(), SHORT_RUNS, () => false);
    const states = samples.states.get(head) ?? [];
    assert.ok(states.length > 0);
    const base = allVariables(fn).length;
    const value = (row: readonly bigint[], name: string): bigint =>
      row[base + observables.findIndex((o) => o.name === name)];
    for (const row of states) {
      assert.equal(value(row, '@size:s'), 5n);
      assert.equal(value(row, '@off:s'), 0n);
      assert.equal(value(row, '@state:s'), 2n); // a stack object
      assert.equal(value(row, '@last:s'), 0n); // the terminator
      assert.equal(value(row, '@obj:q'), 0n); // NULL is object 0
    }
  });
});

describe('the engine', () => {
  test('a parity invariant: x stays even, so the loop stops at exactly 0 (k = 1)', async () => {
    const fn = await lower(`
      extern void __VERIFIER_assert(int);
      int f(int n) {
        if (n < 0 || n > 100000) return 0;
        int x = 2 * n;
        while (x > 0) x -= 2;
        __VERIFIER_assert(x == 0);
        return x;
      }`);
    const r = await checkKInduction(fn, options(fn));
    await recheckAll(r);
    if (r.status !== 'safe' || r.certificate.kind !== 'invariant') return assert.fail();
    assert.equal(r.certificate.engine, 'k-induction');
    assert.equal(r.certificate.k, 1);
    assert.match(r.certificate.invariants[0].text, /x % 2 == 0/);
    const kinds = r.certificate.queries.map((q) => q.meaning).join('\n');
    assert.match(kinds, /initiation/);
    assert.match(kinds, /consecution/);
    assert.match(kinds, /safety/);
  });

  test('a property that is 2-inductive but not 1-inductive relative to the invariants', async () => {
    // With i % 3 == 0 && i >= 0 at the loop, a state with i > n + 2 is not excluded, so
    // "i <= n + 2 at the exit" is not inductive (k = 1); but a state that passed the guard
    // (i < n) one pass earlier has i <= n + 2 now, so two consecutive states suffice (k = 2).
    const fn = await lower(`
      extern void __VERIFIER_assert(int);
      int f(int n) {
        if (n < 0 || n > 1000000) return 0;
        int i = 0;
        while (i < n) i += 3;
        __VERIFIER_assert(i <= n + 2);
        return i;
      }`);
    const built = buildRegions(fn);
    assert.ok(built.ok);
    const regions = built.regions;
    const iName = fn.locals.find((v) => v.sourceName === 'i')?.name as string;
    const iv = mkVar(`v!${iName}`, intSort);
    const inv = and(
      eq(intBinary('mod', iv, intConst(3n)), intConst(0n)),
      intCompare('<=', intConst(0n), iv),
    );
    const invariants = regions.cutpoints.map((c) => (c.index === 0 ? trueTerm : inv));
    const selected = new Set(fn.properties.filter((p) => p.kind === 'assertion').map((p) => p.id));
    const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
    const ask = async (assertions: readonly Term[]): Promise<string> =>
      (await checkSat({ assertions }, { timeoutMs: 60_000 })).status;
    const one = windowQueries(fn, regions, invariants, selected, types, 'int', 1);
    assert.ok(one !== null && one.base === null);
    assert.equal(await ask(one.step), 'sat', 'k = 1 must not suffice');
    const two = windowQueries(fn, regions, invariants, selected, types, 'int', 2);
    assert.ok(two !== null && two.base !== null);
    assert.equal(await ask(two.step), 'unsat', 'the step case for k = 2');
    assert.equal(await ask(two.base), 'unsat', 'the base case for k = 2');
    // The same invariants without the guard's help: a wrong property is not 2-inductive.
    const wrong = await lower(`
      extern void __VERIFIER_assert(int);
      int f(int n) {
        if (n < 0 || n > 1000000) return 0;
        int i = 0;
        while (i < n) i += 3;
        __VERIFIER_assert(i <= n + 1);
        return i;
      }`);
    const wb = buildRegions(wrong);
    assert.ok(wb.ok);
    const wi = wrong.locals.find((v) => v.sourceName === 'i')?.name as string;
    const wv = mkVar(`v!${wi}`, intSort);
    const winv = and(
      eq(intBinary('mod', wv, intConst(3n)), intConst(0n)),
      intCompare('<=', intConst(0n), wv),
    );
    const wsel = new Set(wrong.properties.filter((p) => p.kind === 'assertion').map((p) => p.id));
    const wtypes = new Map(allVariables(wrong).map((v) => [v.name, v.type]));
    for (const k of [1, 2, 3, 4]) {
      const w = windowQueries(
        wrong,
        wb.regions,
        wb.regions.cutpoints.map((c) => (c.index === 0 ? trueTerm : winv)),
        wsel,
        wtypes,
        'int',
        k,
      );
      assert.ok(w !== null);
      const step = await ask(w.step);
      const base = w.base === null ? 'unsat' : await ask(w.base);
      assert.ok(step === 'sat' || base === 'sat', `k = ${k} would prove a false property`);
    }
    // The engine proves the true property and its certificate re-checks.
    const r = await checkKInduction(fn, options(fn));
    await recheckAll(r);
  });

  test('a bug found by a test run replays in the interpreter', async () => {
    const fn = await lower(`
      extern void __VERIFIER_assert(int);
      int f(unsigned n) {
        unsigned char c = 0;
        for (unsigned i = 0; i < n; i++) c += 3;
        __VERIFIER_assert(c % 3 == 0);
        return c;
      }`);
    const r = await checkKInduction(fn, options(fn));
    assert.equal(r.status, 'unsafe');
    if (r.status !== 'unsafe') return;
    assert.ok(r.precise);
    assert.match(r.witness.foundBy ?? '', /test run/);
    const replay = runFunction(fn, r.witness.inputs, r.witness.nondet, { maxSteps: 1e8 });
    assert.equal(replay.kind, 'violated');
  });

  /** A walk over a block of n ints, n unbounded for unwinding; `guard` ends the loop. */
  const walk = (guard: string): Promise<IrFunction> =>
    lower(
      `
      extern int __VERIFIER_nondet_int(void);
      int main(void) {
        int n = __VERIFIER_nondet_int();
        if (n < 1 || n > 100000) return 0;
        int *a = (int *)__builtin_alloca(n * sizeof(int));
        for (int k = 0; ${guard}; k++) a[k] = k;
        return a[0];
      }`,
      'main',
    );

  test('memory: a walk over a block of any size is proved with pointer observables', async () => {
    // The proof needs OBJECT_SIZE(a) == 4*n and POINTER_OFFSET(a) == 0 at the loop
    // head, evaluated over the byte memory.
    const fn = await walk('k < n');
    const names = (fn.observables ?? []).map((o) => o.name);
    assert.ok(names.includes('@size:a') && names.includes('@off:a'), names.join(' '));
    const r = await checkKInduction(fn, options(fn, ['valid-deref']));
    await recheckAll(r);
    if (r.status !== 'safe' || r.certificate.kind !== 'invariant') return assert.fail();
    const text = r.certificate.invariants.map((i) => i.text).join(' && ');
    assert.match(text, /OBJECT_SIZE\(a\) == 4\*n/);
    assert.match(text, /POINTER_OFFSET\(a\) == 0/);
  });

  test('memory: the same walk one element too far is a counterexample, not a proof', async () => {
    const fn = await walk('k <= n');
    const r = await checkKInduction(fn, options(fn, ['valid-deref']));
    assert.equal(r.status, 'unsafe');
    if (r.status !== 'unsafe') return;
    const replay = runFunction(fn, r.witness.inputs, r.witness.nondet, { maxSteps: 1e8 });
    assert.equal(replay.kind, 'violated');
  });

  /** Two arrays of 10,000 ints, one copied into the other; `copy` is the copying statement. */
  const arrays = (copy: string): Promise<IrFunction> =>
    lower(
      `
      extern int __VERIFIER_nondet_int(void);
      int main(void) {
        int a[10000];
        int b[10000];
        for (int i = 0; i < 10000; i++) a[i] = __VERIFIER_nondet_int();
        for (int i = 0; i < 10000; i++) ${copy};
        for (int x = 0; x < 10000; x++) __CPROVER_assert(a[x] == b[x], "copied");
        return 0;
      }`,
      'main',
    );

  test('memory: array contents, for every index K, prove a copy of 10,000 elements', async () => {
    // Unwinding is out of reach; the proof needs `K < i ==> a[K] == b[K]` for an
    // arbitrary K, assumed for all K where the assertion reads a[x] and b[x].
    const fn = await arrays('b[i] = a[i]');
    assert.ok((fn.observables ?? []).some((o) => o.role === 'cell'));
    const r = await checkKInduction(fn, options(fn));
    await recheckAll(r);
    if (r.status !== 'safe' || r.certificate.kind !== 'invariant') return assert.fail(r.status);
    const text = r.certificate.invariants.map((i) => i.text).join(' ;; ');
    assert.match(text, /for every K: .*K < i(#2)? ==> (a\[K\] == b\[K\]|b\[K\] == a\[K\])/);
    assert.match(text, /K < 10000 ==> (a\[K\] == b\[K\]|b\[K\] == a\[K\])/);
    // The safety query assumes the contents for every K.
    assert.ok(r.certificate.queries.some((q) => /forall/.test(q.smtlib)));
  });

  test('memory: a copy that differs at one element is no proof', async () => {
    const fn = await arrays('b[i] = i == 7777 ? 0 : a[i]');
    const r = await checkKInduction(fn, options(fn));
    assert.notEqual(r.status, 'safe');
    if (r.status === 'unsafe') {
      const replay = runFunction(fn, r.witness.inputs, r.witness.nondet, { maxSteps: 1e8 });
      assert.equal(replay.kind, 'violated');
    }
  });

  test('a loop-free function is left to bounded model checking', async () => {
    const fn = await lower(`int f(int x) { return x + 1; }`);
    const r = await checkKInduction(fn, options(fn, ['overflow']));
    assert.equal(r.status, 'unknown');
  });
});
