/**
 * The only place arc talks to Z3 (the `z3-solver` package).
 *
 * Guarantees:
 * - One Z3 instance per process, initialised once (`initSolver`, which also
 *   warms the solver up with a trivial check and reports both costs).
 * - Every call into Z3 is serialised: queries run one at a time, in order.
 * - What Z3 answers is exactly the printed SMT-LIB script (`fromString`), so
 *   a dumped script is the query that was answered.
 * - `checkSat` never throws for solver trouble: a timeout gives `unknown`
 *   with reason `timeout`, an aborted signal `unknown` with reason
 *   `cancelled`, anything else Z3 cannot decide `unknown` with Z3's reason.
 * - Model values are bigint: the *unsigned* value of a bit-vector (callers
 *   interpret it with their own signedness, e.g. `BigInt.asIntN`), 0n/1n for
 *   Bool, the integer for Int.
 * - `recheckUnsat` answers from a fresh low-level context through
 *   `Z3_eval_smtlib2_string` with a different strategy (bit-blasting to SAT
 *   for pure bit-vector scripts, a different random seed otherwise): it
 *   shares nothing with the context that produced the answer but the library.
 * - No Z3 object leaves this module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Context } from 'z3-solver';
import { init } from 'z3-solver';
import type { Query } from './print.js';
import { QF_BV_MARK, queryVariables, toSmtlib } from './print.js';
import type { Sort } from './term.js';

type Z3Api = Awaited<ReturnType<typeof init>>;
type Z3Context = Context<'arc'>;

export interface SolverInfo {
  /** Loading the WebAssembly module and creating the context. */
  readonly initMs: number;
  /** The first (trivial) check, which starts Z3's worker thread. */
  readonly warmupMs: number;
  readonly version: string;
}

export type SatStatus = 'sat' | 'unsat' | 'unknown';

export interface CheckOptions {
  readonly timeoutMs: number;
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
  readonly model?: Map<string, bigint>;
  readonly solverMs: number;
  /** The exact script that was answered. */
  readonly smtlib: string;
}

export interface RecheckResult {
  readonly status: SatStatus;
  readonly reason?: string;
  readonly solverMs: number;
  /** The strategy used, in words. */
  readonly strategy: string;
}

interface Instance {
  readonly api: Z3Api;
  readonly ctx: Z3Context;
  readonly info: SolverInfo;
}

let instance: Promise<Instance> | null = null;
let queue: Promise<unknown> = Promise.resolve();
/** Extra time after a Z3 timeout before arc interrupts Z3 itself. */
const INTERRUPT_GRACE_MS = 250;

/**
 * Runs `fn` after every call queued before it has finished. Z3's worker
 * threads do not keep Node's event loop alive, so a timer does while a call
 * is queued or running.
 */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = keepingAlive(queue.then(fn, fn));
  queue = run.catch(() => undefined);
  return run;
}

function keepingAlive<T>(p: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 60_000);
  return p.finally(() => clearInterval(timer));
}

async function createInstance(): Promise<Instance> {
  const t0 = performance.now();
  const api = await init();
  const ctx = new api.Context('arc');
  const initMs = performance.now() - t0;
  const t1 = performance.now();
  const s = new ctx.Solver();
  // A timeout makes Z3 start its timer thread (a Web Worker here, ~50 ms the
  // first time): warm that up too, so that the first real query does not pay.
  s.set('timeout', 60_000);
  s.fromString('(declare-fun x () (_ BitVec 8))\n(assert (= x #x01))');
  await s.check();
  s.release();
  const warmupMs = performance.now() - t1;
  return { api, ctx, info: { initMs, warmupMs, version: api.Z3.get_full_version() } };
}

function getInstance(): Promise<Instance> {
  if (instance === null) {
    instance = keepingAlive(createInstance());
    instance.catch(() => {
      instance = null;
    });
  }
  return instance;
}

/** Loads Z3 once per process (later calls return the same information). */
export async function initSolver(): Promise<SolverInfo> {
  return (await getInstance()).info;
}

