/**
 * Prints a query (a list of Bool terms to assert) as a self-contained
 * SMT-LIB 2 script: optional comment lines, `set-logic` (QF_BV when only Bool
 * and bit-vector sorts and no quantifier appear, otherwise none: Z3 picks
 * the logic), one `declare-fun` per variable, one `define-fun`
 * per shared or deeply nested subterm (so the text is linear in the size of
 * the term DAG and no expression nests deeper than a small bound), the
 * assertions, and a final `(check-sat)`.
 *
 * Guarantees: the script means exactly the conjunction of the assertions;
 * the same query always prints to the same text; variables with one name but
 * two sorts are rejected. Auxiliary names start with `%d`, which variable
 * names may not.
 */
import type { Sort, Term, VarTerm } from './term.js';
import { sortEquals, sortText } from './term.js';

export interface Query {
  /** Bool terms whose conjunction is checked. */
  readonly assertions: readonly Term[];
  /** Lines to put at the top of the script as `;` comments. */
  readonly comments?: readonly string[];
}

/** Line marking scripts that mention only Bool and bit-vector sorts. */
export const QF_BV_MARK = '(set-logic QF_BV)';

const MAX_INLINE_DEPTH = 40;
const DEF_PREFIX = '%d';

/** A symbol, |quoted| unless it is a simple SMT-LIB symbol. */
export function symbol(name: string): string {
  return /^[A-Za-z~!@$^&*_+=<>.?/-][A-Za-z0-9~!@$%^&*_+=<>.?/-]*$/.test(name) ? name : `|${name}|`;
}

function constText(t: Term & { kind: 'const' }): string {
  switch (t.sort.kind) {
    case 'bool':
      return t.value === 1n ? 'true' : 'false';
    case 'int':
      return t.value < 0n ? `(- ${-t.value})` : `${t.value}`;
    case 'bv':
      return `(_ bv${t.value} ${t.sort.width})`;
    case 'string':
    case 'reglan':
      throw new Error('internal error: a constant of a string sort is a str.lit application');
    case 'array':
      throw new Error('internal error: a constant array is a const-array application');
  }
}

/**
 * A string literal in SMT-LIB 2.6 syntax: a double quote doubled;
 * printable ASCII other than the backslash as itself; every other
 * character (and the backslash, so that no `\u` in the text reads as an
 * escape) as `\u{hex}`.
 */
export function stringLiteralText(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"') out += '""';
    else if (code >= 0x20 && code <= 0x7e && ch !== '\\') out += ch;
    else out += `\\u{${code.toString(16)}}`;
  }
  return `${out}"`;
}

/** The text of a nullary application (a string literal or a constant language). */
function atomText(t: Term & { kind: 'app' }): string {
  return t.op === 'str.lit' ? stringLiteralText(t.literal ?? '') : t.op;
}

function opText(t: Term & { kind: 'app' }): string {
  if (t.op === 'ineg') return '-';
  if (t.op === 'const-array') return `(as const ${sortText(t.sort)})`;
  if (t.indices.length > 0) return `(_ ${t.op} ${t.indices.join(' ')})`;
  return t.op;
}

