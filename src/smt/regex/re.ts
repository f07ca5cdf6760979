/**
 * Regular languages over SMT-LIB's string alphabet (code points 0 …
 * `MAX_STRING_CHAR`), decided by Brzozowski derivatives: our own decision
 * procedure for the ground memberships `s ∈ L` that access-policy questions
 * are made of (wildcard patterns, literals, prefixes, character classes),
 * independent of Z3's string solver.
 *
 * - Regular expressions are hash-consed (`Re.id`); the smart constructors
 *   normalise union and intersection up to associativity, commutativity and
 *   idempotence and fold the empty language, ε and Σ*, which keeps the set
 *   of derivatives of any expression finite (Brzozowski's theorem), so the
 *   breadth-first search of `shortestMember` terminates.
 * - Complement and intersection are first-class (`¬`, `∩`): a Boolean
 *   combination of memberships of one string is one expression.
 * - Derivatives are taken by one representative character of each class of
 *   the alphabet partition induced by the expression's character sets
 *   (every character of a class has the same derivative).
 *
 * `fromTerm` reads a ground `RegLan` term of term.ts (exactly SMT-LIB's
 * meaning, including `re.range` with a non-character bound being empty).
 */
import { MAX_STRING_CHAR, stringLiteralValue, type Term } from '../term.js';

/** Inclusive code-point intervals, sorted and disjoint, not adjacent. */
export type CharSet = readonly (readonly [number, number])[];

export type Re =
  | { readonly k: 'none'; readonly id: number }
  | { readonly k: 'eps'; readonly id: number }
  | { readonly k: 'chars'; readonly id: number; readonly set: CharSet }
  | { readonly k: 'cat'; readonly id: number; readonly a: Re; readonly b: Re }
  | { readonly k: 'star'; readonly id: number; readonly a: Re }
  | { readonly k: 'or'; readonly id: number; readonly xs: readonly Re[] }
  | { readonly k: 'and'; readonly id: number; readonly xs: readonly Re[] }
  | { readonly k: 'not'; readonly id: number; readonly a: Re };

type ReBody = Re extends infer R ? (R extends Re ? Omit<R, 'id'> : never) : never;

const table = new Map<string, Re>();
const nullableCache = new Map<number, boolean>();
const derivCache = new Map<number, Map<number, Re>>();

function keyOf(body: ReBody): string {
  switch (body.k) {
    case 'none':
    case 'eps':
      return body.k;
    case 'chars':
      return `c${body.set.map(([lo, hi]) => `${lo}-${hi}`).join(',')}`;
    case 'cat':
      return `.${body.a.id},${body.b.id}`;
    case 'star':
    case 'not':
      return `${body.k}${body.a.id}`;
    case 'or':
    case 'and':
      return `${body.k}${body.xs.map((x) => x.id).join(',')}`;
  }
}

function intern(body: ReBody): Re {
  const key = keyOf(body);
  let r = table.get(key);
  if (r === undefined) {
    r = { ...body, id: table.size } as Re;
    table.set(key, r);
  }
  return r;
}

/** Forgets every expression (ids restart); for long-running processes between queries. */
export function clearRegexTables(): void {
  if (table.size < 200_000) return;
  table.clear();
  nullableCache.clear();
  derivCache.clear();
  NONE = intern({ k: 'none' });
  EPS = intern({ k: 'eps' });
  ANY_CHAR = intern({ k: 'chars', set: [[0, MAX_STRING_CHAR]] });
  ALL = intern({ k: 'star', a: ANY_CHAR });
}

let NONE: Re = intern({ k: 'none' });
export let EPS: Re = intern({ k: 'eps' });
let ANY_CHAR: Re = intern({ k: 'chars', set: [[0, MAX_STRING_CHAR]] });
/** Σ*: every string. */
export let ALL: Re = intern({ k: 'star', a: ANY_CHAR });

