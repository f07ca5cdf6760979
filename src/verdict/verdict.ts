/**
 * The verdict contract, the same for every arc command: an answer is a
 * union, never a boolean. `yes` carries a certificate that was re-checked,
 * `no` a counterexample that was replayed, `unknown` a reason.
 * Exit codes: 0 yes, 1 no, 3 don't know (2 is bad input, decided before a verdict exists).
 */
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import type { UnknownReason } from '../engines/engine.js';
import type { PropertyKind } from '../ir/ir.js';

export type Answer = 'yes' | 'no' | 'unknown';

export interface PropertyRef {
  readonly id: string;
  readonly kind: PropertyKind;
  readonly description: string;
  readonly span: SourceSpan;
}

export interface InputValue {
  readonly name: string;
  /** The type as written in the source: "unsigned int". */
  readonly type: string;
  /** Decimal. */
  readonly value: string;
}

export interface NondetValue {
  /** The call that produced it: "__VERIFIER_nondet_int". */
  readonly source: string;
  readonly value: string;
}

export interface PathStep {
  readonly line: number;
  readonly col: number;
  /** The source line, trimmed. */
  readonly text: string;
}

export interface ReplayReport {
  /** Our IR interpreter reproduced the violation. */
  readonly interpreter: 'agrees' | 'disagrees';
  /** The system C compiler's build of the program, with a generated harness. */
  readonly compiler: 'agrees' | 'disagrees' | 'unavailable' | 'not-applicable';
  readonly detail?: string;
}

export interface Counterexample {
  readonly inputs: readonly InputValue[];
  readonly nondet: readonly NondetValue[];
  readonly property: PropertyRef;
  readonly path: readonly PathStep[];
  /** What the function returned on this run, when it returned. */
  readonly returned?: string;
  readonly replay: ReplayReport;
}

export interface Certificate {
  readonly kind: 'bmc';
  /** In words: what was shown unsatisfiable. */
  readonly summary: string;
  readonly unwind: number;
  readonly queries: readonly {
    readonly meaning: string;
    /** The condition shown unsatisfiable, in C-like infix, when short. */
    readonly condition?: string;
    readonly solverMs: number;
    /** The SMT-LIB 2 script (present in JSON output; text output only names it). */
    readonly smtlib: string;
  }[];
  /** How the certificate was re-checked independently. */
  readonly recheck: string;
}

export interface PropertyStatus {
  readonly property: PropertyRef;
  readonly status: 'holds' | 'violated' | 'unknown';
}

interface VerdictBase {
  readonly question: string;
  readonly explanation: string;
  readonly elapsedMs: number;
  readonly solverMs: number;
  readonly properties: readonly PropertyStatus[];
  readonly diagnostics: readonly Diagnostic[];
  /** Extra facts to show, e.g. the cost of exhaustive testing. */
  readonly notes: readonly string[];
}

export interface YesVerdict extends VerdictBase {
  readonly answer: 'yes';
  readonly certificate: Certificate;
}
export interface NoVerdict extends VerdictBase {
  readonly answer: 'no';
  readonly counterexample: Counterexample;
}
export interface UnknownVerdict extends VerdictBase {
  readonly answer: 'unknown';
  readonly reason: UnknownReason & { readonly span?: SourceSpan };
}

export type Verdict = YesVerdict | NoVerdict | UnknownVerdict;

export const EXIT_YES = 0;
export const EXIT_NO = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_UNKNOWN = 3;

export function exitCodeFor(v: Verdict): number {
  switch (v.answer) {
    case 'yes':
      return EXIT_YES;
    case 'no':
      return EXIT_NO;
    case 'unknown':
      return EXIT_UNKNOWN;
  }
}

export function assertNever(x: never): never {
  throw new Error(`internal error: unexpected value ${JSON.stringify(x)}`);
}
