/**
 * Regular-membership abstraction: the string part of a query, decided by
 * our own automata (re.ts) instead of Z3's string solver.
 *
 * A String variable `v` is *abstracted* when every occurrence of it is the
 * subject of a ground membership atom: `(str.in_re v R)`, `(= v "lit")`,
 * `(str.prefixof "lit" v)`, `(str.suffixof "lit" v)`, `(str.contains v
 * "lit")`. For such a variable with atoms L1 … Ln, the *cells* are the
 * non-empty sets L1^±1 ∩ … ∩ Ln^±n (the Venn regions of the atoms that
 * contain some string); they are computed by splitting Σ* atom by atom
 * and dropping empty regions, each cell keeping a witness string. The query
 * is then rewritten: a selector `cell!v` (an Int in [0, k)) picks a cell,
 * and each atom becomes "the selected cell lies inside Li". The rewritten
 * query has no abstracted variable left and is *equisatisfiable* with the
 * original:
 * - every model of the original gives one of the rewritten (select the cell
 *   of v's value: it is non-empty, so listed);
 * - every model of the rewritten gives one of the original (give v the
 *   selected cell's witness, which satisfies exactly the atoms the cell
 *   lies in; v occurs nowhere else).
 * So unsat of the rewritten query is unsat of the original — given the
 * *cover lemma* "every string lies in one of v's cells", which `lemma`
 * states as a query over v alone (unsat exactly when the lemma holds) for
 * an independent re-check by Z3. A witness is read back by `decode`.
 *
 * Variables with any other occurrence (in a concatenation, a length, an
 * equation between variables) keep all their atoms and are left to Z3, as
 * is a variable whose cells exceed the limits.
 */
import {
  and as tAnd,
  disjunction,
  eq,
  intCompare,
  intConst,
  intSort,
  boolSort,
  mkVar,
  not as tNot,
  or as tOr,
  reAll,
  reComp,
  reConcat,
  reInter,
  strConst,
  strInRe,
  stringSort,
  strToRe,
  trueTerm,
  conjunction,
  stringLiteralValue,
  type AppTerm,
  type Term,
} from '../term.js';
import { groundHolds } from './ground.js';
import {
  ALL,
  and,
  clearRegexTables,
  EPS,
  or,
  fromTerm,
  literal,
  matches,
  not,
  NotGround,
  RegexTooLarge,
  seq,
  shortestMember,
  type Re,
} from './re.js';

export interface Cell {
  /** Membership in each atom of the variable, in order. */
  readonly signs: readonly boolean[];
  /** A string with exactly these memberships. */
  readonly witness: string;
}

export interface AbstractedVariable {
  readonly name: string;
  /** Sets of literals (atom index, holds) that no string satisfies; see `split`. */
  readonly cores: readonly (readonly (readonly [number, boolean])[])[];
  /**
   * The atoms that are equations with a string, in the order of their cells
   * (the first `literals.length` cells are theirs).
   */
  readonly literals: readonly number[];
  /** The Int selector of the rewritten query (absent with a single cell). */
  readonly selector?: string;
  /** The membership atoms over the variable, as they occur in the query. */
  readonly atoms: readonly Term[];
  readonly cells: readonly Cell[];
}

/**
 * A String variable defined by `guard → x = value` assertions (or one
 * unconditional `x = value`) and occurring nowhere else: the definitions are
 * dropped (x can always be chosen to satisfy them: the guards are
 * equations of one Int variable with distinct constants, so at most one
 * holds) and x is computed from the model.
 */
export interface EliminatedDefinition {
  readonly name: string;
  readonly cases: readonly {
    /** `guard = value` of an Int variable, or none (unconditional). */
    readonly guard?: { readonly variable: string; readonly value: bigint };
    /** A concatenation of literals and String variables. */
    readonly value: readonly Term[];
  }[];
}

