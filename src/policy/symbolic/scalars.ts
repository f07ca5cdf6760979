/**
 * Mirrors `../scalars.ts`: how a request value of a typed key is read.
 *
 * - Numbers (`parseDecimal`, `compareDecimal`): a key's numeric value is an
 *   Int `n` meaning `n × 10^-s`, where `s` is one more than the largest
 *   number of decimals among the policy constants compared with that key.
 *   Only the order of the request value relative to the constants matters,
 *   and at that scale every gap between two distinct constants holds at
 *   least nine integers, so every order position a decimal can take is
 *   taken by an integer: exact for every question. (A concrete request
 *   value with more decimals is represented by the integer in the same
 *   position; the witness text is `n e-s`, which `parseDecimal` reads.)
 * - Dates (`parseDate`): an Int of epoch milliseconds, within the values
 *   `parseDate` can return: whole seconds up to 10^15 − 1 either way, or a
 *   UTC time in the years 0000–9999 (a witness prints the first as epoch
 *   seconds, the second as ISO 8601). Left out: the at most 24 hours
 *   before 0000-01-01 and after 9999-12-31 that only a time-zone offset
 *   reaches with a fraction of a second.
 * - Booleans (`parseBool`): `true`/`false` in any case, as a regular
 *   language over the key's text (so a Bool key is an ordinary String key).
 * - Binary (`parseBase64`): the bytes as lower-case hex text; the witness
 *   prints them in base 64.
 * - A value that cannot be read for its operator (rule 8 of
 *   conditions.ts) is the `unreadable` flag of a typed element; its witness
 *   text is `not-a-value`, which no typed reader accepts.
 */
import {
  and,
  eq,
  intBinary,
  intCompare,
  intConst,
  or,
  reConcat,
  reRange,
  reStar,
  reUnion,
  type Term,
} from '../../smt/index.js';
import type { Decimal } from '../scalars.js';

export const UNREADABLE_TEXT = 'not-a-value';

/** The number of decimals of a decimal (0 for integers). */
export function decimals(d: Decimal): number {
  return Math.max(0, -d.exponent);
}

/** The integer `d × 10^scale` (exact when `scale ≥ decimals(d)`). */
export function scaled(d: Decimal, scale: number): bigint {
  const e = d.exponent + scale;
  if (e < 0) throw new Error('internal error: decimal finer than its scale');
  return d.coefficient * 10n ** BigInt(e);
}

/** The text of `n × 10^-scale`, readable by `parseDecimal`. */
export function decimalText(n: bigint, scale: number): string {
  return scale === 0 ? `${n}` : `${n}e-${scale}`;
}

const MS = 1000n;
const MAX_EPOCH_SECONDS = 10n ** 15n - 1n;
const YEAR_0 = (() => {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(0);
  return BigInt(d.getTime());
})();
const YEAR_10000 = (() => {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(10000);
  return BigInt(d.getTime());
})();

/** The Int `ms` is a value `parseDate` can return (see the module comment). */
export function dateDomain(ms: Term): Term {
  const between = (lo: bigint, hi: bigint) =>
    and(intCompare('<=', intConst(lo), ms), intCompare('<', ms, intConst(hi)));
  return or(
    between(YEAR_0, YEAR_10000),
    and(
      eq(intBinary('mod', ms, intConst(MS)), intConst(0n)),
      between(-MAX_EPOCH_SECONDS * MS, MAX_EPOCH_SECONDS * MS + 1n),
    ),
  );
}

/** The text of a date the model chose, readable by `parseDate`. */
export function dateText(ms: bigint): string {
  if (ms % MS === 0n) return `${ms / MS}`;
  // Years 0000–9999 print with four digits and a `Z` zone.
  return new Date(Number(ms)).toISOString();
}

function caseless(word: string): Term {
  return reConcat(
    ...[...word].map((c) => reUnion(reRange(c, c), reRange(c.toUpperCase(), c.toUpperCase()))),
  );
}

/** The texts `parseBool` reads as `value`. */
export function boolRegex(value: boolean): Term {
  return caseless(value ? 'true' : 'false');
}

/** Lower-case hex text of whole bytes. */
export function hexRegex(): Term {
  const digit = reUnion(reRange('0', '9'), reRange('a', 'f'));
  return reStar(reConcat(digit, digit));
}

/** Base-64 text of the bytes written as hex. */
export function binaryText(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}
