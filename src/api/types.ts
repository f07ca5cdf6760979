/** Options and results of the library API (`import { prove } from 'arc'`). */
import type { Result } from '../core/answer.js';
import type { EngineChoice } from '../verdict/portfolio.js';
import type { Verdict } from '../verdict/verdict.js';

export { ENGINE_CHOICES, type EngineChoice } from '../verdict/portfolio.js';

export type DataModel = 'LP64' | 'ILP32';

export interface ProveOptions {
  /** Path of the C file. */
  readonly file: string;
  /** Entry function; default `main`. Its parameters are arbitrary values of their types. */
  readonly function?: string;
  /** Also check that the function never returns 0/false. */
  readonly returnsTrue?: boolean;
  /** `--property` groups (see PROPERTY_GROUPS in src/ir/ir.ts); default: all. */
  readonly properties?: readonly string[];
  /** Solver budget in seconds (default 10). */
  readonly timeoutSeconds?: number;
  readonly dataModel?: DataModel;
  /**
   * 'c' (default): bit-precise C. 'math': every integer is a mathematical
   * integer (no overflow, no wraparound; bitwise operators unsupported), as the
   * Termination Competition's C_Integer category assumes.
   */
  readonly semantics?: 'c' | 'math';
  /** Write every solver query to this directory as SMT-LIB 2. */
  readonly dumpSmtDir?: string;
  /** Largest loop unwinding BMC tries (default 64). */
  readonly maxUnwind?: number;
  /**
   * Which engines decide a program with loops: `portfolio` (default: bounded
   * model checking beside k-induction and then Horn clauses, in parallel), or
   * one of them alone. Loop-free programs always go to bounded model checking.
   */
  readonly engines?: EngineChoice;
  /** Replay counterexamples with the system C compiler too, when one is installed (default true). */
  readonly compilerReplay?: boolean;
  /**
   * C: whether `malloc`, `calloc` and `realloc` may return NULL (default
   * true, as CBMC 6 and ESBMC; SV-COMP's memory tasks assume they never do).
   */
  readonly mallocMayFail?: boolean;
  /**
   * C: a function the file calls but does not define returns an arbitrary
   * value and changes nothing else (CBMC's and ESBMC's convention), instead
   * of also making every global arbitrary and its results untrusted.
   */
  readonly undefinedPure?: boolean;
  readonly signal?: AbortSignal;
}

/** Bad input is a result, not an exception: the CLI maps it to exit code 2. */
export type ProveResult = Result<Verdict>;

/** Options of `terminates` (`arc terminates`). */
export interface TerminatesOptions {
  /** Path of the C or Python file. */
  readonly file: string;
  /** Entry function; default `main`. Its parameters are arbitrary values of their types. */
  readonly function?: string;
  /** Budget in seconds for the whole question (default 10). */
  readonly timeoutSeconds?: number;
  readonly dataModel?: DataModel;
  /** 'c' (default): bit-precise C; 'math': mathematical integers (TermComp's C_Integer). */
  readonly semantics?: 'c' | 'math';
  readonly signal?: AbortSignal;
}
