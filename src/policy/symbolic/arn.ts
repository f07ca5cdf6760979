/**
 * Mirrors `../arn.ts`: `matchArnPattern` (`ArnLike` / `ArnEquals`) as one
 * regular-language membership, and the ARN text of a symbolic principal.
 *
 * `matchArnPattern(p, v)` splits `v` at its first five colons and matches
 * each component against the component of `p` separately. Because the five
 * first components of `v` hold no colon, that is exactly
 * `v ∈ (P0 ∩ C) ":" (P1 ∩ C) ":" … ":" (P4 ∩ C) ":" P5` where `Pi` is the
 * language of the i-th pattern component and `C` the colon-free strings:
 * the decomposition of `v` is unique. The text of a component holds no
 * colon (it was split at them), so `Pi ∩ C` is `Pi` with its wildcards
 * restricted to colon-free characters, which is how it is built (Z3 is
 * much slower with an explicit intersection). A pattern with fewer than five
 * colons matches nothing (as concretely).
 *
 * Policy variables: the concrete matcher splits the pattern *after*
 * substitution, so a colon inside a substituted value counts. A variable in
 * one of the first five components is therefore not encoded (don't know);
 * in the sixth (resource) component it is exact.
 */
import {
  falseTerm,
  reRange,
  reUnion,
  strConst,
  strInRe,
  stringLiteralValue,
  MAX_STRING_CHAR,
  type Term,
} from '../../smt/index.js';
import { Unencodable } from './unsupported.js';
import { patternRegex, type SymbolicPattern, type SymbolicToken } from './wildcard.js';

/** The characters other than a colon. */
function notColon(): Term {
  return reUnion(reRange('\u0000', '9'), reRange(';', String.fromCodePoint(MAX_STRING_CHAR)));
}

/** `splitPatternComponents` on a symbolic pattern; variables only in the last component. */
function splitSymbolic(pattern: SymbolicPattern, jsonPath: string): SymbolicPattern[] | undefined {
  const parts: SymbolicPattern[] = [[]];
  const push = (t: SymbolicToken) => (parts[parts.length - 1] as SymbolicToken[]).push(t);
  for (const token of pattern) {
    if (token.kind !== 'text' || parts.length === 6) {
      push(token);
      continue;
    }
    const literal = stringLiteralValue(token.text);
    if (literal === undefined)
      throw new Unencodable(
        'a policy variable before the resource part of an ARN pattern (a colon in its value would move the component boundaries)',
        jsonPath,
      );
    let text = literal;
    for (
      let colon = text.indexOf(':');
      colon !== -1 && parts.length < 6;
      colon = text.indexOf(':')
    ) {
      if (colon > 0) push({ kind: 'text', text: strConst(text.slice(0, colon)) });
      parts.push([]);
      text = text.slice(colon + 1);
    }
    if (text !== '') push({ kind: 'text', text: strConst(text) });
  }
  return parts.length === 6 ? parts : undefined;
}

/** `matchArnPattern(pattern, value)`. */
export function matchSymbolicArn(pattern: SymbolicPattern, value: Term, jsonPath: string): Term {
  const parts = splitSymbolic(pattern, jsonPath);
  if (parts === undefined) return falseTerm;
  const tokens: SymbolicToken[] = [];
  parts.forEach((part, k) => {
    if (k > 0) tokens.push({ kind: 'text', text: strConst(':') });
    // The first five components' wildcards cannot match a colon.
    tokens.push(
      ...(k < 5 ? part.map((t) => (t.kind === 'text' ? t : { ...t, char: notColon() })) : part),
    );
  });
  // With a variable in the resource component this is a non-ground regular
  // expression, which Z3 decides (more slowly).
  return strInRe(value, patternRegex(tokens));
}
