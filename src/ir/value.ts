/**
 * arc's one value layer: what a variable of the IR holds in a concrete run,
 * what a witness gives each input, and what verdicts, replay harnesses and
 * reporters print.
 *
 * A scalar is a plain `bigint` (the IR's convention in ir.ts: a bit-vector
 * value lies in its type's range, a `bool` is 0n or 1n, an `int` is any
 * integer), so the interpreter's arithmetic needs no boxing. Everything else
 * is an immutable tagged object:
 * - `array`: a fixed number of elements (a C array, a struct's array member);
 * - `record`: named fields in declaration order (a C struct, a Python object);
 * - `seq`: a sequence whose length is part of the value (a Python list or
 *   tuple, the contents a C pointer parameter points to);
 * - `string`: text, one JavaScript string of code points.
 *
 * Values have one JSON form (`valueToJson` / `valueFromJson`, exact inverses):
 * a scalar is its decimal string ("-5", as verdicts have always printed it),
 * anything else an object with a `kind`.
 */

export type Value = bigint | ArrayValue | RecordValue | SeqValue | StringValue;

export interface ArrayValue {
  readonly kind: 'array';
  readonly elements: readonly Value[];
}

export interface RecordField {
  readonly name: string;
  readonly value: Value;
}

export interface RecordValue {
  readonly kind: 'record';
  readonly fields: readonly RecordField[];
}

export interface SeqValue {
  readonly kind: 'seq';
  readonly elements: readonly Value[];
}

export interface StringValue {
  readonly kind: 'string';
  readonly value: string;
}

export function arrayValue(elements: readonly Value[]): ArrayValue {
  return { kind: 'array', elements };
}
export function recordValue(fields: readonly RecordField[]): RecordValue {
  return { kind: 'record', fields };
}
export function seqValue(elements: readonly Value[]): SeqValue {
  return { kind: 'seq', elements };
}
export function stringValue(value: string): StringValue {
  return { kind: 'string', value };
}

export function isScalar(v: Value): v is bigint {
  return typeof v === 'bigint';
}

/** The scalar `v`; anything else is an arc bug (the IR is typed), thrown as an internal error. */
export function scalar(v: Value | undefined): bigint {
  if (typeof v === 'bigint') return v;
  throw new Error(`internal error: expected a scalar value, got ${describe(v)}`);
}

function describe(v: Value | undefined): string {
  if (v === undefined) return 'no value';
  return typeof v === 'bigint' ? String(v) : `a ${v.kind}`;
}

export function valueEquals(a: Value, b: Value): boolean {
  if (typeof a === 'bigint' || typeof b === 'bigint') return a === b;
  switch (a.kind) {
    case 'string':
      return b.kind === 'string' && a.value === b.value;
    case 'array':
    case 'seq':
      return (
        b.kind === a.kind &&
        a.elements.length === b.elements.length &&
        a.elements.every((x, i) => valueEquals(x, b.elements[i]))
      );
    case 'record':
      return (
        b.kind === 'record' &&
        a.fields.length === b.fields.length &&
        a.fields.every(
          (f, i) => f.name === b.fields[i].name && valueEquals(f.value, b.fields[i].value),
        )
      );
  }
}

/** A value's JSON form. */
export type JsonValue =
  | string
  | { readonly kind: 'array' | 'seq'; readonly elements: readonly JsonValue[] }
  | {
      readonly kind: 'record';
      readonly fields: readonly { readonly name: string; readonly value: JsonValue }[];
    }
  | { readonly kind: 'string'; readonly value: string };

export function valueToJson(v: Value): JsonValue {
  if (typeof v === 'bigint') return v.toString();
  switch (v.kind) {
    case 'string':
      return { kind: 'string', value: v.value };
    case 'array':
    case 'seq':
      return { kind: v.kind, elements: v.elements.map(valueToJson) };
    case 'record':
      return {
        kind: 'record',
        fields: v.fields.map((f) => ({ name: f.name, value: valueToJson(f.value) })),
      };
  }
}

/** Reads a value back from its JSON form; undefined when `j` is not one. */
export function valueFromJson(j: unknown): Value | undefined {
  if (typeof j === 'string') return /^-?[0-9]+$/.test(j) ? BigInt(j) : undefined;
  if (typeof j !== 'object' || j === null) return undefined;
  const o = j as Record<string, unknown>;
  switch (o['kind']) {
    case 'string':
      return typeof o['value'] === 'string' ? stringValue(o['value']) : undefined;
    case 'array':
    case 'seq': {
      const elements = listOf(o['elements'], valueFromJson);
      if (elements === undefined) return undefined;
      return o['kind'] === 'array' ? arrayValue(elements) : seqValue(elements);
    }
    case 'record': {
      const fields = listOf(o['fields'], (f): RecordField | undefined => {
        if (typeof f !== 'object' || f === null) return undefined;
        const r = f as Record<string, unknown>;
        const value = valueFromJson(r['value']);
        return typeof r['name'] === 'string' && value !== undefined
          ? { name: r['name'], value }
          : undefined;
      });
      return fields === undefined ? undefined : recordValue(fields);
    }
    default:
      return undefined;
  }
}

function listOf<T>(j: unknown, read: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(j)) return undefined;
  const out: T[] = [];
  for (const x of j) {
    const v = read(x);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

/**
 * A language-neutral text of a value: `-5`, `[1, 2]` (seq), `{1, 2}` (array),
 * `{x: 1, y: 2}` (record), `"a\"b"` (string, JSON-escaped). Front-ends print
 * values in their own syntax (see frontends' back-translators); this is the
 * fallback and the form used in logs.
 */
export function formatValue(v: Value): string {
  if (typeof v === 'bigint') return v.toString();
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'seq':
      return `[${v.elements.map(formatValue).join(', ')}]`;
    case 'array':
      return `{${v.elements.map(formatValue).join(', ')}}`;
    case 'record':
      return `{${v.fields.map((f) => `${f.name}: ${formatValue(f.value)}`).join(', ')}}`;
  }
}
