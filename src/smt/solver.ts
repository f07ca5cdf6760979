/**
 * arc's entry point to Z3 (the `z3-solver` package, which only the worker
 * thread in `z3-worker.ts` loads).
 *
 * Guarantees:
 * - One Z3 worker thread per lane, started on first use (`initSolver`
 *   reports what loading Z3 and a first trivial check cost). Lane 0 is the
 *   default; `onLane` runs work on another lane, in parallel.
 * - Every call into one lane's Z3 is serialised: queries run one at a time, in order.
 * - What Z3 answers is exactly the printed SMT-LIB script, so a dumped script
 *   is the query that was answered.
 * - `checkSat` never throws for solver trouble: a timeout gives `unknown`
 *   with reason `timeout`, an aborted signal `unknown` with reason
 *   `cancelled`, running out of memory `unknown (out of memory)`, and a
 *   solver that crashes or stops answering `unknown` with that reason (the
 *   worker is then replaced, so later queries are answered again).
 * - Model values are arc's values (ir/value.ts): a bigint scalar is the
 *   *unsigned* value of a bit-vector (callers interpret it with their own
 *   signedness, e.g. `BigInt.asIntN`), 0n/1n for Bool, the integer for Int;
 *   a String variable's value is a `string` value (exact code points, no
 *   escapes), an array variable's a `map` value (indices the unsigned
 *   values of its index sort, elements scalars as above; read exactly from
 *   whatever form Z3 gives, or the check throws an internal error).
 *   `modelScalars` gives the scalars alone.
 * - `recheckUnsat` answers from a fresh low-level context through
 *   `Z3_eval_smtlib2_string` with a different strategy (bit-blasting to SAT
 *   for pure bit-vector scripts, a different random seed otherwise): it
 *   shares nothing with the context that produced the answer but the library.
 * - No Z3 object exists outside the worker.
 */
import { trace, tracing } from '../core/trace.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Worker } from 'node:worker_threads';
import type { Value } from '../ir/value.js';
import type { Query } from './print.js';
import { QF_BV_MARK, queryVariables, toSmtlib } from './print.js';
import type {
  Fault,
  ModelRequest,
  Reply,
  Request,
  WorkerCheckResult,
  WorkerInfo,
} from './protocol.js';

export type SolverInfo = WorkerInfo;

export type SatStatus = 'sat' | 'unsat' | 'unknown';

export interface CheckOptions {
  /** Wall-clock limit of the check (the outer limit). */
  readonly timeoutMs: number;
  /**
   * Z3's resource limit (`rlimit`): a bound on the solver's work, which is the
   * same on a quiet and a busy machine. A check that reaches it answers
   * unknown with reason `work-limit`. Absent: no bound but the time.
   */
  readonly rlimit?: number;
  readonly signal?: AbortSignal;
  /** Variables whose model values to return when the answer is sat. */
  readonly modelOf?: readonly string[];
  /** Write the script to this file before solving. */
  readonly dumpPath?: string;
}

export interface CheckResult {
  readonly status: SatStatus;
  /** Why the answer is unknown: `timeout`, `cancelled`, or Z3's own reason. */
  readonly reason?: string;
  /** Values of `modelOf` variables (see the module comment for the convention). */
  readonly model?: ReadonlyMap<string, Value>;
  readonly solverMs: number;
  /** Z3's `rlimit count` for the check, when known. */
  readonly work?: number;
  /** The exact script that was answered. */
  readonly smtlib: string;
}

/** The scalar (bit-vector, Int, Bool) values of a model, by variable name. */
export function modelScalars(model: ReadonlyMap<string, Value> | undefined): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [name, v] of model ?? []) if (typeof v === 'bigint') out.set(name, v);
  return out;
}

/** The String values of a model, by variable name. */
export function modelStrings(model: ReadonlyMap<string, Value> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, v] of model ?? [])
    if (typeof v !== 'bigint' && v.kind === 'string') out.set(name, v.value);
  return out;
}

