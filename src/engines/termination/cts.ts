/**
 * The cutpoint transition system of an IR function: the model the
 * termination engine reasons about.
 *
 * Locations are the function's entry and every loop header (`findLoops`);
 * a transition is one acyclic path of the control-flow graph from a location
 * to the next location it reaches, as linear integer constraints (see
 * symbolic.ts for the exact semantics) over the pre-state variables `x`, the
 * post-state variables `x'` and the transition's own auxiliary variables
 * (fresh values: havoc results, quotients, wrap-around counts). Paths that
 * end the run (return, halt, a failed assertion) are not transitions: a run
 * that takes one terminates.
 *
 * State variables are the IR variables live at some location; at a location
 * only its live variables matter (`live`): a transition constrains the pre
 * state of the variables live at its source and the post state of those live
 * at its target, and nothing else. Every bit-vector variable live at the
 * source is constrained to its type's range.
 *
 * Guarantee (exactness): for every concrete step of the IR semantics from a
 * location to the next location without undefined behaviour, some transition's
 * constraints hold for the pre and post values of the live variables and
 * suitable auxiliary values; conversely every solution of a transition's
 * constraints is such a step, where the auxiliary values of `havocs` are the
 * values the havocs return (the other auxiliary values are determined). The
 * undefined behaviour the paths can reach is listed in `obligations`.
 * Anything outside the supported fragment gives `unsupported` with a span.
 */
import type { Edge, IrFunction, SourceSpan, Type } from '../../ir/ir.js';
import { allVariables } from '../../ir/ir.js';
import { liveness } from '../../ir/liveness.js';
import { findLoops } from '../../ir/loops.js';
import type { Constraint, LinearExpr } from './linear.js';
import { primed, varExpr } from './linear.js';
import type { Obligation, State } from './symbolic.js';
import {
  constantTruth,
  Executor,
  MAX_PATHS,
  normalize,
  rangeConstraints,
  rel,
  substitute,
  Unsupported,
} from './symbolic.js';

/** Most edges executed symbolically while building one system. */
const MAX_STEPS = 50_000;

export interface CtsLocation {
  /** The IR node. */
  readonly node: number;
  /** The loop header's place in the source (the function's for the entry). */
  readonly span?: SourceSpan;
  /** Model variables live here. */
  readonly live: readonly string[];
}

export interface CtsHavoc {
  /** `__VERIFIER_nondet_int`, `undefined function f`, ... */
  readonly source: string;
  /** The value the havoc returned, over the transition's variables (null: any value of its type). */
  readonly value: LinearExpr | null;
  readonly edge: number;
}

export interface CtsTransition {
  readonly index: number;
  readonly from: number;
  readonly to: number;
  /** Over `x` (pre), `x'` (post) and `aux'` (auxiliary values). */
  readonly constraints: readonly Constraint[];
  /** Auxiliary variable names (they occur primed). */
  readonly aux: readonly string[];
  readonly havocs: readonly CtsHavoc[];
  /** Indices into `fn.edges`. */
  readonly edges: readonly number[];
  /**
   * Non-linear definitions `result = x·y` (over the transition's variables):
   * the constraints alone leave `result` arbitrary, which proofs may use
   * (an over-approximation); non-termination queries add these.
   */
  readonly products: readonly CtsProduct[];
  /**
   * The transition over-approximates the path (some value outside
   * arithmetic with products is left arbitrary): fine for proofs, not for
   * non-termination.
   */
  readonly approximate: boolean;
}

export interface CtsProduct {
  readonly result: string;
  readonly x: LinearExpr;
  readonly y: LinearExpr;
}

export interface Cts {
  readonly fn: IrFunction;
  /** Model variable names (identifiers), in IR order. */
  readonly variables: readonly string[];
  /** Model name → IR variable. */
  readonly irName: ReadonlyMap<string, string>;
  readonly types: ReadonlyMap<string, Type>;
  /** Location 0 is the entry. */
  readonly locations: readonly CtsLocation[];
  readonly transitions: readonly CtsTransition[];
  readonly obligations: readonly (Obligation & { readonly location: number })[];
}

export type CtsResult =
  | { readonly kind: 'ok'; readonly cts: Cts }
  | { readonly kind: 'unsupported'; readonly reason: string; readonly span?: SourceSpan };

