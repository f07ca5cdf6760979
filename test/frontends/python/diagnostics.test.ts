import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lowerPythonFile } from '../../../src/frontends/python/index.js';
import { lower, lowerFails } from './helpers.js';
import { spanOf, type Diagnostic } from '../../../src/core/diagnostic.js';

function where(d: Diagnostic): string {
  const span = spanOf(d);
  return span ? `${span.startLine}:${span.startCol}` : '';
}

const UNSUPPORTED: [string, string, string][] = [
  ['float', 'def f(x):\n    return x + 1.5\n', '2:16'],
  ['string', 'def f(x):\n    y = "a"\n    return x\n', '2:9'],
  ['true division', 'def f(x):\n    return x / 2\n', '2:12'],
  ['power with a variable exponent', 'def f(x):\n    return 2 ** x\n', '2:12'],
  ['power with a negative exponent', 'def f(x):\n    return x ** -1\n', '2:12'],
  ['power with a huge exponent', 'def f(x):\n    return x ** 65\n', '2:12'],
  ['pow with a modulus', 'def f(x):\n    return pow(x, 2, 5)\n', '2:12'],
  ['min of one argument', 'def f(x):\n    return min(x)\n', '2:12'],
  ['float parameter hint', 'def f(x: float):\n    return x\n', '1:10'],
  ['list parameter hint', 'from typing import List\ndef f(x: List[int]):\n    return 1\n', '2:10'],
  ['shadowed int hint', 'int = 3\ndef f(x: int):\n    return x\n', '2:10'],
  ['for over a name', 'def f(x):\n    for i in x:\n        pass\n', '2:14'],
  ['for over a list', 'def f(x):\n    for i in [1, 2]:\n        pass\n', '2:14'],
  ['for with a tuple target', 'def f(x):\n    for i, j in range(x):\n        pass\n', '2:9'],
  ['for else', 'def f(x):\n    for i in range(x):\n        pass\n    else:\n        pass\n', '2:5'],
  [
    'shadowed range',
    'def range(a):\n    return a\ndef f(x):\n    for i in range(x):\n        pass\n',
    '4:14',
  ],
  ['attribute', 'def f(x):\n    return x.real\n', '2:12'],
  ['lambda', 'def f(x):\n    g = lambda y: y\n    return x\n', '2:9'],
  ['import math', 'import math\ndef f(x):\n    return x\n', '1:8'],
  ['import from os', 'from os import path\ndef f(x):\n    return x\n', '1:6'],
  ['relative import', 'from . import m\ndef f(x):\n    return x\n', '1:6'],
  ['second module of an import', 'import typing, math\ndef f(x):\n    return x\n', '1:16'],
  ['bitwise and', 'def f(x):\n    return x & 1\n', '2:12'],
  ['bitwise not', 'def f(x):\n    return ~x\n', '2:12'],
  ['global', 'N = 3\ndef f(x):\n    return x + N\n', '3:16'],
  ['list', 'def f(x):\n    return [x]\n', '2:12'],
  ['try', 'def f(x):\n    try:\n        pass\n    except E:\n        pass\n', '2:5'],
  ['class', 'def f(x):\n    class A:\n        pass\n', '2:5'],
  ['while else', 'def f(x):\n    while x:\n        x -= 1\n    else:\n        pass\n', '2:5'],
  ['method call', 'def f(x):\n    return x.bit_length()\n', '2:12'],
  ['builtin', 'def f(x):\n    return divmod(x, 2)\n', '2:12'],
  ['None', 'def f(x):\n    return None\n', '2:12'],
  ['in', 'def f(x):\n    return x in x\n', '2:12'],
  ['unbound local', 'def f(x):\n    if x:\n        y = 1\n    return y\n', '4:12'],
  ['mixed None', 'def f(x):\n    if x:\n        return 1\n', '1:1'],
  ['tuple assignment', 'def f(x):\n    a, b = x, x\n', '2:5'],
  ['default parameter', 'def f(x=1):\n    return x\n', '1:7'],
  ['keyword argument', 'def g(a):\n    return a\ndef f(x):\n    return g(a=x)\n', '4:14'],
  ['shadowed isinstance', 'isinstance = 3\ndef f(x):\n    assert isinstance(x, int)\n', '3:12'],
];

for (const [what, src, at] of UNSUPPORTED) {
  test(`unsupported: ${what} at line:col`, async () => {
    const ds = await lowerFails(src, 'f');
    assert.equal(ds.length, 1, ds.map((d) => d.message).join('; '));
    assert.equal(ds[0].code, 'unsupported', ds[0].message);
    assert.equal(spanOf(ds[0])?.file, '/tmp/arc-test/t.py');
    assert.equal(where(ds[0]), at, ds[0].message);
  });
}

test('recursion is reported', async () => {
  const ds = await lowerFails('def f(x):\n    return f(x - 1)\n', 'f');
  assert.equal(ds[0].code, 'recursion');
  assert.equal(where(ds[0]), '2:12');
});