export interface RecheckResult {
  readonly status: SatStatus;
  readonly reason?: string;
  readonly solverMs: number;
  /** The strategy used, in words. */
  readonly strategy: string;
}

/**
 * How long past a query's own timeout the worker may stay silent before it
 * is declared hung and replaced. Z3 usually stops within milliseconds of its
 * timeout and the worker interrupts it 250 ms later, but some of its
 * preprocessing (bit-blasting large multiplications) polls neither: such a
 * query costs its worker rather than overrunning the caller's deadline.
 */
const HANG_GRACE_MS = 600;
/** How long a cancelled query may take to stop before its worker is replaced. */
const ABORT_GRACE_MS = 250;
/** The reason of a query that was cancelled (also when its worker had to be stopped). */
const CANCELLED = 'cancelled';
/** The reason of a call whose worker stayed silent past its limit (and was replaced). */
const HUNG = 'the solver did not answer in time and was restarted';
/** Loading Z3 in a new worker (about 0.3 s; generous for a loaded machine). */
const INIT_LIMIT_MS = 120_000;

type Outcome =
  | { readonly kind: 'reply'; readonly reply: Reply }
  | { readonly kind: 'failed'; readonly reason: string };

interface Thread {
  readonly worker: Worker;
  readonly pending: Map<number, (o: Outcome) => void>;
  info: Promise<SolverInfo> | null;
  /** Answers every pending call with `reason`, forgets this thread and stops it. */
  readonly retire: (reason: string) => void;
}

/**
 * A lane is one Z3 worker thread with its own queue: calls on one lane are
 * serialised, calls on different lanes run in parallel (each worker has its
 * own Z3 instance and memory). Lane 0 is the default; `onLane` runs a piece
 * of work — with every solver call it makes, however deeply nested — on
 * another lane, so a portfolio can run engines side by side.
 */
class Lane {
  thread: Thread | null = null;
  queue: Promise<unknown> = Promise.resolve();
  answeredByThread = 0;
}

const lanes = new Map<number, Lane>();
const laneContext = new AsyncLocalStorage<number>();
let nextId = 1;

function currentLane(): Lane {
  const n = laneContext.getStore() ?? 0;
  let lane = lanes.get(n);
  if (lane === undefined) {
    lane = new Lane();
    lanes.set(n, lane);
  }
  return lane;
}

/**
 * Stops every lane's worker (pending calls answer unknown). For a process
 * that has its answer and must not wait for cancelled work to wind down;
 * a later call starts a fresh worker.
 */
export function stopSolvers(): void {
  for (const lane of lanes.values()) lane.thread?.retire(CANCELLED);
}

/** Runs `work` with every solver call it makes (directly or not) on lane `lane`. */
export function onLane<T>(lane: number, work: () => Promise<T>): Promise<T> {
  return laneContext.run(lane, work);
}

function startThread(lane: Lane): Thread {
  const worker = new Worker(new URL('./z3-worker.js', import.meta.url));
  // An idle worker must not keep the process alive; a pending call refs it.
  worker.unref();
  const pending = new Map<number, (o: Outcome) => void>();
  const t: Thread = {
    worker,
    pending,
    info: null,
    retire: (reason) => {
      if (lane.thread === t) lane.thread = null;
      const waiting = [...pending.values()];
      pending.clear();
      for (const done of waiting) done({ kind: 'failed', reason });
      void worker.terminate();
    },
  };
  worker.on('message', (reply: Reply) => {
    const done = pending.get(reply.id);
    if (done === undefined) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    done({ kind: 'reply', reply });
  });
  worker.on('error', (e: Error) => t.retire(`the solver crashed: ${e.message}`));
  worker.on('exit', (code) => t.retire(`the solver thread stopped (exit code ${code})`));
  return t;
}

type Call = Request extends infer R
  ? R extends { op: 'interrupt' }
    ? never
    : Omit<R, 'id'>
  : never;

