/**
 * Linear integer constraints: the data model of the termination engine.
 * A transition is a conjunction of constraints over the pre-state variables
 * `x` and the post-state variables `x'`; all variables range over the
 * mathematical integers.
 *
 * Guarantees:
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

/** A concrete state: a value for each variable (and, for transitions, each primed variable). */
export type Valuation = ReadonlyMap<VarName, bigint>;

/** A row `Σ coeffs[v]·v + constant ≤ 0` (zero coefficients omitted). */
export interface Row {
  readonly coeffs: ReadonlyMap<VarName, bigint>;
  readonly constant: bigint;
}

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
