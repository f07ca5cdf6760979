/**
 * Golden corpus of programs whose loops no bounded unrolling covers (files in
 * `loops/`, same header format as `cases/`, see support.ts): every yes must
 * come with an invariant certificate (the loop heads' invariants, re-checked
 * by initiation, consecution and safety queries), every no with a replayed
 * counterexample — some only after 1,000 or more iterations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prove } from '../../src/index.js';
import { caseFiles, checkCase, LOOPS_DIR, loadCase } from './support.js';

/** Per case (generous: a timeout on a loaded machine would turn an answer into don't know). */
const TIMEOUT_SECONDS = 60;
/** For a known gap, where don't know is the expected outcome. */
const GAP_TIMEOUT_SECONDS = 10;

const names = caseFiles(LOOPS_DIR);

test('the loop corpus has at least 30 programs, with yes and no answers', () => {
  assert.ok(names.length >= 30, `only ${names.length} programs`);
  const expects = names.map((n) => loadCase(n, LOOPS_DIR).expect);
  assert.ok(expects.filter((e) => e === 'yes').length >= 15);
  assert.ok(expects.filter((e) => e === 'no').length >= 5);
});

for (const name of names) {
  test(`loops: ${name}`, async () => {
    const first = loadCase(name, LOOPS_DIR);
    const c = loadCase(
      name,
      LOOPS_DIR,
      first.gap === undefined ? TIMEOUT_SECONDS : GAP_TIMEOUT_SECONDS,
    );
    const result = await prove(c.options);
    if (result.kind === 'bad-input') assert.fail(`${name}: bad input`);
    const v = result.verdict;
    checkCase(c, v);
    if (v.answer === 'yes' && v.certificate.kind === 'invariant') {
      assert.ok(
        v.certificate.invariants.length > 0,
        `${name}: no loop invariant in the certificate`,
      );
      // Every invariant other than `true` must be shown to hold on entry (initiation).
      const meanings = v.certificate.queries.map((q) => q.meaning);
      const trivial = v.certificate.invariants.every((i) => i.invariant === '1');
      assert.ok(
        trivial || meanings.some((m) => /initiation/.test(m)),
        `${name}: no initiation query`,
      );
      assert.ok(
        meanings.some((m) => /safety/.test(m)),
        `${name}: no safety query`,
      );
    }
  });
}