/** Sends `req` to the worker; a silent worker is replaced after `limitMs`. */
function call(req: Call, limitMs: number, signal?: AbortSignal): Promise<Outcome> {
  const lane = currentLane();
  lane.thread ??= startThread(lane);
  const t = lane.thread;
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => t.retire(HUNG), limitMs);
    let killer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      t.worker.postMessage({ op: 'interrupt', id } satisfies Request);
      // Some of Z3's preprocessing does not poll for interrupts: a query that
      // is still busy after the grace period costs its worker instead.
      killer = setTimeout(() => t.retire(CANCELLED), ABORT_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort);
    t.pending.set(id, (o) => {
      clearTimeout(timer);
      if (killer !== undefined) clearTimeout(killer);
      signal?.removeEventListener('abort', onAbort);
      resolve(o);
    });
    t.worker.ref();
    t.worker.postMessage({ ...req, id } as Request);
  });
}

/** Runs `fn` after every call queued before it has finished. */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const lane = currentLane();
  const run = lane.queue.then(fn, fn);
  lane.queue = run.catch(() => undefined);
  return run;
}

function currentInfo(): Promise<SolverInfo> {
  const lane = currentLane();
  lane.thread ??= startThread(lane);
  const t = lane.thread;
  t.info ??= call({ op: 'init' }, INIT_LIMIT_MS).then((o) => {
    if (o.kind === 'reply' && o.reply.ok && 'info' in o.reply) return o.reply.info;
    t.info = null;
    const why = o.kind === 'failed' ? o.reason : o.reply.ok ? 'no information' : o.reply.error;
    throw new Error(`could not start Z3: ${why}`);
  });
  return t.info;
}

/**
 * Tests only: injects a failure into the running worker (see `Fault`), to
 * check that arc answers unknown and recovers.
 */
export async function injectSolverFault(fault: Fault): Promise<void> {
  await currentInfo();
  const o = await exclusive(() => call({ op: 'fault', fault }, INIT_LIMIT_MS));
  if (fault.kind !== 'exit' && !(o.kind === 'reply' && o.reply.ok)) {
    throw new Error('internal error: the solver worker did not take the fault');
  }
}

/** Loads Z3 once per worker (later calls return the same information). */
export function initSolver(): Promise<SolverInfo> {
  return currentInfo();
}

/**
 * Queries a worker answers before it is replaced by a fresh one: Z3's
 * WebAssembly heap only grows, and a long-lived instance has been seen to
 * corrupt it.
 */
const QUERIES_PER_WORKER = 1500;

/**
 * A check or eval request: the worker's result, or unknown with the reason it
 * failed. A query whose worker crashed (not one that ran out of time or
 * memory) is asked once more of a fresh worker, with the time left.
 */
