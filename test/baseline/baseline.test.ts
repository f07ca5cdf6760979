/** The testing baseline: exhaustive and random runs on both engines, and the article's arithmetic. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BitVecType, BoolType, IrFunction } from '../../src/ir/ir.js';
import { boolType, bvType } from '../../src/ir/ir.js';
import { runTestingBaseline, type BaselineRequest } from '../../src/baseline/index.js';
import {
  ARTICLE_CALLS_PER_SECOND,
  ARTICLE_QUOTED_CALLS,
  exhaustiveSeconds,
  formatBigInt,
  formatDuration,
  toYears,
} from '../../src/baseline/format.js';
import { findCompiler } from '../../src/replay/toolchain.js';
import { assign, bin, c, cast, cmp, fn, v } from '../semantics/builder.js';

const i8 = bvType(8, true);
const u8 = bvType(8, false);
const i32 = bvType(32, true);
const u32 = bvType(32, false);
const noCompiler = findCompiler() === null;

/** bool g(signed char x, unsigned char y) { return x + y != 100; } — fails for 229 pairs. */
const G_C =
  '#include <stdbool.h>\nbool g(signed char x, unsigned char y) {\n  return x + y != 100;\n}\n';
const gIr: IrFunction = fn({
  name: 'g',
  params: [
    ['x', i8],
    ['y', u8],
  ],
  locals: [['r', boolType]],
  returnType: boolType,
  returnVar: 'r',
  nodeKinds: { 1: 'return' },
  edges: [
    [
      0,
      1,
      assign('r', cmp('ne', bin('add', cast(i32, v('x', i8)), cast(i32, v('y', u8))), c(i32, 100))),
    ],
  ],
});
const G_FAILURES = 229;

/** The article's f over two unsigned ints. */
const fIr: IrFunction = fn({
  name: 'f',
  params: [
    ['x', u32],
    ['y', u32],
  ],
  locals: [['r', boolType]],
  returnType: boolType,
  returnVar: 'r',
  nodeKinds: { 1: 'return' },
  edges: [
    [
      0,
      1,
      assign(
        'r',
        cmp('eq', bin('add', v('x', u32), v('y', u32)), bin('add', v('y', u32), v('x', u32))),
      ),
    ],
  ],
});

/** void h(unsigned char x) { assert(x % 16 != 3); } — 16 failures. */
const H_C = '#include <assert.h>\nvoid h(unsigned char x) {\n  assert(x % 16 != 3);\n}\n';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-baseline-test-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function cfile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function param(
  name: string,
  sourceType: string,
  type: BitVecType | BoolType,
): BaselineRequest['params'][number] {
  return { name, sourceType, type };
}

function gRequest(extra: Partial<BaselineRequest> = {}): BaselineRequest {
  return {
    file: cfile('g.c', G_C),
    functionName: 'g',
    params: [param('x', 'signed char', i8), param('y', 'unsigned char', u8)],
    returnsTrue: true,
    budgetMs: 20_000,
    seed: 7,
    interpreter: { fn: gIr },
    dataModel: 'LP64',
    ...extra,
  };
}

describe('exhaustive runs', () => {
  for (const engine of ['native', 'interpreter'] as const) {
    it(
      `${engine}: finds every failure of an 8-bit function`,
      { skip: engine === 'native' && noCompiler },
      async () => {
        const r = await runTestingBaseline(
          gRequest({ forceInterpreter: engine === 'interpreter' }),
        );
        assert.equal(r.engine, engine);
        assert.equal(r.inputSpace, 65536n);
        assert.equal(r.exhaustive, true, r.note);
        assert.equal(r.callsMade, 65536);
        assert.equal(r.failureCount, G_FAILURES);
        assert.equal(r.failures.length, 10);
        for (const f of r.failures) {
          const [x, y] = f.inputs.map((i) => Number(i.value));
          assert.equal(x + y, 100);
          assert.equal(f.what, 'returned false');
        }
      },
    );
  }
  it('native: assertion failures are caught and counted', { skip: noCompiler }, async () => {
    const hIr = fn({ name: 'h', params: [['x', u8]], nodeKinds: { 0: 'return' }, edges: [] });
    const r = await runTestingBaseline({
      file: cfile('h.c', H_C),
      functionName: 'h',
      params: [param('x', 'unsigned char', u8)],
      returnsTrue: false,
      budgetMs: 20_000,
      interpreter: { fn: hIr },
      dataModel: 'LP64',
      mode: 'exhaustive',
    });
    assert.equal(r.engine, 'native');
    assert.equal(r.exhaustive, true);
    assert.equal(r.failureCount, 16);
    assert.deepEqual(
      r.failures.map((f) => f.inputs[0].value),
      ['3', '19', '35', '51', '67', '83', '99', '115', '131', '147'],
    );
    assert.match(r.failures[0].what, /assertion/);
  });
});

