/**
 * Regression (issue 14 item 8): a query whose only assertion is a quantifier
 * over Int variables, with no free variable, was printed under
 * `(set-logic QF_BV)` — the printer looked at the sorts of the terms outside
 * quantifier bodies only — and Z3 rejected it ("unknown sort 'Int'"), which
 * `arc terminates` reported as an internal error. A quantified script is not
 * quantifier-free, whatever its sorts: no QF_BV, and Z3 answers it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bvCompare,
  bvConst,
  bvSort,
  checkSat,
  intCompare,
  intConst,
  intSort,
  mkVar,
  not,
  or,
  quantifier,
  toSmtlib,
} from '../../src/smt/index.js';

const n = mkVar("_aux1'", intSort);
/** ∀n. ¬(n < 0 ∨ 0 < n), i.e. every integer is 0: false. (The shape of a recurrent-set closure query.) */
const closure = quantifier(
  'forall',
  [n],
  not(or(intCompare('<', n, intConst(0n)), intCompare('<', intConst(0n), n))),
);

test('a quantifier over Int with no free variable is not printed as QF_BV', () => {
  const text = toSmtlib({ assertions: [closure] });
  assert.doesNotMatch(text, /QF_BV/);
  assert.match(text, /\(forall \(\(\|_aux1'\| Int\)\)/);
});

test('a quantifier over bit-vectors alone is not QF_BV either', () => {
  const b = mkVar('b', bvSort(8));
  const q = quantifier('exists', [b], bvCompare('bvult', b, bvConst(8, 3n)));
  assert.doesNotMatch(toSmtlib({ assertions: [q] }), /QF_BV/);
});

test('Z3 answers the quantified Int query instead of rejecting the script', async () => {
  const r = await checkSat({ assertions: [closure] }, { timeoutMs: 5000 });
  assert.equal(r.status, 'unsat');
  const negated = await checkSat({ assertions: [not(closure)] }, { timeoutMs: 5000 });
  assert.equal(negated.status, 'sat');
});
