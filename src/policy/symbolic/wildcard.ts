/**
 * Mirrors `../wildcard.ts` (`matchPattern`): a wildcard pattern becomes a
 * regular-language membership — `*` is `(re.* re.allchar)`, `?` is
 * `re.allchar`, text is `str.to_re` of itself. Characters are code points
 * on both sides (SMT-LIB strings are sequences of code points, as the
 * concrete matcher's `for … of` iteration is).
 *
 * A symbolic pattern may also hold *terms* (the values of policy variables,
 * always literal text). Z3 handles `str.to_re` of a non-constant string,
 * but slowly; the common shapes are therefore written with string
 * predicates instead (exactly equivalent): no wildcard → equality; one
 * trailing `*` → `str.prefixof`; one leading `*` → `str.suffixof`;
 * `P*S` → prefix, suffix and a length bound; `*X*` → `str.contains`.
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
  strContains,
  strInRe,
  strLen,
  strPrefixOf,
  strSuffixOf,
  strToRe,
  stringLiteralValue,
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
  if (ground && pattern.some((t) => t.kind !== 'text'))
    return strInRe(subject, patternRegex(pattern));
  return shapeMatch(pattern, subject) ?? strInRe(subject, patternRegex(pattern));
}

/** The string-predicate forms of the module comment, or undefined for other shapes. */
function shapeMatch(pattern: SymbolicPattern, subject: Term): Term | undefined {
  if (pattern.some((t) => t.kind === 'one')) return undefined;
  const segments: Term[][] = [[]];
  for (const t of pattern) {
    if (t.kind === 'text') segments[segments.length - 1].push(t.text);
    else if (segments[segments.length - 1].length > 0 || segments.length === 1) segments.push([]);
  }
  const text = segments.map((s) => strConcat(...s));
  const empty = (s: readonly Term[]) => s.length === 0;
  if (segments.length === 1) return eq(subject, text[0]);
  if (segments.length === 2) {
    const [head, tail] = text;
    if (empty(segments[1])) return strPrefixOf(head, subject);
    if (empty(segments[0])) return strSuffixOf(tail, subject);
    return and(
      strPrefixOf(head, subject),
      strSuffixOf(tail, subject),
      intCompare('<=', intBinary('+', strLen(head), strLen(tail)), strLen(subject)),
    );
  }
  if (segments.length === 3 && empty(segments[0]) && empty(segments[2]))
    return strContains(subject, text[1]);
  return undefined;
}
