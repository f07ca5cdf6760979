/**
 * C integer types as the C front-end sees them, and the conversion rules of
 * C11: integer promotions (6.3.1.1), usual arithmetic conversions (6.3.1.8)
 * and the types of integer constants (6.4.4.1), for the LP64 and ILP32 data
 * models. Everything here is pure; it never looks at syntax.
 *
 * Guarantees: `promote` and `usualArithmetic` return exactly the type C11
 * prescribes for x86-64 gcc (plain `char` is signed); enums are modelled as
 * gcc does (`unsigned int` unless a constant is negative).
 */
import { boolType, bvType, intType, type Type } from '../../ir/ir.js';

export type DataModel = 'LP64' | 'ILP32';

/** An integer type (including `_Bool`, which has rank 0 and width 1). */
export interface CInt {
  readonly kind: 'int';
  /** Canonical spelling after typedefs: "unsigned int", "_Bool", "enum E". */
  readonly name: string;
  readonly width: number;
  readonly signed: boolean;
  /** Conversion rank: _Bool 0, char 1, short 2, int 3, long 4, long long 5. */
  readonly rank: number;
}
export interface CVoid {
  readonly kind: 'void';
}
/** A type arc cannot model; using a value of it is `unsupported`. */
export interface CUnsupported {
  readonly kind: 'unsupported';
  readonly what: string;
}
/** A pointer; `to` may be `void`, a function type or an incomplete struct. */
export interface CPtr {
  readonly kind: 'ptr';
  readonly to: CType;
}
/**
 * An array of `length` elements; `length` null: of unknown size (a `[]`
 * parameter, an `extern` declaration); `vla`: the size expression of a
 * variable-length array, evaluated at the declaration.
 */
export interface CArray {
  readonly kind: 'array';
  readonly of: CType;
  readonly length: number | null;
  readonly vla?: unknown;
}
export interface CField {
  readonly name: string | null;
  readonly type: CType;
  /** Byte offset in the struct (0 for every member of a union); of a bit-field, its first byte. */
  readonly offset: number;
  /** A bit-field (its `type` is the declared integer type): see `BitField`. */
  readonly bits?: BitField;
}
/**
 * Where a bit-field's bits are: `width` bits starting at bit `bit` (0 to 7,
 * from the least significant) of the byte at the field's offset, continuing
 * into the following bytes, little endian (System V ABI).
 */
export interface BitField {
  readonly bit: number;
  readonly width: number;
}

/** Bytes a bit-field's bits touch, from the byte at its offset. */
export function bitFieldBytes(b: BitField): number {
  return Math.ceil((b.bit + b.width) / 8);
}
/**
 * A struct or union. Shared by reference through its tag, so that a pointer
 * member may refer to its own struct: `fields` is null until the definition
 * is read (an incomplete type).
 */
export interface CStruct {
  readonly kind: 'struct';
  readonly union: boolean;
  readonly tag: string;
  fields: readonly CField[] | null;
  size: number;
  align: number;
}
export interface CFunc {
  readonly kind: 'func';
  readonly ret: CType;
  readonly params: readonly CType[];
  readonly variadic: boolean;
}
export type CType = CInt | CVoid | CUnsupported | CPtr | CArray | CStruct | CFunc;
/** The types whose values the front-end holds in one IR scalar. */
export type CScalar = CInt | CPtr;

export function ptrTo(to: CType): CPtr {
  return { kind: 'ptr', to };
}

export function isScalarC(t: CType): t is CScalar {
  return t.kind === 'int' || t.kind === 'ptr';
}

/** Spelling of a type for messages and witnesses: "int *", "struct node", "char [8]". */
export function typeText(t: CType): string {
  switch (t.kind) {
    case 'int':
      return t.name;
    case 'void':
      return 'void';
    case 'unsupported':
      return t.what;
    case 'ptr':
      return t.to.kind === 'func' ? `${typeText(t.to.ret)} (*)(…)` : `${typeText(t.to)} *`;
    case 'array':
      return `${typeText(t.of)} [${t.length ?? ''}]`;
    case 'struct':
      return `${t.union ? 'union' : 'struct'} ${t.tag}`;
    case 'func':
      return `${typeText(t.ret)} (${t.params.map(typeText).join(', ')}${t.variadic ? ', ...' : ''})`;
  }
}

