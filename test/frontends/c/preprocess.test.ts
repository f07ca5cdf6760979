/** The built-in preprocessor fallback and the IR printer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printFunction, printProgram } from '../../../src/ir/print.js';
import { lower, lowerFn, returns } from './helpers.js';

const builtin = { preprocessor: 'builtin' as const };

test('builtin preprocessor: limits, stdbool, stdint macros and object-like defines', async () => {
  const src = `#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#define N 10 /* ten */
bool f(void) { uint8_t x = UINT8_MAX; return x == 255 && INT_MIN < 0 && N == 10 && true; }`;
  assert.equal(await returns(src, 'f', builtin), 1n);
  const r = await lower(src, { entry: 'f', ...builtin });
  assert.ok(r.ok);
  if (r.ok) assert.ok(r.diagnostics.some((d) => d.code === 'note' && /stdio\.h/.test(d.message)));
});

test('builtin preprocessor: ILP32 limits', async () => {
  assert.equal(
    await returns('#include <limits.h>\nint f(void){ return LONG_MAX == INT_MAX; }', 'f', {
      ...builtin,
      dataModel: 'ILP32',
    }),
    1n,
  );
});

test('builtin preprocessor: assert and NDEBUG, #ifdef', async () => {
  const fn = await lowerFn(
    '#include <assert.h>\n#ifdef NOPE\nint bad;\n#else\nint f(int x){ assert(x > 0); return x; }\n#endif',
    'f',
    builtin,
  );
  assert.deepEqual(
    fn.properties.map((p) => [p.id, p.span.startLine, p.span.startCol]),
    [['f.assertion.1', 5, 15]],
  );
  const nd = await lowerFn(
    '#define NDEBUG\n#include <assert.h>\nint f(int x){ assert(x > 0); return x; }',
    'f',
    builtin,
  );
  assert.equal(nd.properties.length, 0);
});

test('builtin preprocessor: function-like macros are unsupported', async () => {
  const r = await lower('#define SQ(x) ((x)*(x))\nint f(int x){ return SQ(x); }', {
    entry: 'f',
    ...builtin,
  });
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.diagnostics[0].code, 'unsupported');
});

test('printer: variables, properties with locations, C-like edges', async () => {
  const fn = await lowerFn('int f(unsigned char a, int b) {\n  return a + b;\n}', 'f');
  const text = printFunction(fn);
  assert.match(text, /^function f -> i32 \(int\)/);
  assert.match(text, /param a: u8 {2}\/\/ unsigned char/);
  assert.match(
    text,
    /property f\.overflow\.1 \(overflow\) at \/tmp\/arc-test\/t\.c:2:10: a \+ b does not overflow int/,
  );
  assert.match(text, /assert !overflow_add\(\(i32\)a, b\) {2}\[f\.overflow\.1\]/);
  assert.match(text, /\$ret := \(\(i32\)a \+ b\)/);
  const r = await lower('int f(void){ return 1; }\nint g(void){ return 2; }');
  assert.ok(r.ok);
  if (r.ok) assert.match(printProgram(r.program), /function f[\s\S]*function g/);
});
