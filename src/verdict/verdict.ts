/**
 * The verdicts of code questions (`prove`, `terminates`) on the contract of
 * core/answer.ts: yes carries a re-checked certificate, no a replayed
 * counterexample (`witness`), unknown a reason. Values are IR values
 * (ir/value.ts), printed by the front-end's back-translator.
 */
import type { Diagnostic, SourceSpan } from '../core/diagnostic.js';
import type { Exhibited, Proved, UnknownReason, Verdict as VerdictOf } from '../core/answer.js';
import type { PropertyKind } from '../ir/ir.js';
import type { Value } from '../ir/value.js';

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
  readonly value: Value;
  /** The value as the source language writes it: "-5", "{1, 2}", "[1, 2]". */
  readonly text: string;
}

export interface NondetValue {
  /** The call that produced it: "__VERIFIER_nondet_int". */
  readonly source: string;
  readonly value: Value;
  /** As the source language writes it. */
  readonly text: string;
  /** Where the call is in the source. */
  readonly span?: SourceSpan;
}

export interface PathStep {
  readonly line: number;
  readonly col: number;
  /** The source line, trimmed. */
  readonly text: string;
  /** The values the run gave the user's variables on this line, in order (last value of each). */
  readonly assigned?: readonly {
    readonly name: string;
    readonly value: Value;
    /** As the source language writes the value. */
    readonly text: string;
  }[];
}

export interface ReplayReport {
  /** Our IR interpreter reproduced the violation. */
  readonly interpreter: 'agrees' | 'disagrees';
  /** The system C compiler's build of the program, with a generated harness. */
  readonly compiler: 'agrees' | 'disagrees' | 'unavailable' | 'not-applicable';
  /** Which compiler built the replayed program (`clang`, `cc`, `gcc`), when one did. */
  readonly compiledWith?: string;
  readonly detail?: string;
}

/**
 * Why a run never returns: it enters a set of loop states (the recurrent set)
 * that is inside the loop and that the loop body maps back into itself.
 */
export interface NonTerminationWitness {
  /**
   * `fixed-point`: one state the loop body maps to itself; `recurrent-set`: a
   * set closed under the loop body (for nondeterministic choices: under some
   * choice at every step).
   */
  readonly kind: 'fixed-point' | 'recurrent-set';
  /** The loop's header in the source. */
  readonly loop: SourceSpan;
  /** The recurrent set at each loop header, in source syntax: "y == 0 && x > y". */
  readonly sets: readonly { readonly loop: SourceSpan; readonly set: string }[];
  /** The state in which the run first enters the set. */
  readonly entryState: readonly InputValue[];
  /** The solver queries that check closure (unsat: no state in the set can leave it). */
  readonly queries: readonly CertificateQuery[];
  /** How the witness was checked: closure re-check and concrete replay. */
  readonly recheck: string;
}

export interface Counterexample {
  /** Present when the violated property is `termination`. */
  readonly nonTermination?: NonTerminationWitness;
  readonly inputs: readonly InputValue[];
  readonly nondet: readonly NondetValue[];
  readonly property: PropertyRef;
  readonly path: readonly PathStep[];
  /** How the run was found, in words. */
  readonly foundBy?: string;
  /** Steps left out of the middle of `path` (a long run keeps its first and last 200 lines). */
  readonly omittedSteps?: number;
  /** What the function returned on this run, when it returned. */
  readonly returned?: Value;
  readonly replay: ReplayReport;
}

export interface CertificateQuery {
  readonly meaning: string;
  /** The condition shown unsatisfiable, in C-like infix, when short. */
  readonly condition?: string;
  readonly solverMs: number;
  /** The SMT-LIB 2 script (present in JSON output; text output only names it). */
  readonly smtlib: string;
}

export interface BmcCertificate {
  readonly kind: 'bmc';
  /** In words: what was shown unsatisfiable. */
  readonly summary: string;
  readonly unwind: number;
  readonly queries: readonly CertificateQuery[];
  /** How the certificate was re-checked independently. */
  readonly recheck: string;
}

/** The termination argument of one loop (a strongly connected part of the control flow). */
export interface LoopArgument {
  /** The outermost loop header of the part, in the source. */
  readonly loop: SourceSpan;
  /** 'linear' (one ranking function), 'lexicographic' (components in order), 'nested' (multiphase). */
  readonly kind: 'linear' | 'lexicographic' | 'nested';
  /** The ranking functions, outermost component first, each in source syntax at each loop header. */
  readonly components: readonly string[];
}

export interface TerminationCertificate {
  readonly kind: 'termination';
  readonly summary: string;
  readonly loops: readonly LoopArgument[];
  /** The invariants the arguments rely on, per loop header, in source syntax. */
  readonly invariants: readonly { readonly loop: SourceSpan; readonly invariant: string }[];
  /** Operations whose undefined behaviour the invariants left open (bounded model checking ruled it out). */
  readonly openChecks: readonly SourceSpan[];
  /** Instead of ranking arguments: the function reads no input and its one run ends after `steps` interpreter steps. */
  readonly run?: { readonly steps: number };
  readonly queries: readonly CertificateQuery[];
  readonly recheck: string;
}

/** One loop head's invariant, as the source language writes it. */
export interface LoopInvariant {
  /** The loop's header in the source. */
  readonly loop: SourceSpan;
  /** The source function that contains the loop (a callee's name when it was inlined). */
  readonly function: string;
  /** A side-effect-free expression over the program's variables at the loop head: "k >= j && j >= 0". */
  readonly invariant: string;
}

/**
 * A proof for programs with loops: an inductive invariant at every loop head
 * (from Spacer's Horn-clause solution, or from k-induction with invariant
 * strengthening), re-checked by initiation, consecution and safety queries.
 */
export interface InvariantCertificate {
  readonly kind: 'invariant';
  /** Which engine found it: `chc` (Horn clauses, Spacer) or `k-induction`. */
  readonly engine: 'chc' | 'k-induction';
  readonly summary: string;
  /** 1 for an inductive invariant; k > 1: the properties are k-inductive relative to the invariants. */
  readonly k: number;
  readonly invariants: readonly LoopInvariant[];
  readonly queries: readonly CertificateQuery[];
  readonly recheck: string;
}

export type Certificate = BmcCertificate | TerminationCertificate | InvariantCertificate;

export interface PropertyStatus {
  readonly property: PropertyRef;
  readonly status: 'holds' | 'violated' | 'unknown';
}

/** What a code verdict says besides the header and its evidence. */
interface CodeFields {
  readonly domain: 'code' | 'termination';
  readonly properties: readonly PropertyStatus[];
}

/** The verdict of `prove` and `terminates`. */
export type Verdict = VerdictOf<Proved<Certificate>, Exhibited<Counterexample>> & CodeFields;
export type YesVerdict = Extract<Verdict, { answer: 'yes' }>;
export type NoVerdict = Extract<Verdict, { answer: 'no' }>;
export type UnknownVerdict = Extract<Verdict, { answer: 'unknown' }>;
export type { Diagnostic, UnknownReason };