function normaliseSet(set: readonly (readonly [number, number])[]): CharSet {
  const sorted = set.filter(([lo, hi]) => lo <= hi).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function chars(set: readonly (readonly [number, number])[]): Re {
  const s = normaliseSet(set);
  if (s.length === 0) return NONE;
  return intern({ k: 'chars', set: s });
}

function char(c: number): Re {
  return chars([[c, c]]);
}

function cat(a: Re, b: Re): Re {
  if (a === NONE || b === NONE) return NONE;
  if (a === EPS) return b;
  if (b === EPS) return a;
  if (a.k === 'cat') return cat(a.a, cat(a.b, b));
  return intern({ k: 'cat', a, b });
}

export function seq(...parts: readonly Re[]): Re {
  let r = EPS;
  for (let i = parts.length - 1; i >= 0; i--) r = cat(parts[i], r);
  return r;
}

function star(a: Re): Re {
  if (a === NONE || a === EPS) return EPS;
  if (a.k === 'star') return a;
  return intern({ k: 'star', a });
}

export function literal(text: string): Re {
  return seq(...[...text].map((ch) => char(ch.codePointAt(0) as number)));
}

export function or(...xs: readonly Re[]): Re {
  const set = new Map<number, Re>();
  for (const x of xs) {
    if (x === ALL) return ALL;
    if (x === NONE) continue;
    for (const y of x.k === 'or' ? x.xs : [x]) set.set(y.id, y);
  }
  if (set.size === 0) return NONE;
  if (set.size === 1) return [...set.values()][0];
  // Character classes merge into one.
  const classes = [...set.values()].filter((x) => x.k === 'chars');
  if (classes.length > 1) {
    for (const c of classes) set.delete(c.id);
    const merged = chars(classes.flatMap((c) => (c.k === 'chars' ? c.set : [])));
    set.set(merged.id, merged);
    if (set.size === 1) return merged;
  }
  return intern({ k: 'or', xs: [...set.values()].sort((x, y) => x.id - y.id) });
}

export function and(...xs: readonly Re[]): Re {
  const set = new Map<number, Re>();
  for (const x of xs) {
    if (x === NONE) return NONE;
    if (x === ALL) continue;
    for (const y of x.k === 'and' ? x.xs : [x]) set.set(y.id, y);
  }
  if (set.size === 0) return ALL;
  if (set.size === 1) return [...set.values()][0];
  for (const x of set.values()) if (x.k === 'not' && set.has(x.a.id)) return NONE;
  return intern({ k: 'and', xs: [...set.values()].sort((x, y) => x.id - y.id) });
}

export function not(a: Re): Re {
  if (a.k === 'not') return a.a;
  if (a === NONE) return ALL;
  if (a === ALL) return NONE;
  return intern({ k: 'not', a });
}

function nullable(r: Re): boolean {
  const cached = nullableCache.get(r.id);
  if (cached !== undefined) return cached;
  let v: boolean;
  switch (r.k) {
    case 'none':
    case 'chars':
      v = false;
      break;
    case 'eps':
    case 'star':
      v = true;
      break;
    case 'cat':
      v = nullable(r.a) && nullable(r.b);
      break;
    case 'or':
      v = r.xs.some(nullable);
      break;
    case 'and':
      v = r.xs.every(nullable);
      break;
    case 'not':
      v = !nullable(r.a);
      break;
  }
  nullableCache.set(r.id, v);
  return v;
}

function inSet(set: CharSet, c: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = set[mid];
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The derivative of `r` by the character `c`: { w | c·w ∈ L(r) }. */
function derivative(r: Re, c: number): Re {
  let byChar = derivCache.get(r.id);
  if (byChar === undefined) {
    byChar = new Map();
    derivCache.set(r.id, byChar);
  }
  const cached = byChar.get(c);
  if (cached !== undefined) return cached;
  let d: Re;
  switch (r.k) {
    case 'none':
    case 'eps':
      d = NONE;
      break;
    case 'chars':
      d = inSet(r.set, c) ? EPS : NONE;
      break;
    case 'cat': {
      const left = cat(derivative(r.a, c), r.b);
      d = nullable(r.a) ? or(left, derivative(r.b, c)) : left;
      break;
    }
    case 'star':
      d = cat(derivative(r.a, c), r);
      break;
    case 'or':
      d = or(...r.xs.map((x) => derivative(x, c)));
      break;
    case 'and':
      d = and(...r.xs.map((x) => derivative(x, c)));
      break;
    case 'not':
      d = not(derivative(r.a, c));
      break;
  }
  byChar.set(c, d);
  return d;
}

/** Does `text` belong to L(r)? */
export function matches(r: Re, text: string): boolean {
  let cur = r;
  for (const ch of text) {
    cur = derivative(cur, ch.codePointAt(0) as number);
    if (cur === NONE) return false;
  }
  return nullable(cur);
}

function collectSets(r: Re, out: CharSet[], seen: Set<number>): void {
  if (seen.has(r.id)) return;
  seen.add(r.id);
  switch (r.k) {
    case 'chars':
      out.push(r.set);
      return;
    case 'cat':
      collectSets(r.a, out, seen);
      collectSets(r.b, out, seen);
      return;
    case 'star':
    case 'not':
      collectSets(r.a, out, seen);
      return;
    case 'or':
    case 'and':
      for (const x of r.xs) collectSets(x, out, seen);
      return;
    default:
      return;
  }
}

/** Characters tried first as the representative of a class (readable witnesses). */
const PREFERRED = [...'xabcdefghijklmnopqrstuvwyz0123456789-_./XABCDEFGHIJKLMNOPQRSTUVWYZ']
  .map((c) => c.codePointAt(0) as number)
  .concat(Array.from({ length: 95 }, (_, i) => 32 + i));

/**
 * One character per class of the partition of the alphabet that the
 * character sets of `r` induce: two characters of one class have the same
 * derivative in every derivative of `r`.
 */
function representatives(r: Re): number[] {
  const sets: CharSet[] = [];
  collectSets(r, sets, new Set());
  const cuts = new Set<number>([0, MAX_STRING_CHAR + 1]);
  for (const s of sets)
    for (const [lo, hi] of s) {
      cuts.add(lo);
      cuts.add(hi + 1);
    }
  const bounds = [...cuts].sort((a, b) => a - b);
  const reps: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i];
    const hi = bounds[i + 1] - 1;
    reps.push(PREFERRED.find((c) => c >= lo && c <= hi) ?? lo);
  }
  return reps;
}

