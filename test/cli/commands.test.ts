/** `arc test`, `arc ir` and `--dump-smt` through the real CLI. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkScript } from '../../src/smt/index.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-commands-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const eightBit = file(
  'eight.c',
  'int f(unsigned char a, unsigned char b) {\n  return (unsigned char)(a + b) >= a;\n}\n',
);

test('arc test enumerates a small input space and reports every failure', () => {
  const r = runCli(['test', eightBit, '--function', 'f', '--returns-true', '--json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as {
    exhaustive: boolean;
    inputSpace: string;
    failureCount: number;
    callsMade: number;
  };
  assert.equal(report.exhaustive, true);
  assert.equal(report.inputSpace, '65536');
  assert.equal(report.callsMade, 65536);
  // (a + b) mod 256 < a exactly when a + b ≥ 256: 255·256/2 pairs.
  assert.equal(report.failureCount, 32640);
});

test('arc test on f samples at random and extrapolates to 2^64 calls', () => {
  const examples = new URL('../../../examples/f.c', import.meta.url).pathname;
  const r = runCli(['test', examples, '--function', 'f', '--returns-true', '--budget', '0.3']);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stdout, /18,446,744,073,709,551,616/);
  assert.match(r.stdout, /1,360 years/);
});

test('arc ir prints the CFG with property ids and locations', () => {
  const r = runCli(['ir', eightBit, '--function', 'f', '--returns-true']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /function f/);
  assert.match(r.stdout, /f\.returns-true\.1/);
  assert.match(r.stdout, /eight\.c:\d+:\d+/);
});

test('--dump-smt writes queries that answer the same when loaded again', async () => {
  // The failing input (x = 143) is none of the values the testing stage tries first
  // (constants, their neighbours, the limits), so the solver finds it and the query is dumped.
  const needle = file('needle.c', 'int f(unsigned x) {\n  return x * 7u != 1001u;\n}\n');
  const out = join(dir, 'dump');
  const r = runCli([
    'prove',
    needle,
    '--function',
    'f',
    '--returns-true',
    '--dump-smt',
    out,
    '--json',
  ]);
  assert.equal(r.code, 1);
  const files = readdirSync(out).filter((f) => f.endsWith('.smt2'));
  assert.ok(files.length >= 1);
  const violation = files.find((f) => f.includes('violation'));
  assert.ok(violation !== undefined);
  const again = await checkScript(readFileSync(join(out, violation), 'utf8'), 10_000);
  assert.equal(again.status, 'sat');
});

test('--semantics math: x + 1 > x holds for mathematical integers, not for C int', () => {
  // (In one expression gcc folds `x + 1 > x` to 1 even at -O0, and UBSan never sees the sum.)
  const path = file('succ.c', 'int f(int x) {\n  int y = x + 1;\n  return y > x;\n}\n');
  const c = runCli(['prove', path, '--function', 'f', '--returns-true', '--json']);
  assert.equal(c.code, 1, c.stderr);
  const cv = JSON.parse(c.stdout) as { witness: { property: { id: string } } };
  assert.equal(cv.witness.property.id, 'f.overflow.1');
  const m = runCli([
    'prove',
    path,
    '--function',
    'f',
    '--returns-true',
    '--semantics',
    'math',
    '--json',
  ]);
  assert.equal(m.code, 0, m.stderr);
  const mv = JSON.parse(m.stdout) as { certificate: { summary: string } };
  assert.match(mv.certificate.summary, /mathematical integer arithmetic/);
});

test('Python: unbounded integers and floor division, with replayed counterexamples', () => {
  const path = file(
    'p.py',
    'def square(x):\n    assert x * x != 49\n    return x\n\ndef half(x):\n    q = x // 2\n    assert 2 * q <= x and x < 2 * q + 2\n    assert x % 2 == x - 2 * q\n    return q\n',
  );
  const no = runCli(['prove', path, '--function', 'square', '--json']);
  assert.equal(no.code, 1, no.stderr);
  const nv = JSON.parse(no.stdout) as {
    witness: { inputs: { name: string; value: string }[]; replay: { interpreter: string } };
  };
  assert.ok(['7', '-7'].includes(nv.witness.inputs[0].value));
  assert.equal(nv.witness.replay.interpreter, 'agrees');
  // Python's // rounds toward negative infinity, so 2q <= x < 2q + 2 for every x, negative too.
  const yes = runCli(['prove', path, '--function', 'half', '--json']);
  assert.equal(yes.code, 0, yes.stdout);
});
