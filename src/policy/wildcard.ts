/**
 * Wildcard patterns: `*` matches any sequence of characters (including none,
 * and including `/` and `:`), `?` matches exactly one character; everything
 * else matches itself. A pattern is a list of tokens, so that characters
 * that came from a policy-variable escape (`${*}`) or from a substituted
 * value can be literal even when they are `*` or `?`.
 *
 * Characters are Unicode code points (a `?` matches one astral character,
 * not half of a surrogate pair). Matching is case-sensitive; callers that
 * need case-insensitive matching (actions) lower-case both sides first.
 *
 * Used by: Action/NotAction (case-insensitive), Resource/NotResource,
 * `StringLike`/`StringNotLike`, and each segment of `ArnLike`. The symbolic
 * encoding will mirror `matchPattern` as a regular-expression membership.
 */

export type PatternToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'one' };

export type Pattern = readonly PatternToken[];

/** Reads `*` and `?` in `text` as wildcards. */
export function wildcardPattern(text: string): Pattern {
  const tokens: PatternToken[] = [];
  let literal = '';
  for (const ch of text) {
    if (ch === '*' || ch === '?') {
      if (literal !== '') tokens.push({ kind: 'text', text: literal });
      literal = '';
      tokens.push(ch === '*' ? { kind: 'any' } : { kind: 'one' });
    } else literal += ch;
  }
  if (literal !== '') tokens.push({ kind: 'text', text: literal });
  return tokens;
}

/** A pattern that matches exactly `text` (its `*` and `?` are ordinary characters). */
export function literalPattern(text: string): Pattern {
  return text === '' ? [] : [{ kind: 'text', text }];
}

/** The pattern with every text token lower-cased (for case-insensitive matching). */
export function lowerCasePattern(pattern: Pattern): Pattern {
  return pattern.map((t) => (t.kind === 'text' ? { kind: 'text', text: t.text.toLowerCase() } : t));
}

const ANY = -1;
const ONE = -2;

function units(pattern: Pattern): number[] {
  const out: number[] = [];
  for (const t of pattern) {
    if (t.kind === 'any') {
      if (out[out.length - 1] !== ANY) out.push(ANY);
    } else if (t.kind === 'one') out.push(ONE);
    else for (const ch of t.text) out.push(ch.codePointAt(0) as number);
  }
  return out;
}

/**
 * Does `subject` match `pattern`? Iterative (greedy with backtracking to
 * the last `*`): time O(|pattern|·|subject|) at worst, constant stack.
 */
export function matchPattern(pattern: Pattern, subject: string): boolean {
  const p = units(pattern);
  const s: number[] = [];
  for (const ch of subject) s.push(ch.codePointAt(0) as number);
  let i = 0;
  let j = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (j < s.length) {
    if (i < p.length && (p[i] === ONE || p[i] === s[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === ANY) {
      starAt = i++;
      resumeAt = j;
    } else if (starAt !== -1) {
      i = starAt + 1;
      j = ++resumeAt;
    } else return false;
  }
  while (i < p.length && p[i] === ANY) i++;
  return i === p.length;
}

/** `matchPattern(wildcardPattern(pattern), subject)`. */
export function matchWildcard(pattern: string, subject: string): boolean {
  return matchPattern(wildcardPattern(pattern), subject);
}
