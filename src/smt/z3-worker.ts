/**
 * The Z3 side of the solver layer: runs in its own worker thread and is the
 * only code that imports `z3-solver`. `solver.ts` starts it, sends it scripts
 * and reads plain answers back (see `protocol.ts`).
 *
 * Why a worker: Z3's WebAssembly build can abort (its heap is capped at
 * 2 GiB) or stop answering after a crash in one of its own threads. In a
 * worker such a failure costs one query, answered unknown, and a restart;
 * in the main thread it would hang or kill the whole process.
 *
 * Z3's own memory limit (`memory_max_size`) is set below the WebAssembly cap,
 * so that most runaway queries end as `unknown (out of memory)` instead of an
 * abort. Z3 keeps that state once it is reached, so the main side replaces
 * the worker after such an answer.
 */
import { parentPort } from 'node:worker_threads';
import type { Context, Expr, SMTArray, Sort as Z3Sort } from 'z3-solver';
import { init, Z3_decl_kind } from 'z3-solver';
import type { ModelRequest, Reply, Request, WorkerCheckResult, WorkerInfo } from './protocol.js';
import { MEMORY_LIMIT_MB } from './protocol.js';
import type { ArraySort, Sort } from './term.js';
import { sortText } from './term.js';
import { mapValue, stringValue, type MapValue, type Value } from '../ir/value.js';

type Z3Api = Awaited<ReturnType<typeof init>>;
type Z3Context = Context<'arc'>;

/** Extra time after a Z3 timeout before the worker interrupts Z3 itself. */
const INTERRUPT_GRACE_MS = 250;

interface Instance {
  readonly api: Z3Api;
  readonly ctx: Z3Context;
  readonly info: WorkerInfo;
}

async function createInstance(): Promise<Instance> {
  const t0 = performance.now();
  const api = await init();
  api.Z3.global_param_set('memory_max_size', String(MEMORY_LIMIT_MB));
  const ctx = new api.Context('arc');
  const initMs = performance.now() - t0;
  const t1 = performance.now();
  const s = new ctx.Solver();
  // A timeout makes Z3 start its timer thread (~50 ms the first time): warm
  // that up too, so that the first real query does not pay.
  s.set('timeout', 60_000);
  s.fromString('(declare-fun x () (_ BitVec 8))\n(assert (= x #x01))');
  await s.check();
  s.release();
  const warmupMs = performance.now() - t1;
  return { api, ctx, info: { initMs, warmupMs, version: api.Z3.get_full_version() } };
}

let instance: Instance | null = null;
/** Interrupts the query that is running, if any. */
let interruptCurrent: (() => void) | null = null;
let currentId = -1;

async function getInstance(): Promise<Instance> {
  instance ??= await createInstance();
  return instance;
}

type Z3Model = ReturnType<InstanceType<Z3Context['Solver']>['model']>;
type Z3Expr = Expr<'arc'>;

/** A String variable's model value, read code point by code point (no escapes to decode). */
function readString(api: Z3Api, ctx: Z3Context, model: Z3Model, name: string): string {
  const v = model.eval(ctx.String.const(name), true);
  const raw = ctx.ptr;
  if (!api.Z3.is_string(raw, v.ast)) throw new Error(`internal error: no string value for ${name}`);
  const codes = api.Z3.get_string_contents(raw, v.ast, api.Z3.get_string_length(raw, v.ast));
  return String.fromCodePoint(...codes);
}

function z3Sort(ctx: Z3Context, s: Sort): Z3Sort<'arc'> {
  switch (s.kind) {
    case 'bool':
      return ctx.Bool.sort();
    case 'int':
      return ctx.Int.sort();
    case 'bv':
      return ctx.BitVec.sort(s.width);
    case 'string':
      return ctx.String.sort();
    case 'array':
      return ctx.Array.sort(z3Sort(ctx, s.index), z3Sort(ctx, s.elem));
    case 'reglan':
      throw new Error(`internal error: model value of a language`);
  }
}

/** The value of a Bool, bit-vector or Int numeral; undefined for any other term. */
function numeral(ctx: Z3Context, v: Z3Expr): bigint | undefined {
  if (ctx.isBitVecVal(v) || ctx.isIntVal(v)) return v.value();
  if (ctx.isTrue(v)) return 1n;
  if (ctx.isFalse(v)) return 0n;
  return undefined;
}

/**
 * Index sorts up to this width whose array values have no better reading
 * (a lambda or function body that uses its index other than in equalities
 * with constants) are read index by index.
 */
const ENUMERATE_MAX_WIDTH = 12;

/**
 * An array's model value as a map. Z3 gives it as `((as const S) v)`, nested
 * `store`s over such a base, `(_ as-array f)` with f's interpretation
 * (entries and an else value), or a `lambda`. A form that cannot be read
 * exactly throws an internal error with the value's text (never a guess).
 */