/** Terms reachable from the roots, children before parents, with parent counts. */
function postOrder(roots: readonly Term[]): { order: Term[]; uses: Map<Term, number> } {
  const uses = new Map<Term, number>();
  const order: Term[] = [];
  const done = new Set<Term>();
  for (const root of roots) {
    uses.set(root, (uses.get(root) ?? 0) + 1);
    const stack: { t: Term; expanded: boolean }[] = [{ t: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (done.has(top.t)) {
        stack.pop();
        continue;
      }
      if (top.expanded || top.t.kind !== 'app' || isQuantifier(top.t)) {
        done.add(top.t);
        order.push(top.t);
        stack.pop();
        continue;
      }
      top.expanded = true;
      for (const a of top.t.args) {
        uses.set(a, (uses.get(a) ?? 0) + 1);
        if (!done.has(a)) stack.push({ t: a, expanded: false });
      }
    }
  }
  return { order, uses };
}

function isQuantifier(t: Term): boolean {
  return t.kind === 'app' && (t.op === 'forall' || t.op === 'exists');
}

/** The variables inside quantifier bodies that occur free in the whole term (bound ones excluded). */
function quantifiedFreeVars(order: readonly Term[]): VarTerm[] {
  const out: VarTerm[] = [];
  const walk = (t: Term, bound: ReadonlySet<string>): void => {
    if (t.kind === 'var') {
      if (!bound.has(t.name)) out.push(t);
    } else if (t.kind === 'app') {
      const inner = isQuantifier(t)
        ? new Set([...bound, ...(t.bound ?? []).map((b) => b.name)])
        : bound;
      for (const a of t.args) walk(a, inner);
    }
  };
  for (const t of order) if (isQuantifier(t)) walk(t, new Set());
  return out;
}

/** A term printed without shared definitions (quantifier bodies). */
function inlineText(t: Term): string {
  if (t.kind === 'const') return constText(t);
  if (t.kind === 'var') return symbol(t.name);
  if (isQuantifier(t)) {
    const vars = (t.bound ?? []).map((b) => `(${symbol(b.name)} ${sortText(b.sort)})`).join(' ');
    return `(${t.op} (${vars}) ${inlineText(t.args[0])})`;
  }
  if (t.args.length === 0) return atomText(t);
  return `(${opText(t)} ${t.args.map(inlineText).join(' ')})`;
}

function collectVars(order: readonly Term[]): VarTerm[] {
  const byName = new Map<string, VarTerm>();
  for (const t of [...order, ...quantifiedFreeVars(order)]) {
    if (t.kind !== 'var') continue;
    if (t.name.startsWith(DEF_PREFIX)) throw new Error(`internal error: reserved name ${t.name}`);
    const seen = byName.get(t.name);
    if (seen !== undefined && !sortEquals(seen.sort, t.sort)) {
      throw new Error(`internal error: variable ${t.name} used with two sorts`);
    }
    byName.set(t.name, t);
  }
  return [...byName.values()];
}

/** The variables of a query, in order of first occurrence. */
export function queryVariables(q: Query): { name: string; sort: Sort }[] {
  return collectVars(postOrder(q.assertions).order).map((v) => ({ name: v.name, sort: v.sort }));
}

/**
 * Is the script outside QF_BV: does a sort other than Bool and bit-vectors
 * (Int, String, an array, ...) occur, or a quantifier? (A quantifier is a Bool term whose body `postOrder`
 * does not enter: its bound variables' sorts, often Int, are not in `order`;
 * and a quantified script is not quantifier-free whatever its sorts.)
 */
function mentionsInt(vars: readonly VarTerm[], order: readonly Term[]): boolean {
  const other = (s: Sort) => s.kind !== 'bool' && s.kind !== 'bv';
  return order.some((t) => other(t.sort) || isQuantifier(t)) || vars.some((v) => other(v.sort));
}

export function toSmtlib(q: Query): string {
  const { order, uses } = postOrder(q.assertions);
  const vars = collectVars(order);
  const lines: string[] = (q.comments ?? []).map((c) => `; ${c.replace(/\n/g, ' ')}`);
  if (!mentionsInt(vars, order)) lines.push(QF_BV_MARK);
  for (const v of vars) lines.push(`(declare-fun ${symbol(v.name)} () ${sortText(v.sort)})`);
  const text = new Map<Term, string>();
  const depth = new Map<Term, number>();
  let defs = 0;
  for (const t of order) {
    if (t.kind === 'const') text.set(t, constText(t));
    else if (t.kind === 'var') text.set(t, symbol(t.name));
    else if (isQuantifier(t) || t.args.length === 0) {
      text.set(t, inlineText(t));
      depth.set(t, 0);
    } else {
      const body = `(${opText(t)} ${t.args.map((a) => text.get(a)).join(' ')})`;
      const d = 1 + t.args.reduce((m, a) => Math.max(m, depth.get(a) ?? 0), 0);
      if ((uses.get(t) ?? 0) > 1 || d > MAX_INLINE_DEPTH) {
        const name = `${DEF_PREFIX}${defs++}`;
        lines.push(`(define-fun ${symbol(name)} () ${sortText(t.sort)} ${body})`);
        text.set(t, symbol(name));
        depth.set(t, 0);
      } else {
        text.set(t, body);
        depth.set(t, d);
      }
    }
  }
  for (const a of q.assertions) {
    if (a.sort.kind !== 'bool') throw new Error('internal error: asserting a non-Bool term');
    lines.push(`(assert ${text.get(a)})`);
  }
  lines.push('(check-sat)');
  return lines.join('\n') + '\n';
}

/** The free variables of `terms` (quantifier-free terms), in order of first occurrence. */
export function freeVariables(terms: readonly Term[]): VarTerm[] {
  return collectVars(postOrder(terms).order);
}

/**
 * Prints `roots` (quantifier-free) for use inside one formula: subterms that
 * occur more than once, or nest too deeply, are bound by nested `let`s
 * (names `%l0`, `%l1`, … are reserved like `%d`). `wrap` receives the
 * roots' texts and returns the formula the `let`s enclose.
 */
export function letText(
  roots: readonly Term[],
  wrap: (texts: readonly string[]) => string,
): string {
  const { order, uses } = postOrder(roots);
  const text = new Map<Term, string>();
  const depth = new Map<Term, number>();
  const bindings: string[] = [];
  for (const t of order) {
    if (t.kind === 'const') text.set(t, constText(t));
    else if (t.kind === 'var') text.set(t, symbol(t.name));
    else if (isQuantifier(t)) throw new Error('internal error: letText on a quantifier');
    else if (t.args.length === 0) text.set(t, atomText(t));
    else {
      const body = `(${opText(t)} ${t.args.map((a) => text.get(a)).join(' ')})`;
      const d = 1 + t.args.reduce((m, a) => Math.max(m, depth.get(a) ?? 0), 0);
      if ((uses.get(t) ?? 0) > 1 || d > MAX_INLINE_DEPTH) {
        const name = `%l${bindings.length}`;
        bindings.push(`(let ((${symbol(name)} ${body}))`);
        text.set(t, symbol(name));
        depth.set(t, 0);
      } else {
        text.set(t, body);
        depth.set(t, d);
      }
    }
  }
  const inner = wrap(roots.map((r) => text.get(r) as string));
  return (
    bindings.join(' ') + (bindings.length > 0 ? ' ' : '') + inner + ')'.repeat(bindings.length)
  );
}
