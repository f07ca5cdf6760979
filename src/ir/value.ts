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
 * - `string`: text, one JavaScript string of code points;
 * - `map`: a total function from unsigned bit-vector indices to scalars,
 *   given by a default and finitely many explicit entries (an SMT array, the
 *   C front-end's model of memory). Two maps are equal when they agree at
 *   every index; an entry equal to the default counts as absent, and the
 *   constructors drop such entries, so every map has one canonical form.
 *
 * Values have one JSON form (`valueToJson` / `valueFromJson`, exact inverses):
 * a scalar is its decimal string ("-5", as verdicts have always printed it),
 * anything else an object with a `kind`.
 */

export type Value = bigint | ArrayValue | RecordValue | SeqValue | StringValue | MapValue;

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

export interface MapValue {
  readonly kind: 'map';
  /** The value at every index not listed. */
  readonly default: bigint;
  /** Explicit entries, index → value; indices are unsigned bit-vector values (≥ 0). */
  readonly entries: ReadonlyMap<bigint, bigint>;
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

/**
 * The map that is `def` everywhere except at the indices of `entries`
 * (a later entry for the same index wins, as in `new Map`). Entries equal to
 * the default are dropped; a negative index is an arc bug, thrown as an
 * internal error.
 */
export function mapValue(
  def: bigint,
  entries: ReadonlyMap<bigint, bigint> | Iterable<readonly [bigint, bigint]> = [],
): MapValue {
  const m = new Map<bigint, bigint>();
  for (const [i, x] of entries) {
    checkIndex(i);
    if (x === def) m.delete(i);
    else m.set(i, x);
  }
  return { kind: 'map', default: def, entries: m };
}

/** The value of map `m` at `index`. */
export function mapGet(m: MapValue, index: bigint): bigint {
  return m.entries.get(index) ?? m.default;
}

/** Map `m` with `value` at `index` (a new map: `m` is not changed). */
export function mapSet(m: MapValue, index: bigint, value: bigint): MapValue {
  checkIndex(index);
  const entries = new Map(m.entries);
  if (value === m.default) entries.delete(index);
  else entries.set(index, value);
  return { kind: 'map', default: m.default, entries };
}

function checkIndex(i: bigint): void {
  if (i < 0n) throw new Error(`internal error: negative map index ${i}`);
}

/** The explicit entries of `m` that differ from its default, by increasing index. */
function mapEntries(m: MapValue): [bigint, bigint][] {
  return [...m.entries]
    .filter(([, x]) => x !== m.default)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
    case 'map': {
      if (b.kind !== 'map' || a.default !== b.default) return false;
      for (const i of a.entries.keys()) if (mapGet(a, i) !== mapGet(b, i)) return false;
      for (const i of b.entries.keys()) if (mapGet(a, i) !== mapGet(b, i)) return false;
      return true;
    }
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
  | { readonly kind: 'string'; readonly value: string }
  | {
      readonly kind: 'map';
      readonly default: string;
      /** [index, value] pairs by increasing index, none equal to the default. */
      readonly entries: readonly (readonly [string, string])[];
    };

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
    case 'map':
      return {
        kind: 'map',
        default: v.default.toString(),
        entries: mapEntries(v).map(([i, x]) => [i.toString(), x.toString()] as const),
      };
  }
}

/** Reads a value back from its JSON form; undefined when `j` is not one. */
export function valueFromJson(j: unknown): Value | undefined {
  if (typeof j === 'string') return scalarFromJson(j);
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
    case 'map': {
      const def = scalarFromJson(o['default']);
      const entries = listOf(o['entries'], (e): [bigint, bigint] | undefined => {
        if (!Array.isArray(e) || e.length !== 2) return undefined;
        const i = scalarFromJson(e[0]);
        const x = scalarFromJson(e[1]);
        return i !== undefined && i >= 0n && x !== undefined ? [i, x] : undefined;
      });
      // Two entries for one index would make the value ambiguous.
      if (def === undefined || entries === undefined) return undefined;
      if (new Set(entries.map(([i]) => i)).size !== entries.length) return undefined;
      return mapValue(def, entries);
    }
    default:
      return undefined;
  }
}

/** A scalar's JSON form (a decimal string), else undefined. */
function scalarFromJson(j: unknown): bigint | undefined {
  return typeof j === 'string' && /^-?[0-9]+$/.test(j) ? BigInt(j) : undefined;
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
 * `{x: 1, y: 2}` (record), `"a\"b"` (string, JSON-escaped), `{5: 7, 6: 1, else 0}`
 * (map: its entries by increasing index, then the default). Front-ends print
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
    case 'map':
      return `{${mapEntries(v)
        .map(([i, x]) => `${i}: ${x}, `)
        .join('')}else ${v.default}}`;
  }
}
