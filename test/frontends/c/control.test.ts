/** Statements: loops, switch, goto, scoping, inlining, globals, undefined functions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerFn, returns, run } from './helpers.js';

test('loops: for with declarations, while, do-while, break, continue', async () => {
  const src = `int f(void){
  int s = 0;
  for (int i = 0; i < 10; i++) { if (i == 3) continue; if (i == 6) break; s += i; }
  int j = 0;
  while (j < 4) j++;
  do { s = s + 100; } while (0);
  return s * 10 + j; }`;
  assert.equal(await returns(src), (0n + 1n + 2n + 4n + 5n + 100n) * 10n + 4n);
});

test('switch with fall-through, default and break', async () => {
  const src = `int f(int x){ int r = 0;
  switch (x) { case 1: r += 1; case 2: r += 10; break; case 3: { r = 7; break; } default: r = -1; }
  return r; }`;
  const fn = await lowerFn(src, 'f');
  const val = (x: bigint): bigint | null => {
    const r = run(fn, { x });
    return r.kind === 'return' ? r.value : null;
  };
  assert.deepEqual([val(1n), val(2n), val(3n), val(9n)], [11n, 10n, 7n, -1n]);
});

test('switch on unsigned char with a negative case value converts the label', async () => {
  const fn = await lowerFn(
    'int f(unsigned char c){ switch (c) { case 255: return 1; case -1: return 2; } return 3; }',
    'f',
  );
  const r = run(fn, { c: 255n });
  assert.equal(r.kind === 'return' ? r.value : null, 1n);
});

test('goto forward and backward', async () => {
  const src = `int f(void){ int i = 0;
again:
  i++;
  if (i < 5) goto again;
  goto done;
  i = 100;
done:
  return i; }`;
  assert.equal(await returns(src), 5n);
});

test('uninitialised locals are havocked with a source', async () => {
  const fn = await lowerFn('int f(void){ int x; return x; }', 'f');
  const h = fn.edges.find((e) => e.action.kind === 'havoc');
  assert.deepEqual(h?.action, { kind: 'havoc', target: 'x', source: 'uninitialised x' });
});

test('inlining: fresh names per call site, return jumps to the continuation', async () => {
  const src =
    'int add1(int v){ if (v > 10) return v; int w = v + 1; return w; }\nint f(void){ return add1(1) * 100 + add1(20); }';
  const fn = await lowerFn(src, 'f');
  const names = fn.locals.map((v) => v.name);
  assert.ok(
    names.includes('add1::v') && names.includes('add1::v#2') && names.includes('add1::w#2'),
  );
  assert.equal(fn.locals.find((v) => v.name === 'add1::v#2')?.sourceName, 'v');
  const r = run(fn);
  assert.equal(r.kind === 'return' ? r.value : null, 220n);
});

test('parameters are converted to the callee type', async () => {
  assert.equal(
    await returns('int g(unsigned char c){ return c; }\nint f(void){ return g(300); }'),
    44n,
  );
});

test('globals: initialised for main, parameters for other entries', async () => {
  const src =
    'int g = 5; unsigned h;\nint f(void){ return g + h; }\nint main(){ h = 1; return f(); }';
  const m = await lowerFn(src, 'main');
  const r = run(m);
  assert.equal(r.kind === 'return' ? r.value : null, 6n);
  const f = await lowerFn(src, 'f');
  assert.deepEqual(
    f.params.map((p) => [p.name, p.sourceName]),
    [
      ['g', 'g'],
      ['h', 'h'],
    ],
  );
});

test('undefined functions: havoc result and globals, approximation recorded', async () => {
  const src =
    '#include <stdbool.h>\nbool terminates(void (*fn)(void));\nint g;\nvoid h() { if (terminates(h)) while(1){} g = 1; }';
  const fn = await lowerFn(src, 'h');
  assert.deepEqual(
    fn.approximations.map((a) => [a.kind, a.name, a.span.startLine, a.span.startCol]),
    [['undefined-function', 'terminates', 4, 16]],
  );
  const sources = fn.edges.flatMap((e) => (e.action.kind === 'havoc' ? [e.action.source] : []));
  assert.ok(sources.includes('undefined function terminates'));
});

test('output calls are ignored but their arguments are checked', async () => {
  const fn = await lowerFn(
    '#include <stdio.h>\nint f(int x){ printf("%d\\n", x + 1); fprintf(stderr, "e"); return 0; }',
    'f',
  );
  assert.deepEqual(
    fn.properties.map((p) => p.id),
    ['f.overflow.1'],
  );
});

test('main falls off the end: returns 0', async () => {
  assert.equal(await returns('int main(void){ int x = 1; x++; }', 'main'), 0n);
});
