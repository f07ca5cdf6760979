/**
 * Reads a violating run out of a model of the violation query.
 *
 * Every term of the encoding is re-evaluated in JavaScript from the model's
 * values of the free constants (parameters, havoc results, initial values
 * of locals), with the same SMT-LIB semantics the solver used. The run is
 * the backward walk from a violation whose term is true, through the first
 * incoming edge with a true guard (the one the encoding's `ite`s select).
 * If the re-evaluation does not confirm a violation, `extractWitness`
 * returns null rather than guess.
 */
import type { IrFunction, Type } from '../../ir/ir.js';
import type { RawWitness } from '../engine.js';
import type { Term, TermValue, VarTerm } from '../../smt/index.js';
import { evaluate } from '../../smt/index.js';
import { mapValue, type Value } from '../../ir/value.js';
import type { Encoding } from './encode.js';
import type { DagEdge } from './unwind.js';

/** A model value (unsigned for bit-vectors) in the range of IR type `t`. */
function toTypeRange(value: TermValue | undefined, t: Type): Value {
  if (t.kind === 'array')
    return value !== undefined && typeof value !== 'bigint' ? value : mapValue(0n);
  const v = typeof value === 'bigint' ? value : 0n;
  return t.kind === 'bv' && t.signed ? BigInt.asIntN(t.width, v) : v;
}

/** A variable's model value; a variable the model leaves out is 0 (an empty array for arrays). */
function valueIn(model: ReadonlyMap<string, TermValue>, v: VarTerm): TermValue {
  return model.get(v.name) ?? (v.sort.kind === 'array' ? mapValue(0n) : 0n);
}

export type Evaluator = (t: Term) => bigint;

/** Evaluates terms under a model, sharing work between calls. */
export function modelEvaluator(model: ReadonlyMap<string, TermValue>): Evaluator {
  const memo = new Map<Term, bigint>();
  const valueOf = (v: VarTerm): TermValue => valueIn(model, v);
  return (t) => {
    let r = memo.get(t);
    if (r === undefined) {
      r = evaluate(t, valueOf, memo);
      memo.set(t, r);
    }
    return r;
  };
}

function backwardPath(enc: Encoding, last: DagEdge, holds: Evaluator): DagEdge[] | null {
  const path: DagEdge[] = [last];
  for (let node = last.from; node.incoming.length > 0;) {
    const e = node.incoming.find((i) => holds(enc.edgeGuard[i.id]) === 1n);
    if (e === undefined) return null;
    path.push(e);
    node = e.from;
  }
  return path.reverse();
}

export function extractWitness(
  fn: IrFunction,
  enc: Encoding,
  model: ReadonlyMap<string, TermValue>,
): RawWitness | null {
  const holds = modelEvaluator(model);
  const violation = enc.violations.find((v) => holds(v.term) === 1n);
  if (violation === undefined) return null;
  const path = backwardPath(enc, violation.edge, holds);
  if (path === null) return null;
  const types = new Map([...fn.params, ...fn.locals].map((v) => [v.name, v.type]));
  const inputs = new Map<string, Value>();
  for (const p of fn.params) {
    const c = enc.inputs.get(p.name) as VarTerm;
    inputs.set(p.name, toTypeRange(model.get(c.name), p.type));
  }
  const nondet: Value[] = [];
  for (const e of path) {
    const h = enc.havocs.get(e.id);
    if (h === undefined) continue;
    const action = fn.edges[e.irEdge].action;
    const t = action.kind === 'havoc' ? types.get(action.target) : undefined;
    if (t === undefined) return null;
    nondet.push(toTypeRange(model.get(h.name), t));
  }
  return { inputs, nondet, property: violation.property, path: path.map((e) => e.irEdge) };
}
