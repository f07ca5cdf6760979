/**
 * Replay with clang: gcc folds `x + 1 > x` to 1 even at -O0 and computes
 * `unsigned short` products in a narrower type, so its UBSan never sees these
 * overflows and arc used to answer don't know. clang's UBSan sees them, so
 * where clang is installed these are a no, confirmed by the compiled program,
 * and the replay report names clang. Also: a compiler that cannot build the
 * harness (a stand-in for clang without 32-bit support) falls back to the
 * next one, and the report says so.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { prove } from '../../src/index.js';
import type { ProveOptions } from '../../src/api/types.js';
import { replayWithCompiler } from '../../src/replay/compiler.js';
import { findOnPath, findReplayCompilers } from '../../src/replay/toolchain.js';
import type { Verdict } from '../../src/verdict/verdict.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-clang-replay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const clang = findOnPath('clang');
const noClang =
  clang === null
    ? 'clang is not installed (Debian: apt-get install clang); gcc misses these'
    : false;

function cfile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const INT_INC = '#include <stdbool.h>\nbool int_inc(int x) { return x + 1 > x; }\n';
const USHORT_MUL =
  '#include <stdbool.h>\nbool m(unsigned short a, unsigned short b) { return a * b >= 0; }\n';

async function noVerdict(options: ProveOptions): Promise<Verdict & { answer: 'no' }> {
  const r = await prove({ timeoutSeconds: 20, ...options });
  assert.equal(r.kind, 'verdict');
  if (r.kind !== 'verdict') throw new Error('unreachable');
  const v = r.verdict;
  const why = v.answer === 'unknown' ? `${v.reason.code}: ${v.reason.message}` : v.explanation;
  assert.equal(v.answer, 'no', why);
  if (v.answer !== 'no') throw new Error('unreachable');
  return v;
}

describe('compiled replay with clang sees what gcc folds away', { skip: noClang }, () => {
  it('the replay prefers clang', () => {
    assert.equal(findReplayCompilers()[0], clang);
  });

  it('int_inc (x + 1 > x) with --returns-true: no, the overflow, confirmed by clang', async () => {
    const file = cfile('int_inc.c', INT_INC);
    const v = await noVerdict({ file, function: 'int_inc', returnsTrue: true });
    const cx = v.witness;
    assert.equal(cx.property.id, 'int_inc.overflow.1');
    assert.equal(cx.property.kind, 'overflow');
    assert.deepEqual(
      cx.inputs.map((i) => [i.name, i.text]),
      [['x', '2147483647']],
    );
    assert.equal(cx.replay.interpreter, 'agrees');
    assert.equal(cx.replay.compiler, 'agrees', cx.replay.detail);
    assert.equal(cx.replay.compiledWith, 'clang');
    assert.match(
      cx.replay.detail ?? '',
      /clang confirms it: UBSan reports "signed integer overflow/,
    );
  });

  it('m (unsigned short a * b >= 0), default properties: no, the overflow, confirmed by clang', async () => {
    const file = cfile('ushort_mul.c', USHORT_MUL);
    const v = await noVerdict({ file, function: 'm' });
    const cx = v.witness;
    assert.equal(cx.property.id, 'm.overflow.1');
    assert.equal(cx.property.kind, 'overflow');
    const product = cx.inputs.reduce((p, i) => p * BigInt(i.text), 1n);
    assert.ok(product > 2147483647n, `a * b = ${product} must exceed INT_MAX`);
    assert.equal(cx.replay.compiler, 'agrees', cx.replay.detail);
    assert.equal(cx.replay.compiledWith, 'clang');
  });

  it('int_inc in ILP32: no; clang -m32 replays it, or the replay falls back without disagreeing', async () => {
    const file = cfile('int_inc32.c', INT_INC);
    const v = await noVerdict({ file, function: 'int_inc', dataModel: 'ILP32' });
    const cx = v.witness;
    assert.equal(cx.property.id, 'int_inc.overflow.1');
    assert.notEqual(cx.replay.compiler, 'disagrees', cx.replay.detail);
    if (cx.replay.compiler === 'agrees' && cx.replay.compiledWith !== 'clang') {
      assert.match(cx.replay.detail ?? '', /could not build it: no working `.*clang -m32`/);
    }
  });
});

describe('a compiler that cannot build the harness falls back to the next', () => {
  const real = findReplayCompilers().at(-1);
  it(
    'a failing first compiler, then a working one: agrees, named, with the reason',
    { skip: real === undefined ? 'no C compiler on PATH' : false },
    async () => {
      const broken = join(dir, 'broken-cc');
      writeFileSync(broken, '#!/bin/sh\necho "broken-cc: error: no 32-bit runtime" >&2\nexit 1\n');
      chmodSync(broken, 0o755);
      const file = cfile('add.c', 'int add(int x, int y) {\n  return x + y;\n}\n');
      const r = await replayWithCompiler({
        file,
        functionName: 'add',
        params: [
          { name: 'x', sourceType: 'int', value: 2147483647n },
          { name: 'y', sourceType: 'int', value: 1n },
        ],
        nondet: [],
        expected: { kind: 'overflow', line: 2 },
        dataModel: 'LP64',
        compiler: [broken, real ?? ''],
      });
      assert.equal(r.status, 'agrees', r.detail);
      assert.equal(r.compiler, real === undefined ? undefined : real.split('/').at(-1));
      assert.match(
        r.detail,
        /could not build it: the replay harness did not build with .*broken-cc/,
      );
    },
  );
  it('only failing compilers: unavailable, never a disagreement', async () => {
    const broken = join(dir, 'broken-cc2');
    writeFileSync(broken, '#!/bin/sh\nexit 1\n');
    chmodSync(broken, 0o755);
    const file = cfile('add2.c', 'int add(int x, int y) {\n  return x + y;\n}\n');
    const r = await replayWithCompiler({
      file,
      functionName: 'add',
      params: [],
      nondet: [],
      expected: { kind: 'overflow', line: 2 },
      dataModel: 'ILP32',
      compiler: [broken],
    });
    assert.equal(r.status, 'unavailable');
    assert.match(r.detail, /no working `.*broken-cc2 -m32` for ILP32/);
    assert.equal(r.compiler, undefined);
  });
});
