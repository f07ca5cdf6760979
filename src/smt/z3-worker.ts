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
import type { Context } from 'z3-solver';
import { init } from 'z3-solver';
import type { ModelRequest, Reply, Request, WorkerCheckResult, WorkerInfo } from './protocol.js';
import { MEMORY_LIMIT_MB } from './protocol.js';
import { stringValue, type Value } from '../ir/value.js';

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

/** A String variable's model value, read code point by code point (no escapes to decode). */
function readString(api: Z3Api, ctx: Z3Context, model: Z3Model, name: string): string {
  const v = model.eval(ctx.String.const(name), true);
  const raw = ctx.ptr;
  if (!api.Z3.is_string(raw, v.ast)) throw new Error(`internal error: no string value for ${name}`);
  const codes = api.Z3.get_string_contents(raw, v.ast, api.Z3.get_string_length(raw, v.ast));
  return String.fromCodePoint(...codes);
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
    if (sort.kind === 'reglan') throw new Error(`internal error: model value of a language`);
    const c =
      sort.kind === 'bool'
        ? ctx.Bool.const(name)
        : sort.kind === 'int'
          ? ctx.Int.const(name)
          : ctx.BitVec.const(name, sort.width);
    const v = model.eval(c, true);
    if (ctx.isBitVecVal(v) || ctx.isIntVal(v)) out.set(name, v.value());
    else if (ctx.isTrue(v)) out.set(name, 1n);
    else if (ctx.isFalse(v)) out.set(name, 0n);
    else throw new Error(`internal error: no model value for ${name}`);
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
