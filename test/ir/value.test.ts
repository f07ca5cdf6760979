/**
 * The value layer (ir/value.ts): values beyond integers — arrays, records,
 * sequences, strings, maps — have one JSON form that reads back exactly, travel
 * through a verdict's witness into arc's JSON output and back, and print in
 * each front-end's syntax.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { contractJson, toJsonText, verdictToJson } from '../../src/cli/render.js';
import { C_SYNTAX } from '../../src/frontends/c/back-translator.js';
import { PYTHON_SYNTAX } from '../../src/frontends/python/back-translator.js';
import {
  arrayValue,
  formatValue,
  mapGet,
  mapSet,
  mapValue,
  recordValue,
  seqValue,
  stringValue,
  valueEquals,
  valueFromJson,
  valueToJson,
  type MapValue,
  type Value,
} from '../../src/ir/value.js';
import type { NoVerdict } from '../../src/verdict/verdict.js';

const span = { file: 't.c', startLine: 1, startCol: 1, endLine: 1, endCol: 2 };

/** Maps over a few small indices and values, so that equal maps with different entries occur. */
const maps: fc.Arbitrary<MapValue> = fc
  .tuple(
    fc.bigInt({ min: -2n, max: 2n }),
    fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 6n }), fc.bigInt({ min: -2n, max: 2n })), {
      maxLength: 5,
    }),
  )
  .map(([def, entries]) => mapValue(def, entries));

/** Values of every kind, nested a few levels deep. */
const values: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
    fc.string({ unit: 'grapheme' }).map(stringValue),
    maps,
    fc.array(tie('value'), { maxLength: 4 }).map(arrayValue),
    fc.array(tie('value'), { maxLength: 4 }).map(seqValue),
    fc
      .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), tie('value')), {
        maxLength: 3,
        selector: ([name]) => name,
      })
      .map((fields) => recordValue(fields.map(([name, value]) => ({ name, value })))),
  ),
})).value;

/** struct point { int x; int y; } p = { .x = -1, .y = 2 }, with a name and a byte buffer. */
const point: Value = recordValue([
  { name: 'x', value: -1n },
  { name: 'y', value: 2n },
  { name: 'tag', value: stringValue('o\'k"') },
  { name: 'bytes', value: arrayValue([0n, 255n, 7n]) },
  { name: 'rest', value: seqValue([seqValue([]), 3n]) },
]);

