/**
 * Bad input through the real CLI: each case gets one diagnostic line with
 * file:line:col where there is one, its distinct exit code, and no stack trace.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-bad-input-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const good = file('good.c', 'int f(int x) { return x; }\n');

function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /\n\s+at .*\(.*:\d+:\d+\)/, 'printed a stack trace');
  assert.doesNotMatch(text, /internal error/);
}

test('a file that does not exist: exit 2, one line naming it', () => {
  const r = runCli(['prove', join(dir, 'missing.c'), '--function', 'f']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing\.c.*\[file-not-found\]/);
  assertNoStackTrace(r.stderr);
});

test('an empty file: exit 2', () => {
  const r = runCli(['prove', file('empty.c', ''), '--function', 'f']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[empty-file\]/);
  assertNoStackTrace(r.stderr);
});

test('a binary file: exit 2', () => {
  const r = runCli([
    'prove',
    file('binary.c', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0])),
    '--function',
    'f',
  ]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[binary-file\]/);
  assertNoStackTrace(r.stderr);
});

test('a syntax error: exit 2 with file:line:col', () => {
  const path = file('syntax.c', 'int f(int x) {\n  return x +;\n}\n');
  const r = runCli(['prove', path, '--function', 'f']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /syntax\.c:2:\d+: error: .*\[syntax-error\]/);
  assertNoStackTrace(r.stderr);
});

test('an unknown --function: exit 2, listing the defined functions', () => {
  const r = runCli(['prove', good, '--function', 'nope']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope/);
  assert.match(r.stderr, /\bf\b/);
  assert.match(r.stderr, /\[unknown-function\]/);
  assertNoStackTrace(r.stderr);
});

test("an unsupported construct: exit 3 (don't know) with file:line:col", () => {
  const path = file('float.c', 'int f(int x) {\n  double d = x;\n  return d > 1;\n}\n');
  const r = runCli(['prove', path, '--function', 'f']);
  assert.equal(r.code, 3);
  assert.match(r.stdout, /don't know/);
  assert.match(r.stdout, /float\.c:\d+:\d+/);
  assertNoStackTrace(r.stdout + r.stderr);
});

test('recursion: exit 3 with the reason', () => {
  const path = file('rec.c', 'int f(int x) {\n  if (x > 0) return f(x - 1);\n  return 0;\n}\n');
  const r = runCli(['prove', path, '--function', 'f', '--json']);
  assert.equal(r.code, 3);
  const v = JSON.parse(r.stdout) as { answer: string; reason: { code: string } };
  assert.equal(v.answer, 'unknown');
  assert.equal(v.reason.code, 'recursion');
});

const outOfRange: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['--timeout 0', ['--timeout', '0']],
  ['--timeout -5', ['--timeout', '-5']],
  ['--timeout abc', ['--timeout', 'abc']],
  ['--max-unwind 1.5', ['--max-unwind', '1.5']],
  ['--max-unwind -1', ['--max-unwind', '-1']],
  ['--data-model LP32', ['--data-model', 'LP32']],
  ['--property nonsense', ['--property', 'nonsense']],
  ['an unknown option', ['--frobnicate']],
];
for (const [name, extra] of outOfRange) {
  test(`an option value out of range (${name}): exit 2`, () => {
    const r = runCli(['prove', good, '--function', 'f', ...extra]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, `expected one line, got:\n${r.stderr}`);
    assertNoStackTrace(r.stderr);
  });
}

test('an unknown command and a missing file argument: exit 2', () => {
  assert.equal(runCli(['frobnicate']).code, 2);
  // A name every object inherits is not a command either.
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    const r = runCli([name]);
    assert.equal(r.code, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, /unknown command/);
    assertNoStackTrace(r.stderr);
  }
  assert.equal(runCli(['prove']).code, 2);
  assert.equal(runCli(['prove', good, good]).code, 2);
});
