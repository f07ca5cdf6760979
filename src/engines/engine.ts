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
import type { UnknownCode, UnknownReason } from '../core/answer.js';
import type { IrFunction, SourceSpan } from '../ir/ir.js';
import type { SourceSyntax } from '../ir/syntax.js';
import type { Value } from '../ir/value.js';

export type { UnknownCode, UnknownReason };

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
  /** The front-end's back-translator: invariants and values are printed in its language. */
  readonly syntax: SourceSyntax;
  /** Smallest loop unwinding to try (BMC; the rounds below it are skipped). */
  readonly minUnwind?: number;
  /**
   * `quick`: a short first attempt (Spacer: its configurations in turn, each
   * with all the time left, instead of a slice each; termination: only the
   * fixed points, each query bounded by work); `rest` (termination): all but
   * the quick step, which the caller has run already; default `full`.
   */
  readonly effort?: 'quick' | 'rest' | 'full';
}

/** A concrete run that violates a property, as found by an engine. */
export interface RawWitness {
  /** Value of each parameter, by IR variable name (a value of its type). */
  readonly inputs: ReadonlyMap<string, Value>;
  /** Values returned by `havoc` actions, in execution order. */
  readonly nondet: readonly Value[];
  /** The violated property's id. */
  readonly property: string;
  /** Edge indices (into `fn.edges`) along the path, in order, where known. */
  readonly path: readonly number[];
  /** How the run was found, in words ("bounded model checking with 4 loop unwindings"). */
  readonly foundBy?: string;
  /** For the `termination` property: the set of loop states the run enters and never leaves. */
  readonly recurrence?: RawRecurrence;
}

/**
 * A non-termination argument: a set of states at loop heads that the loop
 * body maps back into itself (closure, shown by unsat `queries`), which the
 * witness run enters. The gate re-checks the queries and replays the run,
 * asking `contains` at every visit of a loop head after the run entered the set.
 */
export interface RawRecurrence {
  readonly kind: 'fixed-point' | 'recurrent-set';
  /** The loop's header in the source. */
  readonly loop: SourceSpan;
  /** The set at each loop header, in source syntax. */
  readonly sets: readonly { readonly loop: SourceSpan; readonly set: string }[];
  /** The state in which the run first enters the set, in source names. */
  readonly entryState: readonly {
    readonly name: string;
    readonly type: string;
    readonly value: Value;
  }[];
  /** Whether the values at IR node `node` (indexed like `allVariables(fn)`) are in the set. */
  readonly contains: (node: number, values: readonly Value[]) => boolean;
  /** The IR nodes of the loop heads the set constrains. */
  readonly nodes: readonly number[];
  readonly queries: readonly CertificateQuery[];
}

/** Evidence for `safe`: the unsatisfiable queries, re-checkable independently. */
export type RawCertificate =
  BmcRawCertificate | InvariantRawCertificate | TerminationRawCertificate;

/**
 * Every run returns: each loop (strongly connected part) has a ranking
 * argument, under invariants; `queries` check both (each unsat).
 */
export interface TerminationRawCertificate {
  readonly kind: 'termination';
  readonly summary: string;
  readonly loops: readonly {
    readonly loop: SourceSpan;
    readonly kind: 'linear' | 'lexicographic' | 'nested';
    readonly components: readonly string[];
  }[];
  readonly invariants: readonly { readonly loop: SourceSpan; readonly invariant: string }[];
  readonly queries: readonly CertificateQuery[];
  /** Operations whose undefined behaviour the invariants do not rule out (for the caller to settle). */
  readonly openChecks: readonly SourceSpan[];
  /**
   * Instead of ranking arguments: the function reads no input, and its one run
   * returns or halts after `steps` interpreter steps (the gate runs it again).
   */
  readonly run?: { readonly steps: number };
}

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
    readonly loop: SourceSpan;
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
      /** Termination: operations whose undefined behaviour was not ruled out. */
      readonly openChecks?: readonly SourceSpan[];
    };

export interface Engine {
  readonly name: string;
  /**
   * What it decides: `safety`, the selected properties (assert edges);
   * `termination`, whether every run returns (the property `<fn>.termination.1`).
   */
  readonly question: 'safety' | 'termination';
  check(fn: IrFunction, options: EngineOptions): Promise<EngineResult>;
}
