/**
 * The BMC engine on hand-built IR functions: straight-line code, branches,
 * loops (constant bounds proved, unbounded ones unknown), nesting, witnesses
 * (havoc order, signed values, replay), certificates re-checked, time-outs
 * and cancellation.
 */
import { scalar } from '../../../src/ir/value.js';
import { C_SYNTAX } from '../../../src/frontends/c/back-translator.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineOptions, EngineResult, RawWitness } from '../../../src/engines/engine.js';
import { bmcEngine, unwindSchedule } from '../../../src/engines/bmc/index.js';
import { findLoops } from '../../../src/ir/loops.js';
import type { Expr, IrFunction } from '../../../src/ir/ir.js';
import { bvType, intType } from '../../../src/ir/ir.js';
import { recheckUnsat } from '../../../src/smt/index.js';
import {
  allIds,
  and,
  bin,
  c,
  cast,
  cmp,
  FnBuilder,
  i32,
  i8,
  not,
  ovf,
  replays,
  u32,
} from './builder.js';

function opts(fn: IrFunction, extra: Partial<EngineOptions> = {}): EngineOptions {
  return { timeoutMs: 20000, properties: allIds(fn), syntax: C_SYNTAX, ...extra };
}

function witnessOf(r: EngineResult): RawWitness {
  assert.equal(
    r.status,
    'unsafe',
    JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)),
  );
  return (r as { witness: RawWitness }).witness;
}

async function assertSafe(fn: IrFunction, extra: Partial<EngineOptions> = {}): Promise<number> {
  const r = await bmcEngine.check(fn, opts(fn, extra));
  assert.equal(r.status, 'safe', JSON.stringify(r));
  if (r.status !== 'safe') return -1;
  assert.equal(r.sound, true);
  for (const q of r.certificate.queries) {
    assert.equal((await recheckUnsat(q.smtlib, 10000)).status, 'unsat', q.meaning);
  }
  return r.certificate.kind === 'bmc' ? r.certificate.unwind : -1;
}

/** f(x) { y = x & 1; assert(y <= 1 / y != 1) } */
function straight(cond: (y: Expr) => Expr): IrFunction {
  const b = new FnBuilder();
  const x = b.param('x', i32);
  const y = b.local('y', i32);
  const n1 = b.assign(b.entry, y, bin('bitand', x, c(i32, 1)));
  b.ret(b.assert(n1, cond(y)).next);
  return b.build();
}

test('straight-line code: safe and unsafe', async () => {
  assert.equal(await assertSafe(straight((y) => cmp('le', y, c(i32, 1)))), 0);
  const fn = straight((y) => cmp('ne', y, c(i32, 1)));
  const w = witnessOf(await bmcEngine.check(fn, opts(fn)));
  assert.equal(scalar(w.inputs.get('x')) & 1n, 1n);
  assert.equal(w.property, 'f.assertion.1');
  assert.deepEqual(w.path, [0, 1]);
  assert.ok(replays(fn, w));
});

/** y = x < 0 ? -x : x; assert(y >= 0) — fails only for INT_MIN. */
function absFunction(guardMin: boolean): IrFunction {
  const b = new FnBuilder();
  const x = b.param('x', i32);
  const y = b.local('y', i32);
  let start = b.entry;
  if (guardMin) start = b.assume(start, cmp('ne', x, c(i32, -(2n ** 31n))));
  const br = b.branch(start, cmp('lt', x, c(i32, 0)));
  const join = b.node();
  b.skip(b.assign(br.then, y, { kind: 'unary', type: i32, op: 'neg', arg: x }), join);
  b.skip(b.assign(br.else, y, x), join);
  b.ret(b.assert(join, cmp('ge', y, c(i32, 0))).next);
  return b.build();
}

test('branches: a negative witness value for a signed type', async () => {
  const fn = absFunction(false);
  const w = witnessOf(await bmcEngine.check(fn, opts(fn)));
  assert.equal(w.inputs.get('x'), -(2n ** 31n));
  assert.ok(replays(fn, w));
  assert.equal(await assertSafe(absFunction(true)), 0);
});