export interface StringAbstraction {
  readonly assertions: readonly Term[];
  readonly eliminated: readonly EliminatedDefinition[];
  readonly variables: readonly AbstractedVariable[];
  /** Variables left to the solver, with why. */
  readonly kept: ReadonlyMap<string, string>;
}

export interface AbstractionLimits {
  /** At most this many cells per variable (else it is left to the solver). */
  readonly maxCells?: number;
  /** At most this many derivative states per emptiness check. */
  readonly maxStates?: number;
}

interface Atom {
  readonly variable: string;
  readonly re: Re;
  readonly term: Term;
}

/** The membership atom `t` is, if it is one. */
function atomOf(t: Term): Atom | undefined {
  if (t.kind !== 'app') return undefined;
  const isVar = (x: Term) => x.kind === 'var' && x.sort.kind === 'string';
  const name = (x: Term) => (x.kind === 'var' ? x.name : '');
  const lit = (x: Term) => stringLiteralValue(x);
  const [a, b] = t.args;
  switch (t.op) {
    case 'str.in_re':
      if (!isVar(a)) return undefined;
      try {
        return { variable: name(a), re: fromTerm(b), term: t };
      } catch (e) {
        if (e instanceof NotGround) return undefined;
        throw e;
      }
    case '=': {
      if (a.sort.kind !== 'string') return undefined;
      if (isVar(a) && lit(b) !== undefined)
        return { variable: name(a), re: literal(lit(b) as string), term: t };
      if (isVar(b) && lit(a) !== undefined)
        return { variable: name(b), re: literal(lit(a) as string), term: t };
      return undefined;
    }
    case 'str.prefixof':
      return isVar(b) && lit(a) !== undefined
        ? { variable: name(b), re: seq(literal(lit(a) as string), ALL), term: t }
        : undefined;
    case 'str.suffixof':
      return isVar(b) && lit(a) !== undefined
        ? { variable: name(b), re: seq(ALL, literal(lit(a) as string)), term: t }
        : undefined;
    case 'str.contains':
      return isVar(a) && lit(b) !== undefined
        ? { variable: name(a), re: seq(ALL, literal(lit(b) as string), ALL), term: t }
        : undefined;
    default:
      return undefined;
  }
}

class TooManyCells extends Error {}

/** A membership literal: atom `atom` (an index) holds, or not. */
type Literal = readonly [atom: number, holds: boolean];

/** Cells, and the cores of the empty regions the splitting dropped. */
interface Split {
  readonly cells: Cell[];
  /**
   * Sets of literals over the non-literal atoms that no string outside the
   * literal atoms satisfies; every sign vector of such a string outside
   * the cells violates one of them.
   */
  readonly cores: Literal[][];
}

/**
 * The cells of atoms `res`, each with a witness. An atom that is a single
 * string `a` (an equation) has a cell of its own, {a}, whose signs are
 * `a`'s memberships; the strings equal to none of them are split atom by
 * atom over the other atoms, dropping empty regions (with a core each).
 */
