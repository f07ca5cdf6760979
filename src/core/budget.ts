/**
 * The one budget type of arc: a wall-clock deadline (the outer limit of a
 * question), an optional cancellation signal, an optional cap per solver
 * query, and the solver time spent so far. Engines, the portfolio and the
 * termination analysis all take their time from one of these.
 *
 * Guarantees: `left()` and `nextQueryMs()` never go below 0; once the
 * deadline has passed or the signal has fired, `nextQueryMs()` is 0 and
 * `expired()` is true, so no query is started with a near-zero timeout.
 */
import { performance } from 'node:perf_hooks';

/** What every solver query under a budget is limited by, and where it is written. */
export interface QueryLimits {
  /** Z3's resource limit per query: a bound on work, the same on a quiet and a busy machine. */
  readonly rlimit?: number;
  /** Write every query to this directory as SMT-LIB 2 (`--dump-smt`). */
  readonly dumpDir?: string;
  /** The file name prefix of dumped queries. */
  readonly dumpPrefix?: string;
}

export class Budget {
  /** Milliseconds spent in the solver under this budget (callers add to it). */
  solverMs = 0;
  private dumped = 0;

  constructor(
    /** `performance.now()` after which work gives up. */
    readonly deadline: number,
    readonly signal?: AbortSignal,
    /** Cap of one solver query, in milliseconds. */
    readonly perQueryMs: number = Number.POSITIVE_INFINITY,
    readonly limits: QueryLimits = {},
  ) {}

  /** A budget of `timeoutMs` from now. */
  static ofMs(
    timeoutMs: number,
    signal?: AbortSignal,
    perQueryMs?: number,
    limits?: QueryLimits,
  ): Budget {
    return new Budget(performance.now() + timeoutMs, signal, perQueryMs, limits);
  }

  /**
   * The options of the next solver query: its time (`nextQueryMs`), the work
   * limit, the cancellation signal and, with a dump directory, the file it is
   * written to (numbered in the order asked).
   */
  queryOptions(): {
    timeoutMs: number;
    rlimit?: number;
    signal?: AbortSignal;
    dumpPath?: string;
  } {
    const { rlimit, dumpDir, dumpPrefix } = this.limits;
    return {
      timeoutMs: this.nextQueryMs(),
      ...(rlimit === undefined ? {} : { rlimit }),
      ...(this.signal === undefined ? {} : { signal: this.signal }),
      ...(dumpDir === undefined
        ? {}
        : { dumpPath: `${dumpDir}/${dumpPrefix ?? 'query'}-${++this.dumped}.smt2` }),
    };
  }

  /** Milliseconds until the deadline (0 once it has passed). */
  left(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  cancelled(): boolean {
    return this.signal?.aborted === true;
  }

  /** The deadline has passed or the work was cancelled. */
  expired(): boolean {
    return performance.now() >= this.deadline || this.cancelled();
  }

  /**
   * The time of the next query: at most `perQueryMs`, and 0 once the deadline
   * has passed (under 1 ms left counts as passed) or the work was cancelled.
   */
  nextQueryMs(): number {
    const left = this.deadline - performance.now();
    if (left < 1 || this.cancelled()) return 0;
    return Math.min(this.perQueryMs, left);
  }
}
