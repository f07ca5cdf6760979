/**
 * The value layer (ir/value.ts): values beyond integers — arrays, records,
 * sequences, strings — have one JSON form that reads back exactly, travel
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
  recordValue,
  seqValue,
  stringValue,
  valueEquals,
  valueFromJson,
  valueToJson,
  type Value,
} from '../../src/ir/value.js';
import type { NoVerdict } from '../../src/verdict/verdict.js';

const span = { file: 't.c', startLine: 1, startCol: 1, endLine: 1, endCol: 2 };

/** Values of every kind, nested a few levels deep. */
const values: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
    fc.string({ unit: 'grapheme' }).map(stringValue),
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
});
