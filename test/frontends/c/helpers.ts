/**
 * Test helpers for the C front-end: lowering inline C sources and a tiny
 * concrete IR interpreter (deterministic: it follows the one edge whose
 * condition holds), used to check C semantics against known results.
 */
import assert from 'node:assert/strict';
import { bvRange, wrapToType, type Expr, type IrFunction, type Type } from '../../../src/ir/ir.js';
import {
  lowerCSource,
  type CFrontendOptions,
  type CFrontendResult,
} from '../../../src/frontends/c/index.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';

export async function lower(
  src: string,
  opts: Partial<CFrontendOptions> = {},
): Promise<CFrontendResult> {
  return lowerCSource('/tmp/arc-test/t.c', src, { dataModel: 'LP64', ...opts });
}

/** Lowers `entry` and returns its IR function (fails the test on diagnostics of error severity). */
export async function lowerFn(
  src: string,
  entry: string,
  opts: Partial<CFrontendOptions> = {},
): Promise<IrFunction> {
  const r = await lower(src, { entry, ...opts });
  if (!r.ok) assert.fail(`lowering failed: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  const fn = r.program.functions.get(entry);
  assert.ok(fn, `no function ${entry}`);
  return fn;
}

/** Lowers and expects failure; returns the diagnostics. */
export async function lowerFails(
  src: string,
  entry?: string,
  opts: Partial<CFrontendOptions> = {},
): Promise<Diagnostic[]> {
  const r = await lower(src, { ...(entry ? { entry } : {}), ...opts });
  assert.equal(r.ok, false, 'lowering should have failed');
  return r.diagnostics;
}

function wrap(v: bigint, t: Type): bigint {
  if (t.kind === 'bv') return wrapToType(v, t);
  if (t.kind === 'bool') return v !== 0n ? 1n : 0n;
  return v;
}

function evalExpr(e: Expr, env: Map<string, bigint>): bigint {
  switch (e.kind) {
    case 'const':
      return e.value;
    case 'var': {
      const v = env.get(e.name);
      if (v === undefined) throw new Error(`unset variable ${e.name}`);
      return v;
    }
    case 'unary': {
      const a = evalExpr(e.arg, env);
      return wrap(e.op === 'neg' ? -a : e.op === 'bitnot' ? ~a : a === 0n ? 1n : 0n, e.type);
    }
    case 'binary':
      return evalBinary(e, env);
    case 'compare': {
      const a = evalExpr(e.left, env);
      const b = evalExpr(e.right, env);
      const ops = { eq: a === b, ne: a !== b, lt: a < b, le: a <= b, gt: a > b, ge: a >= b };
      return ops[e.op] ? 1n : 0n;
    }
    case 'ite':
      return evalExpr(e.cond, env) !== 0n ? evalExpr(e.then, env) : evalExpr(e.else, env);
    case 'cast': {
      const a = evalExpr(e.arg, env);
      return wrap(a, e.type);
    }
    case 'select':
    case 'store':
      throw new Error('arrays are not evaluated here');
    case 'overflow':
      return evalOverflow(e, env);
  }
}

function evalBinary(e: Extract<Expr, { kind: 'binary' }>, env: Map<string, bigint>): bigint {
  const a = evalExpr(e.left, env);
  const b = evalExpr(e.right, env);
  const w = e.type.kind === 'bv' ? BigInt(e.type.width) : 0n;
  switch (e.op) {
    case 'add':
      return wrap(a + b, e.type);
    case 'sub':
      return wrap(a - b, e.type);
    case 'mul':
      return wrap(a * b, e.type);
    case 'div':
      if (b === 0n) throw new Error('division by zero');
      return wrap(a / b, e.type);
    case 'rem':
      if (b === 0n) throw new Error('division by zero');
      return wrap(a % b, e.type);
    case 'shl':
      return b >= w ? 0n : wrap(a << b, e.type);
    case 'shr':
      return b >= w ? (a < 0n ? -1n : 0n) : wrap(a >> b, e.type);
    case 'bitand':
    case 'and':
      return wrap(a & b, e.type);
    case 'bitor':
    case 'or':
      return wrap(a | b, e.type);
    case 'bitxor':
      return wrap(a ^ b, e.type);
    default:
      throw new Error(`op ${e.op}`);
  }
}

function evalOverflow(e: Extract<Expr, { kind: 'overflow' }>, env: Map<string, bigint>): bigint {
  const t = e.args[0].type;
  const v = e.args.map((x) => evalExpr(x, env));
  if (t.kind !== 'bv') return 0n;
  const { min, max } = bvRange(t);
  const out = (x: bigint): bigint => (x < min || x > max ? 1n : 0n);
  switch (e.op) {
    case 'add':
      return t.signed ? out(v[0] + v[1]) : 0n;
    case 'sub':
      return t.signed ? out(v[0] - v[1]) : 0n;
    case 'mul':
      return t.signed ? out(v[0] * v[1]) : 0n;
    case 'neg':
      return t.signed ? out(-v[0]) : 0n;
    case 'div':
      return t.signed ? out(v[0] / v[1]) : 0n;
    case 'shl':
      return t.signed ? (v[0] < 0n ? 1n : out(v[0] << v[1])) : 0n;
  }
}

export type RunResult =
  | { kind: 'return'; value: bigint | null; env: Map<string, bigint> }
  | { kind: 'violation'; property: string }
  | { kind: 'halt' }
  | { kind: 'stuck' };

/** Runs a function on inputs (by parameter name) and a list of nondeterministic values. */
export function run(
  fn: IrFunction,
  inputs: Record<string, bigint> = {},
  nondet: bigint[] = [],
  maxSteps = 100000,
): RunResult {
  const env = new Map<string, bigint>(Object.entries(inputs));
  for (const p of fn.params) if (!env.has(p.name)) env.set(p.name, 0n);
  const queue = [...nondet];
  let node = fn.entry;
  for (let step = 0; step < maxSteps; step++) {
    const kind = fn.nodes[node].kind;
    if (kind === 'return')
      return { kind: 'return', value: fn.returnVar ? (env.get(fn.returnVar) ?? null) : null, env };
    if (kind === 'halt') return { kind: 'halt' };
    const out = fn.edges.filter((e) => e.from === node);
    let next: number | null = null;
    for (const e of out) {
      const a = e.action;
      if (a.kind === 'assume' && evalExpr(a.cond, env) === 0n) continue;
      if (a.kind === 'assert' && evalExpr(a.cond, env) === 0n)
        return { kind: 'violation', property: a.property };
      if (a.kind === 'assign') env.set(a.target, evalExpr(a.value, env));
      if (a.kind === 'havoc') env.set(a.target, queue.shift() ?? 0n);
      next = e.to;
      break;
    }
    if (next === null) return { kind: 'stuck' };
    node = next;
  }
  throw new Error('step limit');
}

/** Lowers `int f(...)` style code and runs `entry`, returning the result. */
async function runC(
  src: string,
  entry: string,
  inputs: Record<string, bigint> = {},
  nondet: bigint[] = [],
  opts: Partial<CFrontendOptions> = {},
): Promise<RunResult> {
  return run(await lowerFn(src, entry, opts), inputs, nondet);
}

export async function returns(
  src: string,
  entry = 'f',
  opts: Partial<CFrontendOptions> = {},
): Promise<bigint | null> {
  const r = await runC(src, entry, {}, [], opts);
  assert.equal(
    r.kind,
    'return',
    `expected a return, got ${JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
  );
  return r.kind === 'return' ? r.value : null;
}
