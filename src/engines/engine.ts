/**
 * The one interface every engine implements. An engine decides whether all
 * checked properties of an IR function hold. It reports *raw* results; the
 * verdict layer (src/verdict) replays witnesses and re-checks certificates
 * before anything is shown to a user.
 *
 * Trust bookkeeping (after CPAchecker): `safe` results carry `sound` — false
 * when an approximation could hide a violation — and `unsafe` results carry
 * `precise` — false when the witness may be spurious. Only a sound `safe`
 * can become yes, only a precise `unsafe` whose witness replays can become no.
 */
import type { IrFunction } from '../ir/ir.js';

export interface EngineOptions {
  /** Wall-clock budget for the whole check, in milliseconds. */
  readonly timeoutMs: number;
  /** Cancels the check; the engine then returns `unknown` with code `cancelled`. */
  readonly signal?: AbortSignal;
  /** When set, every solver query is also written to this directory as an SMT-LIB 2 file. */
  readonly dumpSmtDir?: string;
  /** Property ids to check; all `assert` edges with other ids are treated as assumptions. */
  readonly properties: ReadonlySet<string>;
  /** Largest loop unwinding to try (BMC). */
  readonly maxUnwind?: number;
  /** The source language, for printing invariants in its syntax (default C). */
  readonly language?: 'c' | 'python';
  /** Smallest loop unwinding to try (BMC; the rounds below it are skipped). */
  readonly minUnwind?: number;
}

/** A concrete run that violates a property, as found by an engine. */
export interface RawWitness {
  /** Value of each parameter, by IR variable name (in its type's range). */
  readonly inputs: ReadonlyMap<string, bigint>;
  /** Values returned by `havoc` actions, in execution order. */
  readonly nondet: readonly bigint[];
  /** The violated property's id. */
  readonly property: string;
  /** Edge indices (into `fn.edges`) along the path, in order, where known. */
  readonly path: readonly number[];
  /** How the run was found, in words ("bounded model checking with 4 loop unwindings"). */
  readonly foundBy?: string;
}

/** Evidence for `safe`: the unsatisfiable queries, re-checkable independently. */
export type RawCertificate = BmcRawCertificate | InvariantRawCertificate;

export interface BmcRawCertificate {
  readonly kind: 'bmc';
  /** Every loop was unwound this many times and the unwinding assertions hold. */
  readonly unwind: number;
  /** The queries whose unsatisfiability proves the properties (SMT-LIB 2 scripts ending in check-sat). */
  readonly queries: readonly CertificateQuery[];
}

/**
 * Inductive invariants at the loop heads; `queries` are initiation (the entry
 * reaches each loop head inside its invariant), consecution (one pass from a
 * loop head to the next keeps the invariants) and safety (no selected property
 * fails on a pass that starts inside the invariant) — each unsat.
 */
export interface InvariantRawCertificate {
  readonly kind: 'invariant';
  readonly engine: 'chc' | 'k-induction';
  /** 1: the invariants are inductive; k > 1: the properties are k-inductive relative to them. */
  readonly k: number;
  readonly invariants: readonly {
    readonly node: number;
    readonly loop: import('../ir/ir.js').SourceSpan;
    readonly function: string;
    /** In the source language's syntax. */
    readonly text: string;
  }[];
  readonly queries: readonly CertificateQuery[];
}

export interface CertificateQuery {
  /** What unsat means, in words: "no run violates f.overflow.1 within 3 unwindings". */
  readonly meaning: string;
  /** The query's condition in C-like infix, when it is short enough to read ("x + y != y + x"). */
  readonly condition?: string;
  readonly smtlib: string;
  readonly solverMs: number;
}

export type UnknownCode =
  | 'timeout'
  | 'cancelled'
  | 'unbounded-loop'
  | 'solver-unknown'
  | 'unsupported'
  | 'recursion'
  | 'undefined-function'
  | 'replay-failed'
  | 'recheck-failed';

export interface UnknownReason {
  readonly code: UnknownCode;
  readonly message: string;
}

export type EngineResult =
  | {
      readonly status: 'safe';
      readonly sound: boolean;
      readonly certificate: RawCertificate;
      readonly solverMs: number;
    }
  | {
      readonly status: 'unsafe';
      readonly precise: boolean;
      readonly witness: RawWitness;
      readonly solverMs: number;
    }
  | {
      readonly status: 'unknown';
      readonly reason: UnknownReason;
      readonly solverMs: number;
      /** Bounded model checking: no property fails within this many unwindings. */
      readonly searched?: number;
    };

export interface Engine {
  readonly name: string;
  check(fn: IrFunction, options: EngineOptions): Promise<EngineResult>;
}
