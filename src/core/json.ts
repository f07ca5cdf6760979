/**
 * A JSON reader that keeps source positions and never recurses (the base
 * layer: it imports nothing of arc; IAM policies and VPC snapshots are both
 * read with it).
 *
 * `JSON.parse` would be enough to read a document, but it cannot say where a
 * value came from, it silently keeps the last of two equal keys (a policy with
 * two `"StringEquals"` blocks in one `Condition` loses the first one), and the
 * position in its error message differs between Node versions. This reader
 * accepts exactly RFC 8259 JSON (plus a leading byte-order mark), keeps the
 * offset of every value, reports every duplicate key, and uses an explicit
 * stack, so a 10 MB document or one nested 100,000 levels deep cannot
 * overflow the call stack.
 *
 * Guarantees: `parseJson(text).ok` is true exactly when `JSON.parse(text)`
 * succeeds (up to the byte-order mark), and then `toPlain` of the result equals
 * `JSON.parse(text)` except that duplicate keys keep their first value here.
 */

/** A JSON value with its source range (`start`/`end` are UTF-16 offsets; -1 when built from a plain value). */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

interface JsonBase {
  readonly start: number;
  readonly end: number;
}
export interface JsonObject extends JsonBase {
  readonly kind: 'object';
  /** Members in source order; a duplicate key appears once (its first occurrence). */
  readonly members: readonly JsonMember[];
}
export interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly value: JsonNode;
}
export interface JsonArray extends JsonBase {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
}
export interface JsonString extends JsonBase {
  readonly kind: 'string';
  readonly value: string;
}
export interface JsonNumber extends JsonBase {
  readonly kind: 'number';
  /** The literal as written (so `1.10` keeps its digits). */
  readonly raw: string;
}
export interface JsonBoolean extends JsonBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface JsonNull extends JsonBase {
  readonly kind: 'null';
}

/** A key that occurs twice in one object; `path` is the JSON path of the second occurrence. */
export interface DuplicateKey {
  readonly key: string;
  readonly offset: number;
  readonly path: string;
}

export interface JsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly col: number;
}

export type JsonParseResult =
  | { readonly ok: true; readonly value: JsonNode; readonly duplicates: readonly DuplicateKey[] }
  | { readonly ok: false; readonly error: JsonSyntaxError };

/** 1-based line and column (in UTF-16 code units) of an offset in `text`. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const limit = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < limit; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: limit - lineStart + 1 };
}

/** Line starts of a text, for repeated offset → line:col look-ups in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.starts.push(i + 1);
  }

  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }
}

/** Renders a JSON path segment list: `Statement[2].Condition.StringLike["a.b"]`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_:\-/*]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

interface ObjectFrame {
  readonly kind: 'object';
  readonly start: number;
  readonly members: JsonMember[];
  /** Keys seen so far, built only for large objects (small ones are scanned). */
  seen: Set<string> | undefined;
  key: string | undefined;
  keyStart: number;
  /** false while the current key (if any) is a duplicate: its value is read and dropped. */
  keep: boolean;
}
interface ArrayFrame {
  readonly kind: 'array';
  readonly start: number;
  readonly items: JsonNode[];
}
type Frame = ObjectFrame | ArrayFrame;

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

/** Has the object already a member `key`? Keeps `seen` in step with `members`. */
function hasKey(frame: ObjectFrame, key: string): boolean {
  const members = frame.members;
  if (frame.seen === undefined && members.length < 16) {
    for (const m of members) if (m.key === key) return true;
    return false;
  }
  if (frame.seen === undefined) frame.seen = new Set(members.map((m) => m.key));
  else for (let i = frame.seen.size; i < members.length; i++) frame.seen.add(members[i].key);
  return frame.seen.has(key);
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Parses JSON text. Never throws; an error carries the offset and line:col of the first problem. */
export function parseJson(text: string): JsonParseResult {
  try {
    return new Reader(text).read();
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      const { line, col } = lineCol(text, e.offset);
      return { ok: false, error: { message: e.message, offset: e.offset, line, col } };
    }
    throw e;
  }
}

