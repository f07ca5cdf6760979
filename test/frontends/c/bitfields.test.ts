/**
 * Bit-fields in arc's C front-end: struct and union layout as gcc and clang
 * lay them out on x86-64 (LP64) and i386 (ILP32), and the declarations and
 * uses C forbids (bad input). Reading and writing bit-fields is checked end
 * to end by the memory corpus (test/corpus/memory/bitfield_*.c).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseC } from '../../../src/frontends/c/parser.js';
import { ProgramInfo } from '../../../src/frontends/c/program.js';
import type { DataModel } from '../../../src/frontends/c/ctypes.js';
import { spanOf } from '../../../src/core/diagnostic.js';
import { lower, lowerFails, returns } from './helpers.js';

/**
 * Layouts printed by the real compilers: a C program declaring these types
 * printed `sizeof`, `_Alignof` and, for each named integer member, the bytes
 * of a zeroed `union { T s; unsigned char b[sizeof(T)]; }` after `s.member =
 * -1` (so the bits the member occupies), compiled with clang 14.0.6 as
 * `clang` (`lp64`) and `clang -m32` (`ilp32`); gcc 12.2 (`gcc`, `gcc -m32`)
 * printed the same.
 */
const LAYOUTS: { decl: string; type: string; lp64: string; ilp32: string }[] = [
  {
    decl: 'struct A { unsigned a:3; unsigned b:5; unsigned c:9; };',
    type: 'struct A',
    lp64: '4 4 a=07000000 b=f8000000 c=00ff0100',
    ilp32: '4 4 a=07000000 b=f8000000 c=00ff0100',
  },
  {
    decl: 'struct B { char c; int x:4; };',
    type: 'struct B',
    lp64: '4 4 c=ff000000 x=000f0000',
    ilp32: '4 4 c=ff000000 x=000f0000',
  },
  {
    decl: 'struct C { char a; int :0; char b; };',
    type: 'struct C',
    lp64: '5 1 a=ff00000000 b=00000000ff',
    ilp32: '5 1 a=ff00000000 b=00000000ff',
  },
  {
    decl: 'struct D { char a; int :4; };',
    type: 'struct D',
    lp64: '2 1 a=ff00',
    ilp32: '2 1 a=ff00',
  },
  {
    decl: 'struct E { int a:3; long long b:40; };',
    type: 'struct E',
    lp64: '8 8 a=0700000000000000 b=f8ffffffff070000',
    ilp32: '8 4 a=0700000000000000 b=f8ffffffff070000',
  },
  {
    decl: 'struct F { char a; long long b:60; };',
    type: 'struct F',
    lp64: '16 8 a=ff000000000000000000000000000000 b=0000000000000000ffffffffffffff0f',
    ilp32: '12 4 a=ff0000000000000000000000 b=00000000ffffffffffffff0f',
  },
  {
    decl: 'struct G { int a:24; long long b:40; };',
    type: 'struct G',
    lp64: '8 8 a=ffffff0000000000 b=000000ffffffffff',
    ilp32: '8 4 a=ffffff0000000000 b=000000ffffffffff',
  },
  {
    decl: 'struct H { short a:9; short b:9; };',
    type: 'struct H',
    lp64: '4 2 a=ff010000 b=0000ff01',
    ilp32: '4 2 a=ff010000 b=0000ff01',
  },
  {
    decl: 'struct I { char a:3; char b:6; };',
    type: 'struct I',
    lp64: '2 1 a=0700 b=003f',
    ilp32: '2 1 a=0700 b=003f',
  },
  {
    decl: 'struct J { _Bool p:1; _Bool q:1; unsigned char r:7; };',
    type: 'struct J',
    lp64: '2 1 p=0100 q=0200 r=007f',
    ilp32: '2 1 p=0100 q=0200 r=007f',
  },
  {
    decl: 'struct K { unsigned long long x:33; unsigned long long y:33; };',
    type: 'struct K',
    lp64: '16 8 x=ffffffff010000000000000000000000 y=0000000000000000ffffffff01000000',
    ilp32: '12 4 x=ffffffff0100000000000000 y=00000000feffffff03000000',
  },
  {
    decl: 'struct L { int a:31; int b:2; };',
    type: 'struct L',
    lp64: '8 4 a=ffffff7f00000000 b=0000000003000000',
    ilp32: '8 4 a=ffffff7f00000000 b=0000000003000000',
  },
  {
    decl: 'struct M { char c; short s:9; };',
    type: 'struct M',
    lp64: '4 2 c=ff000000 s=0000ff01',
    ilp32: '4 2 c=ff000000 s=0000ff01',
  },
  {
    decl: 'struct N { unsigned a:1; long long :0; char b; };',
    type: 'struct N',
    lp64: '12 4 a=010000000000000000000000 b=0000000000000000ff000000',
    ilp32: '8 4 a=0100000000000000 b=00000000ff000000',
  },
  {
    decl: 'struct O { unsigned a:5; int :0; unsigned b:5; };',
    type: 'struct O',
    lp64: '8 4 a=1f00000000000000 b=000000001f000000',
    ilp32: '8 4 a=1f00000000000000 b=000000001f000000',
  },
  {
    decl: 'struct P { unsigned x; unsigned bit:1; };',
    type: 'struct P',
    lp64: '8 4 x=ffffffff00000000 bit=0000000001000000',
    ilp32: '8 4 x=ffffffff00000000 bit=0000000001000000',
  },
  {
    decl: 'struct Q { int x:12, y:8; };',
    type: 'struct Q',
    lp64: '4 4 x=ff0f0000 y=00f00f00',
    ilp32: '4 4 x=ff0f0000 y=00f00f00',
  },
  {
    decl: 'struct R { char a:1; int b:5; };',
    type: 'struct R',
    lp64: '4 4 a=01000000 b=3e000000',
    ilp32: '4 4 a=01000000 b=3e000000',
  },
  {
    decl: 'struct S2 { unsigned long long a:3, b:2, c:1, d:12, e:9, f:9, g:5, h:2, i:21; };',
    type: 'struct S2',
    lp64: '8 8 a=0700000000000000 b=1800000000000000 c=2000000000000000 d=c0ff030000000000 e=0000fc0700000000 f=000000f80f000000 g=00000000f0010000 h=0000000000060000 i=0000000000f8ffff',
    ilp32:
      '8 4 a=0700000000000000 b=1800000000000000 c=2000000000000000 d=c0ff030000000000 e=0000fc0700000000 f=000000f80f000000 g=00000000f0010000 h=0000000000060000 i=0000000000f8ffff',
  },
  {
    decl: 'struct T { char c[3]; int x:9; };',
    type: 'struct T',
    lp64: '8 4 x=00000000ff010000',
    ilp32: '8 4 x=00000000ff010000',
  },
  {
    decl: 'struct U { char c; long long x:33; };',
    type: 'struct U',
    lp64: '8 8 c=ff00000000000000 x=00ffffffff010000',
    ilp32: '8 4 c=ff00000000000000 x=00ffffffff010000',
  },
  {
    decl: 'struct V { int :3; };',
    type: 'struct V',
    lp64: '1 1',
    ilp32: '1 1',
  },
  {
    decl: 'struct W { char a; long long :5; char b; };',
    type: 'struct W',
    lp64: '3 1 a=ff0000 b=0000ff',
    ilp32: '3 1 a=ff0000 b=0000ff',
  },
  {
    decl: 'struct X { char a; unsigned long long b:24; char c; };',
    type: 'struct X',
    lp64: '8 8 a=ff00000000000000 b=00ffffff00000000 c=00000000ff000000',
    ilp32: '8 4 a=ff00000000000000 b=00ffffff00000000 c=00000000ff000000',
  },
  {
    decl: 'union U1 { int a:3; char c; };',
    type: 'union U1',
    lp64: '4 4 a=07000000 c=ff000000',
    ilp32: '4 4 a=07000000 c=ff000000',
  },
  {
    decl: 'union U2 { char c; int :12; };',
    type: 'union U2',
    lp64: '2 1 c=ff00',
    ilp32: '2 1 c=ff00',
  },
  {
    decl: 'union U3 { unsigned long long x:40; char c; };',
    type: 'union U3',
    lp64: '8 8 x=ffffffffff000000 c=ff00000000000000',
    ilp32: '8 4 x=ffffffffff000000 c=ff00000000000000',
  },
  {
    decl: 'enum E1 { E1a, E1b, E1c }; struct Z { enum E1 e:2; signed char s:2; long l:20; };',
    type: 'struct Z',
    lp64: '8 8 e=0300000000000000 s=0c00000000000000 l=f0ffff0000000000',
    ilp32: '4 4 e=03000000 s=0c000000 l=f0ffff00',
  },
  {
    decl: 'struct Z2 { unsigned char a:4; unsigned short b:12; unsigned c:16; unsigned long long d:1; };',
    type: 'struct Z2',
    lp64: '8 8 a=0f00000000000000 b=f0ff000000000000 c=0000ffff00000000 d=0000000001000000',
    ilp32: '8 4 a=0f00000000000000 b=f0ff000000000000 c=0000ffff00000000 d=0000000001000000',
  },
];

