/** Compiler replay on small C files written to a temporary directory. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  replayWithCompiler,
  type CompilerReplayRequest,
  type ReplayKind,
} from '../../src/replay/compiler.js';
import { cIntLiteral, findCompiler } from '../../src/replay/toolchain.js';

const noCompiler = findCompiler() === null;
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-replay-test-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function cfile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

type Param = [string, string, bigint];

function request(
  file: string,
  functionName: string,
  params: Param[],
  kind: ReplayKind,
  line: number,
  nondet: [string, bigint][] = [],
): CompilerReplayRequest {
  return {
    file,
    functionName,
    params: params.map(([name, sourceType, value]) => ({ name, sourceType, value })),
    nondet: nondet.map(([source, value]) => ({ source, value })),
    expected: { kind, line },
    dataModel: 'LP64',
    timeoutMs: 10_000,
  };
}

async function status(req: CompilerReplayRequest): Promise<string> {
  const r = await replayWithCompiler(req);
  return `${r.status}: ${r.detail}`;
}

const OVERFLOW = 'int add(int x, int y) {\n  return x + y;\n}\n';
const DIV = 'int d(int x, int y) {\n  int q = x / y;\n  return q;\n}\n';
const SHIFT = 'int s(int x, int n) {\n  return x << n;\n}\n';
const ASSERT = '#include <assert.h>\nint a(unsigned x) {\n  assert(x != 7u);\n  return 0;\n}\n';
const DECLARED =
  'extern void reach_error(void);\nint e(int x) {\n  if (x == 3)\n    reach_error();\n  return 0;\n}\n';
const DEFINED = `#include <assert.h>
void reach_error() { __assert_fail("0", "defined.c", 2, "reach_error"); }
void __VERIFIER_assert(int cond) {
  if (!(cond)) {
    ERROR: {reach_error();abort();}
  }
}
extern int __VERIFIER_nondet_int(void);
int g(int x) {
  __VERIFIER_assert(x < 10);
  return x;
}
`;
const RETURNS = '#include <stdbool.h>\nbool f(unsigned char x) {\n  return x != 5;\n}\n';
const NONDET = `extern int __VERIFIER_nondet_int(void);
extern unsigned char __VERIFIER_nondet_uchar(void);
extern void reach_error(void);
int n(void) {
  int a = __VERIFIER_nondet_int();
  unsigned char b = __VERIFIER_nondet_uchar();
  if (a == -1 && b == 200)
    reach_error();
  return 0;
}
`;

const NEG = 'long long m(long long x) {\n  return -x;\n}\n';
const U64 =
  'int big(unsigned long long x) {\n  int r = 0;\n  if (x == 18446744073709551615ULL) r = 1 / r;\n  return r;\n}\n';
const MAIN =
  'extern int __VERIFIER_nondet_int(void);\nint main(void) {\n  int x = __VERIFIER_nondet_int();\n  return 10 / x;\n}\n';

/** Two `int` parameters with the given names. */
const ints =
  (a: string, b: string) =>
  (x: bigint, y: bigint): Param[] => [
    [a, 'int', x],
    [b, 'int', y],
  ];
const xy = ints('x', 'y');
const xn = ints('x', 'n');

type Nondet = [string, bigint][];
const NONDET_OK: Nondet = [
  ['__VERIFIER_nondet_int', -1n],
  ['__VERIFIER_nondet_uchar', 200n],
];
const NONDET_SWAPPED: Nondet = [
  ['__VERIFIER_nondet_int', 200n],
  ['__VERIFIER_nondet_uchar', 255n],
];
const NONDET_FEW: Nondet = NONDET_OK.slice(0, 1);
const NONDET_WRONG: Nondet = [
  ['__VERIFIER_nondet_uchar', 1n],
  ['__VERIFIER_nondet_uchar', 200n],
];

/** One replay: what it shows, the inputs, the expected violation, and the expected status. */
type Row = [
  what: string,
  params: Param[],
  kind: ReplayKind,
  line: number,
  expect: RegExp,
  nondet?: Nondet,
];

/** Replays of one function in one C file (written to the temporary directory as `file`). */
interface Group {
  title: string;
  file: string;
  text: string;
  fn: string;
  rows: Row[];
}

const SAME_LINE = /^agrees.*another undefined behaviour on the same line/;
const MAX = 2147483647n;
const MIN = -2147483648n;