class Reader {
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly duplicates: DuplicateKey[] = [];

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  read(): JsonParseResult {
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.fail('empty document: expected a JSON value');
    // A scalar (or an empty container) is attached to the container on top of
    // the stack; attaching either reads the next sibling's first scalar or
    // closes the container, which is then attached one level up.
    let node: JsonNode = this.readValueOrOpen();
    for (let parent = this.top(); parent !== undefined; parent = this.top())
      node = this.attach(parent, node);
    const root = node;
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return { ok: true, value: root, duplicates: this.duplicates };
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /**
   * Opens containers (pushing a frame each) until it reads a scalar or an
   * empty container, which it returns.
   */
  private readValueOrOpen(): JsonNode {
    for (;;) {
      this.skipWhitespace();
      const start = this.pos;
      const c = this.text[this.pos];
      if (c === '{') {
        this.pos++;
        this.skipWhitespace();
        if (this.text[this.pos] === '}') {
          this.pos++;
          return { kind: 'object', start, end: this.pos, members: [] };
        }
        const frame: ObjectFrame = {
          kind: 'object',
          start,
          members: [],
          seen: undefined,
          key: undefined,
          keyStart: -1,
          keep: true,
        };
        this.stack.push(frame);
        this.readKey(frame);
        continue;
      }
      if (c === '[') {
        this.pos++;
        this.skipWhitespace();
        if (this.text[this.pos] === ']') {
          this.pos++;
          return { kind: 'array', start, end: this.pos, items: [] };
        }
        this.stack.push({ kind: 'array', start, items: [] });
        continue;
      }
      return this.readScalar();
    }
  }

  /** The JSON path of `key` in the innermost open object (the stack is the path; built only on demand). */
  private pathOf(key: string): string {
    const segments: (string | number)[] = [];
    for (let i = 0; i < this.stack.length - 1; i++) {
      const f = this.stack[i];
      segments.push(f.kind === 'object' ? (f.key ?? '') : f.items.length);
    }
    segments.push(key);
    return formatPath(segments);
  }

  /** Adds a finished value to its container; returns the next value to attach. */
  private attach(frame: Frame, value: JsonNode): JsonNode {
    if (frame.kind === 'object') {
      if (frame.keep && frame.key !== undefined)
        frame.members.push({ key: frame.key, keyStart: frame.keyStart, value });
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.readKey(frame);
        return this.readValueOrOpen();
      }
      if (c === '}') {
        this.pos++;
        this.stack.pop();
        return { kind: 'object', start: frame.start, end: this.pos, members: frame.members };
      }
      return this.fail(
        c === undefined ? 'unexpected end of input inside an object' : "expected ',' or '}'",
      );
    }
    frame.items.push(value);
    this.skipWhitespace();
    const c = this.text[this.pos];
    if (c === ',') {
      this.pos++;
      return this.readValueOrOpen();
    }
    if (c === ']') {
      this.pos++;
      this.stack.pop();
      return { kind: 'array', start: frame.start, end: this.pos, items: frame.items };
    }
    return this.fail(
      c === undefined ? 'unexpected end of input inside an array' : "expected ',' or ']'",
    );
  }

  private readKey(frame: ObjectFrame): void {
    this.skipWhitespace();
    if (this.text[this.pos] !== '"')
      this.fail(this.pos >= this.text.length ? 'unexpected end of input' : 'expected a key string');
    const keyStart = this.pos;
    const key = this.readString();
    this.skipWhitespace();
    if (this.text[this.pos] !== ':') this.fail("expected ':' after the key");
    this.pos++;
    frame.key = key;
    frame.keyStart = keyStart;
    frame.keep = !hasKey(frame, key);
    if (!frame.keep) this.duplicates.push({ key, offset: keyStart, path: this.pathOf(key) });
  }