/** Bytes of a pointer in the data model. */
export function pointerBytes(model: DataModel): number {
  return model === 'LP64' ? 8 : 4;
}

/**
 * Size in bytes (C11 6.5.3.4) and alignment of a complete object type, as
 * gcc lays it out on x86-64 (LP64) or i386 (ILP32: `long long` aligned to 4
 * in structs, as the System V i386 ABI says); null for an incomplete type,
 * a function or an unsupported type. A variable-length array has no static size.
 */
export function layoutOf(t: CType, model: DataModel): { size: number; align: number } | null {
  switch (t.kind) {
    case 'int': {
      const size = isBool(t) ? 1 : t.width / 8;
      return { size, align: model === 'ILP32' && size === 8 ? 4 : size };
    }
    case 'ptr':
      return { size: pointerBytes(model), align: pointerBytes(model) };
    case 'array': {
      if (t.length === null || t.vla !== undefined) return null;
      const e = layoutOf(t.of, model);
      return e === null ? null : { size: e.size * t.length, align: e.align };
    }
    case 'struct':
      return t.fields === null ? null : { size: t.size, align: t.align };
    case 'void':
    case 'func':
    case 'unsupported':
      return null;
  }
}

export const voidT: CVoid = { kind: 'void' };

function mk(name: string, width: number, signed: boolean, rank: number): CInt {
  return { kind: 'int', name, width, signed, rank };
}

/** The standard integer types of one data model. */
export interface IntTypes {
  readonly bool: CInt;
  readonly char: CInt;
  readonly schar: CInt;
  readonly uchar: CInt;
  readonly short: CInt;
  readonly ushort: CInt;
  readonly int: CInt;
  readonly uint: CInt;
  readonly long: CInt;
  readonly ulong: CInt;
  readonly llong: CInt;
  readonly ullong: CInt;
}

export function intTypes(model: DataModel): IntTypes {
  const lw = model === 'LP64' ? 64 : 32;
  return {
    bool: mk('_Bool', 1, false, 0),
    char: mk('char', 8, true, 1),
    schar: mk('signed char', 8, true, 1),
    uchar: mk('unsigned char', 8, false, 1),
    short: mk('short', 16, true, 2),
    ushort: mk('unsigned short', 16, false, 2),
    int: mk('int', 32, true, 3),
    uint: mk('unsigned int', 32, false, 3),
    long: mk('long', lw, true, 4),
    ulong: mk('unsigned long', lw, false, 4),
    llong: mk('long long', 64, true, 5),
    ullong: mk('unsigned long long', 64, false, 5),
  };
}

export function isBool(t: CInt): boolean {
  return t.rank === 0;
}

/** A same-rank type of the other signedness (for usual arithmetic conversions). */
function unsignedOf(t: CInt, T: IntTypes): CInt {
  switch (t.rank) {
    case 1:
      return T.uchar;
    case 2:
      return T.ushort;
    case 3:
      return T.uint;
    case 4:
      return T.ulong;
    default:
      return T.ullong;
  }
}

/** Integer promotions (C11 6.3.1.1p2): ranks below int become int (all fit in int here). */
export function promote(t: CInt, T: IntTypes): CInt {
  if (t.rank < 3) return T.int;
  if (t.rank === 3 && t.width === 32) return t.signed ? T.int : T.uint;
  return t;
}

/** Usual arithmetic conversions (C11 6.3.1.8p1) of two integer operands. */
export function usualArithmetic(a0: CInt, b0: CInt, T: IntTypes): CInt {
  const a = promote(a0, T);
  const b = promote(b0, T);
  if (a.name === b.name) return a;
  if (a.signed === b.signed) return a.rank >= b.rank ? a : b;
  const [u, s] = a.signed ? [b, a] : [a, b];
  if (u.rank >= s.rank) return u;
  if (s.width > u.width) return s;
  return unsignedOf(s, T);
}

/** The IR type of a C integer type (`int` under mathematical semantics). */
export function irTypeOf(t: CInt, math: boolean): Type {
  if (isBool(t)) return boolType;
  if (math) return intType;
  return bvType(t.width, t.signed);
}