function split(res: readonly Re[], maxCells: number, maxStates: number): Split {
  // All searches of one variable share a budget of derivative states.
  const spent = { states: 0 };
  const budget = maxStates * 10;
  const member = (re: Re): string | undefined => {
    const left = budget - spent.states;
    if (left <= 0) throw new RegexTooLarge(`more than ${budget} states in all`);
    return shortestMember(re, Math.min(maxStates, left), spent);
  };
  const texts = res.map(literalText);
  const cells: Cell[] = [];
  for (const a of texts)
    if (a !== undefined) cells.push({ signs: res.map((r) => matches(r, a)), witness: a });
  const others = res.flatMap((_, i) => (texts[i] === undefined ? [i] : []));
  const background = not(or(...res.filter((_, i) => texts[i] !== undefined)));
  const lit = ([i, holds]: Literal) => (holds ? res[i] : not(res[i]));
  const empty = (lits: readonly Literal[]) =>
    member(and(background, ...lits.map(lit))) === undefined;
  const cores: Literal[][] = [];
  /** A minimal core of `path` ∧ `last` (known empty; `path` alone is not). */
  const coreOf = (path: readonly Literal[], last: Literal): Literal[] => {
    const has = ([i, h]: Literal) =>
      (i === last[0] && h === last[1]) || path.some(([j, g]) => i === j && h === g);
    const known = cores.find((c) => c.every(has));
    if (known !== undefined) return known;
    if (empty([last])) return [last];
    for (const p of path) if (empty([p, last])) return [p, last];
    let core = [...path];
    for (const p of path) {
      const without = core.filter((x) => x !== p);
      if (empty([...without, last])) core = without;
    }
    return [...core, last];
  };
  const start = member(background);
  let regions: { re: Re; path: Literal[]; witness: string }[] =
    start === undefined ? [] : [{ re: background, path: [], witness: start }];
  for (const i of others) {
    const atom = res[i];
    const next: typeof regions = [];
    for (const region of regions) {
      const inside = matches(atom, region.witness);
      next.push({
        re: and(region.re, inside ? atom : not(atom)),
        path: [...region.path, [i, inside]],
        witness: region.witness,
      });
      const other = and(region.re, inside ? not(atom) : atom);
      const w = member(other);
      if (w !== undefined)
        next.push({ re: other, path: [...region.path, [i, !inside]], witness: w });
      else {
        const core = coreOf(region.path, [i, !inside]);
        if (!cores.includes(core)) cores.push(core);
      }
    }
    if (cells.length + next.length > maxCells) throw new TooManyCells();
    regions = next;
  }
  for (const r of regions) {
    const signs = res.map(() => false);
    for (const [i, h] of r.path) signs[i] = h;
    cells.push({ signs, witness: r.witness });
  }
  return { cells, cores };
}

/** The string a literal expression denotes, else undefined. */
function literalText(r: Re): string | undefined {
  const codes: number[] = [];
  for (let x: Re = r; ; x = x.k === 'cat' ? x.b : EPS) {
    if (x.k === 'eps') return String.fromCodePoint(...codes);
    const head = x.k === 'cat' ? x.a : x;
    if (head.k !== 'chars' || head.set.length !== 1 || head.set[0][0] !== head.set[0][1])
      return undefined;
    codes.push(head.set[0][0]);
    if (x.k !== 'cat') return String.fromCodePoint(...codes);
  }
}

/** `guard → x = t` / `x = t` as a definition of the String variable x, if it is one. */
function definitionOf(
  a: Term,
): { name: string; guard?: { variable: string; value: bigint }; value: Term[] } | undefined {
  let guard: { variable: string; value: bigint } | undefined;
  let body = a;
  if (a.kind === 'app' && a.op === 'or' && a.args.length === 2) {
    const [n, b] = a.args;
    if (n.kind !== 'app' || n.op !== 'not') return undefined;
    const g = n.args[0];
    if (g.kind !== 'app' || g.op !== '=') return undefined;
    const [gv, gc] = g.args;
    if (gv.kind !== 'var' || gv.sort.kind !== 'int' || gc.kind !== 'const') return undefined;
    guard = { variable: gv.name, value: gc.value };
    body = b;
  }
  if (body.kind !== 'app' || body.op !== '=') return undefined;
  const [x, t] = body.args;
  if (x.kind !== 'var' || x.sort.kind !== 'string') return undefined;
  const parts = t.kind === 'app' && t.op === 'str.++' ? t.args : [t];
  const plain = (p: Term) =>
    (p.kind === 'var' && p.sort.kind === 'string' && p.name !== x.name) ||
    stringLiteralValue(p) !== undefined;
  if (!parts.every(plain)) return undefined;
  return { name: x.name, ...(guard ? { guard } : {}), value: [...parts] };
}

