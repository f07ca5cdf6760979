/**
 * The conventions of the peers' suites that arc takes as options or as C89:
 * `--undefined-functions-pure` (a function without a body returns any value
 * and changes nothing else, except C library functions, which keep their
 * meaning), implicit `int`, a value returned from a void function, and the
 * relaxation of memory checks a question leaves out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { prove } from '../../../src/api/prove.js';
import type { ProveOptions } from '../../../src/api/types.js';
import type { Verdict } from '../../../src/verdict/verdict.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-conventions-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function verdict(
  name: string,
  text: string,
  options: Partial<ProveOptions>,
): Promise<Verdict> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = await prove({ file, function: 'main', timeoutSeconds: 60, ...options });
  assert.equal(
    r.kind,
    'verdict',
    r.kind === 'verdict' ? '' : r.diagnostics.map((d) => d.message).join('; '),
  );
  if (r.kind !== 'verdict') throw new Error('unreachable');
  return r.verdict;
}

const GLOBAL_KEPT = `#include <assert.h>
int ext(void);
int g;
int main(void) {
  g = 1;
  int r = ext();
  assert(g == 1);
  return r;
}
`;

test('without a body a function may change every global; with --undefined-functions-pure it only returns a value', async () => {
  const plain = await verdict('kept.c', GLOBAL_KEPT, { properties: ['assertions'] });
  assert.equal(plain.answer, 'unknown');
  if (plain.answer === 'unknown') assert.equal(plain.reason.code, 'undefined-function');
  const pure = await verdict('kept.c', GLOBAL_KEPT, {
    properties: ['assertions'],
    undefinedPure: true,
  });
  assert.equal(pure.answer, 'yes');
});

test('with --undefined-functions-pure a result that breaks an assertion is a no, and the question says so', async () => {
  const text = `#include <assert.h>
int ext(void);
int main(void) {
  assert(ext() != 3);
  return 0;
}
`;
  const v = await verdict('result.c', text, { properties: ['assertions'], undefinedPure: true });
  assert.equal(v.answer, 'no');
  assert.match(v.question, /functions without a body return any value and change nothing else/);
  if (v.answer === 'no') {
    assert.equal(v.witness.property.kind, 'assertion');
    assert.equal(v.witness.replay.interpreter, 'agrees');
    assert.ok(v.witness.nondet.some((n) => n.value === 3n));
  }
});

test('a C library function without a model keeps its meaning under --undefined-functions-pure', async () => {
  const text = `#include <assert.h>
int rand(void);
int main(void) {
  assert(rand() != 3);
  return 0;
}
`;
  const v = await verdict('rand.c', text, { properties: ['assertions'], undefinedPure: true });
  assert.equal(v.answer, 'unknown');
});

test('C89: a function without a return type returns int, and a value returned from a void function is dropped', async () => {
  const text = `#include <assert.h>
add(int a, int b) { return a + b; }
void side(void) { return add(1, 2); }
main() {
  side();
  assert(add(2, 3) == 5);
  return 0;
}
`;
  const v = await verdict('c89.c', text, { properties: ['assertions'] });
  assert.equal(v.answer, 'yes');
});

test('an unchecked memory error is run past: a no after it, a yes resting on it is undefined-behaviour', async () => {
  const after = `#include <assert.h>
int main(void) {
  int a[2] = {1, 2};
  int i = 2;
  a[i] = 7;
  assert(a[0] + a[1] == 3);
  int *p = 0;
  int k = *p;
  assert(k == 0);
  return 0;
}
`;
  const v = await verdict('after.c', after, { properties: ['assertions'] });
  assert.equal(v.answer, 'no');
  if (v.answer === 'no') {
    assert.equal(v.witness.property.id, 'main.assertion.2');
    assert.equal(v.witness.replay.interpreter, 'agrees');
    assert.equal(v.witness.replay.compiler, 'not-applicable');
  }
  const ub = `#include <assert.h>
int main(void) {
  int a[2] = {1, 2};
  int i = 2;
  a[i] = 7;
  assert(a[0] + a[1] == 3);
  return 0;
}
`;
  const u = await verdict('ub.c', ub, { properties: ['assertions'] });
  assert.equal(u.answer, 'unknown');
  if (u.answer === 'unknown') {
    assert.equal(u.reason.code, 'undefined-behaviour');
    assert.match(u.reason.message, /valid-deref/);
  }
  // Asked about, the same error is a no of its own.
  const checked = await verdict('ub.c', ub, { properties: ['assertions', 'memory-safety'] });
  assert.equal(checked.answer, 'no');
  if (checked.answer === 'no') assert.equal(checked.witness.property.kind, 'valid-deref');
});
