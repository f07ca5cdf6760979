/**
 * Mirrors `../wildcard.ts` (`matchPattern`): a wildcard pattern becomes a
 * regular-language membership — `*` is `(re.* re.allchar)`, `?` is
 * `re.allchar`, text is `str.to_re` of itself. Characters are code points
 * on both sides (SMT-LIB strings are sequences of code points, as the
 * concrete matcher's `for … of` iteration is).
 *
 * A symbolic pattern may also hold *terms* (the values of policy variables,
 * always literal text). See `matchSymbolicPattern` for the forms written.
 */
import {
  eq,
  reAllChar,
  reConcat,
  reStar,
  starMatch,
  strConst,
  strInRe,
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

/**
 * Does `subject` match the pattern? A ground pattern is the canonical
 * membership `(str.in_re subject R)` (or an equation, without wildcards),
 * which the regular-membership abstraction of `smt/regex` decides and
 * `tuneForZ3` rewrites for Z3; a pattern holding a variable's value is
 * written as string predicates (`starMatch`) whenever it can, so that no
 * `str.to_re` of a non-constant string is needed unless it also has a `?`.
 */
export function matchSymbolicPattern(pattern: SymbolicPattern, subject: Term): Term {
  const ground = pattern.every(
    (t) => t.kind !== 'text' || stringLiteralValue(t.text) !== undefined,
  );
  if (ground) {
    if (pattern.every((t) => t.kind === 'text'))
      return eq(subject, strConst(pattern.map((t) => stringLiteralValue(t.text) ?? '').join('')));
    return strInRe(subject, patternRegex(pattern));
  }
  const plain = pattern.every((t) => t.kind === 'text' || t.char === undefined);
  return (
    (plain ? starMatch(pattern, subject) : undefined) ?? strInRe(subject, patternRegex(pattern))
  );
}
