/**
 * From one loop of an IR function to the linear loop model of linear.ts, for
 * mathematical-integer semantics (IR type `int`; `bool` values are 0 or 1).
 *
 * The loop's paths are the edge sequences from its header back to the header
 * through its body (the natural loop of `findLoops`); each is executed
 * symbolically: an assignment substitutes, `assume` and `assert` add their
 * condition (a property's check is a separate matter; past the edge it holds),
 * `havoc` introduces a fresh unconstrained value (in 0..1 for a `bool`),
 * `skip` does nothing. Disjunctions (`!=`, `or`, `not` of `and`, `ite`, a
 * bool used as a value) split a path into several. A constant divisor `c` of
 * `div`/`rem`/`floordiv`/`floormod` introduces a fresh quotient `q` with the
 * exact defining constraints of that operation.
 *
 * Model: the variables are the IR variables the loop's edges read or write
 * (names made identifiers; `variables` maps them back), plus `auxiliary`
 * variables that carry fresh values (havoc results and quotients that no
 * program variable holds at the end of the path); only their post-state
 * copies are constrained, so their pre-state is always unconstrained.
 * A variable a path does not assign gets `x' = x`.
 *
 * Guarantee (soundness): for every concrete header-to-header step through the
 * loop body under the IR semantics with `int` variables, with pre-state `s`
 * and post-state `t`, some extracted path's constraints hold for `x = s(x)`,
 * `x' = t(x)` and suitable values of the auxiliary variables. The model may
 * over-approximate (a split disjunction's cases may overlap, fresh values are
 * unconstrained) but never drops a concrete step: a path is dropped only when
 * one of its constraints is constant false. Anything that cannot be modelled
 * exactly like this — a bit-vector variable or expression, a non-linear
 * operation, a nested loop, more than `MAX_PATHS` paths — gives `unsupported`
 * (with the offending edge's span when there is one), never an approximation.
 */
import type { Edge, Expr, IrFunction, SourceSpan } from '../../ir/ir.js';
import { allVariables, boolType } from '../../ir/ir.js';
import type { Loop as CfgLoop } from '../bmc/loops.js';
import type { Constraint, LinearExpr, Loop as LinearLoop, Path, Relation } from './linear.js';
import { addExpr, constExpr, primed, scaleExpr, validateLoop, varExpr } from './linear.js';

/** Most paths (after splitting) a loop may have. */
export const MAX_PATHS = 64;
/** Most edges executed symbolically in one extraction. */
const MAX_STEPS = 20_000;

export const BV_REASON = 'bit-vector variables: C semantics needs overflow handling';

export type ExtractResult =
  | {
      readonly kind: 'ok';
      readonly loop: LinearLoop;
      /** Linear-model name → IR variable name, for the program variables. */
      readonly variables: ReadonlyMap<string, string>;
      /** Model variables that are not program variables (fresh values). */
      readonly auxiliary: readonly string[];
      /** For each path of `loop`, the indices into `fn.edges` it takes. */
      readonly pathEdges: readonly (readonly number[])[];
    }
  | { readonly kind: 'unsupported'; readonly reason: string; readonly span?: SourceSpan };

class Unsupported extends Error {
  constructor(
    readonly reason: string,
    readonly span?: SourceSpan,
  ) {
    super(reason);
  }
}

/** A conjunction of constraints over pre-state names and fresh atoms (`#n`). */
type Conj = readonly Constraint[];
/** A value under a guard. */
interface Case {
  readonly guard: Conj;
  readonly value: LinearExpr;
}
interface State {
  readonly env: ReadonlyMap<string, LinearExpr>;
  readonly constraints: Conj;
  readonly edges: readonly number[];
}

const FLIP: Record<Relation, Relation> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '=' };

