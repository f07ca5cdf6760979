/**
 * The non-string values of condition operators: numbers, dates, booleans
 * and binary values, read the same way from a policy and from a request.
 *
 * Source: "IAM JSON policy elements: Condition operators".
 * - Numeric operators compare "an integer or decimal value". Numbers are
 *   kept exact (a decimal coefficient and a power of ten), so `1.10` equals
 *   `1.1` and no binary rounding creeps in; an exponent (`1e3`) is accepted
 *   because JSON numbers may carry one.
 * - Date operators take "one of the W3C implementations of the ISO 8601
 *   date formats or … epoch (UNIX) time". We accept `YYYY-MM-DD`,
 *   `YYYY-MM-DDThh:mmTZD`, `YYYY-MM-DDThh:mm:ssTZD` and
 *   `YYYY-MM-DDThh:mm:ss.sTZD` (TZD is `Z` or `±hh:mm`), and an integer
 *   number of seconds since the epoch. A string of digits is always epoch
 *   seconds (so the W3C year-only forms `YYYY` and `YYYY-MM` are not
 *   accepted: `2024` would be ambiguous). Times are compared in
 *   milliseconds; digits below the millisecond are ignored.
 * - `Bool` compares `true`/`false`, ignoring case.
 * - `BinaryEquals` compares bytes; the policy holds them base-64 encoded,
 *   and so does a request value here.
 */

/** An exact decimal: `coefficient × 10^exponent`. */
export interface Decimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const DECIMAL = /^([+-]?)(?:([0-9]+)(?:\.([0-9]*))?|\.([0-9]+))(?:[eE]([+-]?[0-9]{1,6}))?$/;

export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text.trim() === text ? text : '');
  if (m === null) return undefined;
  const [, sign, intPart, fracPart, onlyFrac, exp] = m;
  const integer = intPart ?? '';
  const fraction = fracPart ?? onlyFrac ?? '';
  const digits = `${integer}${fraction}`;
  const magnitude = BigInt(digits === '' ? '0' : digits);
  return {
    coefficient: sign === '-' ? -magnitude : magnitude,
    exponent: Number(exp ?? '0') - fraction.length,
  };
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const e = Math.min(a.exponent, b.exponent);
  const scale = (d: Decimal) => d.coefficient * 10n ** BigInt(d.exponent - e);
  const x = scale(a);
  const y = scale(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const W3C_DATE =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$/;

/** Milliseconds since the epoch, or undefined when the text is no date. */
export function parseDate(text: string): number | undefined {
  if (/^-?[0-9]{1,15}$/.test(text)) return Number(text) * 1000;
  const m = W3C_DATE.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? '0');
  const minute = Number(mi ?? '0');
  const second = Number(s ?? '0');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Date.UTC maps years 0–99 to 1900–1999; set the year separately.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year);
  return date.getTime() - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** `true`/`false` in any case, else undefined. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of a standard base-64 text (padding required), as lower-case hex; else undefined. */
export function parseBase64(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined;
  return Buffer.from(text, 'base64').toString('hex');
}