test('asserts of unselected properties act as assumptions', async () => {
  const b = new FnBuilder();
  const x = b.param('x', i8);
  const first = b.assert(b.entry, cmp('lt', x, c(i8, 10)));
  const second = b.assert(first.next, cmp('lt', x, c(i8, 20)));
  b.ret(second.next);
  const fn = b.build();
  const r = await bmcEngine.check(fn, opts(fn, { properties: new Set([second.id]) }));
  assert.equal(r.status, 'safe');
  const w = witnessOf(await bmcEngine.check(fn, opts(fn, { properties: new Set([first.id]) })));
  assert.ok(scalar(w.inputs.get('x')) >= 10n);
});

/** i = 0; s = 0; while (i < bound) { s += i; i++; } assert(cond(s)) */
function countingLoop(bound: Expr | null, cond: (s: Expr) => Expr): IrFunction {
  const b = new FnBuilder();
  const n = b.param('n', i32);
  const i = b.local('i', i32);
  const s = b.local('s', i32);
  const head = b.assign(b.assign(b.entry, i, c(i32, 0)), s, c(i32, 0));
  const loop = b.node('normal', 4, 7);
  b.skip(head, loop);
  const br = b.branch(loop, cmp('lt', i, bound ?? n));
  const body = b.assign(br.then, s, bin('add', s, i));
  b.skip(b.assign(body, i, bin('add', i, c(i32, 1))), loop);
  b.ret(b.assert(br.else, cond(s)).next);
  return b.build();
}

test('a loop with a constant bound is proved', async () => {
  const fn = countingLoop(c(i32, 10), (s) => cmp('eq', s, c(i32, 45)));
  const k = await assertSafe(fn);
  assert.ok(k >= 10, `unwind ${k}`);
  const bad = countingLoop(c(i32, 10), (s) => cmp('ne', s, c(i32, 45)));
  const w = witnessOf(await bmcEngine.check(bad, opts(bad)));
  assert.ok(replays(bad, w));
});

test('an unbounded loop gives unknown naming the loop', async () => {
  const fn = countingLoop(null, (s) => cmp('ge', s, c(i32, -1000000)));
  const r = await bmcEngine.check(fn, opts(fn, { maxUnwind: 8 }));
  assert.equal(r.status, 'unknown');
  if (r.status !== 'unknown') return;
  assert.equal(r.reason.code, 'unbounded-loop');
  assert.equal(r.reason.message, 'the loop at f.c:4:7 was not shown to stop within 8 iterations');
  // A bug within the explored iterations is still found.
  const bad = countingLoop(null, (s) => cmp('ne', s, c(i32, 3)));
  const w = witnessOf(await bmcEngine.check(bad, opts(bad, { maxUnwind: 8 })));
  assert.equal(w.inputs.get('n'), 3n);
  assert.ok(replays(bad, w));
});

/** for (i = 0; i < 3; i++) for (j = 0; j < 4; j++) k++; assert(cond(k)) */
function nested(cond: (k: Expr) => Expr): IrFunction {
  const b = new FnBuilder();
  const i = b.local('i', u32);
  const j = b.local('j', u32);
  const k = b.local('k', u32);
  const outer = b.node();
  b.skip(b.assign(b.assign(b.entry, i, c(u32, 0)), k, c(u32, 0)), outer);
  const ob = b.branch(outer, cmp('lt', i, c(u32, 3)));
  const inner = b.node();
  b.skip(b.assign(ob.then, j, c(u32, 0)), inner);
  const ib = b.branch(inner, cmp('lt', j, c(u32, 4)));
  b.skip(
    b.assign(b.assign(ib.then, k, bin('add', k, c(u32, 1))), j, bin('add', j, c(u32, 1))),
    inner,
  );
  b.skip(b.assign(ib.else, i, bin('add', i, c(u32, 1))), outer);
  b.ret(b.assert(ob.else, cond(k)).next);
  return b.build();
}

test('nested loops', async () => {
  const fn = nested((k) => cmp('eq', k, c(u32, 12)));
  const found = findLoops(fn);
  assert.ok(found.ok);
  if (found.ok) {
    assert.equal(found.info.loops.length, 2);
    const sizes = found.info.nest.map((l) => l.length);
    assert.equal(Math.max(...sizes), 2);
  }
  assert.ok((await assertSafe(fn)) >= 4);
  const bad = nested((k) => cmp('ne', k, c(u32, 12)));
  assert.ok(replays(bad, witnessOf(await bmcEngine.check(bad, opts(bad)))));
});

