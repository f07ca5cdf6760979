/**
 * Number and duration formatting for the testing baseline, and the
 * article's figures. Pure functions; years are 365 days (the article's
 * "about 1,360 years" for 2^64 calls at 430 million a second).
 */

/** The article's measured speed of its exhaustive test loop. */
export const ARTICLE_CALLS_PER_SECOND = 430_000_000;

/** The call count the article quotes: UINT_MAX², i.e. (2^32 − 1)². */
export const ARTICLE_QUOTED_CALLS = (2n ** 32n - 1n) ** 2n;

const SECONDS_PER_YEAR = 365 * 24 * 3600;

/** `18446744073709551616n` → `"18,446,744,073,709,551,616"`. */
export function formatBigInt(n: bigint): string {
  const sign = n < 0n ? '-' : '';
  const digits = (n < 0n ? -n : n).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Seconds an exhaustive run of `inputSpace` calls takes at `callsPerSecond` (Infinity at speed 0). */
export function exhaustiveSeconds(inputSpace: bigint, callsPerSecond: number): number {
  return callsPerSecond > 0 ? Number(inputSpace) / callsPerSecond : Infinity;
}

function plural(n: number, unit: string): string {
  return `${n === 1 ? '1' : formatBigInt(BigInt(n))} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A duration in human units: "350 ms", "12.5 seconds", "42 minutes",
 * "5.2 hours", "19 days", "1,360 years"; huge spans in years with an exponent.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'forever';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${round1(seconds)} seconds`;
  if (seconds < 7200) return plural(Math.round(seconds / 60), 'minute');
  if (seconds < 2 * 86400) return `${round1(seconds / 3600)} hours`;
  if (seconds < 2 * SECONDS_PER_YEAR) return plural(Math.round(seconds / 86400), 'day');
  const years = seconds / SECONDS_PER_YEAR;
  if (years < 1e15) return plural(Math.round(years), 'year');
  return `${years.toExponential(2)} years`;
}

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** Years (365 days) in `seconds`. */
export function toYears(seconds: number): number {
  return seconds / SECONDS_PER_YEAR;
}
