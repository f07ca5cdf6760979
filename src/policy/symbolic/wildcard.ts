/**
 * Mirrors `../wildcard.ts` (`matchPattern`): a wildcard pattern becomes a
 * regular-language membership — `*` is `(re.* re.allchar)`, `?` is
 * `re.allchar`, text is `str.to_re` of itself. Characters are code points
 * on both sides (SMT-LIB strings are sequences of code points, as the
 * concrete matcher's `for … of` iteration is).
 *
 * A symbolic pattern may also hold *terms* (the values of policy variables,
 * always literal text). How a match is written is chosen for Z3's speed
 * only (every form is exactly equivalent; the differential tests check
 * them): `X*` and `*X*` as `str.prefixof` / `str.contains`; a ground `P*S`
 * as the regular expression AND the predicates (prefix, suffix, length) —
 * Z3 takes seconds on some containments in either form alone; ground
 * patterns with several `*` or a `?` as regular expressions; patterns
 * holding a variable as predicates (`starMatch`), so that no `str.to_re` of
 * a non-constant string is needed unless the pattern also has a `?`.
 */
import {
  and,
  eq,
  intBinary,
  intCompare,
  reAllChar,
  reConcat,
  reStar,
  strConcat,
  strConst,
  strInRe,
  strLen,
  strPrefixOf,
  strSuffixOf,
  strToRe,
  stringLiteralValue,
  strIndexOf,
  intConst,
  type Term,
} from '../../smt/index.js';
import type { Pattern } from '../wildcard.js';

/**
 * A pattern token whose literal text may be a String term; a wildcard may
 * carry the one-character language it ranges over (default: any character).
 */
export type SymbolicToken =
  | { readonly kind: 'text'; readonly text: Term }
  | { readonly kind: 'any'; readonly char?: Term }
  | { readonly kind: 'one'; readonly char?: Term };

export type SymbolicPattern = readonly SymbolicToken[];

/** A concrete pattern as a symbolic one. */
export function liftPattern(pattern: Pattern): SymbolicPattern {
  return pattern.map((t) => (t.kind === 'text' ? { kind: 'text', text: strConst(t.text) } : t));
}

/**
 * The regular language of a pattern (`matchPattern(pattern, ·)`). Adjacent
 * literal text is merged into one `str.to_re` (Z3 is much slower on a
 * regular expression split into many small literals).
 */
export function patternRegex(pattern: SymbolicPattern): Term {
  const parts: Term[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push(strToRe(strConst(literal)));
    literal = '';
  };
  for (const t of pattern) {
    if (t.kind === 'text') {
      const text = stringLiteralValue(t.text);
      if (text !== undefined) {
        literal += text;
        continue;
      }
      flush();
      parts.push(strToRe(t.text));
      continue;
    }
    flush();
    const char = t.char ?? reAllChar();
    parts.push(t.kind === 'one' ? char : reStar(char));
  }
  flush();
  return reConcat(...parts);
}

/** Does `subject` match the pattern? */
export function matchSymbolicPattern(pattern: SymbolicPattern, subject: Term): Term {
  const ground = pattern.every(
    (t) => t.kind !== 'text' || stringLiteralValue(t.text) !== undefined,
  );
  const stars = pattern.filter((t) => t.kind === 'any').length;
  // Z3 is fast on string predicates for one `*` (prefix, suffix) and on
  // regular expressions for several; a pattern holding a variable's value
  // avoids a non-ground regular expression whenever it can.
  if (ground && stars > 1 && !isContains(pattern)) return strInRe(subject, patternRegex(pattern));
  if (ground && stars === 1 && !isPrefix(pattern)) {
    // Both forms, redundantly: Z3 is fast on one or the other.
    const predicates = starMatch(pattern, subject);
    return and(strInRe(subject, patternRegex(pattern)), ...(predicates ? [predicates] : []));
  }
  return starMatch(pattern, subject) ?? strInRe(subject, patternRegex(pattern));
}

/** `X*` with X free of wildcards. */
function isPrefix(pattern: SymbolicPattern): boolean {
  return (
    pattern.length >= 1 &&
    pattern[pattern.length - 1].kind === 'any' &&
    pattern.slice(0, -1).every((t) => t.kind === 'text')
  );
}

/** `*X*` with X free of wildcards. */
function isContains(pattern: SymbolicPattern): boolean {
  const n = pattern.length;
  return (
    n >= 3 &&
    pattern[0].kind === 'any' &&
    pattern[n - 1].kind === 'any' &&
    pattern.slice(1, -1).every((t) => t.kind === 'text')
  );
}

/**
 * Patterns whose only wildcard is `*` (any character), as string
 * predicates: with segments S0 * S1 * … * Sn, the subject starts with S0,
 * ends with Sn, and S1 … Sn-1 occur in order in between, each found at its
 * leftmost position after the previous one (leftmost matching is complete
 * for `*`-only patterns). Z3 answers these much faster than the equivalent
 * regular-expression membership. Undefined for other patterns.
 */
function starMatch(pattern: SymbolicPattern, subject: Term): Term | undefined {
  if (pattern.some((t) => t.kind === 'one' || (t.kind === 'any' && t.char !== undefined)))
    return undefined;
  const segments: Term[][] = [[]];
  for (const t of pattern) {
    if (t.kind === 'text') segments[segments.length - 1].push(t.text);
    else if (segments.length === 1 || segments[segments.length - 1].length > 0) segments.push([]);
  }
  const text = segments.map((s) => strConcat(...s));
  if (text.length === 1) return eq(subject, text[0]);
  const head = text[0];
  const tail = text[text.length - 1];
  const conditions: Term[] = [strPrefixOf(head, subject), strSuffixOf(tail, subject)];
  let position = strLen(head);
  for (const middle of text.slice(1, -1)) {
    const found = strIndexOf(subject, middle, position);
    conditions.push(intCompare('<=', intConst(0n), found));
    position = intBinary('+', found, strLen(middle));
  }
  // The tail must start after the last segment found. Implied (and left
  // out, since length terms slow Z3's string solver) when the tail is
  // empty, or when nothing precedes it.
  const empty = (t: Term) => stringLiteralValue(t) === '';
  if (!empty(tail) && (!empty(head) || text.length > 2))
    conditions.push(intCompare('<=', position, intBinary('-', strLen(subject), strLen(tail))));
  return and(...conditions);
}
