/** Integer promotions, usual arithmetic conversions and constants, checked by running the IR. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerFn, returns, run } from './helpers.js';

const cases: [string, string, bigint][] = [
  [
    'unsigned char arithmetic happens in int',
    'int f(void){ unsigned char a = 200, b = 100; return a + b; }',
    300n,
  ],
  [
    'conversion back to unsigned char wraps',
    'int f(void){ unsigned char a = 200; a += 100; return a; }',
    44n,
  ],
  ['conversion to signed char wraps (gcc)', 'int f(void){ signed char c = 200; return c; }', -56n],
  ['plain char is signed', 'int f(void){ char c = 255; return c < 0; }', 1n],
  [
    'unsigned int vs long in LP64 compares as long',
    'int f(void){ unsigned u = 1; long l = -1; return u < l; }',
    0n,
  ],
  [
    'unsigned int vs int compares as unsigned',
    'int f(void){ unsigned u = 1; int i = -1; return u < i; }',
    1n,
  ],
  [
    'unsigned short promotes to int',
    'int f(void){ unsigned short s = 255; return s * s > 0 ? 1 : 2; }',
    1n,
  ],
  ['unsigned wraps', 'unsigned f(void){ unsigned x = 0; return x - 1; }', 4294967295n],
  ['hex constant 0xFFFFFFFF is unsigned int', 'int f(void){ return 0xFFFFFFFF > 0; }', 1n],
  ['hex constant 0xFFFFFFFF == -1', 'int f(void){ return 0xFFFFFFFF == -1; }', 1n],
  ['decimal 4294967295 is long', 'int f(void){ return 4294967295 == -1; }', 0n],
  ['-2147483648 is long in LP64', 'long f(void){ return -2147483648 - 1; }', -2147483649n],
  ['1u suffix', 'int f(void){ return -1 < 1u; }', 0n],
  ['char literal', "int f(void){ return 'a' + '\\n'; }", 107n],
  ['negative char escape', "int f(void){ return '\\xff'; }", -1n],
  ['octal', 'int f(void){ return 017; }', 15n],
  ['_Bool conversion', 'int f(void){ _Bool b = 256; return b; }', 1n],
  ['_Bool increment', 'int f(void){ _Bool b = 1; b++; return b; }', 1n],
  ['_Bool decrement toggles', 'int f(void){ _Bool b = 1; b--; return b; }', 0n],
  ['division truncates', 'int f(void){ int a = -7; return a / 2; }', -3n],
  ['remainder sign of dividend', 'int f(void){ int a = -7; return a % 2; }', -1n],
  ['arithmetic right shift', 'int f(void){ int a = -8; return a >> 1; }', -4n],
  ['bitwise ops', 'int f(void){ unsigned a = 0xF0; return (a | 0x0F) ^ (a & 0x3C) ; }', 0xcfn],
  ['~ on unsigned char promotes', 'int f(void){ unsigned char c = 0; return ~c; }', -1n],
  ['long long', 'long long f(void){ long long a = 1LL << 40; return a + 1; }', (1n << 40n) + 1n],
  [
    'ull arithmetic',
    'unsigned long long f(void){ unsigned long long a = 18446744073709551615ULL; return a + 2; }',
    1n,
  ],
  ['sizeof', 'unsigned long f(void){ return sizeof(long) + sizeof(int) + sizeof(char); }', 13n],
  ['cast', 'int f(void){ int x = 300; return (unsigned char)x; }', 44n],
  ['comma', 'int f(void){ int x = 1; int y = (x = 5, x + 1); return y; }', 6n],
  ['ternary', 'int f(void){ int x = 3; return x > 2 ? 10 : 20; }', 10n],
  ['ternary usual conversions', 'long f(void){ int c = 1; return c ? -1 : 1u; }', 4294967295n],
  ['enum constants', 'enum E { A, B = 5, C }; int f(void){ return A + B + C; }', 11n],
  [
    'typedef',
    'typedef unsigned short u16; int f(void){ u16 x = 70000; return x; }',
    70000n - 65536n,
  ],
  [
    'stdint',
    '#include <stdint.h>\nint f(void){ uint8_t x = 300; int8_t y = 200; return x + y; }',
    44n - 56n,
  ],
  [
    'limits',
    '#include <limits.h>\nint f(void){ return INT_MAX == 2147483647 && UINT_MAX == 4294967295u && LONG_MAX > INT_MAX; }',
    1n,
  ],
  ['post increment value', 'int f(void){ int x = 1; int y = x++; return y * 10 + x; }', 12n],
  ['pre increment value', 'int f(void){ int x = 1; int y = ++x; return y * 10 + x; }', 22n],
  ['compound shift', 'int f(void){ unsigned x = 1; x <<= 31; return x == 2147483648u; }', 1n],
  ['compound assignment value', 'int f(void){ int x = 1; int y = (x += 2); return y; }', 3n],
  ['logical ops give 0/1', 'int f(void){ int x = 5; return (x && 7) + (0 || x) + !x; }', 2n],
  ['shadowing', 'int f(void){ int x = 1; { int x = 2; x++; } return x; }', 1n],
];

for (const [name, src, expected] of cases) {
  test(`semantics: ${name}`, async () => {
    assert.equal(await returns(src), expected);
  });
}

test('ILP32: long is 32 bits, unsigned int vs long → unsigned long', async () => {
  const src = 'int f(void){ unsigned u = 1; long l = -1; return u < l; }';
  assert.equal(await returns(src, 'f', { dataModel: 'ILP32' }), 1n);
  assert.equal(
    await returns('unsigned long f(void){ return sizeof(long); }', 'f', { dataModel: 'ILP32' }),
    4n,
  );
  assert.equal(
    await returns('long f(void){ return 2147483648 > 0; }', 'f', { dataModel: 'ILP32' }),
    1n,
  );
});

test('ILP32 with <stdint.h> and <limits.h> from the system headers', async () => {
  const src =
    '#include <stdint.h>\n#include <limits.h>\nint f(void){ return sizeof(uint64_t) * 10 + sizeof(size_t) + (LONG_MAX == INT_MAX); }';
  assert.equal(await returns(src, 'f', { dataModel: 'ILP32' }), 85n);
});

test('unsigned short * unsigned short overflows int (promotion to signed int)', async () => {
  const fn = await lowerFn('int f(void){ unsigned short s = 65535; return s * s > 0; }', 'f');
  assert.deepEqual(run(fn), { kind: 'violation', property: 'f.overflow.1' });
});

test('parameters: types and run with inputs', async () => {
  const fn = await lowerFn('int f(unsigned char a, short b){ return a * b; }', 'f');
  assert.deepEqual(
    fn.params.map((p) => [p.name, p.type]),
    [
      ['a', { kind: 'bv', width: 8, signed: false }],
      ['b', { kind: 'bv', width: 16, signed: true }],
    ],
  );
  const r = run(fn, { a: 255n, b: -2n });
  assert.deepEqual(r.kind === 'return' ? r.value : null, -510n);
});

test('math semantics: ints become mathematical integers', async () => {
  const fn = await lowerFn('int f(int x, int y){ return x * y + x / y; }', 'f', {
    semantics: 'math',
  });
  assert.ok(fn.params.every((p) => p.type.kind === 'int'));
  assert.ok(fn.properties.every((p) => p.kind !== 'overflow'));
  assert.ok(fn.properties.some((p) => p.kind === 'div-by-zero'));
  const r = run(fn, { x: 1n << 40n, y: 2n });
  assert.equal(r.kind === 'return' ? r.value : null, (1n << 41n) + (1n << 39n));
});