/** Drops the definitions of variables used nowhere else (see `EliminatedDefinition`). */
function eliminateDefinitions(assertions: readonly Term[]): {
  rest: Term[];
  eliminated: EliminatedDefinition[];
} {
  const defs = new Map<
    string,
    { index: number; def: NonNullable<ReturnType<typeof definitionOf>> }[]
  >();
  assertions.forEach((a, index) => {
    const def = definitionOf(a);
    if (def === undefined) return;
    const list = defs.get(def.name) ?? [];
    list.push({ index, def });
    defs.set(def.name, list);
  });
  if (defs.size === 0) return { rest: [...assertions], eliminated: [] };
  // Occurrences of each candidate outside its own definitions.
  const used = new Set<string>();
  assertions.forEach((a, index) => {
    const seen = new Set<Term>();
    const mine = definitionOf(a);
    const visit = (t: Term): void => {
      if (seen.has(t)) return;
      seen.add(t);
      if (
        t.kind === 'var' &&
        defs.has(t.name) &&
        !(mine?.name === t.name && defs.get(t.name)?.some((d) => d.index === index))
      )
        used.add(t.name);
      if (t.kind === 'app') for (const x of t.args) visit(x);
    };
    if (mine === undefined) visit(a);
    else for (const p of mine.value) visit(p);
  });
  const dropped = new Set<number>();
  const eliminated: EliminatedDefinition[] = [];
  for (const [name, list] of defs) {
    if (used.has(name)) continue;
    const guards = list.map((d) => d.def.guard);
    const exclusive =
      (list.length === 1 && guards[0] === undefined) ||
      (guards.every((g) => g !== undefined && g.variable === guards[0]?.variable) &&
        new Set(guards.map((g) => g?.value)).size === list.length);
    if (!exclusive) continue;
    for (const d of list) dropped.add(d.index);
    eliminated.push({
      name,
      cases: list.map((d) => ({
        ...(d.def.guard ? { guard: d.def.guard } : {}),
        value: d.def.value,
      })),
    });
  }
  return { rest: assertions.filter((_, i) => !dropped.has(i)), eliminated };
}