function readArray(ctx: Z3Context, model: Z3Model, value: Z3Expr, sort: ArraySort): MapValue {
  const failed = (why: string): never => {
    throw new Error(
      `internal error: cannot read the ${sortText(sort)} model value ${value.sexpr()} (${why})`,
    );
  };
  const scalar = (e: Z3Expr): bigint => numeral(ctx, e) ?? failed(`${e.sexpr()} is no value`);
  // Stores from the outside in, then the base they are stored into.
  const stores: [bigint, bigint][] = [];
  let e = value;
  let base: MapValue;
  for (;;) {
    if (ctx.isQuantifier(e)) {
      if (!e.is_lambda() || e.num_vars() !== 1) return failed('a quantifier');
      base = readFunction(ctx, model, e, sort, [e.body()], [], failed);
      break;
    }
    if (!ctx.isApp(e)) return failed(`unexpected ${e.sexpr()}`);
    const kind = e.decl().kind();
    if (kind === Z3_decl_kind.Z3_OP_STORE && e.numArgs() === 3) {
      stores.push([scalar(e.arg(1)), scalar(e.arg(2))]);
      e = e.arg(0);
    } else if (kind === Z3_decl_kind.Z3_OP_CONST_ARRAY && e.numArgs() === 1) {
      base = mapValue(scalar(e.arg(0)));
      break;
    } else if (kind === Z3_decl_kind.Z3_OP_AS_ARRAY) {
      const f = e.decl().params()[0];
      const interp = ctx.isFuncDecl(f) ? model.get(f) : undefined;
      if (!ctx.isFuncInterp(interp) || interp.arity() !== 1) return failed('no interpretation');
      const points: Z3Expr[] = [];
      for (let i = 0; i < interp.numEntries(); i++) points.push(interp.entry(i).argValue(0));
      base = readFunction(ctx, model, e, sort, [interp.elseValue()], points, failed);
      break;
    } else {
      return failed(`unexpected ${e.sexpr()}`);
    }
  }
  const entries = new Map(base.entries);
  for (let k = stores.length - 1; k >= 0; k--) entries.set(stores[k][0], stores[k][1]);
  return mapValue(base.default, entries);
}

/**
 * The map of array `arr` (a lambda or an as-array) whose element at index x
 * is given by `bodies`, terms in x (the bound variable 0), except at the
 * indices `points` (a function's entries). If x occurs in the bodies only in
 * equalities `(= x c)` with constants c, the array is the same at every
 * index but those c and the points: it is read at each of them and at one
 * other index (the default). Otherwise an index sort of at most
 * `ENUMERATE_MAX_WIDTH` bits is read at every index; a wider one fails.
 * Every element is read by the model's own evaluation of `(select arr i)`.
 */
function readFunction(
  ctx: Z3Context,
  model: Z3Model,
  arr: Z3Expr,
  sort: ArraySort,
  bodies: readonly Z3Expr[],
  points: readonly Z3Expr[],
  failed: (why: string) => never,
): MapValue {
  if (sort.index.kind !== 'bv') return failed('an index that is not a bit-vector');
  const width = sort.index.width;
  const size = 1n << BigInt(width);
  const indices = new Set<bigint>();
  for (const p of points) indices.add(numeral(ctx, p) ?? failed(`entry at ${p.sexpr()}`));
  const simple = bodies.every((b) => equalityPoints(ctx, b, indices));
  const array = arr as unknown as SMTArray<'arc'>;
  const at = (i: bigint): bigint => {
    const v = model.eval(array.select(ctx.BitVec.val(i, width)), true);
    return numeral(ctx, v) ?? failed(`its element at ${i} is ${v.sexpr()}`);
  };
  if (simple && BigInt(indices.size) < size) {
    let other = 0n;
    while (indices.has(other)) other++;
    return mapValue(
      at(other),
      [...indices].map((i) => [i, at(i)] as const),
    );
  }
  if (width > ENUMERATE_MAX_WIDTH) return failed('its elements depend on the index');
  const all: [bigint, bigint][] = [];
  const count = new Map<bigint, number>();
  for (let i = 0n; i < size; i++) {
    const v = at(i);
    all.push([i, v]);
    count.set(v, (count.get(v) ?? 0) + 1);
  }
  // The most frequent element is the default (the smallest of equally frequent ones).
  let def = all[0][1];
  for (const [v, n] of count) {
    const best = count.get(def) ?? 0;
    if (n > best || (n === best && v < def)) def = v;
  }
  return mapValue(def, all);
}

/**
 * Does bound variable 0 occur in `body` only in equalities with constants?
 * Adds those constants to `out`. Any other occurrence of a bound variable,
 * or a nested binder, answers false.
 */
