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

describe('replayWithCompiler', { skip: noCompiler ? 'no C compiler on PATH' : false }, () => {
  it('signed overflow agrees at its line; wrong line or inputs disagree', async () => {
    const f = cfile('overflow.c', OVERFLOW);
    assert.match(
      await status(
        request(
          f,
          'add',
          [
            ['x', 'int', 2147483647n],
            ['y', 'int', 1n],
          ],
          'overflow',
          2,
        ),
      ),
      /^agrees/,
    );
    assert.match(
      await status(
        request(
          f,
          'add',
          [
            ['x', 'int', 2147483647n],
            ['y', 'int', 1n],
          ],
          'overflow',
          1,
        ),
      ),
      /^disagrees/,
    );
    assert.match(
      await status(
        request(
          f,
          'add',
          [
            ['x', 'int', 1n],
            ['y', 'int', 1n],
          ],
          'overflow',
          2,
        ),
      ),
      /^disagrees.*returned normally/,
    );
    assert.match(
      await status(
        request(
          f,
          'add',
          [
            ['x', 'int', -2147483648n],
            ['y', 'int', -1n],
          ],
          'overflow',
          2,
        ),
      ),
      /^agrees/,
    );
    assert.match(
      await status(
        request(
          f,
          'add',
          [
            ['x', 'int', 2147483647n],
            ['y', 'int', 1n],
          ],
          'div-by-zero',
          2,
        ),
      ),
      /^agrees.*another undefined behaviour on the same line/,
    );
    assert.match(
      await status(
        request(
          f,
          'add',
          [
            ['x', 'int', 2147483647n],
            ['y', 'int', 1n],
          ],
          'assertion',
          2,
        ),
      ),
      /^disagrees/,
    );
  });
  it('negation of the most negative 64-bit value (full-range literals)', async () => {
    const f = cfile('neg.c', 'long long m(long long x) {\n  return -x;\n}\n');
    assert.match(
      await status(request(f, 'm', [['x', 'long long', -(2n ** 63n)]], 'overflow', 2)),
      /^agrees/,
    );
    const u = cfile(
      'u64.c',
      'int big(unsigned long long x) {\n  int r = 0;\n  if (x == 18446744073709551615ULL) r = 1 / r;\n  return r;\n}\n',
    );
    assert.match(
      await status(
        request(u, 'big', [['x', 'unsigned long long', 2n ** 64n - 1n]], 'div-by-zero', 3),
      ),
      /^agrees/,
    );
  });
  it('division by zero', async () => {
    const f = cfile('div.c', DIV);
    assert.match(
      await status(
        request(
          f,
          'd',
          [
            ['x', 'int', 5n],
            ['y', 'int', 0n],
          ],
          'div-by-zero',
          2,
        ),
      ),
      /^agrees/,
    );
    assert.match(
      await status(
        request(
          f,
          'd',
          [
            ['x', 'int', -2147483648n],
            ['y', 'int', -1n],
          ],
          'overflow',
          2,
        ),
      ),
      /^agrees/,
    );
  });
  it('shifts: shift and overflow are both accepted for UBSan shift reports', async () => {
    const f = cfile('shift.c', SHIFT);
    assert.match(
      await status(
        request(
          f,
          's',
          [
            ['x', 'int', 1n],
            ['n', 'int', 40n],
          ],
          'shift',
          2,
        ),
      ),
      /^agrees/,
    );
    assert.match(
      await status(
        request(
          f,
          's',
          [
            ['x', 'int', 1n],
            ['n', 'int', 31n],
          ],
          'overflow',
          2,
        ),
      ),
      /^agrees/,
    );
    assert.match(
      await status(
        request(
          f,
          's',
          [
            ['x', 'int', -1n],
            ['n', 'int', 1n],
          ],
          'shift',
          2,
        ),
      ),
      /^agrees/,
    );
    assert.match(
      await status(
        request(
          f,
          's',
          [
            ['x', 'int', 1n],
            ['n', 'int', 3n],
          ],
          'shift',
          2,
        ),
      ),
      /^disagrees/,
    );
  });
  it('assert() failures agree at the assert line', async () => {
    const f = cfile('assert.c', ASSERT);
    assert.match(
      await status(request(f, 'a', [['x', 'unsigned int', 7n]], 'assertion', 3)),
      /^agrees/,
    );
    assert.match(
      await status(request(f, 'a', [['x', 'unsigned int', 7n]], 'assertion', 4)),
      /^disagrees/,
    );
    assert.match(
      await status(request(f, 'a', [['x', 'unsigned int', 8n]], 'assertion', 3)),
      /^disagrees/,
    );
  });
  it('reach_error declared only: the harness defines it; the call line is found on the stack', async () => {
    const f = cfile('declared.c', DECLARED);
    assert.match(await status(request(f, 'e', [['x', 'int', 3n]], 'error-call', 4)), /^agrees/);
    assert.match(await status(request(f, 'e', [['x', 'int', 2n]], 'error-call', 4)), /^disagrees/);
  });
  it('a file that defines reach_error and __VERIFIER_assert itself', async () => {
    const f = cfile('defined.c', DEFINED);
    assert.match(await status(request(f, 'g', [['x', 'int', 12n]], 'error-call', 5)), /^agrees/);
    assert.match(await status(request(f, 'g', [['x', 'int', 12n]], 'assertion', 10)), /^agrees/);
    assert.match(await status(request(f, 'g', [['x', 'int', 3n]], 'error-call', 5)), /^disagrees/);
  });
  it('returns-true: a false return agrees, a true one disagrees', async () => {
    const f = cfile('returns.c', RETURNS);
    assert.match(
      await status(request(f, 'f', [['x', 'unsigned char', 5n]], 'returns-true', 2)),
      /^agrees/,
    );
    assert.match(
      await status(request(f, 'f', [['x', 'unsigned char', 6n]], 'returns-true', 2)),
      /^disagrees/,
    );
  });
  it('nondet values are consumed in order and checked against their source', async () => {
    const f = cfile('nondet.c', NONDET);
    const ok: [string, bigint][] = [
      ['__VERIFIER_nondet_int', -1n],
      ['__VERIFIER_nondet_uchar', 200n],
    ];
    assert.match(await status(request(f, 'n', [], 'error-call', 8, ok)), /^agrees/);
    const swapped: [string, bigint][] = [
      ['__VERIFIER_nondet_int', 200n],
      ['__VERIFIER_nondet_uchar', 255n],
    ];
    assert.match(
      await status(request(f, 'n', [], 'error-call', 8, swapped)),
      /^disagrees.*returned normally/,
    );
    assert.match(
      await status(request(f, 'n', [], 'error-call', 8, ok.slice(0, 1))),
      /^disagrees.*more nondet values/,
    );
    const wrongSource: [string, bigint][] = [
      ['__VERIFIER_nondet_uchar', 1n],
      ['__VERIFIER_nondet_uchar', 200n],
    ];
    assert.match(
      await status(request(f, 'n', [], 'error-call', 8, wrongSource)),
      /^disagrees.*was for/,
    );
  });
  it('the entry may be main', async () => {
    const f = cfile(
      'main.c',
      'extern int __VERIFIER_nondet_int(void);\nint main(void) {\n  int x = __VERIFIER_nondet_int();\n  return 10 / x;\n}\n',
    );
    assert.match(
      await status(request(f, 'main', [], 'div-by-zero', 4, [['__VERIFIER_nondet_int', 0n]])),
      /^agrees/,
    );
  });
  it('ILP32 either replays or is unavailable, never a false disagreement', async () => {
    const f = cfile('ilp32.c', OVERFLOW);
    const r = await replayWithCompiler({
      ...request(
        f,
        'add',
        [
          ['x', 'int', 2147483647n],
          ['y', 'int', 1n],
        ],
        'overflow',
        2,
      ),
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
