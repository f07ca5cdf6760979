/** How compiled-program observations are matched against an expected violation (no compiler needed). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judge, type Observed } from '../../src/replay/compiler.js';

const file = '/tmp/user.c';
function ub(category: 'overflow' | 'div-by-zero' | 'shift', line: number): Observed {
  return { kind: 'ub', category, file, line, message: `${category} report` };
}

test('the same undefined behaviour at the same line agrees', () => {
  assert.equal(judge(ub('overflow', 3), { kind: 'overflow', line: 3 }, file).status, 'agrees');
});

test('another undefined behaviour on the same line agrees (unsequenced operands)', () => {
  const r = judge(ub('div-by-zero', 3), { kind: 'shift', line: 3 }, file);
  assert.equal(r.status, 'agrees');
  assert.match(r.detail, /another undefined behaviour on the same line/);
});

test('undefined behaviour on another line disagrees', () => {
  assert.equal(judge(ub('overflow', 4), { kind: 'overflow', line: 3 }, file).status, 'disagrees');
});

test('undefined behaviour does not confirm an assertion failure', () => {
  assert.equal(judge(ub('overflow', 3), { kind: 'assertion', line: 3 }, file).status, 'disagrees');
});

test('a normal return confirms nothing', () => {
  assert.equal(
    judge({ kind: 'returned' }, { kind: 'overflow', line: 3 }, file).status,
    'disagrees',
  );
});