function equalityPoints(ctx: Z3Context, body: Z3Expr, out: Set<bigint>): boolean {
  const seen = new Set<number>();
  const stack: Z3Expr[] = [body];
  while (stack.length > 0) {
    const t = stack.pop() as Z3Expr;
    if (seen.has(t.id())) continue;
    seen.add(t.id());
    if (ctx.isVar(t) || ctx.isQuantifier(t)) return false;
    if (!ctx.isApp(t)) return false;
    if (t.decl().kind() === Z3_decl_kind.Z3_OP_EQ && t.numArgs() === 2) {
      const [a, b] = [t.arg(0), t.arg(1)];
      const c = ctx.isVar(a) ? b : ctx.isVar(b) ? a : undefined;
      const v = ctx.isVar(a) ? a : b;
      if (c !== undefined) {
        const value = numeral(ctx, c);
        if (value === undefined || ctx.getVarIndex(v) !== 0) return false;
        out.add(value);
        continue;
      }
    }
    for (let i = 0; i < t.numArgs(); i++) stack.push(t.arg(i));
  }
  return true;
}

function readModel(
  api: Z3Api,
  ctx: Z3Context,
  model: Z3Model,
  wanted: readonly ModelRequest[],
): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const { name, sort } of wanted) {
    if (sort.kind === 'string') {
      out.set(name, stringValue(readString(api, ctx, model, name)));
      continue;
    }
    const v = model.eval(ctx.Const(name, z3Sort(ctx, sort)), true);
    if (sort.kind === 'array') {
      out.set(name, readArray(ctx, model, v, sort));
      continue;
    }
    const x = numeral(ctx, v);
    if (x === undefined) throw new Error(`internal error: no model value for ${name}`);
    out.set(name, x);
  }
  return out;
}

/** Z3's `rlimit count` statistic (the context's work so far; a check's work is the difference). */
function workOf(solver: { statistics(): Iterable<{ key: string; value: number }> }): {
  work?: number;
} {
  for (const e of solver.statistics()) if (e.key === 'rlimit count') return { work: e.value };
  return {};
}

function unknownReason(z3Reason: string, elapsed: number, timeoutMs: number): string {
  if (/resource limit/i.test(z3Reason)) return 'work-limit';
  if (/timeout|canceled|cancelled|interrupted/i.test(z3Reason) && elapsed >= timeoutMs * 0.9) {
    return 'timeout';
  }
  return z3Reason === '' ? 'unknown' : z3Reason;
}

/** Runs `body` with `interrupt` armed for a cancel message and for the grace timer. */
async function interruptible<T>(
  id: number,
  timeoutMs: number,
  interrupt: () => void,
  body: () => Promise<T>,
): Promise<{ value: T; cancelled: boolean }> {
  let cancelled = false;
  currentId = id;
  interruptCurrent = () => {
    cancelled = true;
    interrupt();
  };
  const timer = setTimeout(interrupt, timeoutMs + INTERRUPT_GRACE_MS);
  try {
    const value = await body();
    return { value, cancelled };
  } finally {
    clearTimeout(timer);
    interruptCurrent = null;
    currentId = -1;
  }
}

async function check(
  id: number,
  smtlib: string,
  timeoutMs: number,
  rlimit: number | undefined,
  measureWork: boolean,
  modelOf: readonly ModelRequest[] | undefined,
): Promise<WorkerCheckResult> {
  const { api, ctx } = await getInstance();
  const solver = new ctx.Solver();
  try {
    solver.set('timeout', Math.max(1, Math.ceil(timeoutMs)));
    if (rlimit !== undefined) solver.set('rlimit', Math.max(1, Math.ceil(rlimit)));
    solver.fromString(smtlib);
    const before = measureWork ? (workOf(solver).work ?? 0) : 0;
    const t0 = performance.now();
    const { value: status, cancelled } = await interruptible(
      id,
      timeoutMs,
      () => ctx.interrupt(),
      () => solver.check(),
    );
    const solverMs = performance.now() - t0;
    if (cancelled) return { status: 'unknown', reason: 'cancelled', solverMs };
    const after = measureWork ? workOf(solver).work : undefined;
    const work = after === undefined ? {} : { work: after - before };
    if (status === 'unknown') {
      return {
        status,
        reason: unknownReason(solver.reasonUnknown(), solverMs, timeoutMs),
        solverMs,
        ...work,
      };
    }
    if (status === 'unsat' || modelOf === undefined) return { status, solverMs, ...work };
    const model = readModel(api, ctx, solver.model(), modelOf);
    return { status, model, solverMs, ...work };
  } finally {
    solver.release();
  }
}

function parseStatus(output: string): { status: WorkerCheckResult['status']; reason?: string } {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const error = lines.find((l) => l.startsWith('(error'));
  if (error !== undefined) return { status: 'unknown', reason: error };
  const last = lines[lines.length - 1];
  if (last === 'sat' || last === 'unsat') return { status: last };
  return { status: 'unknown', reason: last ?? 'no answer' };
}