function identifier(name: string, used: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}_${i}`;
  used.add(n);
  return n;
}

export function buildCts(fn: IrFunction): CtsResult {
  try {
    return { kind: 'ok', cts: build(fn) };
  } catch (e: unknown) {
    if (e instanceof Unsupported)
      return { kind: 'unsupported', reason: e.reason, ...(e.span ? { span: e.span } : {}) };
    throw e;
  }
}

function build(fn: IrFunction): Cts {
  const loops = findLoops(fn);
  if (!loops.ok) throw new Unsupported(loops.message, loops.span);
  const headers = [...new Set(loops.info.loops.map((l) => l.header))].sort((a, b) => a - b);
  const locNodes = [fn.entry, ...headers.filter((h) => h !== fn.entry)];
  const spanOf = new Map(loops.info.loops.map((l) => [l.header, l.span]));
  const locOf = new Map(locNodes.map((n, i) => [n, i]));

  const vars = allVariables(fn);
  const types = new Map(vars.map((v) => [v.name, v.type]));
  const live = liveness(fn);
  const liveAny = new Set<string>();
  for (const n of locNodes) for (const v of live[n]) liveAny.add(v);
  const taken = new Set<string>();
  const modelOf = new Map<string, string>();
  for (const v of vars) if (liveAny.has(v.name)) modelOf.set(v.name, identifier(v.name, taken));
  const irName = new Map([...modelOf].map(([ir, m]) => [m, ir]));
  const modelTypes = new Map([...modelOf].map(([ir, m]) => [m, types.get(ir) as Type]));
  const liveModel = (node: number): string[] =>
    [...modelOf].filter(([ir]) => live[node].has(ir)).map(([, m]) => m);

  const kinds = new Map(fn.properties.map((p) => [p.id, p.kind]));
  const exec = new Executor(
    fn.span,
    (v) => types.get(v) as Type,
    (id) => kinds.get(id),
  );
  const out: { e: Edge; i: number }[][] = fn.nodes.map(() => []);
  fn.edges.forEach((e, i) => out[e.from].push({ e, i }));

  const transitions: CtsTransition[] = [];
  const obligations: (Obligation & { location: number })[] = [];
  let steps = 0;
  locNodes.forEach((node, from) => {
    const liveHere = live[node];
    const env = new Map<string, LinearExpr>();
    for (const v of vars) {
      const m = modelOf.get(v.name);
      // A dead variable is never read before it is written; give it a placeholder.
      env.set(v.name, m !== undefined && liveHere.has(v.name) ? varExpr(m) : varExpr(`#dead`));
    }
    const pre: Constraint[] = liveModel(node).flatMap((m) =>
      rangeConstraints(varExpr(m), modelTypes.get(m) as Type),
    );
    const initial: State = { env, constraints: pre, edges: [], havocs: [] };
    const obligationsBefore = exec.obligations.length;
    const done: { state: State; to: number }[] = [];
    const stack: { node: number; state: State }[] = [{ node, state: initial }];
    while (stack.length > 0) {
      const { node: n, state } = stack.pop() as { node: number; state: State };
      for (const { e, i } of out[n]) {
        if (++steps > MAX_STEPS) exec.fail(`more than ${MAX_STEPS} symbolic steps`);
        for (const s of exec.step(state, e, i)) {
          if (s.constraints.some((c) => constantTruth(c) === false)) continue;
          const to = locOf.get(e.to);
          if (to !== undefined) done.push({ state: s, to });
          else if (fn.nodes[e.to].kind === 'normal') stack.push({ node: e.to, state: s });
        }
        if (done.length > MAX_PATHS * 4)
          exec.fail(`more than ${MAX_PATHS * 4} paths from one loop head to the next`);
      }
    }
    for (const o of exec.obligations.slice(obligationsBefore))
      obligations.push({ ...o, location: from });
    for (const { state, to } of done) {
      const t = finish(
        state,
        from,
        to,
        liveModel(locNodes[to]),
        irName,
        transitions.length,
        exec.approximate,
        exec.products,
      );
      if (t !== null) transitions.push(t);
    }
  });

  // Obligations mention fresh atoms (#n) as free variables, which is what they mean: some value.
  return {
    fn,
    variables: [...modelOf.values()],
    irName,
    types: modelTypes,
    locations: locNodes.map((node) => {
      const span = node === fn.entry ? fn.span : spanOf.get(node);
      return { node, ...(span === undefined ? {} : { span }), live: liveModel(node) };
    }),
    transitions,
    obligations: obligations.map((o) => ({
      ...o,
      constraints: o.constraints.map((c) => renameAtoms(c)),
    })),
  };
}