/** Range of a C integer type. */
export function cRange(t: CInt): { min: bigint; max: bigint } {
  if (isBool(t)) return { min: 0n, max: 1n };
  const w = BigInt(t.width);
  return t.signed
    ? { min: -(1n << (w - 1n)), max: (1n << (w - 1n)) - 1n }
    : { min: 0n, max: (1n << w) - 1n };
}

function fits(v: bigint, t: CInt): boolean {
  const r = cRange(t);
  return v >= r.min && v <= r.max;
}

export type ConstantResult =
  | { readonly ok: true; readonly value: bigint; readonly type: CInt }
  | { readonly ok: false; readonly reason: string };

/** Parses a C integer constant ("0x1fUL", "017", "42u", "0b101") and gives its C type (6.4.4.1p5). */
export function integerConstant(text: string, T: IntTypes): ConstantResult {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(
    text.replace(/'/g, ''),
  );
  if (!m) return { ok: false, reason: `the constant ${text}` };
  const digits = m[1];
  const suffix = m[2].toLowerCase();
  const value =
    digits.length > 1 && digits[0] === '0' && /[0-7]/.test(digits[1])
      ? BigInt('0o' + digits.slice(1))
      : BigInt(digits);
  const isDecimal = digits[0] !== '0';
  const candidates = constantCandidates(suffix, isDecimal, T);
  if (!candidates) return { ok: false, reason: `the integer suffix "${m[2]}"` };
  for (const c of candidates) if (fits(value, c)) return { ok: true, value, type: c };
  return { ok: false, reason: `the constant ${text}, too large for any standard integer type` };
}

function constantCandidates(suffix: string, decimal: boolean, T: IntTypes): CInt[] | null {
  switch (suffix) {
    case '':
      return decimal
        ? [T.int, T.long, T.llong]
        : [T.int, T.uint, T.long, T.ulong, T.llong, T.ullong];
    case 'u':
      return [T.uint, T.ulong, T.ullong];
    case 'l':
      return decimal ? [T.long, T.llong] : [T.long, T.ulong, T.llong, T.ullong];
    case 'ul':
    case 'lu':
      return [T.ulong, T.ullong];
    case 'll':
      return decimal ? [T.llong] : [T.llong, T.ullong];
    case 'ull':
    case 'llu':
      return [T.ullong];
    default:
      return null;
  }
}

/** Types named by a single identifier: tree-sitter's primitive types and common typedefs. */
export function namedIntType(name: string, T: IntTypes, model: DataModel): CInt | null {
  const lp = model === 'LP64';
  const table: Record<string, CInt> = {
    char: T.char,
    int: T.int,
    bool: T.bool,
    _Bool: T.bool,
    int8_t: T.schar,
    uint8_t: T.uchar,
    int16_t: T.short,
    uint16_t: T.ushort,
    int32_t: T.int,
    uint32_t: T.uint,
    int64_t: lp ? T.long : T.llong,
    uint64_t: lp ? T.ulong : T.ullong,
    size_t: lp ? T.ulong : T.uint,
    ssize_t: lp ? T.long : T.int,
    ptrdiff_t: lp ? T.long : T.int,
    intptr_t: lp ? T.long : T.int,
    uintptr_t: lp ? T.ulong : T.uint,
    intmax_t: lp ? T.long : T.llong,
    uintmax_t: lp ? T.ulong : T.ullong,
  };
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : null;
}

/** Resolves a list of integer type keywords ("unsigned", "long", "long", "int"). */
export function keywordIntType(words: readonly string[], T: IntTypes): CInt | null {
  let signed: boolean | null = null;
  let longs = 0;
  let base: string | null = null;
  for (const w of words) {
    if (w === 'signed') signed = true;
    else if (w === 'unsigned') signed = false;
    else if (w === 'long') longs++;
    else if (w === 'short' || w === 'char' || w === 'int') {
      if (base !== null && !(base === 'short' && w === 'int')) return null;
      if (base !== 'short') base = w;
    } else return null;
  }
  if (base === 'char') {
    if (longs > 0) return null;
    return signed === null ? T.char : signed ? T.schar : T.uchar;
  }
  if (base === 'short') return longs > 0 ? null : signed === false ? T.ushort : T.short;
  if (longs === 0) return signed === false ? T.uint : T.int;
  if (longs === 1) return signed === false ? T.ulong : T.long;
  if (longs === 2) return signed === false ? T.ullong : T.llong;
  return null;
}