test('syntax errors carry line:col', async () => {
  const ds = await lowerFails('def f(x):\n    return (x +\n\ndef g(:\n  pass\n');
  assert.ok(ds.length >= 1);
  assert.ok(ds.every((d) => d.code === 'syntax-error'));
  assert.ok(ds.every((d) => (spanOf(d)?.startLine ?? 0) >= 1));
  const one = await lowerFails('def f(x):\n    x = = 1\n    return x\n', 'f');
  assert.equal(one[0].code, 'syntax-error');
  assert.equal(spanOf(one[0])?.startLine, 2);
  const brk = await lowerFails('def f(x):\n    break\n', 'f');
  assert.equal(brk[0].code, 'syntax-error');
  assert.equal(where(brk[0]), '2:5');
});

test('unknown function, empty file, binary file, missing file', async () => {
  const u = await lowerFails('def f(x):\n    return x\n', 'h');
  assert.equal(u[0].code, 'unknown-function');
  assert.match(u[0].message, /defined functions: f/);
  assert.equal((await lowerFails('  \n\n')).at(0)?.code, 'empty-file');
  assert.equal((await lowerFails('def f(x):\0\n')).at(0)?.code, 'binary-file');
  const dir = mkdtempSync(join(tmpdir(), 'arc-py-'));
  const missing = await lowerPythonFile(join(dir, 'nope.py'), {});
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.equal(missing.diagnostics[0].code, 'file-not-found');
  const file = join(dir, 'g.py');
  writeFileSync(file, 'def g(x, y):\n    return x + y\n');
  const ok = await lowerPythonFile(file, { entry: 'g' });
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.program.language, 'python');
    assert.deepEqual(ok.definedFunctions, ['g']);
    assert.equal(ok.source.file, file);
  }
});

test('without an entry every function is lowered; failures become warnings', async () => {
  const r = await lower(
    'import typing\n\ndef a(x):\n    return x\n\ndef b(x):\n    return x / 2\n\nif __name__ == "__main__":\n    print(a(1))\n',
  );
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(r.definedFunctions, ['a', 'b']);
  assert.deepEqual([...r.program.functions.keys()], ['a']);
  assert.ok(r.diagnostics.some((d) => d.severity === 'warning' && d.code === 'unsupported'));
  assert.ok(r.diagnostics.some((d) => d.code === 'note'));
});

test('print is ignored with a note, docstrings and annotations are accepted', async () => {
  const r = await lower(
    'def f(x: int) -> int:\n    """doc"""\n    print("x is", x)\n    y: int = x\n    return y\n',
    { entry: 'f' },
  );
  assert.ok(r.ok);
  if (r.ok) assert.ok(r.diagnostics.some((d) => d.code === 'ignored-call'));
});

test('wrong builtin arity is a TypeError diagnostic at the call', async () => {
  const cases: [string, string][] = [
    ['def f(x):\n    for i in range(1, 2, 3, 4):\n        pass\n', '2:14'],
    ['def f(x):\n    for i in range():\n        pass\n', '2:14'],
    ['def f(x):\n    return abs(x, 1)\n', '2:12'],
    ['def f(x):\n    return pow(x)\n', '2:12'],
  ];
  for (const [src, at] of cases) {
    const ds = await lowerFails(src, 'f');
    assert.equal(ds[0].code, 'type-error', ds[0].message);
    assert.equal(where(ds[0]), at, ds[0].message);
  }
});

test('an unhinted parameter is taken as an int, with a visible note', async () => {
  const r = await lower(
    'def f(a, b: int, c, d: bool):\n    assert isinstance(c, int)\n    return a + b + c + d\n',
    { entry: 'f' },
  );
  assert.ok(r.ok);
  if (!r.ok) return;
  const notes = r.diagnostics.filter((d) => /has no type hint/.test(d.message));
  assert.equal(notes.length, 1, notes.map((d) => d.message).join('; '));
  assert.equal(notes[0].code, 'note');
  assert.equal(notes[0].severity, 'warning');
  assert.match(notes[0].message, /parameter a has no type hint: arc takes it to be an int/);
  assert.equal(where(notes[0]), '1:7');
  const fn = r.program.functions.get('f');
  assert.deepEqual(
    fn?.params.map((p) => [p.sourceName, p.type.kind, p.sourceType]),
    [
      ['a', 'int', 'int'],
      ['b', 'int', 'int'],
      ['c', 'int', 'int'],
      ['d', 'int', 'bool'],
    ],
  );
  // A callee's unhinted parameters get no note: they receive the caller's integers.
  const callee = await lower('def g(v):\n    return v\n\ndef f(x: int):\n    return g(x)\n', {
    entry: 'f',
  });
  assert.ok(callee.ok);
  if (callee.ok) assert.ok(!callee.diagnostics.some((d) => /has no type hint/.test(d.message)));
});

test('typing may be imported, also with a star', async () => {
  const r = await lower(
    'from typing import *\nimport typing as t\ndef f(x: int) -> bool:\n    return abs(x) >= 0\n',
    { entry: 'f' },
  );
  assert.ok(r.ok, r.ok ? '' : r.diagnostics.map((d) => d.message).join('; '));
});
