/** Bad input and unsupported constructs are diagnostics with spans, never exceptions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lowerCFile } from '../../../src/frontends/c/index.js';
import { isUnsupportedCode, spanOf } from '../../../src/core/diagnostic.js';
import { lower, lowerFails } from './helpers.js';

const unsupported: [string, string, string][] = [
  ['pointers in math semantics', 'int f(int *p){ return 0; }', 'pointers and memory'],
  ['main argv', 'int main(int argc, char **argv){ return argv[0][0]; }', 'argument vector'],
  ['floating point', 'int f(void){ double d = 1.5; return 0; }', 'floating point'],
  ['float literal', 'int f(void){ return 1.5 > 1; }', 'floating point'],
  ['volatile', 'int f(void){ volatile int v = 0; return v; }', 'volatile'],
  ['unsequenced writes to memory', 'int f(int *p){ return (*p)++ + *p; }', 'modified'],
  ['unsequenced side effects', 'int f(int i){ return i++ + i; }', 'modified'],
  ['unsequenced assignment', 'int f(int i){ i = i++; return i; }', 'modified'],
  [
    'call order with a global',
    'int g; int h(void){ g = 1; return 1; } int f(void){ return g + h(); }',
    'modified',
  ],
  ['bitwise in math semantics', 'int f(int x){ return x & 1; }', 'bitwise'],
];

for (const [name, src, word] of unsupported) {
  test(`unsupported: ${name}`, async () => {
    const entry = name === 'main argv' ? 'main' : 'f';
    const ds = await lowerFails(src, entry, name.includes('math') ? { semantics: 'math' } : {});
    assert.equal(ds.length, 1);
    assert.ok(isUnsupportedCode(ds[0].code), ds[0].code);
    assert.match(ds[0].message, new RegExp(word));
    assert.equal(spanOf(ds[0])?.file, '/tmp/arc-test/t.c');
    assert.equal(spanOf(ds[0])?.startLine, 1);
  });
}

test('sequenced side effects are fine', async () => {
  const r = await lower('int f(int i){ int j = (i++, i + 1); j = i++ && i; i += 1; return j; }', {
    entry: 'f',
  });
  assert.equal(r.ok, true);
});

test('recursion (direct and mutual) is reported with its span', async () => {
  const ds = await lowerFails('int f(int n){\n  return n <= 0 ? 0 : f(n - 1);\n}', 'f');
  assert.equal(ds[0].code, 'recursion');
  assert.deepEqual([spanOf(ds[0])?.startLine, spanOf(ds[0])?.startCol], [2, 23]);
  const m = await lowerFails(
    'int even(int n); int odd(int n){ return n ? even(n-1) : 0; } int even(int n){ return n ? odd(n-1) : 1; }',
    'even',
  );
  assert.equal(m[0].code, 'recursion');
  assert.match(m[0].message, /even -> odd -> even/);
});

test('unknown function lists defined functions', async () => {
  const ds = await lowerFails('int a(void){ return 0; } int b(void){ return 1; }', 'zz');
  assert.equal(ds[0].code, 'unknown-function');
  assert.match(ds[0].message, /a, b/);
});

test('syntax errors in the user file have line:col; system headers do not matter', async () => {
  const ds = await lowerFails('#include <stdio.h>\nint f(void) {\n  return 1 +;\n}', 'f');
  assert.equal(ds[0].code, 'syntax-error');
  assert.equal(spanOf(ds[0])?.startLine, 3);
});

test('undeclared identifiers are type errors', async () => {
  const ds = await lowerFails('int f(void){ return y; }', 'f');
  assert.equal(ds[0].code, 'type-error');
});

test('empty, binary and missing files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arc-c-'));
  await writeFile(join(dir, 'e.c'), '  \n');
  await writeFile(join(dir, 'b.c'), Buffer.from([0x7f, 0x45, 0x00, 0x01]));
  const e = await lowerCFile(join(dir, 'e.c'), { dataModel: 'LP64' });
  const b = await lowerCFile(join(dir, 'b.c'), { dataModel: 'LP64' });
  const m = await lowerCFile(join(dir, 'missing.c'), { dataModel: 'LP64' });
  assert.deepEqual(
    [e, b, m].map((r) => (r.ok ? 'ok' : r.diagnostics[0].code)),
    ['empty-file', 'binary-file', 'file-not-found'],
  );
});

test('without an entry every function that lowers is returned; failures are diagnostics', async () => {
  const r = await lower('int ok(int x){ return x; }\nint bad(double d){ return 0; }');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual([...r.program.functions.keys()], ['ok']);
  assert.deepEqual(r.definedFunctions, ['ok', 'bad']);
  const d = r.diagnostics.find((x) => x.code === 'unsupported');
  assert.ok(d && /bad/.test(d.message));
});

test('spans map back to the original file through macro expansion and comments', async () => {
  const src =
    '#include <limits.h>\n#define TWICE(x) ((x) + (x))\nint f(int a) {   /* pad */  int b =   TWICE(a);\n  return b + INT_MAX; }';
  const r = await lower(src, { entry: 'f' });
  assert.ok(r.ok);
  if (!r.ok) return;
  const fn = r.program.functions.get('f');
  const spans = fn?.properties.map((p) => [p.span.startLine, p.span.startCol]);
  assert.deepEqual(spans, [
    [3, 39],
    [4, 10],
  ]);
});