/** The same line for arc's layout: size, alignment, and each named integer member's bits. */
function arcLayout(prog: ProgramInfo, type: string): string {
  const t = prog.structs.get(type);
  assert.ok(t?.fields, `no complete ${type}`);
  const parts = [`${t.size} ${t.align}`];
  for (const f of t.fields) {
    if (f.name === null || f.type.kind !== 'int') continue;
    const bytes = new Array<number>(t.size).fill(0);
    const start = 8 * f.offset + (f.bits?.bit ?? 0);
    const width = f.bits?.width ?? (f.type.rank === 0 ? 1 : f.type.width);
    for (let b = start; b < start + width; b++) bytes[b >> 3] |= 1 << (b & 7);
    parts.push(`${f.name}=${bytes.map((x) => x.toString(16).padStart(2, '0')).join('')}`);
  }
  return parts.join(' ');
}

for (const model of ['LP64', 'ILP32'] as DataModel[]) {
  test(`bit-field layouts match clang and gcc (${model})`, async () => {
    for (const c of LAYOUTS) {
      const tree = await parseC(c.decl);
      try {
        const prog = new ProgramInfo(model, tree.rootNode);
        assert.deepEqual(prog.errors, [], c.decl);
        assert.equal(arcLayout(prog, c.type), model === 'LP64' ? c.lp64 : c.ilp32, c.decl);
      } finally {
        tree.delete();
      }
    }
  });
}

