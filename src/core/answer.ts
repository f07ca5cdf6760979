/**
 * The verdict contract every arc question shares, whatever its domain (code
 * safety, termination, policies, networks):
 *
 * - an answer is a union, never a boolean: yes, no, or unknown (don't know);
 * - a decided answer carries its evidence: a `certificate` that an
 *   independent check re-verified (a proof over every input, request or
 *   packet) or a `witness` that a concrete run replayed (one input, request or
 *   packet). Which answer goes with which evidence depends on the question:
 *   "does f always return true?" is answered yes by a certificate and no by a
 *   witness; "can the internet reach this instance?" yes by a witness and no
 *   by a certificate;
 * - unknown carries a reason whose code comes from one list;
 * - bad input is not an answer: it is a result of its own, with diagnostics;
 * - each answer maps to one exit code.
 */
import type { Diagnostic } from './diagnostic.js';
import type { Location } from './location.js';

export type Answer = 'yes' | 'no' | 'unknown';

/** Why arc could not decide, one code for every domain. */
export const UNKNOWN_CODES = [
  /** The time budget ran out. */
  'timeout',
  /** The caller cancelled the question. */
  'cancelled',
  /** A loop was not shown to stop within the unwindings tried. */
  'unbounded-loop',
  /** The solver answered unknown, or no engine found an answer. */
  'solver-unknown',
  /** The input uses a construct arc does not model (named in the message). */
  'unsupported',
  /** Recursion that arc did not bound. */
  'recursion',
  /** The answer depends on a function the file does not define (named). */
  'undefined-function',
  /** The answer depends on something the input lacks (a snapshot without a component it names). */
  'incomplete-input',
  /** The answer holds only if undefined behaviour the question did not check (named) is given a meaning. */
  'undefined-behaviour',
  /** A witness did not replay in the reference semantics: an arc bug, reported honestly. */
  'replay-failed',
  /** A certificate did not re-check: an arc bug, reported honestly. */
  'recheck-failed',
] as const;

export type UnknownCode = (typeof UNKNOWN_CODES)[number];

export interface UnknownReason {
  readonly code: UnknownCode;
  readonly message: string;
  /** Where in the input the reason is, when it is one place (an unsupported construct). */
  readonly location?: Location;
}

/** Evidence that holds for every input: re-checked before it is shown. */
export interface Proved<C> {
  readonly certificate: C;
}

/** Evidence of one concrete run (input, request, packet): replayed before it is shown. */
export interface Exhibited<W> {
  readonly witness: W;
}

export type Evidence = Proved<unknown> | Exhibited<unknown>;

/** The answer and its evidence; `Yes` and `No` say which evidence each answer carries. */
export type Outcome<Yes extends Evidence, No extends Evidence> =
  | ({ readonly answer: 'yes' } & Yes)
  | ({ readonly answer: 'no' } & No)
  | { readonly answer: 'unknown'; readonly reason: UnknownReason };

export type Domain = 'code' | 'termination' | 'policy' | 'net';

/** What every verdict of every domain says besides its answer. */
export interface VerdictHeader {
  readonly domain: Domain;
  /** The command that asked: `prove`, `terminates`, `policy check-no-public-access`, `net reachable`. */
  readonly command: string;
  /** The question, in the user's words. */
  readonly question: string;
  /** The answer in one or two sentences. */
  readonly explanation: string;
  readonly elapsedMs: number;
  readonly solverMs: number;
  /** Warnings and notes about the input (errors end in bad input instead). */
  readonly diagnostics: readonly Diagnostic[];
  /** Extra facts to show, e.g. the cost of exhaustive testing. */
  readonly notes: readonly string[];
}

export type Verdict<Yes extends Evidence, No extends Evidence> = VerdictHeader & Outcome<Yes, No>;

/** Input arc cannot read: not an answer. Every command returns this one shape for it. */
export interface BadInput {
  readonly kind: 'bad-input';
  readonly command: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** What every question returns: a verdict, or bad input. */
export type Result<V> = { readonly kind: 'verdict'; readonly verdict: V } | BadInput;

export const EXIT_YES = 0;
export const EXIT_NO = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_UNKNOWN = 3;
/** An arc bug (an exception escaped): never the outcome of any input. */
export const EXIT_INTERNAL = 4;

/** The exit code of an answer (every command of arc uses these). */
export function answerExitCode(answer: Answer): number {
  switch (answer) {
    case 'yes':
      return EXIT_YES;
    case 'no':
      return EXIT_NO;
    case 'unknown':
      return EXIT_UNKNOWN;
  }
}

export function resultExitCode<V extends { readonly answer: Answer }>(r: Result<V>): number {
  return r.kind === 'bad-input' ? EXIT_BAD_INPUT : answerExitCode(r.verdict.answer);
}
