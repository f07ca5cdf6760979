/**
 * The packet-set decision procedure (net/packetset.ts) against the term
 * evaluator on random formulas of the shapes the symbolic engine builds, and
 * against Z3 (the boxes' union is the formula's set, exactly).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  and,
  bvCompare,
  bvConst,
  checkSat,
  conjunction,
  disjunction,
  eq,
  evaluate,
  extract,
  ite,
  not,
  or,
  stopSolvers,
  type Term,
} from '../../src/smt/index.js';
import {
  boxesTerm,
  complementRanges,
  fieldMax,
  FIELDS,
  PacketSets,
  rangesContain,
  rangesText,
  sampleOf,
  unionRanges,
  UnsupportedFormula,
  type Box,
  type Field,
} from '../../src/net/packetset.js';
import { symbolicHeader, type SymPacket } from '../../src/net/symbolic/packet.js';
import { prng } from '../../src/core/prng.js';

after(() => stopSolvers());

const h: SymPacket = symbolicHeader();
const WIDTH: Record<Field, number> = {
  src_ip: 32,
  dst_ip: 32,
  protocol: 8,
  src_port: 16,
  dst_port: 16,
};
function termOf(f: Field): Term {
  return {
    src_ip: h.srcIp,
    dst_ip: h.dstIp,
    protocol: h.proto,
    src_port: h.sport,
    dst_port: h.dport,
  }[f];
}

/** Random formulas of the engine's shapes; `points` collects each field's interesting values. */
function randomFormula(r: () => number, points: Map<Field, Set<number>>, depth: number): Term {
  const pickField = (): Field => FIELDS[Math.floor(r() * FIELDS.length)];
  const value = (f: Field): number => {
    // Few distinct constants, so that atoms overlap and nest.
    const small = [0, 1, 6, 17, 22, 80, 443, 1024, 65535, 255];
    const v =
      f === 'src_ip' || f === 'dst_ip'
        ? [0x0a000000, 0x0a000100, 0x0a0001ff, 0xc0a80000, 0xffffffff, 0x08080808][
            Math.floor(r() * 6)
          ]
        : small[Math.floor(r() * small.length)] % (fieldMax(f) + 1);
    points.get(f)?.add(v);
    return v;
  };
  const atom = (): Term => {
    const f = pickField();
    const t = termOf(f);
    const w = WIDTH[f];
    const k = r();
    if (k < 0.3) {
      // a prefix: the top `len` bits equal a constant
      const len = 1 + Math.floor(r() * w);
      const v = value(f);
      const top = Math.floor(v / 2 ** (w - len));
      points.get(f)?.add(top * 2 ** (w - len));
      points.get(f)?.add(top * 2 ** (w - len) + 2 ** (w - len) - 1);
      return eq(extract(w - 1, w - len, t), bvConst(len, BigInt(top)));
    }
    if (k < 0.45) return eq(t, bvConst(w, BigInt(value(f))));
    if (k < 0.55) return bvCompare('bvule', bvConst(w, BigInt(value(f))), t);
    if (k < 0.65) return bvCompare('bvule', t, bvConst(w, BigInt(value(f))));
    if (k < 0.75) return bvCompare('bvult', t, bvConst(w, BigInt(value(f))));
    if (k < 0.85) return bvCompare('bvult', bvConst(w, BigInt(value(f))), t);
    // The reply's port: a field chosen by a condition (the symbolic engine's ICMP swap).
    const c = eq(h.proto, bvConst(8, 1n));
    points.get('protocol')?.add(1);
    return bvCompare('bvule', ite(c, h.sport, h.dport), bvConst(16, BigInt(value('dst_port'))));
  };
  if (depth === 0 || r() < 0.25) return atom();
  const n = 2 + Math.floor(r() * 3);
  const kids = Array.from({ length: n }, () => randomFormula(r, points, depth - 1));
  const k = r();
  if (k < 0.4) return conjunction(kids);
  if (k < 0.8) return disjunction(kids);
  if (k < 0.9) return not(kids[0]);
  return ite(kids[0], kids[1], kids[2] ?? not(kids[1]));
}

function inBox(b: Box, v: Record<Field, number>): boolean {
  return FIELDS.every((f) => b[f] === undefined || rangesContain(b[f], v[f]));
}

