/** The branch simplifier of assume.ts: only atoms an internet host's address falsifies become false. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { internetHostAssumption } from '../../src/net/assume.js';
import {
  and,
  bvConst,
  bvSort,
  eq,
  extract,
  falseTerm,
  ite,
  mkVar,
  not,
  or,
  trueTerm,
} from '../../src/smt/index.js';
import { ip } from './fixtures.js';

const x = mkVar('src_ip', bvSort(32));
const y = mkVar('dst_ip', bvSort(32));
const owned = new Set([ip('3.12.0.7'), ip('18.216.80.133')]);
const simplify = internetHostAssumption(new Set([x]), owned);
const is = (t: typeof x, a: string) => eq(t, bvConst(32, BigInt(ip(a))));
const inCidr = (t: typeof x, a: string, len: number) =>
  eq(extract(31, 32 - len, t), bvConst(len, BigInt(ip(a) >>> (32 - len))));

describe('internetHostAssumption', () => {
  it('refutes private ranges, private addresses and owned public addresses', () => {
    assert.equal(simplify(inCidr(x, '10.0.0.0', 8)), falseTerm);
    assert.equal(simplify(inCidr(x, '10.20.0.0', 16)), falseTerm);
    assert.equal(simplify(inCidr(x, '172.31.0.0', 16)), falseTerm);
    assert.equal(simplify(is(x, '192.168.1.1')), falseTerm);
    assert.equal(simplify(is(x, '18.216.80.133')), falseTerm);
  });

  it('keeps what an internet host may satisfy, and other variables', () => {
    for (const t of [
      inCidr(x, '8.0.0.0', 8),
      inCidr(x, '0.0.0.0', 1), // contains private ranges and public ones
      is(x, '8.8.8.8'),
      is(y, '18.216.80.133'),
      inCidr(y, '10.0.0.0', 8),
    ])
      assert.equal(simplify(t), t);
  });

  it('rewrites inside not, and, or and ite', () => {
    assert.equal(simplify(not(inCidr(x, '10.0.0.0', 8))), trueTerm);
    const keep = is(y, '10.0.0.1');
    assert.equal(simplify(and(keep, not(is(x, '3.12.0.7')))), keep);
    assert.equal(simplify(or(keep, is(x, '3.12.0.7'))), keep);
    const nk = not(keep);
    assert.equal(simplify(ite(inCidr(x, '10.0.0.0', 8), keep, nk)), nk);
  });

  it('is the identity without an internet side', () => {
    const none = internetHostAssumption(new Set(), owned);
    const t = inCidr(x, '10.0.0.0', 8);
    assert.equal(none(t), t);
  });
});