describe('random runs', () => {
  for (const engine of ['native', 'interpreter'] as const) {
    it(
      `${engine}: reproducible with a seed`,
      { skip: engine === 'native' && noCompiler },
      async () => {
        const req = gRequest({
          mode: 'random',
          maxCalls: 5000,
          seed: 42,
          forceInterpreter: engine === 'interpreter',
        });
        const a = await runTestingBaseline(req);
        const b = await runTestingBaseline(req);
        assert.equal(a.engine, engine);
        assert.equal(a.exhaustive, false);
        assert.equal(a.callsMade, 5000);
        assert.ok(a.failureCount > 0);
        assert.equal(a.failureCount, b.failureCount);
        assert.deepEqual(a.failures, b.failures);
        const other = await runTestingBaseline({ ...req, seed: 43 });
        assert.notDeepEqual(other.failures, a.failures);
      },
    );
  }
  it('native and interpreter draw the same random inputs', { skip: noCompiler }, async () => {
    const req = gRequest({ mode: 'random', maxCalls: 20000, seed: 5 });
    const native = await runTestingBaseline(req);
    const interp = await runTestingBaseline({ ...req, forceInterpreter: true });
    assert.equal(native.engine, 'native');
    assert.deepEqual(native.failures, interp.failures);
    assert.equal(native.failureCount, interp.failureCount);
  });
});

describe('interpreter fallback', () => {
  it('is used without a compiler, and says so', async () => {
    const r = await runTestingBaseline(gRequest({ compiler: null, mode: 'random', maxCalls: 100 }));
    assert.equal(r.engine, 'interpreter');
    assert.match(r.note ?? '', /no C compiler/);
  });
  it('is used when the native harness does not build', async () => {
    const r = await runTestingBaseline(
      gRequest({
        compiler: findCompiler() ?? '/nonexistent/cc',
        file: cfile('bad.c', 'this is not C\n'),
        mode: 'random',
        maxCalls: 100,
      }),
    );
    assert.equal(r.engine, 'interpreter');
    assert.match(r.note ?? '', /used the interpreter instead/);
  });
});

describe("the article's f: 2^64 inputs", () => {
  it('input space, estimate at 430M calls/s, formatting', async () => {
    const r = await runTestingBaseline({
      file: join(dir, 'unused.c'),
      functionName: 'f',
      params: [param('x', 'unsigned int', u32), param('y', 'unsigned int', u32)],
      returnsTrue: true,
      budgetMs: 10_000,
      maxCalls: 1000,
      interpreter: { fn: fIr },
      dataModel: 'LP64',
      forceInterpreter: true,
    });
    assert.equal(r.inputSpace, 2n ** 64n);
    assert.equal(formatBigInt(r.inputSpace), '18,446,744,073,709,551,616');
    assert.equal(r.exhaustive, false);
    assert.equal(r.failureCount, 0);
    assert.equal(r.callsMade, 1000);
    const years = toYears(r.estimatedAtArticleSpeedSeconds);
    assert.ok(Math.abs(years - 1360) <= 1, `${years}`);
    assert.equal(formatDuration(r.estimatedAtArticleSpeedSeconds), '1,360 years');
    assert.ok(
      Math.abs(toYears(exhaustiveSeconds(ARTICLE_QUOTED_CALLS, ARTICLE_CALLS_PER_SECOND)) - 1360) <=
        1,
    );
    assert.equal(formatBigInt(ARTICLE_QUOTED_CALLS), '18,446,744,065,119,617,025');
  });
  it('formatDuration picks human units', () => {
    assert.equal(formatDuration(0.25), '250 ms');
    assert.equal(formatDuration(42), '42 seconds');
    assert.equal(formatDuration(600), '10 minutes');
    assert.equal(formatDuration(3 * 3600), '3 hours');
    assert.equal(formatDuration(30 * 86400), '30 days');
    assert.equal(formatDuration(365 * 86400 * 3), '3 years');
    assert.equal(formatDuration(Infinity), 'forever');
    assert.equal(formatBigInt(0n), '0');
    assert.equal(formatBigInt(-1234567n), '-1,234,567');
  });
});
