/** The position-keeping, non-recursive JSON reader. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatPath,
  fromPlain,
  lineCol,
  LineIndex,
  parseJson,
  toPlain,
} from '../../src/core/json.js';

function plainOf(text: string): unknown {
  const r = parseJson(text);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return toPlain(r.value);
}

function errorOf(text: string): { message: string; line: number; col: number } {
  const r = parseJson(text);
  assert.equal(r.ok, false, `expected a syntax error in ${JSON.stringify(text)}`);
  return r.ok ? { message: '', line: 0, col: 0 } : r.error;
}

describe('parseJson', () => {
  it('reads what JSON.parse reads', () => {
    for (const text of [
      '{}',
      '[]',
      '0',
      '-0.5e-3',
      '"a\\u00e9\\n\\"\\\\\\/"',
      ' { "a" : [ 1 , true , false , null , { } , [ ] ] , "b" : "c" } ',
      '{"__proto__": {"x": 1}}',
      '"\ud83d\ude00"',
    ])
      assert.deepEqual(plainOf(text), JSON.parse(text), text);
  });

  it('keeps number literals as written and positions of values', () => {
    const r = parseJson('{"n": 1.10, "s": "x"}');
    assert.ok(r.ok && r.value.kind === 'object');
    const [n, s] = r.value.members;
    assert.deepEqual(n.value, { kind: 'number', start: 6, end: 10, raw: '1.10' });
    assert.equal(n.keyStart, 1);
    assert.equal(s.value.start, 17);
  });

  it('reports syntax errors with line and column', () => {
    assert.deepEqual(errorOf('{\n  "a": 1,\n  "b": }'), {
      message: 'unexpected character "}": expected a value',
      offset: 19,
      line: 3,
      col: 8,
    });
    assert.equal(errorOf('[1, 2,]').col, 7);
    assert.equal(errorOf('{"a" 1}').message, "expected ':' after the key");
    assert.equal(errorOf('{"a": 1 "b": 2}').message, "expected ',' or '}'");
    assert.equal(errorOf('{"a": 1,}').message, 'expected a key string');
    assert.match(errorOf('"abc').message, /unterminated string/);
    assert.match(errorOf('"a\tb"').message, /control character/);
    assert.match(errorOf('"\\x"').message, /invalid escape/);
    assert.match(errorOf('"\\u12G4"').message, /invalid escape/);
    assert.match(errorOf('01').message, /malformed number/);
    assert.match(errorOf('1.').message, /malformed number/);
    assert.match(errorOf('-').message, /malformed number/);
    assert.match(errorOf('tru').message, /invalid literal/);
    assert.match(errorOf('{} {}').message, /unexpected text after/);
    assert.match(errorOf('').message, /empty document/);
    assert.match(errorOf('   \n ').message, /empty document/);
    assert.match(errorOf('[1, 2').message, /end of input/);
    assert.match(errorOf("{'a': 1}").message, /expected a key string/);
  });

  it('accepts a leading byte-order mark', () => {
    assert.deepEqual(plainOf('\ufeff{"a": 1}'), { a: 1 });
  });

  it('reports duplicate keys with their paths and keeps the first value', () => {
    const r = parseJson('{"S": [{"C": {"StringEquals": {"k": "a"}, "StringEquals": {"k": "b"}}}]}');
    assert.ok(r.ok);
    assert.deepEqual(
      r.duplicates.map((d) => d.path),
      ['S[0].C.StringEquals'],
    );
    assert.deepEqual(toPlain(r.value), { S: [{ C: { StringEquals: { k: 'a' } } }] });
  });

  it('reads 100,000 levels of nesting without recursion', () => {
    const depth = 100_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const r = parseJson(text);
    assert.ok(r.ok);
    let node = r.value;
    let levels = 1;
    while (node.kind === 'array' && node.items.length > 0) {
      node = node.items[0];
      levels++;
    }
    assert.equal(levels, depth);
    assert.ok(Array.isArray(toPlain(r.value)));
    const objects = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    assert.ok(parseJson(objects).ok);
    assert.match(errorOf('['.repeat(depth)).message, /end of input/);
  });

  it('agrees with JSON.parse on every generated JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        assert.deepEqual(plainOf(text), JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the texts JSON.parse accepts', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .tuple(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.nat(),
          fc.constantFrom('', ',', '}', ']', '"', ':', '0', '-', ' ', '\\', 'e'),
        )
        .map(([t, i, s]) => {
          const k = t.length === 0 ? 0 : i % t.length;
          return t.slice(0, k) + s + t.slice(k + 1);
        }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let expected = true;
        try {
          JSON.parse(text);
        } catch {
          expected = false;
        }
        assert.equal(parseJson(text).ok, expected, text);
      }),
      { numRuns: 1000 },
    );
  });

  it('fromPlain and toPlain are inverse on JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.deepEqual(toPlain(fromPlain(value)), JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('positions and paths', () => {
  it('lineCol and LineIndex agree', () => {
    const text = 'ab\ncd\n\nefg';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++)
      assert.deepEqual(index.position(offset), lineCol(text, offset), `offset ${offset}`);
    assert.deepEqual(index.position(3), { line: 2, col: 1 });
  });

  it('formats JSON paths', () => {
    assert.equal(
      formatPath(['Statement', 2, 'Condition', 'StringLikee']),
      'Statement[2].Condition.StringLikee',
    );
    assert.equal(
      formatPath(['Statement', 0, 'Condition', 'ForAnyValue:StringLike', 'aws:TagKeys', 1]),
      'Statement[0].Condition.ForAnyValue:StringLike.aws:TagKeys[1]',
    );
    assert.equal(
      formatPath(['Condition', 'StringEquals', 'accounts.google.com:aud']),
      'Condition.StringEquals["accounts.google.com:aud"]',
    );
    assert.equal(formatPath([]), '');
  });
});

describe('fromPlain', () => {
  it('copies shared references and cuts cycles', () => {
    const shared = ['s3:GetObject'];
    assert.deepEqual(toPlain(fromPlain({ a: shared, b: shared })), { a: shared, b: shared });
    const cyclic: Record<string, unknown> = { x: 1 };
    cyclic.self = cyclic;
    cyclic.list = [cyclic, 2];
    assert.deepEqual(toPlain(fromPlain(cyclic)), { x: 1, self: null, list: [null, 2] });
    assert.deepEqual(toPlain(fromPlain([undefined, () => 1, NaN, 1n])), [null, null, null, null]);
  });
});
