/** Undefined-behaviour checks, verification conventions and property ids. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerFn, run } from './helpers.js';

function ids(fn: { properties: readonly { id: string }[] }): string[] {
  return fn.properties.map((p) => p.id);
}

test('signed overflow checks on + - * and unary minus, none for unsigned', async () => {
  const fn = await lowerFn(
    'int f(int a, int b, unsigned u){ u = u * u + u; return -a + a * b - b; }',
    'f',
  );
  assert.deepEqual(ids(fn), ['f.overflow.1', 'f.overflow.2', 'f.overflow.3', 'f.overflow.4']);
  assert.equal(fn.properties[0].span.startCol, 56);
  assert.match(fn.properties[0].description, /-a does not overflow int/);
  assert.deepEqual(run(fn, { a: -2147483648n, b: 0n }), {
    kind: 'violation',
    property: 'f.overflow.1',
  });
  const ok = run(fn, { a: 3n, b: 4n });
  assert.equal(ok.kind === 'return' ? ok.value : null, -3n + 12n - 4n);
});

test('division: div-by-zero then INT_MIN / -1, also for %', async () => {
  const fn = await lowerFn('int f(int a, int b){ return a % b; }', 'f');
  assert.deepEqual(ids(fn), ['f.div-by-zero.1', 'f.overflow.1']);
  assert.deepEqual(run(fn, { a: 1n, b: 0n }), { kind: 'violation', property: 'f.div-by-zero.1' });
  assert.deepEqual(run(fn, { a: -2147483648n, b: -1n }), {
    kind: 'violation',
    property: 'f.overflow.1',
  });
  const u = await lowerFn('unsigned f(unsigned a, unsigned b){ return a / b + a / 3; }', 'f');
  assert.deepEqual(ids(u), ['f.div-by-zero.1']);
});

test('shift checks: amount, negative left operand, unrepresentable result', async () => {
  const fn = await lowerFn('int f(int a, int b){ return a << b; }', 'f');
  assert.deepEqual(ids(fn), ['f.overflow.1', 'f.shift.1', 'f.shift.2']);
  assert.deepEqual(run(fn, { a: 1n, b: 32n }), { kind: 'violation', property: 'f.shift.1' });
  assert.deepEqual(run(fn, { a: 1n, b: -1n }), { kind: 'violation', property: 'f.shift.1' });
  assert.deepEqual(run(fn, { a: -1n, b: 1n }), { kind: 'violation', property: 'f.shift.2' });
  assert.deepEqual(run(fn, { a: 1n << 30n, b: 2n }), {
    kind: 'violation',
    property: 'f.overflow.1',
  });
  const r = run(fn, { a: 3n, b: 4n });
  assert.equal(r.kind === 'return' ? r.value : null, 48n);
  const u = await lowerFn('unsigned f(unsigned a, long b){ return a >> b; }', 'f');
  assert.deepEqual(ids(u), ['f.shift.1']);
  assert.deepEqual(run(u, { a: 1n, b: (1n << 32n) + 1n }), {
    kind: 'violation',
    property: 'f.shift.1',
  });
});

test('++, -- and compound assignments are checked on signed types only after promotion', async () => {
  const fn = await lowerFn(
    'void f(int i, short s, unsigned char c, long l){ i++; --i; s += 1; c *= 200; l -= i; }',
    'f',
  );
  assert.deepEqual(ids(fn), ['f.overflow.1', 'f.overflow.2', 'f.overflow.3']);
});

test('short-circuit: checks in the right operand only run when it is evaluated', async () => {
  const fn = await lowerFn('int f(int a, int b){ return b != 0 && a / b > 1; }', 'f');
  const r = run(fn, { a: 5n, b: 0n });
  assert.equal(r.kind === 'return' ? r.value : null, 0n);
  const t = await lowerFn('int f(int a, int b){ return b == 0 ? 0 : a / b; }', 'f');
  const r2 = run(t, { a: 5n, b: 0n });
  assert.equal(r2.kind === 'return' ? r2.value : null, 0n);
  const o = await lowerFn('int f(int a, int b){ return b == 0 || a % b == 0; }', 'f');
  const r3 = run(o, { a: 5n, b: 0n });
  assert.equal(r3.kind === 'return' ? r3.value : null, 1n);
});

test('assert, __VERIFIER_assert, reach_error, assume, nondet', async () => {
  const src = `#include <assert.h>
extern int __VERIFIER_nondet_int(void);
extern unsigned char __VERIFIER_nondet_uchar(void);
void reach_error() { __assert_fail("0", "x.c", 3, "reach_error"); }
void __VERIFIER_assert(int cond) { if (!(cond)) { ERROR: {reach_error(); abort();} } }
void assume_abort_if_not(int cond) { if (!cond) abort(); }
int main() {
  int x = __VERIFIER_nondet_int();
  unsigned char c = __VERIFIER_nondet_uchar();
  assume_abort_if_not(x > 0);
  assert(x != 5);
  __VERIFIER_assert(c < 200);
  if (x == 7) reach_error();
  return 0;
}`;
  const fn = await lowerFn(src, 'main');
  assert.deepEqual(ids(fn), ['main.assertion.1', 'main.assertion.2', 'main.error-call.1']);
  assert.deepEqual(
    fn.properties.map((p) => p.span.startLine),
    [11, 12, 13],
  );
  assert.deepEqual(run(fn, {}, [0n, 0n]), { kind: 'stuck' });
  assert.deepEqual(run(fn, {}, [5n, 0n]), { kind: 'violation', property: 'main.assertion.1' });
  assert.deepEqual(run(fn, {}, [1n, 250n]), { kind: 'violation', property: 'main.assertion.2' });
  assert.deepEqual(run(fn, {}, [7n, 1n]), { kind: 'violation', property: 'main.error-call.1' });
  const havocs = fn.edges
    .filter((e) => e.action.kind === 'havoc')
    .map((e) => (e.action.kind === 'havoc' ? e.action.source : ''));
  assert.deepEqual(havocs, ['__VERIFIER_nondet_int', '__VERIFIER_nondet_uchar']);
  const c = fn.locals.find((v) => v.sourceName === '__VERIFIER_nondet_uchar()');
  assert.deepEqual(c?.type, { kind: 'bv', width: 8, signed: false });
});

test('NDEBUG disables assert', async () => {
  const fn = await lowerFn(
    '#define NDEBUG\n#include <assert.h>\nint main(){ int x = 0; assert(x / x); return 0; }',
    'main',
  );
  assert.deepEqual(ids(fn), []);
});

test('abort and exit go to a halt node; exit arguments are checked', async () => {
  const fn = await lowerFn(
    '#include <stdlib.h>\nint f(int x){ if (x) exit(x + 1); abort(); }',
    'f',
  );
  assert.ok(fn.nodes.some((n) => n.kind === 'halt'));
  assert.deepEqual(ids(fn), ['f.overflow.1']);
  assert.deepEqual(run(fn, { x: 0n }), { kind: 'halt' });
});

test('returns-true property on every return', async () => {
  const fn = await lowerFn(
    '#include <stdbool.h>\nbool f(unsigned x, unsigned y){ if (x) return true; return (x+y == y+x); }',
    'f',
    { returnsTrue: true },
  );
  assert.deepEqual(ids(fn), ['f.returns-true.1']);
  const asserts = fn.edges.filter((e) => e.action.kind === 'assert');
  assert.equal(asserts.length, 1);
  assert.equal(fn.nodes[asserts[0].to].kind, 'return');
  const g = await lowerFn('int g(int x){ return x; }', 'g', { returnsTrue: true });
  assert.deepEqual(run(g, { x: 0n }), { kind: 'violation', property: 'g.returns-true.1' });
});

test('property ids: numbered per function in source order; inlined copies share ids', async () => {
  const src =
    'int sq(int v){ return v * v; }\nint main(){ int a = __VERIFIER_nondet_int(); int b = sq(a) + sq(a + 1); return b; }';
  const fn = await lowerFn(src, 'main');
  assert.deepEqual(ids(fn), ['main.overflow.1', 'main.overflow.2', 'sq.overflow.1']);
  const sqAsserts = fn.edges.filter(
    (e) => e.action.kind === 'assert' && e.action.property === 'sq.overflow.1',
  );
  assert.equal(sqAsserts.length, 2);
  const p = fn.properties.find((x) => x.id === 'sq.overflow.1');
  assert.deepEqual([p?.span.startLine, p?.span.startCol, p?.span.endCol], [1, 23, 28]);
});
