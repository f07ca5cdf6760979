/**
 * SSA encoding of an unwound DAG.
 *
 * Each DAG node gets a reachability guard (the disjunction of the guards of
 * its incoming edges) and a value for every variable (an `ite` over the
 * incoming edges, first true edge first). Along an edge: `assign` rebinds,
 * `havoc` binds a fresh constant, `assume` strengthens the guard, `assert`
 * of a selected property records the violation `guard ∧ ¬cond` and
 * continues under `cond`; asserts of other properties act as assumes.
 *
 * Guarantees: a model of (violation term) is a run of the function along
 * the DAG — the path is recovered by walking back from the violating edge
 * through the first incoming edge whose guard holds, which is exactly the
 * edge whose values the `ite`s selected.
 */
import type { IrFunction, Variable } from '../../ir/ir.js';
import { allVariables } from '../../ir/ir.js';
import type { Term, VarTerm } from '../../smt/index.js';
import { and, disjunction, falseTerm, ite, mkVar, not, trueTerm } from '../../smt/index.js';
import type { Env } from '../encoding/bitvector.js';
import { encodeExpr, sortOf, UnsupportedError } from '../encoding/bitvector.js';
import type { Dag, DagEdge } from './unwind.js';

export interface Violation {
  readonly property: string;
  readonly edge: DagEdge;
  readonly term: Term;
}

export interface Encoding {
  /** Guard after the edge's action, by DAG edge id (false for dead edges). */
  readonly edgeGuard: readonly Term[];
  readonly violations: readonly Violation[];
  /** Reachability of each unwinding edge, in `dag.unwindEdges` order. */
  readonly unwinds: readonly Term[];
  /** The constant bound by each `havoc` DAG edge, by DAG edge id. */
  readonly havocs: ReadonlyMap<number, VarTerm>;
  /** The constant holding each parameter's initial value, by IR name. */
  readonly inputs: ReadonlyMap<string, VarTerm>;
}

interface EdgeState {
  readonly guard: Term;
  readonly env: Env;
}

function inputName(v: Variable): string {
  return `in!${v.name}`;
}

function initialEnv(fn: IrFunction): { env: Env; inputs: Map<string, VarTerm> } {
  const env = new Map<string, Term>();
  const inputs = new Map<string, VarTerm>();
  for (const p of fn.params) {
    const v = mkVar(inputName(p), sortOf(p.type));
    inputs.set(p.name, v);
    env.set(p.name, v);
  }
  for (const l of fn.locals) env.set(l.name, mkVar(`init!${l.name}`, sortOf(l.type)));
  return { env, inputs };
}

function mergeEnvs(states: readonly EdgeState[]): Env {
  const first = states[0].env;
  if (states.every((s) => s.env === first)) return first;
  const out = new Map<string, Term>();
  for (const name of first.keys()) {
    const vals = states.map((s) => s.env.get(name) as Term);
    let acc = vals[vals.length - 1];
    for (let i = vals.length - 2; i >= 0; i--) acc = ite(states[i].guard, vals[i], acc);
    out.set(name, acc);
  }
  return out;
}

class Encoder {
  readonly edgeGuard: Term[] = [];
  readonly violations: Violation[] = [];
  readonly havocs = new Map<number, VarTerm>();
  private readonly states = new Map<number, EdgeState>();
  private readonly types: Map<string, Variable>;

  constructor(
    private readonly fn: IrFunction,
    private readonly selected: ReadonlySet<string>,
  ) {
    this.types = new Map(allVariables(fn).map((v) => [v.name, v]));
  }

  /** The state on entry to a non-entry node, from its live incoming edges. */
  joinState(incoming: readonly DagEdge[]): EdgeState {
    const live: EdgeState[] = [];
    for (const e of incoming) {
      const s = this.states.get(e.id);
      this.states.delete(e.id);
      if (s !== undefined && s.guard !== falseTerm) live.push(s);
    }
    if (live.length === 0) return { guard: falseTerm, env: new Map() };
    return { guard: disjunction(live.map((s) => s.guard)), env: mergeEnvs(live) };
  }

  /** Applies the edge's action; records its state for its target. */
  traverse(e: DagEdge, pre: EdgeState): EdgeState {
    if (pre.guard === falseTerm) return this.record(e, pre);
    const action = this.fn.edges[e.irEdge].action;
    switch (action.kind) {
      case 'skip':
        return this.record(e, pre);
      case 'assign': {
        const env = new Map(pre.env);
        env.set(action.target, encodeExpr(action.value, pre.env));
        return this.record(e, { guard: pre.guard, env });
      }
      case 'havoc': {
        const v = this.types.get(action.target);
        if (v === undefined) throw new UnsupportedError(`unknown variable ${action.target}`);
        const fresh = mkVar(`nd!${this.havocs.size}!${action.target}`, sortOf(v.type));
        this.havocs.set(e.id, fresh);
        const env = new Map(pre.env);
        env.set(action.target, fresh);
        return this.record(e, { guard: pre.guard, env });
      }
      case 'assume':
        return this.record(e, {
          guard: and(pre.guard, encodeExpr(action.cond, pre.env)),
          env: pre.env,
        });
      case 'assert': {
        const cond = encodeExpr(action.cond, pre.env);
        if (this.selected.has(action.property)) {
          this.violations.push({
            property: action.property,
            edge: e,
            term: and(pre.guard, not(cond)),
          });
        }
        return this.record(e, { guard: and(pre.guard, cond), env: pre.env });
      }
    }
  }

  private record(e: DagEdge, s: EdgeState): EdgeState {
    this.edgeGuard[e.id] = s.guard;
    if (e.to !== null) this.states.set(e.id, s);
    return s;
  }
}

export function encodeDag(fn: IrFunction, dag: Dag, selected: ReadonlySet<string>): Encoding {
  const enc = new Encoder(fn, selected);
  const init = initialEnv(fn);
  for (const node of dag.nodes) {
    const state =
      node.incoming.length === 0
        ? { guard: trueTerm, env: init.env }
        : enc.joinState(node.incoming);
    for (const e of node.outgoing) enc.traverse(e, state);
  }
  return {
    edgeGuard: enc.edgeGuard,
    violations: enc.violations,
    unwinds: dag.unwindEdges.map((e) => enc.edgeGuard[e.id]),
    havocs: enc.havocs,
    inputs: init.inputs,
  };
}