  private readScalar(): JsonNode {
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '"') {
      const value = this.readString();
      return { kind: 'string', start, end: this.pos, value };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.readNumber();
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { ...node, start, end: this.pos };
      }
    }
    if (c === undefined) return this.fail('unexpected end of input: expected a value');
    if (/[a-z]/i.test(c))
      return this.fail('invalid literal: expected a string, a number, true, false or null');
    return this.fail(`unexpected character ${JSON.stringify(c)}: expected a value`);
  }

  private readNumber(): JsonNumber {
    const start = this.pos;
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = start;
    const m = match.exec(this.text);
    if (m === null) return this.fail('malformed number');
    this.pos = start + m[0].length;
    const next = this.text[this.pos];
    if (next !== undefined && /[0-9.eE+\-A-Za-z]/.test(next)) this.fail('malformed number');
    return { kind: 'number', start, end: this.pos, raw: m[0] };
  }

  /** Reads a string literal starting at the opening quote; returns its value. */
  private readString(): string {
    const text = this.text;
    const open = this.pos;
    let i = open + 1;
    let out = '';
    let chunkStart = i;
    for (;;) {
      if (i >= text.length) this.fail('unterminated string', open);
      const code = text.charCodeAt(i);
      if (code === 0x22) break;
      if (code < 0x20) this.fail('control character in string (escape it)', i);
      if (code !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(chunkStart, i);
      const e = text[i + 1];
      const simple = e === undefined ? undefined : SIMPLE_ESCAPES.get(e);
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        this.fail('invalid escape sequence', i);
      }
      chunkStart = i;
    }
    out += text.slice(chunkStart, i);
    this.pos = i + 1;
    return out;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.pos = i;
  }

  private fail(message: string, offset = this.pos): never {
    throw new SyntaxFailure(message, offset);
  }
}

/**
 * Builds a `JsonNode` from a plain JavaScript value (as `JSON.parse` returns),
 * without recursion. Positions are -1. Values JSON cannot hold (functions,
 * `undefined`, non-finite numbers, bigints, symbols) become `null`, as
 * `JSON.stringify` would write them in an array; so does a reference back
 * to an enclosing object (a cycle). Shared, acyclic references are copied.
 */
export function fromPlain(value: unknown): JsonNode {
  type Work =
    | { readonly enter: unknown; readonly assign: (node: JsonNode) => void }
    | { readonly exit: object };
  let root: JsonNode = { kind: 'null', start: -1, end: -1 };
  const work: Work[] = [{ enter: value, assign: (n) => (root = n) }];
  // The objects on the current path from the root: depth-first order with
  // exit markers tells a cycle from a shared reference.
  const open = new Set<object>();
  const nullNode: JsonNode = { kind: 'null', start: -1, end: -1 };
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if ('exit' in item) {
      open.delete(item.exit);
      continue;
    }
    const v = item.enter;
    if (typeof v === 'string') item.assign({ kind: 'string', start: -1, end: -1, value: v });
    else if (typeof v === 'number' && Number.isFinite(v))
      item.assign({ kind: 'number', start: -1, end: -1, raw: String(v) });
    else if (typeof v === 'boolean') item.assign({ kind: 'boolean', start: -1, end: -1, value: v });
    else if (typeof v === 'object' && v !== null && !open.has(v)) {
      open.add(v);
      work.push({ exit: v });
      if (Array.isArray(v)) {
        const items: JsonNode[] = new Array<JsonNode>(v.length).fill(nullNode);
        item.assign({ kind: 'array', start: -1, end: -1, items });
        v.forEach((x: unknown, i) => work.push({ enter: x, assign: (n) => (items[i] = n) }));
      } else {
        const members: JsonMember[] = Object.keys(v).map((key) => ({
          key,
          keyStart: -1,
          value: nullNode,
        }));
        item.assign({ kind: 'object', start: -1, end: -1, members });
        members.forEach(({ key }, i) =>
          work.push({
            enter: (v as Record<string, unknown>)[key],
            assign: (n) => (members[i] = { key, keyStart: -1, value: n }),
          }),
        );
      }
    } else item.assign(nullNode);
  }
  return root;
}

/** The plain JavaScript value of a node (as `JSON.parse` would build it), without recursion. */
export function toPlain(node: JsonNode): unknown {
  let root: unknown = null;
  const work: { node: JsonNode; assign: (v: unknown) => void }[] = [
    { node, assign: (v) => (root = v) },
  ];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const n = item.node;
    switch (n.kind) {
      case 'string':
      case 'boolean':
        item.assign(n.value);
        break;
      case 'number':
        item.assign(Number(n.raw));
        break;
      case 'null':
        item.assign(null);
        break;
      case 'array': {
        const out: unknown[] = new Array<unknown>(n.items.length);
        item.assign(out);
        n.items.forEach((x, i) => work.push({ node: x, assign: (v) => (out[i] = v) }));
        break;
      }
      case 'object': {
        const out: Record<string, unknown> = {};
        item.assign(out);
        // defineProperty, not assignment: a "__proto__" key must stay an own property.
        for (const m of n.members)
          work.push({
            node: m.value,
            assign: (v) =>
              Object.defineProperty(out, m.key, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              }),
          });
        break;
      }
    }
  }
  return root;
}