function identifier(name: string, used: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}_${i}`;
  used.add(n);
  return n;
}

function exprVars(e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case 'const':
      return;
    case 'var':
      out.add(e.name);
      return;
    case 'unary':
    case 'cast':
      exprVars(e.arg, out);
      return;
    case 'binary':
    case 'compare':
      exprVars(e.left, out);
      exprVars(e.right, out);
      return;
    case 'ite':
      exprVars(e.cond, out);
      exprVars(e.then, out);
      exprVars(e.else, out);
      return;
    case 'overflow':
      for (const a of e.args) exprVars(a, out);
  }
}

function hasBv(e: Expr): boolean {
  if (e.type.kind === 'bv') return true;
  switch (e.kind) {
    case 'const':
    case 'var':
      return false;
    case 'unary':
    case 'cast':
      return hasBv(e.arg);
    case 'binary':
    case 'compare':
      return hasBv(e.left) || hasBv(e.right);
    case 'ite':
      return hasBv(e.cond) || hasBv(e.then) || hasBv(e.else);
    case 'overflow':
      return true;
  }
}

function edgeExprs(e: Edge): Expr[] {
  const a = e.action;
  switch (a.kind) {
    case 'assign':
      return [a.value];
    case 'assume':
    case 'assert':
      return [a.cond];
    case 'havoc':
    case 'skip':
      return [];
  }
}

/** `e` with like terms collected and zero coefficients dropped. */
function normalize(e: LinearExpr): LinearExpr {
  const coeffs = new Map<string, bigint>();
  for (const t of e.terms) coeffs.set(t.variable, (coeffs.get(t.variable) ?? 0n) + t.coeff);
  const terms = [...coeffs]
    .filter(([, k]) => k !== 0n)
    .map(([variable, coeff]) => ({ variable, coeff }));
  return { terms, constant: e.constant };
}

function sub(a: LinearExpr, b: LinearExpr): LinearExpr {
  return normalize(addExpr(a, scaleExpr(-1n, b)));
}

function rel(lhs: LinearExpr, r: Relation, rhs: LinearExpr): Constraint {
  return { lhs: normalize(lhs), rel: r, rhs: normalize(rhs) };
}

/** Every combination of one element of each list, concatenated. */
function cross<T>(lists: readonly (readonly T[])[][], limit: () => void): T[][] {
  let acc: T[][] = [[]];
  for (const l of lists) {
    acc = acc.flatMap((a) => l.map((b) => [...a, ...b]));
    if (acc.length > MAX_PATHS) limit();
  }
  return acc;
}

class Executor {
  private fresh = 0;
  private span: SourceSpan | undefined;

  constructor(
    private readonly fallbackSpan: SourceSpan | undefined,
    private readonly boolVars: ReadonlySet<string>,
  ) {}

  fail(reason: string): never {
    throw new Unsupported(reason, this.span ?? this.fallbackSpan);
  }

  private tooMany = (): never => this.fail(`more than ${MAX_PATHS} paths through the loop`);

  freshAtom(): LinearExpr {
    return varExpr(`#${++this.fresh}`);
  }

  step(s: State, edge: Edge, index: number): State[] {
    this.span = edge.span;
    const a = edge.action;
    const next = (env: ReadonlyMap<string, LinearExpr>, extra: Conj): State => ({
      env,
      constraints: [...s.constraints, ...extra],
      edges: [...s.edges, index],
    });
    switch (a.kind) {
      case 'skip':
        return [next(s.env, [])];
      case 'assume':
      case 'assert':
        return this.conds(a.cond, true, s.env).map((c) => next(s.env, c));
      case 'havoc': {
        const v = this.freshAtom();
        const range = this.boolVars.has(a.target)
          ? [rel(v, '>=', constExpr(0n)), rel(v, '<=', constExpr(1n))]
          : [];
        return [next(new Map(s.env).set(a.target, v), range)];
      }
      case 'assign':
        return this.value(a.value, s.env).map((c) =>
          next(new Map(s.env).set(a.target, c.value), c.guard),
        );
    }
  }

  /** Cases covering every value of `e` (exactly: each case's guard defines its value). */
  value(e: Expr, env: ReadonlyMap<string, LinearExpr>): Case[] {
    switch (e.kind) {
      case 'const':
        return [{ guard: [], value: constExpr(e.value) }];
      case 'var': {
        const v = env.get(e.name);
        if (v === undefined) throw new Error(`internal error: no symbolic value for ${e.name}`);
        return [{ guard: [], value: v }];
      }
      case 'unary':
        if (e.op === 'neg')
          return this.value(e.arg, env).map((c) => ({
            guard: c.guard,
            value: scaleExpr(-1n, c.value),
          }));
        if (e.op === 'not') return this.boolValue(e, env);
        return this.fail(`unsupported operation ${e.op} (not linear integer arithmetic)`);
      case 'compare':
        return this.boolValue(e, env);
      case 'ite': {
        const out = [
          ...this.guarded(this.conds(e.cond, true, env), this.value(e.then, env)),
          ...this.guarded(this.conds(e.cond, false, env), this.value(e.else, env)),
        ];
        if (out.length > MAX_PATHS) this.tooMany();
        return out;
      }
      case 'cast':
        if (e.type.kind === 'bool' && e.arg.type.kind !== 'bool') return this.boolValue(e, env);
        if (e.type.kind === 'bv' || e.arg.type.kind === 'bv') return this.fail(BV_REASON);
        return this.value(e.arg, env); // int→int, bool→int, bool→bool: the value itself
      case 'overflow':
        return this.fail(BV_REASON);
      case 'binary':
        return this.binary(e, env);
    }
  }

  private binary(
    e: Extract<Expr, { kind: 'binary' }>,
    env: ReadonlyMap<string, LinearExpr>,
  ): Case[] {
    if (e.op === 'and' || e.op === 'or') return this.boolValue(e, env);
    const l = this.value(e.left, env);
    const r = this.value(e.right, env);
    const out: Case[] = [];
    for (const a of l) {
      for (const b of r) {
        const guard = [...a.guard, ...b.guard];
        const x = normalize(a.value);
        const y = normalize(b.value);
        switch (e.op) {
          case 'add':
            out.push({ guard, value: normalize(addExpr(x, y)) });
            break;
          case 'sub':
            out.push({ guard, value: sub(x, y) });
            break;
          case 'mul':
            if (y.terms.length === 0) out.push({ guard, value: scaleExpr(y.constant, x) });
            else if (x.terms.length === 0) out.push({ guard, value: scaleExpr(x.constant, y) });
            else this.fail('non-linear multiplication (a product of two variables)');
            break;
          case 'div':
          case 'rem':
          case 'floordiv':
          case 'floormod':
            out.push(...this.division(e.op, x, y, guard));
            break;
          default:
            this.fail(`unsupported operation ${e.op} (not linear integer arithmetic)`);
        }
        if (out.length > MAX_PATHS) this.tooMany();
      }
    }
    return out;
  }

  /**
   * `x op c` for a constant `c ≠ 0` with a fresh quotient `q` and `r = x - c·q`:
   * floor division has `r` in [0, c) for c > 0 and in (c, 0] for c < 0;
   * truncating division has `r` in [0, |c|) when x ≥ 0 and in (-|c|, 0] when x < 0.
   */
  private division(
    op: 'div' | 'rem' | 'floordiv' | 'floormod',
    x: LinearExpr,
    y: LinearExpr,
    guard: Conj,
  ): Case[] {
    if (y.terms.length > 0) this.fail(`non-linear ${op} (division by a variable)`);
    const c = y.constant;
    if (c === 0n) this.fail(`${op} by the constant 0`);
    const abs = c < 0n ? -c : c;
    const q = this.freshAtom();
    const r = sub(x, scaleExpr(c, q));
    const zero = constExpr(0n);
    const nonNeg = [rel(r, '>=', zero), rel(r, '<', constExpr(abs))];
    const nonPos = [rel(r, '<=', zero), rel(r, '>', constExpr(-abs))];
    const result = op === 'div' || op === 'floordiv' ? q : r;
    if (op === 'floordiv' || op === 'floormod')
      return [{ guard: [...guard, ...(c > 0n ? nonNeg : nonPos)], value: result }];
    return [
      { guard: [...guard, rel(x, '>=', zero), ...nonNeg], value: result },
      { guard: [...guard, rel(x, '<', zero), ...nonPos], value: result },
    ];
  }

  private guarded(conds: Conj[], cases: Case[]): Case[] {
    return conds.flatMap((g) => cases.map((c) => ({ guard: [...g, ...c.guard], value: c.value })));
  }

  /** A boolean expression as the value 1 or 0. */
  private boolValue(e: Expr, env: ReadonlyMap<string, LinearExpr>): Case[] {
    return [
      ...this.conds(e, true, env).map((guard) => ({ guard, value: constExpr(1n) })),
      ...this.conds(e, false, env).map((guard) => ({ guard, value: constExpr(0n) })),
    ];
  }

  /** A DNF whose disjuncts cover exactly the states where `e` is `positive`. */
  conds(e: Expr, positive: boolean, env: ReadonlyMap<string, LinearExpr>): Conj[] {
    const out = this.condsInner(e, positive, env);
    if (out.length > MAX_PATHS) this.tooMany();
    return out;
  }

  private condsInner(e: Expr, positive: boolean, env: ReadonlyMap<string, LinearExpr>): Conj[] {
    if (e.type.kind === 'bv') return this.fail(BV_REASON);
    if (e.type.kind !== 'bool') throw new Error(`internal error: ${e.kind} used as a condition`);
    switch (e.kind) {
      case 'const':
        return (e.value !== 0n) === positive ? [[]] : [];
      case 'unary':
        if (e.op === 'not') return this.conds(e.arg, !positive, env);
        break;
      case 'binary': {
        if (e.op !== 'and' && e.op !== 'or') break;
        const l = this.conds(e.left, positive, env);
        const r = this.conds(e.right, positive, env);
        // and, positive / or, negative: both hold; otherwise either does.
        if ((e.op === 'and') === positive) return cross([l, r], this.tooMany);
        return [...l, ...r];
      }
      case 'compare': {
        const out: Conj[] = [];
        for (const a of this.value(e.left, env)) {
          for (const b of this.value(e.right, env)) {
            for (const c of this.compare(e.op, positive, a.value, b.value))
              out.push([...a.guard, ...b.guard, ...c]);
          }
        }
        return out;
      }
      case 'ite':
        return [
          ...cross(
            [this.conds(e.cond, true, env), this.conds(e.then, positive, env)],
            this.tooMany,
          ),
          ...cross(
            [this.conds(e.cond, false, env), this.conds(e.else, positive, env)],
            this.tooMany,
          ),
        ];
      case 'cast':
        if (e.arg.type.kind === 'bool') return this.conds(e.arg, positive, env);
        if (e.arg.type.kind === 'int') {
          const zero = { kind: 'const', type: e.arg.type, value: 0n } as const;
          return this.conds(
            { kind: 'compare', type: boolType, op: 'ne', left: e.arg, right: zero },
            positive,
            env,
          );
        }
        return this.fail(BV_REASON);
      default:
        break;
    }
    // A bool-valued variable (or other value): it is 1 or 0.
    return this.value(e, env).map((c) => [
      ...c.guard,
      rel(c.value, '=', constExpr(positive ? 1n : 0n)),
    ]);
  }

  private compare(
    op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge',
    positive: boolean,
    a: LinearExpr,
    b: LinearExpr,
  ): Conj[] {
    const isEq = op === 'eq' || op === 'ne';
    if (isEq) {
      const equal = (op === 'eq') === positive;
      return equal ? [[rel(a, '=', b)]] : [[rel(a, '<', b)], [rel(a, '>', b)]];
    }
    const r: Relation = op === 'lt' ? '<' : op === 'le' ? '<=' : op === 'gt' ? '>' : '>=';
    return [[rel(a, positive ? r : FLIP[r], b)]];
  }
}