async function solve(
  req: Call,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<WorkerCheckResult> {
  const t0 = performance.now();
  const first = await solveOnce(req, timeoutMs, signal);
  if (first.crashed !== true) return first.result;
  const left = Math.floor(timeoutMs - (performance.now() - t0));
  if (left < 100 || signal?.aborted) return first.result;
  const retry = { ...req, timeoutMs: left } as Call;
  const second = await solveOnce(retry, left, signal);
  return { ...second.result, solverMs: performance.now() - t0 };
}

async function solveOnce(
  req: Call,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ result: WorkerCheckResult; crashed?: boolean }> {
  if (signal?.aborted) return { result: { status: 'unknown', reason: 'cancelled', solverMs: 0 } };
  if (timeoutMs <= 0) return { result: { status: 'unknown', reason: 'timeout', solverMs: 0 } };
  const lane = currentLane();
  if (lane.thread !== null && lane.answeredByThread >= QUERIES_PER_WORKER)
    lane.thread.retire('recycled');
  if (lane.thread === null) lane.answeredByThread = 0;
  await currentInfo();
  lane.answeredByThread++;
  const t0 = performance.now();
  const unknown = (reason: string): WorkerCheckResult => ({
    status: 'unknown',
    reason,
    solverMs: performance.now() - t0,
  });
  const o = await call(req, timeoutMs + HANG_GRACE_MS, signal);
  if (o.kind === 'failed' && o.reason === CANCELLED) return { result: unknown(CANCELLED) };
  if (o.kind === 'failed') {
    // Silent past the query's time limit and the grace period: the worker is
    // replaced, and for the caller the query timed out.
    if (o.reason === HUNG) return { result: unknown('timeout') };
    return { result: unknown(o.reason), crashed: true };
  }
  const reply = o.reply;
  if (!reply.ok) {
    if (reply.fatal) {
      const oom = /out of memory/i.test(reply.error);
      const reason = oom ? 'out of memory' : `the solver crashed: ${reply.error}`;
      lane.thread?.retire(reason);
      return { result: unknown(reason), crashed: !oom };
    }
    // The worker's own failures (e.g. a model value it cannot read) keep their message.
    if (reply.error.startsWith('internal error')) throw new Error(reply.error);
    throw new Error(`Z3 rejected the script: ${reply.error}`);
  }
  if (!('result' in reply))
    throw new Error('internal error: the solver worker answered out of turn');
  // Z3 keeps its out-of-memory state: start afresh for the next query.
  if (reply.result.reason !== undefined && /memory/i.test(reply.result.reason)) {
    lane.thread?.retire('out of memory');
  }
  return { result: reply.result };
}

/** Writes `smtlib` to `<dir>/<name>.smt2` (the name made file-system safe); returns the path. */
export function writeSmtlib(dir: string, name: string, smtlib: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.smt2`);
  writeFileSync(path, smtlib);
  return path;
}

/** The sorts of the `names` that occur in `q` (others have no model value). */
function modelRequests(q: Query, names: readonly string[]): ModelRequest[] {
  const sorts = new Map(queryVariables(q).map((v) => [v.name, v.sort]));
  return names.flatMap((name) => {
    const sort = sorts.get(name);
    return sort === undefined ? [] : [{ name, sort }];
  });
}

/** Prints `query`, optionally dumps it, and asks Z3 whether it is satisfiable. */
export function checkSat(query: Query, opts: CheckOptions): Promise<CheckResult> {
  const smtlib = toSmtlib(query);
  if (opts.dumpPath !== undefined) {
    mkdirSync(dirname(opts.dumpPath), { recursive: true });
    writeFileSync(opts.dumpPath, smtlib);
  }
  const modelOf = opts.modelOf === undefined ? undefined : modelRequests(query, opts.modelOf);
  const req: Call = {
    op: 'check',
    smtlib,
    timeoutMs: opts.timeoutMs,
    ...(opts.rlimit === undefined ? {} : { rlimit: opts.rlimit }),
    ...(tracing('smt') ? { measureWork: true } : {}),
    ...(modelOf === undefined ? {} : { modelOf }),
  };
  return exclusive(async () => {
    const r = await solve(req, opts.timeoutMs, opts.signal);
    trace(
      'smt',
      () =>
        `check ${r.status}${r.reason ? ` (${r.reason})` : ''} in ${r.solverMs.toFixed(0)} ms, work ${r.work ?? '?'}${opts.rlimit ? ` of ${opts.rlimit}` : ''}`,
    );
    return { ...r, smtlib };
  });
}

/** The script with its final `(check-sat)` replaced by an independent strategy. */
function recheckScript(
  smtlib: string,
  timeoutMs: number,
  bitBlast: boolean,
): { script: string; strategy: string } {
  const body = smtlib.trimEnd();
  if (!body.endsWith('(check-sat)'))
    throw new Error('internal error: script does not end in check-sat');
  const head = body.slice(0, -'(check-sat)'.length);
  const opts = `(set-option :timeout ${Math.max(1, Math.ceil(timeoutMs))})\n`;
  if (bitBlast && body.split('\n').includes(QF_BV_MARK)) {
    return {
      script: `${opts}${head}(check-sat-using (then simplify bit-blast sat))\n`,
      strategy: 'a fresh Z3 context, bit-blasting to SAT',
    };
  }
  return {
    script: `${opts}(set-option :smt.random_seed 7919)\n(set-option :sat.random_seed 7919)\n${head}(check-sat)\n`,
    strategy: 'a fresh Z3 context with a different random seed',
  };
}

/**
 * Bit-blasting to SAT first (for bit-vector scripts); if that strategy gives
 * up without a timeout or cancellation, a second fresh context with a
 * different random seed tries the script as it is.
 */
async function runRecheck(
  smtlib: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RecheckResult> {
  const t0 = performance.now();
  const r = await runRecheckOnce(smtlib, timeoutMs, signal);
  // Z3 has no reason to reject a script it answered a moment ago: an error
  // here points at the worker (z3-solver's binding once let Z3 read a script
  // that later calls overwrote; see evalSmtlib2 in z3-worker.ts). A fresh
  // worker gets one more try.
  if (r.status !== 'unknown' || r.reason?.startsWith('(error') !== true) return r;
  const left = Math.floor(timeoutMs - (performance.now() - t0));
  if (left < 100 || signal?.aborted === true) return r;
  currentLane().thread?.retire('restarted after a script error');
  const again = await runRecheckOnce(smtlib, left, signal);
  return { ...again, solverMs: r.solverMs + again.solverMs };
}

async function runRecheckOnce(
  smtlib: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RecheckResult> {
  const first = await runRecheckWith(smtlib, timeoutMs, true, signal);
  if (first.status !== 'unknown' || first.reason === 'timeout' || first.reason === 'cancelled') {
    return first;
  }
  const rest = Math.max(1, timeoutMs - first.solverMs);
  const second = await runRecheckWith(smtlib, rest, false, signal);
  return { ...second, solverMs: first.solverMs + second.solverMs };
}

async function runRecheckWith(
  smtlib: string,
  timeoutMs: number,
  bitBlast: boolean,
  signal?: AbortSignal,
): Promise<RecheckResult> {
  const { script, strategy } = recheckScript(smtlib, timeoutMs, bitBlast);
  const r = await solve({ op: 'eval', script, timeoutMs }, timeoutMs, signal);
  return {
    status: r.status,
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    solverMs: r.solverMs,
    strategy,
  };
}

/**
 * Re-checks a script printed by `checkSat` (or any SMT-LIB 2 script ending in
 * `(check-sat)`) in a fresh low-level context with a different strategy.
 */
export function recheckUnsat(
  smtlib: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RecheckResult> {
  return exclusive(() => runRecheck(smtlib, timeoutMs, signal));
}

export interface ScriptResult {
  /** The first answer the script printed (`sat`, `unsat`), or unknown. */
  readonly status: SatStatus;
  readonly reason?: string;
  /** Everything the script printed. */
  readonly output: string;
  readonly solverMs: number;
}

/**
 * Runs a whole script (which sets its own logic and options, e.g. a
 * `(set-logic HORN)` problem followed by `(get-model)`) in a fresh
 * low-level context and returns what it printed.
 */
export function runScript(
  script: string,
  timeoutMs: number,
  signal?: AbortSignal,
  rlimit?: number,
): Promise<ScriptResult> {
  return exclusive(async () => {
    const work =
      rlimit === undefined ? '' : `(set-option :rlimit ${Math.max(1, Math.ceil(rlimit))})\n`;
    const opts = `(set-option :timeout ${Math.max(1, Math.ceil(timeoutMs))})\n${work}`;
    const r = await solve({ op: 'eval', script: opts + script, timeoutMs }, timeoutMs, signal);
    const output = r.output ?? '';
    const first = output
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0);
    const status: SatStatus = first === 'sat' || first === 'unsat' ? first : 'unknown';
    const reason = status === 'unknown' ? (r.reason ?? first ?? 'no answer') : undefined;
    return {
      status,
      ...(reason === undefined ? {} : { reason }),
      output,
      solverMs: r.solverMs,
    };
  });
}

/**
 * Loads an arbitrary SMT-LIB 2 script into a fresh high-level solver and
 * checks it (used to confirm that a dumped file answers the same).
 */
export function checkScript(smtlib: string, timeoutMs: number): Promise<CheckResult> {
  return exclusive(async () => ({
    ...(await solve({ op: 'check', smtlib, timeoutMs }, timeoutMs)),
    smtlib,
  }));
}