/** The search gave up (too many derivative states). */
export class RegexTooLarge extends Error {}

/**
 * A shortest member of L(r) (ties broken towards readable characters), or
 * undefined when L(r) is empty. Throws `RegexTooLarge` past `maxStates`
 * distinct derivatives.
 */
export function shortestMember(
  r: Re,
  maxStates = 20_000,
  /** Adds the number of states this search visited. */
  spent?: { states: number },
): string | undefined {
  if (r === NONE) return undefined;
  if (nullable(r)) return '';
  const reps = representatives(r);
  const parent = new Map<number, { from: Re; c: number } | null>([[r.id, null]]);
  try {
    let frontier: Re[] = [r];
    while (frontier.length > 0) {
      const next: Re[] = [];
      for (const state of frontier) {
        for (const c of reps) {
          const d = derivative(state, c);
          if (d === NONE || parent.has(d.id)) continue;
          parent.set(d.id, { from: state, c });
          if (nullable(d)) {
            const codes: number[] = [];
            let at: Re = d;
            for (let p = parent.get(at.id); p; p = parent.get(at.id)) {
              codes.push(p.c);
              at = p.from;
            }
            return String.fromCodePoint(...codes.reverse());
          }
          if (parent.size > maxStates) throw new RegexTooLarge(`more than ${maxStates} states`);
          next.push(d);
        }
      }
      frontier = next;
    }
    return undefined;
  } finally {
    if (spent !== undefined) spent.states += parent.size;
  }
}

/** Not a ground regular expression (a `str.to_re` of a non-literal string). */
export class NotGround extends Error {}

/** The language of a ground `RegLan` term (throws `NotGround` otherwise). */
export function fromTerm(t: Term): Re {
  if (t.kind !== 'app') throw new NotGround('not an application');
  switch (t.op) {
    case 'str.to_re': {
      const text = stringLiteralValue(t.args[0]);
      if (text === undefined) throw new NotGround('str.to_re of a non-literal');
      return literal(text);
    }
    case 're.allchar':
      return ANY_CHAR;
    case 're.all':
      return ALL;
    case 're.none':
      return NONE;
    case 're.range': {
      const lo = [...(stringLiteralValue(t.args[0]) ?? '')];
      const hi = [...(stringLiteralValue(t.args[1]) ?? '')];
      if (lo.length !== 1 || hi.length !== 1) return NONE;
      return chars([[lo[0].codePointAt(0) as number, hi[0].codePointAt(0) as number]]);
    }
    case 're.*':
      return star(fromTerm(t.args[0]));
    case 're.+': {
      const a = fromTerm(t.args[0]);
      return cat(a, star(a));
    }
    case 're.union':
      return or(...t.args.map(fromTerm));
    case 're.++':
      return seq(...t.args.map(fromTerm));
    case 're.inter':
      return and(...t.args.map(fromTerm));
    case 're.comp':
      return not(fromTerm(t.args[0]));
    default:
      throw new NotGround(`unexpected operator ${t.op}`);
  }
}
