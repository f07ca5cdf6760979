/**
 * Loops as linear integer transition relations: the data model of the
 * termination engine.
 *
 * A loop has program variables (`x`, `y`, ...) and a list of paths through
 * its body. A path is a conjunction of linear constraints over the pre-state
 * variables `x` and the post-state variables `x'`; a variable whose primed
 * copy a path does not constrain may take any value after that path (havoc).
 * All variables range over the mathematical integers.
 *
 * Guarantees:
 * - `validateLoop` accepts a loop only if every variable name is a plain
 *   identifier, names are distinct, every path name is distinct and every
 *   constraint mentions only the loop's variables and their primed copies.
 * - `holds` evaluates a constraint exactly, in bigint arithmetic.
 * - `toRows` rewrites a constraint into the equivalent (over the integers)
 *   conjunction of rows `a·z + a0 ≤ 0`: `<` and `>` are tightened by 1,
 *   `=` gives two rows. No information is lost or added over the integers.
 */

/** A variable (`x`) or its post-state copy (`x'`). */
export type VarName = string;

export interface LinearTerm {
  readonly variable: VarName;
  readonly coeff: bigint;
}

/** `Σ coeff·variable + constant`. */
export interface LinearExpr {
  readonly terms: readonly LinearTerm[];
  readonly constant: bigint;
}

export type Relation = '<=' | '<' | '=' | '>=' | '>';

/** `lhs rel rhs`. */
export interface Constraint {
  readonly lhs: LinearExpr;
  readonly rel: Relation;
  readonly rhs: LinearExpr;
}

export interface Path {
  readonly name: string;
  readonly constraints: readonly Constraint[];
}

export interface Loop {
  readonly variables: readonly string[];
  readonly paths: readonly Path[];
}

/** A concrete state: a value for each variable (and, for transitions, each primed variable). */
export type Valuation = ReadonlyMap<VarName, bigint>;

