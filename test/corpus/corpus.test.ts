/**
 * Golden corpus: every `cases/*.c` file starts with header comments that are
 * the test's data —
 *
 *   // expect: yes | no | unknown
 *   // args: --function f --property no-overflow --returns-true --data-model ILP32 --max-unwind 8
 *   // property: f.overflow.1      (required for `no`: the violated property id)
 *   // reason: unbounded-loop      (optional for `unknown`: the expected reason code)
 *   // witness: f(2147483647, 1)   (documentation: inputs that show a `no`, checked with gcc+UBSan)
 *   // note: one line on why the expectation is true C semantics
 *
 * The runner proves each case through the library API and checks the answer
 * and the evidence that comes with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prove } from '../../src/index.js';
import { CASES_DIR, caseFiles, checkCase, loadCase } from './support.js';

const caseNames = caseFiles(CASES_DIR);

test('the corpus has at least 50 cases, with yes, no and unknown answers', () => {
  assert.ok(caseNames.length >= 50, `only ${caseNames.length} cases`);
  const counts = new Map<string, number>();
  for (const n of caseNames) {
    const e = loadCase(n).expect;
    counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  for (const e of ['yes', 'no', 'unknown']) assert.ok((counts.get(e) ?? 0) > 0, `no '${e}' case`);
});

for (const name of caseNames) {
  test(`corpus: ${name}`, async () => {
    const c = loadCase(name);
    const result = await prove(c.options);
    if (result.kind === 'bad-input') {
      assert.fail(
        `${name}: bad input: ${result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`,
      );
    }
    checkCase(c, result.verdict);
  });
}