describe('values', () => {
  it('the JSON form reads back exactly, through JSON text too', () => {
    fc.assert(
      fc.property(values, (v) => {
        const back = valueFromJson(JSON.parse(JSON.stringify(valueToJson(v))));
        assert.ok(back !== undefined && valueEquals(back, v), formatValue(v));
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('equality tells different values apart', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const same = JSON.stringify(valueToJson(a)) === JSON.stringify(valueToJson(b));
        assert.equal(valueEquals(a, b), same);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('a scalar is its decimal string, as verdicts have always printed it', () => {
    assert.equal(valueToJson(-5n), '-5');
    assert.equal(valueFromJson('18446744073709551615'), 18446744073709551615n);
    assert.equal(valueFromJson('0x10'), undefined);
    assert.equal(valueFromJson({ kind: 'array', elements: ['1', 2] }), undefined);
  });

  it("a record input travels through a no's witness into arc's JSON output and back", () => {
    const verdict: NoVerdict = {
      domain: 'code',
      command: 'prove',
      question: 'Does f pass every assertion?',
      explanation: '',
      answer: 'no',
      witness: {
        inputs: [{ name: 'p', type: 'struct point', value: point, text: C_SYNTAX.value(point) }],
        nondet: [{ source: '__VERIFIER_nondet_buf', value: seqValue([1n, 2n]), text: '{1, 2}' }],
        property: { id: 'f.assertion.1', kind: 'assertion', description: 'p.x >= 0', span },
        path: [
          { line: 1, col: 1, text: 'p.x = -1;', assigned: [{ name: 'p', value: point, text: '' }] },
        ],
        replay: { interpreter: 'agrees', compiler: 'not-applicable' },
      },
      properties: [],
      diagnostics: [],
      notes: [],
      elapsedMs: 1,
      solverMs: 1,
    };
    const json = JSON.parse(toJsonText(verdictToJson(verdict))) as {
      witness: {
        inputs: { value: unknown }[];
        nondet: { value: unknown }[];
        path: { assigned: { value: unknown }[] }[];
      };
    };
    const input = valueFromJson(json.witness.inputs[0].value);
    assert.ok(input !== undefined && valueEquals(input, point));
    const nondet = valueFromJson(json.witness.nondet[0].value);
    assert.ok(nondet !== undefined && valueEquals(nondet, seqValue([1n, 2n])));
    const assigned = valueFromJson(json.witness.path[0].assigned[0].value);
    assert.ok(assigned !== undefined && valueEquals(assigned, point));
    // Every domain's JSON has the same contract keys.
    assert.deepEqual(Object.keys(contractJson(verdict)).slice(0, 8), [
      'domain',
      'command',
      'answer',
      'question',
      'explanation',
      'certificate',
      'witness',
      'reason',
    ]);
  });

  it('each front-end prints values in its own syntax', () => {
    assert.equal(
      C_SYNTAX.value(point),
      '{.x = -1, .y = 2, .tag = "o\'k\\"", .bytes = {0, 255, 7}, .rest = {{}, 3}}',
    );
    assert.equal(
      PYTHON_SYNTAX.value(point),
      "{'x': -1, 'y': 2, 'tag': 'o\\'k\"', 'bytes': [0, 255, 7], 'rest': [[], 3]}",
    );
    assert.equal(PYTHON_SYNTAX.value(stringValue('a\nb')), "'a\\nb'");
  });

  it('a map reads back from its JSON form, entries by increasing index', () => {
    const m = mapValue(0n, [
      [6n, 1n],
      [5n, 7n],
      [9n, 0n],
    ]);
    const json = valueToJson(m);
    assert.deepEqual(json, {
      kind: 'map',
      default: '0',
      entries: [
        ['5', '7'],
        ['6', '1'],
      ],
    });
    const back = valueFromJson(JSON.parse(JSON.stringify(json)));
    assert.ok(back !== undefined && valueEquals(back, m));
    assert.equal(formatValue(m), '{5: 7, 6: 1, else 0}');
    assert.equal(formatValue(mapValue(-3n)), '{else -3}');
    const big = mapValue(-1n, [[18446744073709551615n, 255n]]);
    const bigBack = valueFromJson(valueToJson(big));
    assert.ok(bigBack !== undefined && valueEquals(bigBack, big));
    // A map inside other values.
    const nested = recordValue([{ name: 'mem', value: m }]);
    const nestedBack = valueFromJson(JSON.parse(JSON.stringify(valueToJson(nested))));
    assert.ok(nestedBack !== undefined && valueEquals(nestedBack, nested));
  });

  it('malformed map JSON is rejected', () => {
    const bad: unknown[] = [
      { kind: 'map' },
      { kind: 'map', default: '0' },
      { kind: 'map', default: 0, entries: [] },
      { kind: 'map', default: 'x', entries: [] },
      { kind: 'map', default: '0', entries: {} },
      { kind: 'map', default: '0', entries: [['1']] },
      { kind: 'map', default: '0', entries: [['1', '2', '3']] },
      { kind: 'map', default: '0', entries: [['1', 2]] },
      { kind: 'map', default: '0', entries: [[1, '2']] },
      { kind: 'map', default: '0', entries: [['-1', '2']] },
      { kind: 'map', default: '0', entries: [['0x1', '2']] },
      { kind: 'map', default: '0', entries: [null] },
      { kind: 'map', default: '0', entries: [{ index: '1', value: '2' }] },
      // Two values for one index.
      {
        kind: 'map',
        default: '0',
        entries: [
          ['1', '2'],
          ['1', '3'],
        ],
      },
    ];
    for (const j of bad) assert.equal(valueFromJson(j), undefined, JSON.stringify(j));
    assert.ok(valueFromJson({ kind: 'map', default: '-4', entries: [] }) !== undefined);
  });

  it('maps are equal iff they agree at every index; an entry equal to the default is absent', () => {
    // Built as objects, not through mapValue, which would drop the entry.
    const explicit: MapValue = { kind: 'map', default: 0n, entries: new Map([[3n, 0n]]) };
    assert.ok(valueEquals(explicit, mapValue(0n)));
    assert.ok(valueEquals(mapValue(0n), explicit));
    assert.deepEqual(valueToJson(explicit), { kind: 'map', default: '0', entries: [] });
    assert.equal(formatValue(explicit), '{else 0}');
    assert.ok(valueEquals(mapValue(1n, [[2n, 5n]]), mapValue(1n, new Map([[2n, 5n]]))));
    assert.ok(!valueEquals(mapValue(1n, [[2n, 5n]]), mapValue(1n, [[2n, 6n]])));
    assert.ok(!valueEquals(mapValue(1n, [[2n, 5n]]), mapValue(1n)));
    assert.ok(!valueEquals(mapValue(1n), mapValue(2n)));
    assert.ok(!valueEquals(mapValue(1n), 1n));
    assert.ok(!valueEquals(mapValue(1n), arrayValue([])));
    assert.ok(!valueEquals(arrayValue([]), mapValue(1n)));
    // Agreement is checked at the indices listed in either map.
    const a: MapValue = { kind: 'map', default: 0n, entries: new Map([[1n, 0n]]) };
    const b: MapValue = { kind: 'map', default: 0n, entries: new Map([[1n, 4n]]) };
    assert.ok(!valueEquals(a, b) && !valueEquals(b, a));
    fc.assert(
      fc.property(maps, maps, (x, y) => {
        const agree = [...new Set([...x.entries.keys(), ...y.entries.keys(), 100n])].every(
          (i) => mapGet(x, i) === mapGet(y, i),
        );
        assert.equal(valueEquals(x, y), agree);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('mapSet returns a new map and never changes the old one', () => {
    const m = mapValue(0n, [[1n, 10n]]);
    const before = JSON.stringify(valueToJson(m));
    const m2 = mapSet(m, 2n, 20n);
    const m3 = mapSet(m2, 1n, 0n);
    assert.equal(JSON.stringify(valueToJson(m)), before);
    assert.equal(mapGet(m, 2n), 0n);
    assert.equal(mapGet(m2, 1n), 10n);
    assert.equal(mapGet(m2, 2n), 20n);
    assert.equal(mapGet(m3, 1n), 0n);
    assert.equal(m3.entries.has(1n), false, 'a value equal to the default is no entry');
    assert.equal(mapGet(m2, 1n), 10n);
    assert.equal(m.entries.size, 1);
    assert.throws(() => mapSet(m, -1n, 0n), /internal error/);
    assert.throws(() => mapValue(0n, [[-1n, 1n]]), /internal error/);
    fc.assert(
      fc.property(
        maps,
        fc.bigInt({ min: 0n, max: 8n }),
        fc.bigInt({ min: -2n, max: 2n }),
        (x, i, v) => {
          const text = JSON.stringify(valueToJson(x));
          const y = mapSet(x, i, v);
          assert.equal(JSON.stringify(valueToJson(x)), text);
          assert.equal(mapGet(y, i), v);
          for (let j = 0n; j <= 8n; j++) if (j !== i) assert.equal(mapGet(y, j), mapGet(x, j));
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});