/** Writes `smtlib` to `<dir>/<name>.smt2` (the name made file-system safe); returns the path. */
export function writeSmtlib(dir: string, name: string, smtlib: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.smt2`);
  writeFileSync(path, smtlib);
  return path;
}

function sortOf(q: Query): Map<string, Sort> {
  return new Map(queryVariables(q).map((v) => [v.name, v.sort]));
}

function readModel(
  ctx: Z3Context,
  model: ReturnType<InstanceType<Z3Context['Solver']>['model']>,
  names: readonly string[],
  sorts: Map<string, Sort>,
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const name of names) {
    const sort = sorts.get(name);
    if (sort === undefined) continue;
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

interface Watch {
  readonly cancelled: () => boolean;
  readonly stop: () => void;
}

/** Interrupts `ctx` when `signal` aborts or well after the Z3 timeout should have fired. */
function watch(ctx: Z3Context, timeoutMs: number, signal?: AbortSignal): Watch {
  let cancelled = false;
  const onAbort = (): void => {
    cancelled = true;
    ctx.interrupt();
  };
  signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => ctx.interrupt(), timeoutMs + INTERRUPT_GRACE_MS);
  return {
    cancelled: () => cancelled,
    stop: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

function unknownReason(z3Reason: string, elapsed: number, timeoutMs: number): string {
  if (/timeout|canceled|cancelled|interrupted/i.test(z3Reason) && elapsed >= timeoutMs * 0.9) {
    return 'timeout';
  }
  return z3Reason === '' ? 'unknown' : z3Reason;
}

async function runCheck(query: Query, smtlib: string, opts: CheckOptions): Promise<CheckResult> {
  const { ctx } = await getInstance();
  if (opts.signal?.aborted) return { status: 'unknown', reason: 'cancelled', solverMs: 0, smtlib };
  if (opts.timeoutMs <= 0) return { status: 'unknown', reason: 'timeout', solverMs: 0, smtlib };
  const solver = new ctx.Solver();
  try {
    solver.set('timeout', Math.max(1, Math.ceil(opts.timeoutMs)));
    solver.fromString(smtlib);
    const w = watch(ctx, opts.timeoutMs, opts.signal);
    const t0 = performance.now();
    let status: SatStatus;
    try {
      status = await solver.check();
    } finally {
      w.stop();
    }
    const solverMs = performance.now() - t0;
    if (w.cancelled()) return { status: 'unknown', reason: 'cancelled', solverMs, smtlib };
    if (status === 'unknown') {
      const reason = unknownReason(solver.reasonUnknown(), solverMs, opts.timeoutMs);
      return { status, reason, solverMs, smtlib };
    }
    if (status === 'unsat' || opts.modelOf === undefined) return { status, solverMs, smtlib };
    const model = readModel(ctx, solver.model(), opts.modelOf, sortOf(query));
    return { status, model, solverMs, smtlib };
  } finally {
    solver.release();
  }
}

/** Prints `query`, optionally dumps it, and asks Z3 whether it is satisfiable. */
export async function checkSat(query: Query, opts: CheckOptions): Promise<CheckResult> {
  const smtlib = toSmtlib(query);
  if (opts.dumpPath !== undefined) {
    mkdirSync(dirname(opts.dumpPath), { recursive: true });
    writeFileSync(opts.dumpPath, smtlib);
  }
  await getInstance();
  return exclusive(() => runCheck(query, smtlib, opts));
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

function parseStatus(output: string): { status: SatStatus; reason?: string } {
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
  const { api } = await getInstance();
  const { script, strategy } = recheckScript(smtlib, timeoutMs, bitBlast);
  if (signal?.aborted) return { status: 'unknown', reason: 'cancelled', solverMs: 0, strategy };
  const Z3 = api.Z3;
  const raw = Z3.mk_context(Z3.mk_config());
  let cancelled = false;
  const onAbort = (): void => {
    cancelled = true;
    Z3.interrupt(raw);
  };
  signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => Z3.interrupt(raw), timeoutMs + INTERRUPT_GRACE_MS);
  const t0 = performance.now();
  try {
    const out = await Z3.eval_smtlib2_string(raw, script);
    const solverMs = performance.now() - t0;
    if (cancelled) return { status: 'unknown', reason: 'cancelled', solverMs, strategy };
    const parsed = parseStatus(out);
    const reason =
      parsed.status === 'unknown' && solverMs >= timeoutMs * 0.9 ? 'timeout' : parsed.reason;
    return { ...parsed, ...(reason === undefined ? {} : { reason }), solverMs, strategy };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    Z3.del_context(raw);
  }
}

/**
 * Re-checks a script printed by `checkSat` (or any SMT-LIB 2 script ending in
 * `(check-sat)`) in a fresh low-level context with a different strategy.
 */
export async function recheckUnsat(
  smtlib: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RecheckResult> {
  await getInstance();
  return exclusive(() => runRecheck(smtlib, timeoutMs, signal));
}

/**
 * Loads an arbitrary SMT-LIB 2 script into a fresh high-level solver and
 * checks it (used to confirm that a dumped file answers the same).
 */
export async function checkScript(smtlib: string, timeoutMs: number): Promise<CheckResult> {
  await getInstance();
  return exclusive(() => runCheck({ assertions: [] }, smtlib, { timeoutMs }));
}