/** The parts of the Emscripten module that `evalSmtlib2` uses. */
interface Emscripten {
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  readonly HEAPU8: Uint8Array;
  async_call(f: () => void): Promise<string>;
  ccall(name: string, ret: 'void', types: readonly string[], args: readonly unknown[]): void;
}

/**
 * `Z3_eval_smtlib2_string` with the script in memory that stays valid until
 * the answer. The binding of z3-solver 5.2 passes the script as an
 * Emscripten 'string' argument, which lives on the stack only until the call
 * returns — but the call merely starts Z3 on another thread, which then reads
 * a script that later calls overwrite (seen as spurious parse errors such as
 * "unknown constant W" on well-formed scripts).
 */
async function evalSmtlib2(
  api: Z3Api,
  raw: ReturnType<Z3Api['Z3']['mk_context']>,
  script: string,
): Promise<string> {
  const em = api.em as Emscripten;
  const bytes = new TextEncoder().encode(script);
  const ptr = em._malloc(bytes.length + 1);
  if (ptr === 0) throw new Error('out of memory');
  // Read HEAPU8 after malloc: a growing heap replaces the view.
  em.HEAPU8.set(bytes, ptr);
  em.HEAPU8[ptr + bytes.length] = 0;
  try {
    return await em.async_call(() =>
      em.ccall('async_Z3_eval_smtlib2_string', 'void', ['number', 'number'], [raw, ptr]),
    );
  } finally {
    em._free(ptr);
  }
}

/** Evaluates a whole script (which sets its own options) in a fresh low-level context. */
async function evalScript(
  id: number,
  script: string,
  timeoutMs: number,
): Promise<WorkerCheckResult> {
  const { api } = await getInstance();
  const Z3 = api.Z3;
  const raw = Z3.mk_context(Z3.mk_config());
  try {
    const t0 = performance.now();
    const { value: out, cancelled } = await interruptible(
      id,
      timeoutMs,
      () => Z3.interrupt(raw),
      () => evalSmtlib2(api, raw, script),
    );
    const solverMs = performance.now() - t0;
    if (cancelled) return { status: 'unknown', reason: 'cancelled', solverMs };
    const parsed = parseStatus(out);
    const reason =
      parsed.status === 'unknown' && solverMs >= timeoutMs * 0.9 ? 'timeout' : parsed.reason;
    return { ...parsed, ...(reason === undefined ? {} : { reason }), solverMs, output: out };
  } finally {
    Z3.del_context(raw);
  }
}

/** Set by the `silence` fault: the next request gets no reply. */
let silent = false;

async function handle(req: Request): Promise<Reply | null> {
  if (silent && req.op !== 'interrupt') {
    silent = false;
    return null;
  }
  switch (req.op) {
    case 'fault':
      switch (req.fault.kind) {
        case 'exit':
          process.exit(70);
          break;
        case 'silence':
          silent = true;
          break;
        case 'memory-limit':
          (await getInstance()).api.Z3.global_param_set('memory_max_size', String(req.fault.mb));
          break;
      }
      return { id: req.id, ok: true, done: true };
    case 'interrupt':
      if (req.id === currentId) interruptCurrent?.();
      return null;
    case 'init':
      return { id: req.id, ok: true, info: (await getInstance()).info };
    case 'check':
      return {
        id: req.id,
        ok: true,
        result: await check(
          req.id,
          req.smtlib,
          req.timeoutMs,
          req.rlimit,
          req.measureWork === true,
          req.modelOf,
        ),
      };
    case 'eval':
      return { id: req.id, ok: true, result: await evalScript(req.id, req.script, req.timeoutMs) };
  }
}

const port = parentPort;
if (port === null) throw new Error('z3-worker.js must run in a worker thread');
// Requests arrive one at a time (the main side serialises them), except
// `interrupt`, which must be handled while a check is running.
// The main side serialises its calls already; this chain makes sure that Z3
// (whose calls must not overlap) never sees two at once even if it did not.
let busy: Promise<unknown> = Promise.resolve();
port.on('message', (req: Request) => {
  const run = req.op === 'interrupt' ? handle(req) : busy.then(() => handle(req));
  if (req.op !== 'interrupt') busy = run.catch(() => undefined);
  run.then(
    (reply) => {
      if (reply !== null) port.postMessage(reply);
    },
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      // A WebAssembly RuntimeError is an abort inside Z3. Z3 reports memory
      // exhaustion as an error too, and keeps that state.
      const fatal =
        (e instanceof Error && e.name === 'RuntimeError') || /out of memory/i.test(message);
      port.postMessage({ id: req.id, ok: false, error: message, fatal } satisfies Reply);
    },
  );
});