test('havoc values in a witness are in execution order', async () => {
  // state machine over three nondet values read in a loop: fails only for 5, -6, 7
  const b = new FnBuilder();
  const i = b.local('i', i32);
  const v = b.local('v', i8);
  const st = b.local('st', i32);
  const loop = b.node();
  b.skip(b.assign(b.assign(b.entry, i, c(i32, 0)), st, c(i32, 0)), loop);
  const br = b.branch(loop, cmp('lt', i, c(i32, 3)));
  const read = b.havoc(br.then, v);
  const step = (from: number, want: bigint, state: bigint): number => {
    const hit = b.branch(from, and(cmp('eq', st, c(i32, state)), cmp('eq', v, c(i8, want))));
    const after = b.node();
    b.skip(b.assign(hit.then, st, c(i32, state + 1n)), after);
    b.skip(hit.else, after);
    return after;
  };
  const s3 = step(step(step(read, 5n, 0n), -6n, 1n), 7n, 2n);
  // keep the state unless it advanced in this iteration: reset a mismatch to 0 is not needed here
  b.skip(b.assign(s3, i, bin('add', i, c(i32, 1))), loop);
  b.ret(b.assert(br.else, cmp('ne', st, c(i32, 3))).next);
  const fn = b.build();
  const w = witnessOf(await bmcEngine.check(fn, opts(fn)));
  assert.ok(replays(fn, w));
  // Three reads; the successful run must read 5, -6, 7 in this order (extra matches happen in one iteration).
  assert.equal(w.nondet.length, 3);
  assert.deepEqual(w.nondet, [5n, -6n, 7n]);
});

test('straight-line havoc sequence', async () => {
  const b = new FnBuilder();
  const x = b.local('x', i32);
  const y = b.local('y', u32);
  const z = b.local('z', i8);
  const n = b.havoc(b.havoc(b.havoc(b.entry, x), y), z);
  const cond = not(
    and(
      and(cmp('eq', x, c(i32, -3)), cmp('eq', y, c(u32, 4000000000n))),
      cmp('eq', z, c(i8, -128)),
    ),
  );
  b.ret(b.assert(n, cond).next);
  const fn = b.build();
  const w = witnessOf(await bmcEngine.check(fn, opts(fn)));
  assert.deepEqual(w.nondet, [-3n, 4000000000n, -128n]);
  assert.ok(replays(fn, w));
});

test('an irreducible CFG is unsupported', async () => {
  const b = new FnBuilder();
  const x = b.param('x', i32);
  const br = b.branch(b.entry, cmp('lt', x, c(i32, 0)));
  b.skip(br.then, br.else);
  b.skip(br.else, br.then);
  const fn = b.build();
  const r = await bmcEngine.check(fn, opts(fn));
  assert.equal(r.status, 'unknown');
  if (r.status === 'unknown') assert.equal(r.reason.code, 'unsupported');
});

/** assume(1 < a, b < 2^64); assert(a * b != p) on 128-bit unsigned: hard. */
function factoring(): IrFunction {
  const t = bvType(128, false);
  const b = new FnBuilder();
  const x = b.param('a', t);
  const y = b.param('b', t);
  let n = b.assume(b.entry, and(cmp('lt', c(t, 1), x), cmp('lt', c(t, 1), y)));
  n = b.assume(n, and(cmp('lt', x, c(t, 2n ** 64n)), cmp('lt', y, c(t, 2n ** 64n))));
  const p = 18446744073709551557n * 18446744073709551533n;
  b.ret(b.assert(n, cmp('ne', bin('mul', x, y), c(t, p))).next);
  return b.build();
}

test('a timeout gives unknown', async () => {
  const fn = factoring();
  const t0 = performance.now();
  const r = await bmcEngine.check(fn, opts(fn, { timeoutMs: 100 }));
  assert.equal(r.status, 'unknown');
  if (r.status === 'unknown') assert.equal(r.reason.code, 'timeout');
  assert.ok(performance.now() - t0 < 3000);
});

test('cancellation gives unknown', async () => {
  const fn = factoring();
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 80);
  const r = await bmcEngine.check(fn, opts(fn, { signal: ac.signal, timeoutMs: 60000 }));
  assert.equal(r.status, 'unknown');
  if (r.status === 'unknown') assert.equal(r.reason.code, 'cancelled');
});

test('unwinding schedule', () => {
  assert.deepEqual(unwindSchedule(false, 64), [0]);
  assert.deepEqual(unwindSchedule(true, 64), [1, 2, 4, 8, 16, 32, 64]);
  assert.deepEqual(unwindSchedule(true, 10), [1, 2, 4, 8, 10]);
});