test('sizeof of structs with bit-fields, lowered (the numbers clang printed)', async () => {
  const sizes: [string, number, number][] = [
    ['struct F { char a; long long b:60; }', 16, 12],
    ['struct K { unsigned long long x:33; unsigned long long y:33; }', 16, 12],
    ['struct N { unsigned a:1; long long :0; char b; }', 12, 8],
    ['struct C { char a; int :0; char b; }', 5, 5],
    ['union U2 { char c; int :12; }', 2, 2],
  ];
  for (const [decl, lp64, ilp32] of sizes) {
    const src = `${decl}; unsigned long f(void){ return sizeof(${decl.slice(0, decl.indexOf(' {'))}); }`;
    assert.equal(await returns(src, 'f'), BigInt(lp64), decl);
    assert.equal(await returns(src, 'f', { dataModel: 'ILP32' }), BigInt(ilp32), decl);
  }
});

test('an unnamed bit-field is not a syntax error', async () => {
  const r = await lower(
    'struct S { int : 3; unsigned : 0; int a : 2; }; int f(void){ return 0; }',
    {
      entry: 'f',
    },
  );
  assert.equal(r.ok, true, r.diagnostics.map((d) => d.message).join('; '));
});

const badInput: [string, string, RegExp][] = [
  [
    'a width wider than the type',
    'struct S { int a : 33; };',
    /width of the bit-field a \(33 bits\) exceeds its type int/,
  ],
  ['a _Bool wider than 1 bit', 'struct S { _Bool b : 2; };', /exceeds its type _Bool \(1 bit\)/],
  ['a named width 0', 'struct S { int a : 0; };', /bit-field a has width 0/],
  ['a negative width', 'struct S { int a : -1; };', /negative width/],
  ['a pointer bit-field', 'struct S { int *p : 3; };', /not an integer type/],
  [
    'the address of a bit-field',
    'struct S { int a : 3; } s; int *p(void){ return &s.a; }',
    /address of the bit-field s\.a/,
  ],
  [
    'sizeof of a bit-field',
    'struct S { int a : 3; } s; unsigned long z(void){ return sizeof s.a; }',
    /sizeof of a bit-field/,
  ],
  [
    'offsetof of a bit-field',
    '#include <stddef.h>\nstruct S { int x; int a : 3; }; unsigned long z(void){ return offsetof(struct S, a); }',
    /offsetof of the bit-field a/,
  ],
];

for (const [name, decls, message] of badInput) {
  test(`bad input: ${name}`, async () => {
    const src = decls.includes('(void)') ? decls : `${decls} int f(void){ return 0; }`;
    const entry = /\b(p|z)\(void\)/.exec(src)?.[1] ?? 'f';
    const ds = await lowerFails(src, entry);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].code, 'type-error');
    assert.match(ds[0].message, message);
    assert.equal(spanOf(ds[0])?.file, '/tmp/arc-test/t.c');
  });
}

test('a bad bit-field in a struct declared in a function is reported when it is used', async () => {
  const ds = await lowerFails(
    'int f(void){ struct L { char c : 9; } l; l.c = 1; return l.c; }',
    'f',
  );
  assert.equal(ds[0].code, 'type-error');
  assert.match(ds[0].message, /exceeds its type char \(8 bits\)/);
});
