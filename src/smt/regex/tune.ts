/**
 * Wildcard memberships written the way Z3's string solver is fastest on.
 *
 * A wildcard pattern is a sequence of literal text, `*` (any string) and
 * `?` (any one character). Its canonical form is the membership
 * `(str.in_re s (re.++ (str.to_re "…") (re.* re.allchar) re.allchar …))`,
 * which our own automata (abstract.ts) decide directly. When the string
 * part is left to Z3, `tuneForZ3` rewrites such memberships into equivalent
 * forms Z3 answers much faster (the differential tests check them):
 * - `X*` and `*X*` as `str.prefixof` / `str.contains`;
 * - a pattern with one `*` (`P*S`) as the regular expression AND the
 *   predicates (prefix, suffix, length) — Z3 takes seconds on some
 *   containments in either form alone;
 * - patterns with several `*` or a `?` stay regular expressions.
 * `starMatch` also writes patterns whose text holds String terms (policy
 * variables), where no regular expression can be formed.
 */
import {
  and,
  eq,
  intBinary,
  intCompare,
  intConst,
  strConcat,
  strIndexOf,
  strLen,
  strPrefixOf,
  strSuffixOf,
  stringLiteralValue,
  type AppTerm,
  type Term,
} from '../term.js';

/** A wildcard pattern whose literal text may be a String term. */
export type StarToken =
  | { readonly kind: 'text'; readonly text: Term }
  | { readonly kind: 'any' }
  | { readonly kind: 'one' };

/** The tokens of a glob-shaped ground regular expression, else undefined. */
function globTokens(re: Term): StarToken[] | undefined {
  if (re.kind !== 'app') return undefined;
  const parts = re.op === 're.++' ? re.args : [re];
  const out: StarToken[] = [];
  for (const p of parts) {
    if (p.kind !== 'app') return undefined;
    if (p.op === 'str.to_re' && stringLiteralValue(p.args[0]) !== undefined)
      out.push({ kind: 'text', text: p.args[0] });
    else if (p.op === 're.allchar') out.push({ kind: 'one' });
    else if (
      p.op === 're.*' &&
      p.args[0].kind === 'app' &&
      (p.args[0] as AppTerm).op === 're.allchar'
    )
      out.push({ kind: 'any' });
    else return undefined;
  }
  return out;
}

/** `X*` with X free of wildcards. */
function isPrefix(pattern: readonly StarToken[]): boolean {
  return (
    pattern.length >= 1 &&
    pattern[pattern.length - 1].kind === 'any' &&
    pattern.slice(0, -1).every((t) => t.kind === 'text')
  );
}

/** `*X*` with X free of wildcards. */
function isContains(pattern: readonly StarToken[]): boolean {
  const n = pattern.length;
  return (
    n >= 3 &&
    pattern[0].kind === 'any' &&
    pattern[n - 1].kind === 'any' &&
    pattern.slice(1, -1).every((t) => t.kind === 'text')
  );
}

/** The Z3-friendly form of `(str.in_re subject re)` (the membership itself when none is better). */
function tuneMembership(membership: AppTerm): Term {
  const [subject, re] = membership.args;
  const pattern = globTokens(re);
  if (pattern === undefined) return membership;
  const stars = pattern.filter((t) => t.kind === 'any').length;
  if (stars > 1 && !isContains(pattern)) return membership;
  if (stars === 1 && !isPrefix(pattern)) {
    const predicates = starMatch(pattern, subject);
    return and(membership, ...(predicates ? [predicates] : []));
  }
  return starMatch(pattern, subject) ?? membership;
}

/**
 * Every wildcard membership of `assertions` in its Z3-friendly form
 * (equivalent; see the module comment).
 */
export function tuneForZ3(assertions: readonly Term[]): Term[] {
  const memo = new Map<Term, Term>();
  const rewrite = (t: Term): Term => {
    if (t.kind !== 'app' || t.args.length === 0) return t;
    const done = memo.get(t);
    if (done !== undefined) return done;
    let out: Term;
    if (t.op === 'str.in_re') out = tuneMembership(t);
    else {
      const args = t.args.map(rewrite);
      out = args.every((x, i) => x === t.args[i]) ? t : ({ ...t, args } as AppTerm);
    }
    memo.set(t, out);
    return out;
  };
  return assertions.map(rewrite);
}

/**
 * Patterns whose only wildcard is `*`, as string predicates: with segments
 * S0 * S1 * … * Sn, the subject starts with S0, ends with Sn, and S1 …
 * Sn-1 occur in order in between, each found at its leftmost position
 * after the previous one (leftmost matching is complete for `*`-only
 * patterns). Undefined for patterns with a `?`.
 */
export function starMatch(pattern: readonly StarToken[], subject: Term): Term | undefined {
  if (pattern.some((t) => t.kind === 'one')) return undefined;
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