test('dumped queries are written per round', async () => {
  const { mkdtempSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'arc-bmc-'));
  const fn = countingLoop(c(i32, 3), (s) => cmp('eq', s, c(i32, 3)));
  const r = await bmcEngine.check(fn, opts(fn, { dumpSmtDir: dir }));
  assert.equal(r.status, 'safe');
  const files = readdirSync(dir).sort();
  assert.ok(
    files.includes('f.k4.violation.smt2') && files.includes('f.k4.unwinding.smt2'),
    files.join(' '),
  );
});

test('overflow asserts in a function: witnesses replay', async () => {
  for (const op of ['add', 'sub', 'mul', 'neg', 'div', 'shl'] as const) {
    const b = new FnBuilder();
    const x = b.param('x', i8);
    const y = b.param('y', i8);
    let n = b.entry;
    if (op === 'shl') n = b.assume(n, and(cmp('ge', y, c(i8, 0)), cmp('lt', y, c(i8, 8))));
    if (op === 'div') n = b.assume(n, cmp('ne', y, c(i8, 0)));
    b.ret(b.assert(n, not(op === 'neg' ? ovf(op, x) : ovf(op, x, y)), 'overflow').next);
    const fn = b.build();
    const w = witnessOf(await bmcEngine.check(fn, opts(fn)));
    assert.ok(replays(fn, w), op);
  }
});

test('a bug beyond maxUnwind gives unknown, never yes', async () => {
  // i = 0; while (i < 100) { s += i; i++ } assert(s != 4950)
  const fn = countingLoop(c(i32, 100), (s) => cmp('ne', s, c(i32, 4950)));
  const r = await bmcEngine.check(fn, opts(fn, { maxUnwind: 16 }));
  assert.equal(r.status, 'unknown');
  if (r.status === 'unknown') assert.equal(r.reason.code, 'unbounded-loop');
  const w = witnessOf(await bmcEngine.check(fn, opts(fn, { maxUnwind: 128 })));
  assert.ok(replays(fn, w));
});

test('loops from which no check is reachable need no unwinding', async () => {
  // assert(x != 5); while (1) x++;
  const build = (bad: bigint): IrFunction => {
    const b = new FnBuilder();
    const x = b.param('x', i32);
    const after = b.assert(b.entry, cmp('ne', bin('bitand', x, c(i32, 1)), c(i32, bad))).next;
    const loop = b.node();
    b.skip(after, loop);
    b.skip(b.assign(loop, x, bin('add', x, c(i32, 1))), loop);
    return b.build();
  };
  assert.equal(await assertSafe(build(2n)), 0);
  const fn = build(1n);
  assert.ok(replays(fn, witnessOf(await bmcEngine.check(fn, opts(fn)))));
});

test('certificates of int-typed functions re-check, and the z3 binary agrees on dumps', async (t) => {
  const { mkdtempSync, readdirSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  // x: int; y = x // 3 * 3 + x % 3 (Python); z = (i8) x; assert(y == x && (int) z - x is a multiple of 256)
  const b = new FnBuilder();
  const x = b.param('x', intType);
  const y = b.local('y', intType);
  const z = b.local('z', i8);
  let n = b.assign(
    b.entry,
    y,
    bin(
      'add',
      bin('mul', bin('floordiv', x, c(intType, 3)), c(intType, 3)),
      bin('floormod', x, c(intType, 3)),
    ),
  );
  n = b.assign(n, z, cast(i8, x));
  const diff = bin('sub', cast(intType, z), x);
  const cond = and(
    cmp('eq', y, x),
    cmp('eq', bin('floormod', diff, c(intType, 256)), c(intType, 0)),
  );
  b.ret(b.assert(n, cond).next);
  const fn = b.build();
  const dir = mkdtempSync(join(tmpdir(), 'arc-bmc-int-'));
  assert.equal(await assertSafe(fn, { dumpSmtDir: dir }), 0);
  if (spawnSync('z3', ['--version']).status !== 0) {
    t.skip('z3 binary not on PATH: the binary cross-check was skipped');
    return;
  }
  for (const f of readdirSync(dir)) {
    const out = spawnSync('z3', [join(dir, f)], { encoding: 'utf8' });
    assert.equal(out.stdout.trim(), 'unsat', `${f}: ${out.stdout}${out.stderr}`);
  }
});