/** Rewrites `assertions`, abstracting every variable it can (see the module comment). */
export function abstractStrings(
  assertions: readonly Term[],
  limits: AbstractionLimits = {},
): StringAbstraction {
  const maxCells = limits.maxCells ?? 512;
  const maxStates = limits.maxStates ?? 20_000;
  clearRegexTables();
  const { rest: input, eliminated } = eliminateDefinitions(assertions);
  // 1. Atoms per variable, and the variables that occur outside atoms.
  const atoms = new Map<string, Map<Term, Atom>>();
  const kept = new Map<string, string>();
  const seen = new Set<Term>();
  const visit = (t: Term): void => {
    if (seen.has(t)) return;
    seen.add(t);
    const atom = atomOf(t);
    if (atom !== undefined) {
      let m = atoms.get(atom.variable);
      if (m === undefined) atoms.set(atom.variable, (m = new Map()));
      m.set(t, atom);
      return;
    }
    if (t.kind === 'var') {
      if (t.sort.kind === 'string') kept.set(t.name, 'it occurs outside a membership atom');
      return;
    }
    if (t.kind === 'app') for (const a of t.args) visit(a);
  };
  for (const a of input) visit(a);

  // 2. Cells of each variable that is only in atoms.
  const replacement = new Map<Term, Term>();
  const variables: AbstractedVariable[] = [];
  const domain: Term[] = [];
  for (const [name, occurrences] of atoms) {
    if (kept.has(name)) continue;
    // One atom per distinct language.
    const distinct = new Map<number, Atom>();
    for (const a of occurrences.values()) if (!distinct.has(a.re.id)) distinct.set(a.re.id, a);
    const list = [...distinct.values()];
    let cells: Cell[];
    let cores: Literal[][];
    try {
      ({ cells, cores } = split(
        list.map((a) => a.re),
        maxCells,
        maxStates,
      ));
    } catch (e) {
      if (e instanceof TooManyCells || e instanceof RegexTooLarge) {
        kept.set(name, e instanceof TooManyCells ? `more than ${maxCells} cells` : e.message);
        continue;
      }
      throw e;
    }
    const selector = cells.length > 1 ? mkVar(`cell!${name}`, intSort) : undefined;
    if (selector !== undefined)
      domain.push(
        tAnd(
          intCompare('<=', intConst(0n), selector),
          intCompare('<', selector, intConst(BigInt(cells.length))),
        ),
      );
    const index = new Map(list.map((a, i) => [a.re.id, i]));
    for (const [term, atom] of occurrences) {
      const i = index.get(atom.re.id) as number;
      const inside = cells.flatMap((c, j) => (c.signs[i] ? [j] : []));
      const outside = cells.flatMap((c, j) => (c.signs[i] ? [] : [j]));
      const is = (j: number) => eq(selector as Term, intConst(BigInt(j)));
      replacement.set(
        term,
        inside.length <= outside.length
          ? disjunction(inside.map(is))
          : tNot(disjunction(outside.map(is))),
      );
    }
    variables.push({
      name,
      ...(selector !== undefined ? { selector: selector.name } : {}),
      atoms: list.map((a) => a.term),
      cells,
      cores,
      literals: list.flatMap((a, i) => (literalText(a.re) === undefined ? [] : [i])),
    });
  }

  // 3. The rewritten query.
  const memo = new Map<Term, Term>();
  const rewrite = (t: Term): Term => {
    const r = replacement.get(t);
    if (r !== undefined) return r;
    if (t.kind !== 'app' || t.args.length === 0) return t;
    const done = memo.get(t);
    if (done !== undefined) return done;
    const args = t.args.map(rewrite);
    const out: Term = args.every((x, i) => x === t.args[i]) ? t : ({ ...t, args } as AppTerm);
    memo.set(t, out);
    return out;
  };
  return {
    assertions: replacement.size === 0 ? input : [...domain, ...input.map(rewrite)],
    eliminated,
    variables,
    kept,
  };
}

/**
 * The cover lemma of an abstracted variable ("every string lies in one of
 * its cells") as queries a solver re-checks without our automata, each
 * unsatisfiable exactly when its part of the lemma holds:
 * - `facts`: each literal atom's text has the memberships of its cell
 *   (ground: the variable replaced by the text), less those JavaScript's
 *   own regular expressions confirm (ground.ts); empty when none is left;
 * - `cores`: no string equal to none of the literal atoms satisfies a core;
 * - `cover`: over one Bool per atom, every sign vector that respects the
 *   facts and the cores is a cell's (propositional).
 */
export function coverLemma(v: AbstractedVariable): {
  cover: Term[];
  facts: Term[];
  cores: Term[][];
} {
  const lit = (atom: Term, holds: boolean) => (holds ? atom : tNot(atom));
  const bools = v.atoms.map((_, i) => mkVar(`atom!${i}`, boolSort));
  const literals = v.cells.slice(0, v.literals.length);
  const noLiteral = conjunction(v.literals.map((j) => tNot(bools[j])));
  const cover = [
    tNot(disjunction(v.cells.map((c) => conjunction(bools.map((b, i) => lit(b, c.signs[i])))))),
    ...v.literals.map((j, k) =>
      tOr(tNot(bools[j]), conjunction(bools.map((b, i) => lit(b, literals[k].signs[i])))),
    ),
    ...v.cores.map((core) => tNot(tAnd(noLiteral, ...core.map(([i, h]) => lit(bools[i], h))))),
  ];
  // Facts JavaScript's regular expressions confirm need no solver.
  const unconfirmed = conjunction(
    v.literals.flatMap((_, k) =>
      v.atoms.flatMap((a, i) => {
        const { witness, signs } = literals[k];
        const js = groundHolds(a, witness);
        if (js === signs[i]) return [];
        return [lit(substitute(a, v.name, witness), signs[i])];
      }),
    ),
  );
  const facts = unconfirmed === trueTerm ? [] : [tNot(unconfirmed)];
  // Each core as one membership in an intersection (Z3's regular-expression
  // engine decides these far faster than a conjunction of memberships).
  const language = v.atoms.map(languageOf);
  const subject = mkVar(v.name, stringSort);
  const outside = v.literals.map((j) => reComp(language[j]));
  const cores = v.cores.map((core) => [
    strInRe(
      subject,
      reInter(...outside, ...core.map(([i, h]) => (h ? language[i] : reComp(language[i])))),
    ),
  ]);
  return { cover, facts, cores };
}