/** `#n` → `_n` so that obligation constraints only mention identifiers. */
function renameAtoms(c: Constraint): Constraint {
  const fix = (e: LinearExpr): LinearExpr => ({
    terms: e.terms.map((t) => ({
      variable: t.variable.startsWith('#') ? `_atom${t.variable.slice(1)}` : t.variable,
      coeff: t.coeff,
    })),
    constant: e.constant,
  });
  return { lhs: fix(c.lhs), rel: c.rel, rhs: fix(c.rhs) };
}

function finish(
  s: State,
  from: number,
  to: number,
  liveTo: readonly string[],
  irName: ReadonlyMap<string, string>,
  index: number,
  approximateAtoms: ReadonlySet<string>,
  productDefs: ReadonlyMap<string, { readonly x: LinearExpr; readonly y: LinearExpr }>,
): CtsTransition | null {
  let approximate = false;
  const mark = (e: LinearExpr): void => {
    if (e.terms.some((t) => approximateAtoms.has(t.variable))) approximate = true;
  };
  for (const c of s.constraints) {
    mark(c.lhs);
    mark(c.rhs);
  }
  for (const m of liveTo) mark(s.env.get(irName.get(m) as string) as LinearExpr);
  const bind = new Map<string, string>();
  const eqs: Constraint[] = [];
  for (const m of liveTo) {
    const v = normalize(s.env.get(irName.get(m) as string) as LinearExpr);
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
  const constraints: Constraint[] = [];
  const atoms = new Set<string>();
  const collect = (c: Constraint): void => {
    for (const t of [...c.lhs.terms, ...c.rhs.terms])
      if (t.variable.startsWith('#') && !bind.has(t.variable)) atoms.add(t.variable);
  };
  for (const c of [...s.constraints, ...eqs]) collect(c);
  for (const h of s.havocs) if (!bind.has(h.atom)) atoms.add(h.atom);
  // A product's factors must be named too (they may be atoms themselves).
  const used = [...bind.keys(), ...atoms].filter((a) => productDefs.has(a));
  const products: string[] = [];
  while (used.length > 0) {
    const a = used.pop() as string;
    if (products.includes(a)) continue;
    products.push(a);
    const def = productDefs.get(a) as { x: LinearExpr; y: LinearExpr };
    for (const t of [...def.x.terms, ...def.y.terms]) {
      if (!t.variable.startsWith('#')) continue;
      if (!bind.has(t.variable)) atoms.add(t.variable);
      if (productDefs.has(t.variable)) used.push(t.variable);
    }
  }
  atoms.delete('#dead');
  const aux = [...atoms].map((a) => `_aux${a.slice(1)}`);
  [...atoms].forEach((a, k) => bind.set(a, primed(aux[k])));
  for (const c of [...s.constraints, ...eqs]) {
    if (
      c.lhs.terms.some((t) => t.variable === '#dead') ||
      c.rhs.terms.some((t) => t.variable === '#dead')
    )
      throw new Error('internal error: a dead variable was read');
    const d = rel(substitute(c.lhs, bind), c.rel, substitute(c.rhs, bind));
    const truth = constantTruth(d);
    if (truth === false) return null;
    if (truth === null) constraints.push(d);
  }
  const havocs: CtsHavoc[] = s.havocs.map((h) => ({
    source: h.source,
    value: varExpr(bind.get(h.atom) as string),
    edge: h.edge,
  }));
  const defs: CtsProduct[] = products.map((a) => {
    const def = productDefs.get(a) as { x: LinearExpr; y: LinearExpr };
    return {
      result: bind.get(a) as string,
      x: substitute(def.x, bind),
      y: substitute(def.y, bind),
    };
  });
  return {
    index,
    from,
    to,
    constraints,
    aux,
    havocs,
    edges: s.edges,
    products: defs,
    approximate,
  };
}