describe('packet sets (net/packetset.ts)', () => {
  it('random formulas: boxes are disjoint and agree with the evaluator on boundary and random headers', () => {
    const r = prng(20261203);
    let nonEmpty = 0;
    let full = 0;
    for (let i = 0; i < 300; i++) {
      const points = new Map<Field, Set<number>>(FIELDS.map((f) => [f, new Set([0])]));
      const formula = randomFormula(r, points, 3);
      const sets = new PacketSets();
      const boxes = sets.boxes(sets.read(formula));
      if (boxes.length > 0) nonEmpty++;
      if (boxes.length === 1 && FIELDS.every((f) => boxes[0][f] === undefined)) full++;
      // Candidate values per field: each point and its neighbours, plus random ones.
      const cand = new Map<Field, number[]>();
      for (const f of FIELDS) {
        const s = new Set<number>();
        for (const p of points.get(f) ?? [])
          for (const d of [-1, 0, 1]) if (p + d >= 0 && p + d <= fieldMax(f)) s.add(p + d);
        for (let k = 0; k < 3; k++) s.add(Math.floor(r() * (fieldMax(f) + 1)));
        cand.set(f, [...s]);
      }
      for (let s = 0; s < 200; s++) {
        const v = Object.fromEntries(
          FIELDS.map((f) => {
            const c = cand.get(f) ?? [0];
            return [f, c[Math.floor(r() * c.length)]];
          }),
        ) as Record<Field, number>;
        const expected = evaluate(formula, (x) => BigInt(v[x.name as Field])) === 1n;
        const hits = boxes.filter((b) => inBox(b, v)).length;
        assert.ok(hits <= 1, `boxes overlap at ${JSON.stringify(v)}`);
        assert.equal(hits === 1, expected, `formula ${i} at ${JSON.stringify(v)}`);
      }
      // Every box's sample is in the set.
      for (const b of boxes) {
        const sample = sampleOf(b);
        assert.equal(
          evaluate(formula, (x) => sample.get(x.name) ?? 0n),
          1n,
        );
      }
    }
    // Non-vacuity: the generator makes empty, full and proper sets.
    assert.ok(nonEmpty > 60 && nonEmpty < 290, `non-empty ${nonEmpty}`);
    assert.ok(full < 100, `full ${full}`);
  });

  it('Z3 agrees that the union of the boxes is the formula (40 random formulas)', async () => {
    const r = prng(7);
    for (let i = 0; i < 40; i++) {
      const points = new Map<Field, Set<number>>(FIELDS.map((f) => [f, new Set<number>()]));
      const formula = randomFormula(r, points, 3);
      const sets = new PacketSets();
      const boxes = sets.boxes(sets.read(formula));
      const res = await checkSat(
        { assertions: [not(eq(formula, boxesTerm(boxes, h)))] },
        { timeoutMs: 20_000 },
      );
      assert.equal(res.status, 'unsat', `formula ${i}`);
    }
  });

  it('a deliberately wrong box is caught by the Z3 check', async () => {
    const formula = and(
      eq(h.proto, bvConst(8, 6n)),
      bvCompare('bvule', bvConst(16, 80n), h.dport),
      bvCompare('bvule', h.dport, bvConst(16, 443n)),
    );
    const sets = new PacketSets();
    const boxes = sets.boxes(sets.read(formula));
    assert.deepEqual(boxes, [{ protocol: [{ lo: 6, hi: 6 }], dst_port: [{ lo: 80, hi: 443 }] }]);
    const wrong: Box[] = [{ protocol: [{ lo: 6, hi: 6 }], dst_port: [{ lo: 80, hi: 444 }] }];
    const res = await checkSat(
      { assertions: [not(eq(formula, boxesTerm(wrong, h)))] },
      { timeoutMs: 20_000, modelOf: ['dst_port'] },
    );
    assert.equal(res.status, 'sat');
    assert.equal(res.model?.get('dst_port'), 444n);
  });

  it('refuses what it cannot read: two fields compared, signed comparisons', () => {
    const sets = new PacketSets();
    assert.throws(() => sets.read(eq(h.srcIp, h.dstIp)), UnsupportedFormula);
    assert.throws(
      () => sets.read(bvCompare('bvslt', h.dport, bvConst(16, 5n))),
      UnsupportedFormula,
    );
    assert.throws(() => sets.read(eq(extract(7, 0, h.srcIp), bvConst(8, 1n))), /not a prefix/);
    // The same field on both sides is fine.
    assert.equal(
      sets.isEmpty(sets.read(or(eq(h.dport, h.dport), not(eq(h.dport, h.dport))))),
      false,
    );
  });

  it('range sets: union, complement and text', () => {
    assert.deepEqual(
      unionRanges([
        [{ lo: 5, hi: 9 }],
        [
          { lo: 0, hi: 2 },
          { lo: 10, hi: 12 },
        ],
      ]),
      [
        { lo: 0, hi: 2 },
        { lo: 5, hi: 12 },
      ],
    );
    assert.deepEqual(complementRanges([{ lo: 0, hi: 2 }], 10), [{ lo: 3, hi: 10 }]);
    assert.equal(rangesText('dst_port', [{ lo: 0, hi: 65535 }]), 'any');
    assert.equal(
      rangesText('dst_port', [
        { lo: 22, hi: 22 },
        { lo: 80, hi: 80 },
      ]),
      '22, 80',
    );
    assert.equal(
      rangesText('dst_port', [
        { lo: 0, hi: 21 },
        { lo: 23, hi: 65535 },
      ]),
      'any except 22',
    );
    assert.equal(rangesText('src_ip', [{ lo: 0x0a000000, hi: 0x0affffff }]), '10.0.0.0/8');
    assert.equal(rangesText('protocol', [{ lo: 6, hi: 6 }]), 'tcp');
    const internet = complementRanges([{ lo: 0x0a000000, hi: 0x0affffff }], fieldMax('src_ip'));
    const named = [{ field: 'src_ip' as const, name: 'the internet', set: internet }];
    assert.equal(rangesText('src_ip', internet, named), 'the internet');
    const most = complementRanges(
      unionRanges([[{ lo: 0x0a000000, hi: 0x0affffff }], [{ lo: 0x08080808, hi: 0x08080808 }]]),
      fieldMax('src_ip'),
    );
    assert.equal(rangesText('src_ip', most, named), 'the internet except 8.8.8.8');
  });
});