/** The language of a membership atom (see `atomOf`). */
function languageOf(atom: Term): Term {
  if (atom.kind !== 'app') throw new Error('internal error: not an atom');
  const [a, b] = atom.args;
  const text = (t: Term) => strToRe(t);
  switch (atom.op) {
    case 'str.in_re':
      return b;
    case '=':
      return text(stringLiteralValue(a) !== undefined ? a : b);
    case 'str.prefixof':
      return reConcat(text(a), reAll());
    case 'str.suffixof':
      return reConcat(reAll(), text(a));
    case 'str.contains':
      return reConcat(reAll(), text(b), reAll());
    default:
      throw new Error(`internal error: ${atom.op} is not an atom`);
  }
}

/** Atom `a` (an application to the variable `name`) applied to the text instead. */
function substitute(a: Term, name: string, text: string): Term {
  if (a.kind !== 'app') return a;
  const value = strConst(text);
  return { ...a, args: a.args.map((x) => (x.kind === 'var' && x.name === name ? value : x)) };
}

/** The value of each abstracted variable in a model of the rewritten query. */
export function decode(
  abstraction: StringAbstraction,
  model: ReadonlyMap<string, bigint>,
  strings: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of abstraction.variables) {
    const j = v.selector === undefined ? 0 : Number(model.get(v.selector) ?? 0n);
    const cell = v.cells[j] ?? v.cells[0];
    out.set(v.name, cell.witness);
  }
  for (const d of abstraction.eliminated) {
    const holds = d.cases.find(
      (c) => c.guard === undefined || model.get(c.guard.variable) === c.guard.value,
    );
    const text = (t: Term) =>
      stringLiteralValue(t) ??
      (t.kind === 'var' ? (strings.get(t.name) ?? out.get(t.name) ?? '') : '');
    out.set(d.name, holds === undefined ? '' : holds.value.map(text).join(''));
  }
  return out;
}

/**
 * The classes of `domain` under the membership atoms over `variable` in
 * `assertions` (two strings of a class satisfy the same atoms), each in
 * `domain` order, in the order of their first member. When the variable
 * occurs only in those atoms, restricting it to `domain` or to one member
 * of each class is the same. Memberships are evaluated by JavaScript's
 * regular expressions where they can be (ground.ts), else by our automata.
 */
export function domainClasses(
  assertions: readonly Term[],
  variable: string,
  domain: readonly string[],
): string[][] {
  const atoms = new Map<Term, Atom>();
  const seen = new Set<Term>();
  const visit = (t: Term): void => {
    if (seen.has(t)) return;
    seen.add(t);
    const atom = atomOf(t);
    if (atom !== undefined) {
      if (atom.variable === variable) atoms.set(t, atom);
      return;
    }
    if (t.kind === 'app') for (const a of t.args) visit(a);
  };
  for (const a of assertions) visit(a);
  const list = [...atoms.values()];
  const classes = new Map<string, string[]>();
  for (const text of domain) {
    const key = list
      .map((a) => ((groundHolds(a.term, text) ?? matches(a.re, text)) ? '1' : '0'))
      .join('');
    const members = classes.get(key);
    if (members === undefined) classes.set(key, [text]);
    else members.push(text);
  }
  return [...classes.values()];
}
