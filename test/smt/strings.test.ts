/**
 * Strings and regular languages in the solver layer: printing and escaping,
 * round trips of awkward literals through Z3 (model values decoded exactly),
 * and each factory's meaning checked against Z3 on small cases.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Term } from '../../src/smt/index.js';
import {
  and,
  checkSat,
  modelStrings,
  eq,
  intCompare,
  intConst,
  isRepresentableString,
  mkVar,
  not,
  reAll,
  reAllChar,
  reComp,
  reConcat,
  reInter,
  reNone,
  rePlus,
  reRange,
  reStar,
  reUnion,
  recheckUnsat,
  strConcat,
  strConst,
  strContains,
  strInRe,
  strIndexOf,
  strLen,
  strPrefixOf,
  strSuffixOf,
  strToRe,
  stringLiteralText,
  stringSort,
  toSmtlib,
  bvSort,
} from '../../src/smt/index.js';

const OPTS = { timeoutMs: 10_000 };

async function holds(t: Term): Promise<boolean> {
  const pos = await checkSat({ assertions: [t] }, OPTS);
  const neg = await checkSat({ assertions: [not(t)] }, OPTS);
  assert.notEqual(pos.status, 'unknown');
  assert.notEqual(pos.status, neg.status, 'a closed formula is either valid or unsatisfiable');
  return pos.status === 'sat';
}

test('string literals print with SMT-LIB 2.6 escapes', () => {
  assert.equal(stringLiteralText('abc'), '"abc"');
  assert.equal(stringLiteralText('say "hi"'), '"say ""hi"""');
  assert.equal(stringLiteralText('a\\u{41}'), '"a\\u{5c}u{41}"');
  assert.equal(stringLiteralText('é\n'), '"\\u{e9}\\u{a}"');
  assert.equal(stringLiteralText('😀'), '"\\u{1f600}"');
  assert.ok(!isRepresentableString('\u{10ffff}'));
  assert.throws(() => strConst('\u{10ffff}'), /beyond/);
});

test('factories check sorts and print', () => {
  const s = mkVar('s', stringSort);
  assert.throws(() => strLen(mkVar('b', bvSort(8))), /expected String/);
  assert.throws(() => strInRe(s, s), /expected RegLan/);
  assert.throws(() => reRange('ab', 'c'), /single/);
  const q = toSmtlib({
    assertions: [strInRe(s, reConcat(strToRe(strConst('a*')), reStar(reAllChar())))],
  });
  assert.match(q, /\(declare-fun s \(\) String\)/);
  assert.match(
    q,
    /\(assert \(str.in_re s \(re.\+\+ \(str.to_re "a\*"\) \(re.\* re.allchar\)\)\)\)/,
  );
  assert.doesNotMatch(q, /QF_BV/);
});

test('awkward literals round-trip through Z3 and come back as model values', async () => {
  const samples = [
    '',
    'plain',
    'quote " and ""',
    'back\\slash \\u{41} \\x41',
    'tab\tnewline\n',
    'naïve 日本 😀',
    '\u0000\u007f',
    '\ud800',
  ];
  for (const text of samples) {
    const s = mkVar('s', stringSort);
    const r = await checkSat({ assertions: [eq(s, strConst(text))] }, { ...OPTS, modelOf: ['s'] });
    assert.equal(r.status, 'sat');
    // A String variable's model value is a `string` value of the one value layer.
    assert.deepEqual(r.model?.get('s'), { kind: 'string', value: text }, JSON.stringify(text));
    // and the literal's length is its number of code points
    assert.equal(await holds(eq(strLen(strConst(text)), intConst(BigInt([...text].length)))), true);
  }
});

test('each factory means what SMT-LIB says', async () => {
  const c = strConst;
  assert.equal(await holds(eq(strConcat(c('ab'), c('c'), c('')), c('abc'))), true);
  assert.equal(await holds(strPrefixOf(c('ab'), c('abc'))), true);
  assert.equal(await holds(strPrefixOf(c('bc'), c('abc'))), false);
  assert.equal(await holds(strSuffixOf(c('bc'), c('abc'))), true);
  assert.equal(await holds(strContains(c('abc'), c('b'))), true);
  assert.equal(await holds(strContains(c('abc'), c('d'))), false);
  assert.equal(await holds(eq(strIndexOf(c('abcabc'), c('c'), intConst(3n)), intConst(5n))), true);
  assert.equal(await holds(eq(strIndexOf(c('abc'), c('d'), intConst(0n)), intConst(-1n))), true);
  const in_ = (s: string, re: Term) => holds(strInRe(c(s), re));
  assert.equal(await in_('a', reAllChar()), true);
  assert.equal(await in_('😀', reAllChar()), true);
  assert.equal(await in_('ab', reAllChar()), false);
  assert.equal(await in_('', reStar(reAllChar())), true);
  assert.equal(await in_('', rePlus(reAllChar())), false);
  assert.equal(await in_('x', reUnion(strToRe(c('x')), strToRe(c('y')))), true);
  assert.equal(await in_('z', reUnion(strToRe(c('x')), strToRe(c('y')))), false);
  assert.equal(await in_('m', reRange('a', 'z')), true);
  assert.equal(await in_('M', reRange('a', 'z')), false);
  assert.equal(await in_('M', reComp(reRange('a', 'z'))), true);
  assert.equal(await in_('b', reInter(reRange('a', 'c'), reRange('b', 'd'))), true);
  assert.equal(await in_('a', reInter(reRange('a', 'c'), reRange('b', 'd'))), false);
  assert.equal(await in_('anything', reAll()), true);
  assert.equal(await in_('', reNone()), false);
  assert.equal(await in_('"\\', strToRe(c('"\\'))), true);
});

test('a variable constrained by several string factories gets a model that satisfies them', async () => {
  const s = mkVar('s', stringSort);
  const q = {
    assertions: [
      strPrefixOf(strConst('arn:'), s),
      strSuffixOf(strConst('/x'), s),
      strContains(s, strConst('ü')),
      intCompare('<', strLen(s), intConst(12n)),
    ],
  };
  const r = await checkSat(q, { ...OPTS, modelOf: ['s'] });
  assert.equal(r.status, 'sat');
  const v = modelStrings(r.model).get('s') ?? '';
  assert.ok(v.startsWith('arn:') && v.endsWith('/x') && v.includes('ü') && [...v].length < 12, v);
  const unsat = await checkSat(
    { assertions: [and(strPrefixOf(strConst('a'), s), strPrefixOf(strConst('b'), s))] },
    OPTS,
  );
  assert.equal(unsat.status, 'unsat');
  const re = await recheckUnsat(unsat.smtlib, 10_000);
  assert.equal(re.status, 'unsat');
});