function substitute(e: LinearExpr, bind: ReadonlyMap<string, string>): LinearExpr {
  return normalize({
    terms: e.terms.map((t) => ({ variable: bind.get(t.variable) ?? t.variable, coeff: t.coeff })),
    constant: e.constant,
  });
}

/** Whether a constraint without variables holds; null if it has variables. */
function constantTruth(c: Constraint): boolean | null {
  const d = sub(c.lhs, c.rhs);
  if (d.terms.length > 0) return null;
  const v = d.constant;
  switch (c.rel) {
    case '<':
      return v < 0n;
    case '<=':
      return v <= 0n;
    case '=':
      return v === 0n;
    case '>=':
      return v >= 0n;
    case '>':
      return v > 0n;
  }
}

/**
 * The linear model of `loop` (a loop of `fn` from `findLoops`), or why there
 * is none. See the module comment for what is supported and the guarantee.
 */
export function extractLoop(fn: IrFunction, loop: CfgLoop): ExtractResult {
  try {
    return extract(fn, loop);
  } catch (e: unknown) {
    if (e instanceof Unsupported)
      return { kind: 'unsupported', reason: e.reason, ...(e.span ? { span: e.span } : {}) };
    throw e;
  }
}

function extract(fn: IrFunction, loop: CfgLoop): ExtractResult {
  const header = loop.header;
  const loopEdges = fn.edges
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => loop.body.has(e.from) && loop.body.has(e.to));

  // Variables, and bit-vectors anywhere in the loop.
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const used = new Set<string>();
  for (const { e } of loopEdges) {
    const a = e.action;
    if (a.kind === 'assign' || a.kind === 'havoc') used.add(a.target);
    for (const x of edgeExprs(e)) exprVars(x, used);
  }
  for (const { e } of loopEdges) {
    const bvTarget =
      (e.action.kind === 'assign' || e.action.kind === 'havoc') &&
      types.get(e.action.target)?.kind === 'bv';
    if (bvTarget || edgeExprs(e).some(hasBv)) throw new Unsupported(BV_REASON, e.span ?? loop.span);
  }
  const irNames = allVariables(fn)
    .map((v) => v.name)
    .filter((n) => used.has(n));
  for (const n of used)
    if (!types.has(n)) throw new Error(`internal error: unknown IR variable ${n}`);

  // Nested loops: the body without the edges into the header must be acyclic.
  const out = new Map<number, { e: Edge; i: number }[]>();
  for (const le of loopEdges) out.set(le.e.from, [...(out.get(le.e.from) ?? []), le]);
  const indegree = new Map<number, number>([...loop.body].map((n) => [n, 0]));
  for (const { e } of loopEdges)
    if (e.to !== header) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  const ready = [...indegree].filter(([, d]) => d === 0).map(([n]) => n);
  let sorted = 0;
  while (ready.length > 0) {
    const n = ready.pop() as number;
    sorted++;
    for (const { e } of out.get(n) ?? []) {
      if (e.to === header) continue;
      const d = (indegree.get(e.to) as number) - 1;
      indegree.set(e.to, d);
      if (d === 0) ready.push(e.to);
    }
  }
  if (sorted < loop.body.size) throw new Unsupported('nested loop', loop.span);

  // Model names.
  const taken = new Set<string>();
  const modelOf = new Map(irNames.map((n) => [n, identifier(n, taken)]));
  const boolVars = new Set(irNames.filter((n) => types.get(n)?.kind === 'bool'));

  // Symbolic execution of every header-to-header path.
  const exec = new Executor(loop.span, boolVars);
  const done: State[] = [];
  let steps = 0;
  const initial: State = {
    env: new Map(irNames.map((n) => [n, varExpr(modelOf.get(n) as string)])),
    constraints: [],
    edges: [],
  };
  const stack: { node: number; state: State }[] = [{ node: header, state: initial }];
  while (stack.length > 0) {
    const { node, state } = stack.pop() as { node: number; state: State };
    for (const { e, i } of out.get(node) ?? []) {
      if (++steps > MAX_STEPS) exec.fail(`more than ${MAX_PATHS} paths through the loop`);
      for (const s of exec.step(state, e, i)) {
        if (e.to === header) done.push(s);
        else stack.push({ node: e.to, state: s });
      }
      if (done.length > MAX_PATHS) exec.fail(`more than ${MAX_PATHS} paths through the loop`);
    }
  }

  // Post-states, fresh atoms bound to post-state variables or auxiliaries.
  const finished: { constraints: Constraint[]; atoms: string[]; edges: readonly number[] }[] = [];
  for (const s of done) {
    const bind = new Map<string, string>();
    const eqs: Constraint[] = [];
    for (const n of irNames) {
      const m = modelOf.get(n) as string;
      const v = normalize(s.env.get(n) as LinearExpr);
      const t = v.terms[0];
      if (
        v.terms.length === 1 &&
        v.constant === 0n &&
        t.coeff === 1n &&
        t.variable.startsWith('#') &&
        !bind.has(t.variable)
      ) {
        bind.set(t.variable, primed(m));
      } else eqs.push(rel(varExpr(primed(m)), '=', v));
    }
    let feasible = true;
    const constraints: Constraint[] = [];
    for (const c of [...s.constraints, ...eqs]) {
      const d = rel(substitute(c.lhs, bind), c.rel, substitute(c.rhs, bind));
      const truth = constantTruth(d);
      if (truth === false) feasible = false;
      if (truth === null) constraints.push(d);
    }
    if (!feasible) continue;
    const atoms = new Set<string>();
    for (const c of constraints)
      for (const t of [...c.lhs.terms, ...c.rhs.terms])
        if (t.variable.startsWith('#')) atoms.add(t.variable);
    finished.push({ constraints, atoms: [...atoms], edges: s.edges });
  }

  const auxCount = Math.max(0, ...finished.map((f) => f.atoms.length));
  const auxiliary = Array.from({ length: auxCount }, (_, k) => identifier(`aux${k + 1}`, taken));
  const paths: Path[] = finished.map((f, j) => {
    const bind = new Map(f.atoms.map((a, k) => [a, primed(auxiliary[k])]));
    return {
      name: `path${j + 1}`,
      constraints: f.constraints.map((c) =>
        rel(substitute(c.lhs, bind), c.rel, substitute(c.rhs, bind)),
      ),
    };
  });
  const linear: LinearLoop = { variables: [...modelOf.values(), ...auxiliary], paths };
  validateLoop(linear);
  return {
    kind: 'ok',
    loop: linear,
    variables: new Map([...modelOf].map(([ir, m]) => [m, ir])),
    auxiliary,
    pathEdges: finished.map((f) => f.edges),
  };
}
