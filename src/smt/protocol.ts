/**
 * Messages between `solver.ts` (main thread) and `z3-worker.ts` (the thread
 * that owns Z3). Everything here is plain data that survives structured
 * cloning (bigint and Map included).
 */
import type { Sort } from './term.js';
import type { Value } from '../ir/value.js';

/**
 * Z3's own memory limit, in MB. Z3's WebAssembly heap cannot grow past
 * 2 GiB; below this limit Z3 answers `unknown (out of memory)` instead of
 * aborting.
 */
export const MEMORY_LIMIT_MB = 1536;

export interface WorkerInfo {
  readonly initMs: number;
  readonly warmupMs: number;
  readonly version: string;
}

export interface ModelRequest {
  readonly name: string;
  readonly sort: Sort;
}

export interface WorkerCheckResult {
  readonly status: 'sat' | 'unsat' | 'unknown';
  readonly reason?: string;
  /**
   * Model values of the variables asked for: bigint scalars, `string` values
   * for String variables, `map` values for arrays.
   */
  readonly model?: Map<string, Value>;
  readonly solverMs: number;
  /** The work Z3 did (its `rlimit count`), when known: reproducible, unlike time. */
  readonly work?: number;
  /** Everything an `eval` script printed (its check-sat answer, models, errors). */
  readonly output?: string;
}

export type Request =
  | { readonly op: 'init'; readonly id: number }
  | {
      readonly op: 'check';
      readonly id: number;
      readonly smtlib: string;
      readonly timeoutMs: number;
      /** Z3's resource limit for this check (its `rlimit`): a bound on work, not time. */
      readonly rlimit?: number;
      /** Report the check's work (two statistics reads: only when a trace asks for it). */
      readonly measureWork?: boolean;
      readonly modelOf?: readonly ModelRequest[];
    }
  /** A whole script (with its own options and check command) in a fresh context. */
  | {
      readonly op: 'eval';
      readonly id: number;
      readonly script: string;
      readonly timeoutMs: number;
    }
  /** Interrupts request `id` if it is running (no reply). */
  | { readonly op: 'interrupt'; readonly id: number }
  /** Tests only: make the worker fail the way a broken Z3 does (see `solver.ts`). */
  | { readonly op: 'fault'; readonly id: number; readonly fault: Fault };

/**
 * Failures the tests inject: the thread exits, the next request is never
 * answered (a hung Z3), or Z3's memory limit drops to `mb`.
 */
export type Fault =
  | { readonly kind: 'exit' }
  | { readonly kind: 'silence' }
  | { readonly kind: 'memory-limit'; readonly mb: number };

export type Reply =
  | { readonly id: number; readonly ok: true; readonly info: WorkerInfo }
  | { readonly id: number; readonly ok: true; readonly result: WorkerCheckResult }
  | { readonly id: number; readonly ok: true; readonly done: true }
  /** `fatal`: Z3 itself broke (an abort in its WebAssembly code); the worker is unusable. */
  | { readonly id: number; readonly ok: false; readonly error: string; readonly fatal: boolean };
