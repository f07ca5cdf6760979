/**
 * Reads the models Z3 prints for Horn problems —
 *   ((define-fun inv1 ((x!0 Int) (x!1 Int)) Bool (<= x!0 x!1)) …)
 * — into arc terms. Only the integer/Boolean fragment Spacer produces is
 * accepted (`and or not => ite = <= >= < > + - * div mod abs let`); anything
 * else gives null, and the engine then has no invariant to offer.
 */
import type { Term } from '../../smt/index.js';
import {
  boolConst,
  conjunction,
  disjunction,
  eq,
  implies,
  intBinary,
  intCompare,
  intConst,
  intNeg,
  ite,
  not,
} from '../../smt/index.js';

export type SExpr = string | readonly SExpr[];

/** Parses every s-expression in `text`; null on unbalanced parentheses. */
export function parseSExprs(text: string): SExpr[] | null {
  const tokens = text.match(/\|[^|]*\||;[^\n]*|"(?:[^"]|"")*"|[()]|[^\s()]+/g) ?? [];
  const stack: SExpr[][] = [[]];
  for (const tok of tokens) {
    if (tok.startsWith(';')) continue;
    if (tok === '(') stack.push([]);
    else if (tok === ')') {
      const done = stack.pop();
      if (done === undefined || stack.length === 0) return null;
      stack[stack.length - 1].push(done);
    } else stack[stack.length - 1].push(tok);
  }
  return stack.length === 1 ? stack[0] : null;
}

export interface PredicateModel {
  readonly name: string;
  /** The formal parameters' names, in order. */
  readonly params: readonly string[];
  readonly body: SExpr;
}

/** The `define-fun`s of a model. */
export function modelDefinitions(model: SExpr): PredicateModel[] {
  if (typeof model === 'string') return [];
  const out: PredicateModel[] = [];
  for (const d of model) {
    if (typeof d === 'string' || d.length !== 5 || d[0] !== 'define-fun') continue;
    const [, name, params, , body] = d;
    if (typeof name !== 'string' || typeof params === 'string') continue;
    const names = params.map((p) => (typeof p === 'string' ? '' : String(p[0])));
    out.push({ name, params: names, body });
  }
  return out;
}

class Unreadable extends Error {}

/** The body as a term, with each name in `bind` replaced; null if outside the fragment. */
export function toTerm(body: SExpr, bind: ReadonlyMap<string, Term>): Term | null {
  try {
    return convert(body, bind);
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
}

function convert(x: SExpr, bind: ReadonlyMap<string, Term>): Term {
  if (typeof x === 'string') {
    if (x === 'true') return boolConst(true);
    if (x === 'false') return boolConst(false);
    if (/^[0-9]+$/.test(x)) return intConst(BigInt(x));
    const v = bind.get(x);
    if (v === undefined) throw new Unreadable(x);
    return v;
  }
  const [head, ...rest] = x;
  if (typeof head !== 'string') throw new Unreadable('head');
  if (head === 'let') {
    const [bindings, body] = rest;
    if (typeof bindings === 'string' || body === undefined) throw new Unreadable('let');
    const inner = new Map(bind);
    for (const b of bindings) {
      if (typeof b === 'string' || typeof b[0] !== 'string' || b[1] === undefined)
        throw new Unreadable('let binding');
      inner.set(b[0], convert(b[1], bind));
    }
    return convert(body, inner);
  }
  const args = rest.map((a) => convert(a, bind));
  const one = (): Term => {
    if (args.length !== 1) throw new Unreadable(head);
    return args[0];
  };
  const two = (): [Term, Term] => {
    if (args.length !== 2) throw new Unreadable(head);
    return [args[0], args[1]];
  };
  const chain = (rel: (a: Term, b: Term) => Term): Term => {
    if (args.length < 2) throw new Unreadable(head);
    return conjunction(args.slice(1).map((b, i) => rel(args[i], b)));
  };
  switch (head) {
    case 'and':
      return conjunction(args);
    case 'or':
      return disjunction(args);
    case 'not':
      return not(one());
    case '=>':
      return implies(...two());
    case 'ite': {
      if (args.length !== 3) throw new Unreadable('ite');
      return ite(args[0], args[1], args[2]);
    }
    case '=':
      return chain(eq);
    case '<=':
      return chain((a, b) => intCompare('<=', a, b));
    case '<':
      return chain((a, b) => intCompare('<', a, b));
    case '>=':
      return chain((a, b) => intCompare('<=', b, a));
    case '>':
      return chain((a, b) => intCompare('<', b, a));
    case '+':
      return args.reduce((a, b) => intBinary('+', a, b));
    case '-':
      return args.length === 1 ? intNeg(args[0]) : args.reduce((a, b) => intBinary('-', a, b));
    case '*':
      return args.reduce((a, b) => intBinary('*', a, b));
    case 'div':
      return intBinary('div', ...two());
    case 'mod':
      return intBinary('mod', ...two());
    case 'abs': {
      const a = one();
      return ite(intCompare('<=', intConst(0n), a), a, intNeg(a));
    }
    default:
      throw new Unreadable(head);
  }
}