const GROUPS: Group[] = [
  {
    title: 'signed overflow agrees at its line; wrong line or inputs disagree',
    file: 'overflow.c',
    text: OVERFLOW,
    fn: 'add',
    rows: [
      ['INT_MAX + 1 at its line', xy(MAX, 1n), 'overflow', 2, /^agrees/],
      ['INT_MAX + 1 at a wrong line', xy(MAX, 1n), 'overflow', 1, /^disagrees/],
      ['1 + 1 does not overflow', xy(1n, 1n), 'overflow', 2, /^disagrees.*returned normally/],
      ['INT_MIN + -1 at its line', xy(MIN, -1n), 'overflow', 2, /^agrees/],
      ['another undefined behaviour expected', xy(MAX, 1n), 'div-by-zero', 2, SAME_LINE],
      ['an assertion expected', xy(MAX, 1n), 'assertion', 2, /^disagrees/],
    ],
  },
  {
    title: 'negation of the most negative 64-bit value (full-range literals)',
    file: 'neg.c',
    text: NEG,
    fn: 'm',
    rows: [['-LLONG_MIN', [['x', 'long long', -(2n ** 63n)]], 'overflow', 2, /^agrees/]],
  },
  {
    title: 'the largest unsigned 64-bit value (full-range literals)',
    file: 'u64.c',
    text: U64,
    fn: 'big',
    rows: [
      ['ULLONG_MAX', [['x', 'unsigned long long', 2n ** 64n - 1n]], 'div-by-zero', 3, /^agrees/],
    ],
  },
  {
    title: 'division by zero',
    file: 'div.c',
    text: DIV,
    fn: 'd',
    rows: [
      ['5 / 0', xy(5n, 0n), 'div-by-zero', 2, /^agrees/],
      ['INT_MIN / -1 overflows', xy(MIN, -1n), 'overflow', 2, /^agrees/],
    ],
  },
  {
    title: 'shifts: shift and overflow are both accepted for UBSan shift reports',
    file: 'shift.c',
    text: SHIFT,
    fn: 's',
    rows: [
      ['1 << 40 as a shift', xn(1n, 40n), 'shift', 2, /^agrees/],
      ['1 << 31 as an overflow', xn(1n, 31n), 'overflow', 2, /^agrees/],
      ['-1 << 1 as a shift', xn(-1n, 1n), 'shift', 2, /^agrees/],
      ['1 << 3 is defined', xn(1n, 3n), 'shift', 2, /^disagrees/],
    ],
  },
  {
    title: 'assert() failures agree at the assert line',
    file: 'assert.c',
    text: ASSERT,
    fn: 'a',
    rows: [
      ['failing input, assert line', [['x', 'unsigned int', 7n]], 'assertion', 3, /^agrees/],
      ['failing input, wrong line', [['x', 'unsigned int', 7n]], 'assertion', 4, /^disagrees/],
      ['passing input', [['x', 'unsigned int', 8n]], 'assertion', 3, /^disagrees/],
    ],
  },
  {
    title: 'reach_error declared only: the harness defines it; the call line is found on the stack',
    file: 'declared.c',
    text: DECLARED,
    fn: 'e',
    rows: [
      ['reaching input', [['x', 'int', 3n]], 'error-call', 4, /^agrees/],
      ['non-reaching input', [['x', 'int', 2n]], 'error-call', 4, /^disagrees/],
    ],
  },
  {
    title: 'a file that defines reach_error and __VERIFIER_assert itself',
    file: 'defined.c',
    text: DEFINED,
    fn: 'g',
    rows: [
      ['error call inside __VERIFIER_assert', [['x', 'int', 12n]], 'error-call', 5, /^agrees/],
      ['assertion at the __VERIFIER_assert call', [['x', 'int', 12n]], 'assertion', 10, /^agrees/],
      ['passing input', [['x', 'int', 3n]], 'error-call', 5, /^disagrees/],
    ],
  },
  {
    title: 'returns-true: a false return agrees, a true one disagrees',
    file: 'returns.c',
    text: RETURNS,
    fn: 'f',
    rows: [
      ['false return', [['x', 'unsigned char', 5n]], 'returns-true', 2, /^agrees/],
      ['true return', [['x', 'unsigned char', 6n]], 'returns-true', 2, /^disagrees/],
    ],
  },
  {
    title: 'nondet values are consumed in order and checked against their source',
    file: 'nondet.c',
    text: NONDET,
    fn: 'n',
    rows: [
      ['values in order', [], 'error-call', 8, /^agrees/, NONDET_OK],
      ['values that miss', [], 'error-call', 8, /^disagrees.*returned normally/, NONDET_SWAPPED],
      ['too few values', [], 'error-call', 8, /^disagrees.*more nondet values/, NONDET_FEW],
      ['a value from the wrong source', [], 'error-call', 8, /^disagrees.*was for/, NONDET_WRONG],
    ],
  },
  {
    title: 'the entry may be main',
    file: 'main.c',
    text: MAIN,
    fn: 'main',
    rows: [
      ['nondet zero divisor', [], 'div-by-zero', 4, /^agrees/, [['__VERIFIER_nondet_int', 0n]]],
    ],
  },
];

describe('replayWithCompiler', { skip: noCompiler ? 'no C compiler on PATH' : false }, () => {
  for (const { title, file, text, fn, rows } of GROUPS) {
    describe(title, () => {
      for (const [what, params, kind, line, expect, nondet] of rows) {
        it(`${what}: ${kind} at line ${line} gives ${expect}`, async () => {
          const req = request(cfile(file, text), fn, params, kind, line, nondet);
          assert.match(await status(req), expect);
        });
      }
    });
  }
  it('ILP32 either replays or is unavailable, never a false disagreement', async () => {
    const f = cfile('ilp32.c', OVERFLOW);
    const r = await replayWithCompiler({
      ...request(f, 'add', xy(MAX, 1n), 'overflow', 2),
      dataModel: 'ILP32',
    });
    assert.ok(r.status === 'agrees' || r.status === 'unavailable', r.detail);
  });
});

describe('replayWithCompiler without a compiler', () => {
  it('is unavailable', async () => {
    const r = await replayWithCompiler({
      ...request('/nonexistent.c', 'f', [], 'overflow', 1),
      compiler: null,
    });
    assert.equal(r.status, 'unavailable');
  });
  it('is unavailable for a missing file', async () => {
    const r = await replayWithCompiler(
      request(join(tmpdir(), 'arc-does-not-exist.c'), 'f', [], 'overflow', 1),
    );
    assert.equal(r.status, 'unavailable');
  });
});

describe('C literals', () => {
  it('cover the full 64-bit range', () => {
    assert.equal(cIntLiteral(-(2n ** 63n)), '(-9223372036854775807LL - 1)');
    assert.equal(cIntLiteral(-1n), '(-0LL - 1)');
    assert.equal(cIntLiteral(2n ** 64n - 1n), '18446744073709551615ULL');
  });
});