/** A row `Σ coeffs[v]·v + constant ≤ 0` (zero coefficients omitted). */
export interface Row {
  readonly coeffs: ReadonlyMap<VarName, bigint>;
  readonly constant: bigint;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The post-state copy of `v`. */
export function primed(v: string): VarName {
  return `${v}'`;
}

// ------------------------------------------------------------ construction

export function constExpr(value: bigint): LinearExpr {
  return { terms: [], constant: value };
}

export function varExpr(name: VarName, coeff = 1n): LinearExpr {
  return { terms: [{ variable: name, coeff }], constant: 0n };
}

export function addExpr(a: LinearExpr, b: LinearExpr): LinearExpr {
  return { terms: [...a.terms, ...b.terms], constant: a.constant + b.constant };
}

export function scaleExpr(k: bigint, a: LinearExpr): LinearExpr {
  return {
    terms: a.terms.map((t) => ({ variable: t.variable, coeff: k * t.coeff })),
    constant: k * a.constant,
  };
}

const TERM = /([+-]?)(\d*)(\*?)([A-Za-z_][A-Za-z0-9_]*'?)?/y;

/** One signed term of `src` at `pos`, or null if there is none. */
function termAt(src: string, pos: number): { expr: LinearExpr; end: number } | null {
  TERM.lastIndex = pos;
  const m = TERM.exec(src);
  if (m === null) return null;
  const [, sign, digits, star, name] = m;
  if (pos > 0 && sign === '') return null;
  if (digits === '' && name === undefined) return null;
  if (star !== '' && (digits === '' || name === undefined)) return null;
  const k = (sign === '-' ? -1n : 1n) * BigInt(digits === '' ? '1' : digits);
  return { expr: name === undefined ? constExpr(k) : varExpr(name, k), end: TERM.lastIndex };
}

/** Parses a linear expression such as `2*x - y' + 3` (integer literals, `*` optional). */
export function parseExpr(text: string): LinearExpr {
  const src = text.replace(/\s+/g, '');
  if (src.length === 0) throw new Error('empty linear expression');
  let expr = constExpr(0n);
  for (let pos = 0; pos < src.length;) {
    const t = termAt(src, pos);
    if (t === null) throw new Error(`not a linear expression: ${JSON.stringify(text)}`);
    expr = addExpr(expr, t.expr);
    pos = t.end;
  }
  return expr;
}

/** Parses a constraint such as `x' = x - y` or `x > 0`. */
export function parseConstraint(text: string): Constraint {
  const m = /^(.*?)(<=|>=|<|>|=)(.*)$/.exec(text);
  if (m === null) throw new Error(`not a linear constraint: ${JSON.stringify(text)}`);
  return { lhs: parseExpr(m[1]), rel: m[2] as Relation, rhs: parseExpr(m[3]) };
}

/** A loop from variable names and, per path, constraint texts (see `parseConstraint`). */
export function loopOf(
  variables: readonly string[],
  paths: readonly (readonly string[])[],
  names?: readonly string[],
): Loop {
  const loop: Loop = {
    variables,
    paths: paths.map((cs, i) => ({
      name: names?.[i] ?? `path${i + 1}`,
      constraints: cs.map(parseConstraint),
    })),
  };
  validateLoop(loop);
  return loop;
}

// -------------------------------------------------------------- validation

function exprVariables(e: LinearExpr): string[] {
  return e.terms.map((t) => t.variable);
}

/** Throws if the loop is malformed (see the module comment). */
export function validateLoop(loop: Loop): void {
  const allowed = new Set<string>();
  for (const v of loop.variables) {
    if (!IDENT.test(v)) throw new Error(`bad variable name ${JSON.stringify(v)}`);
    if (allowed.has(v)) throw new Error(`duplicate variable ${v}`);
    allowed.add(v).add(primed(v));
  }
  const names = new Set<string>();
  for (const p of loop.paths) {
    if (names.has(p.name)) throw new Error(`duplicate path name ${p.name}`);
    names.add(p.name);
    for (const c of p.constraints) {
      for (const v of [...exprVariables(c.lhs), ...exprVariables(c.rhs)]) {
        if (!allowed.has(v)) throw new Error(`path ${p.name}: unknown variable ${v}`);
      }
    }
  }
}

// -------------------------------------------------------------- semantics

export function evalExpr(e: LinearExpr, val: Valuation): bigint {
  let sum = e.constant;
  for (const t of e.terms) {
    const x = val.get(t.variable);
    if (x === undefined) throw new Error(`no value for ${t.variable}`);
    sum += t.coeff * x;
  }
  return sum;
}

/** Whether `c` holds under `val` (exact). */
export function holds(c: Constraint, val: Valuation): boolean {
  const l = evalExpr(c.lhs, val);
  const r = evalExpr(c.rhs, val);
  switch (c.rel) {
    case '<=':
      return l <= r;
    case '<':
      return l < r;
    case '=':
      return l === r;
    case '>=':
      return l >= r;
    case '>':
      return l > r;
  }
}

// -------------------------------------------------------------- normal form

/** `lhs - rhs` with like terms collected and zero coefficients dropped. */
function difference(lhs: LinearExpr, rhs: LinearExpr): Row {
  const coeffs = new Map<string, bigint>();
  const add = (e: LinearExpr, sign: bigint): void => {
    for (const t of e.terms)
      coeffs.set(t.variable, (coeffs.get(t.variable) ?? 0n) + sign * t.coeff);
  };
  add(lhs, 1n);
  add(rhs, -1n);
  for (const [v, k] of [...coeffs]) if (k === 0n) coeffs.delete(v);
  return { coeffs, constant: lhs.constant - rhs.constant };
}

function negateRow(r: Row): Row {
  return {
    coeffs: new Map([...r.coeffs].map(([v, k]) => [v, -k])),
    constant: -r.constant,
  };
}

function shiftRow(r: Row, by: bigint): Row {
  return { coeffs: r.coeffs, constant: r.constant + by };
}

/** Rows `a·z + a0 ≤ 0` whose conjunction is equivalent to `c` over the integers. */
export function toRows(c: Constraint): Row[] {
  const d = difference(c.lhs, c.rhs); // c is `d rel 0`
  switch (c.rel) {
    case '<=':
      return [d];
    case '<':
      return [shiftRow(d, 1n)];
    case '>=':
      return [negateRow(d)];
    case '>':
      return [shiftRow(negateRow(d), 1n)];
    case '=':
      return [d, negateRow(d)];
  }
}

/** The rows of a whole path. */
export function pathRows(p: Path): Row[] {
  return p.constraints.flatMap(toRows);
}
