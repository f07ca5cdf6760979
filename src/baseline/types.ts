/** Request and report of the testing baseline (`arc test`). */
import type { BitVecType, BoolType, IrFunction } from '../ir/ir.js';

export interface BaselineParam {
  readonly name: string;
  /** The C type as written: "unsigned int". */
  readonly sourceType: string;
  readonly type: BitVecType | BoolType;
}

export interface BaselineRequest {
  readonly file: string;
  readonly functionName: string;
  readonly params: readonly BaselineParam[];
  /** Count a false (0) return as a failure. */
  readonly returnsTrue: boolean;
  /** Wall-clock budget for the calls, in milliseconds (default 2000). */
  readonly budgetMs?: number;
  /** Seed of the random input generator (default 1). */
  readonly seed?: number;
  /** The lowered function: the fallback engine when there is no compiler. */
  readonly interpreter: { readonly fn: IrFunction };
  readonly dataModel: 'LP64' | 'ILP32';
  /** Use the IR interpreter even when a compiler is available. */
  readonly forceInterpreter?: boolean;
  /** `auto` (default): exhaustive when the budget covers the input space, else random. */
  readonly mode?: 'auto' | 'exhaustive' | 'random';
  /** Stop after this many calls (makes a random run fully reproducible). */
  readonly maxCalls?: number;
  /** Compiler to use instead of the one on PATH; null forces the interpreter. */
  readonly compiler?: string | null;
}

export interface BaselineFailure {
  /** Parameter values, decimal. */
  readonly inputs: readonly { readonly name: string; readonly value: string }[];
  /** What failed: "returned false", "assertion failed or error function called", "violated f.overflow.1". */
  readonly what: string;
}

export interface BaselineReport {
  readonly engine: 'native' | 'interpreter';
  /** Number of distinct parameter tuples: the product of 2^width (2 for bool). */
  readonly inputSpace: bigint;
  readonly callsMade: number;
  readonly elapsedMs: number;
  readonly callsPerSecond: number;
  /** Every input tuple was run (and the function reads no nondet values). */
  readonly exhaustive: boolean;
  /** `exhaustive` or `random`: how inputs were chosen. */
  readonly mode: 'exhaustive' | 'random';
  readonly seed: number;
  /** The first few failing inputs. */
  readonly failures: readonly BaselineFailure[];
  /** All failing calls (exact when `exhaustive`). */
  readonly failureCount: number;
  /** Calls skipped because an assumption (`__VERIFIER_assume`) was false. */
  readonly skippedCalls: number;
  /** inputSpace / callsPerSecond. */
  readonly estimatedExhaustiveSeconds: number;
  /** inputSpace at the article's 430 million calls per second. */
  readonly estimatedAtArticleSpeedSeconds: number;
  /** What counts as a failure for this engine, and anything else to know. */
  readonly note?: string;
}

/** What an engine run produced; index.ts turns it into a report. */
export interface EngineRun {
  readonly engine: 'native' | 'interpreter';
  readonly mode: 'exhaustive' | 'random';
  /** The exhaustive enumeration finished. */
  readonly complete: boolean;
  readonly calls: number;
  readonly elapsedNs: number;
  readonly failures: readonly BaselineFailure[];
  readonly failureCount: number;
  readonly skipped: number;
  readonly notes: readonly string[];
  /** Something makes even a complete enumeration not a full test (nondet reads, step limits). */
  readonly incomplete?: boolean;
}

/** Most failing inputs listed in a report. */
export const MAX_LISTED_FAILURES = 10;
