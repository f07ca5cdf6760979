/**
 * Answers a question of questions.ts with Z3:
 * - unsat → yes, but only after `recheckUnsat` agrees in a fresh context;
 *   the proof is the script and its meaning in words;
 * - sat → the model is read back as a concrete request and replayed
 *   through `evaluate`; only a witness the evaluator agrees with is shown
 *   (no), anything else is don't know with "internal inconsistency" (a bug,
 *   which the tests treat as a failure);
 * - unknown (timeout, …) → don't know with the solver's reason.
 */
import { checkSatStrings, recheckStringsUnsat, type StringsCheckResult } from '../smt/index.js';
import type { LazyAssumption, NamedEvaluation, PolicyQuestion } from './questions.js';
import type { AccessRequest } from './request.js';
import { readRequest } from './symbolic/request.js';

export interface AnswerOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Write the query here before solving. */
  readonly dumpPath?: string;
}

export interface PolicyProof {
  /** What the unsatisfiable query says, in words. */
  readonly meaning: string;
  readonly smtlib: string;
  readonly solverMs: number;
  /** How the unsatisfiability was re-checked. */
  readonly recheck: string;
}

export interface PolicyWitness {
  readonly request: AccessRequest;
  /** The evaluator's decisions on the witness, per policy set (replayed). */
  readonly evaluations: readonly NamedEvaluation[];
}

export type QuestionAnswer =
  | { readonly answer: 'yes'; readonly proof: PolicyProof; readonly solverMs: number }
  | { readonly answer: 'no'; readonly witness: PolicyWitness; readonly solverMs: number }
  | {
      readonly answer: 'unknown';
      readonly reason: string;
      readonly jsonPath?: string;
      readonly solverMs: number;
    };

export const INCONSISTENT = 'internal inconsistency';

export async function answerQuestion(
  q: PolicyQuestion,
  options: AnswerOptions,
): Promise<QuestionAnswer> {
  const first = await check(q, [], options);
  const witness = first.status === 'sat' ? witnessOf(q, first) : undefined;
  const broken = witness === undefined ? [] : q.lazyAssumptions.filter((a) => !a.holds(witness));
  // A witness outside the lazily assumed domain: ask again with the domain.
  const result = broken.length === 0 ? first : await check(q, broken, options);
  const elapsedSolverMs = result === first ? first.solverMs : first.solverMs + result.solverMs;
  return answerFrom(q, { ...result, solverMs: elapsedSolverMs }, options);
}

function check(
  q: PolicyQuestion,
  lazy: readonly LazyAssumption[],
  options: AnswerOptions,
): Promise<StringsCheckResult> {
  return checkSatStrings(
    {
      assertions: [...q.assumptions, ...lazy.map((a) => a.term), ...q.goal],
      comments: [q.question, `unsat means: ${q.meaning}`],
    },
    {
      timeoutMs: options.timeoutMs,
      modelOf: q.request.variables.map((v) => v.name),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.dumpPath ? { dumpPath: options.dumpPath } : {}),
    },
  );
}

function witnessOf(q: PolicyQuestion, result: StringsCheckResult): AccessRequest {
  return readRequest(q.request, {
    values: result.model ?? new Map(),
    strings: result.strings ?? new Map(),
  });
}

async function answerFrom(
  q: PolicyQuestion,
  result: StringsCheckResult,
  options: AnswerOptions,
): Promise<QuestionAnswer> {
  switch (result.status) {
    case 'unknown':
      return {
        answer: 'unknown',
        reason: `the solver gave up: ${result.reason ?? 'unknown'}`,
        solverMs: result.solverMs,
      };
    case 'sat': {
      const witness = witnessOf(q, result);
      const replay = q.replay(witness);
      if (!replay.agrees)
        return {
          answer: 'unknown',
          reason: `${INCONSISTENT}: the solver's witness does not replay (${replay.reason}): ${JSON.stringify(witness)}`,
          solverMs: result.solverMs,
        };
      return {
        answer: 'no',
        witness: { request: witness, evaluations: replay.evaluations },
        solverMs: result.solverMs,
      };
    }
    case 'unsat': {
      const recheck = await recheckStringsUnsat(result, options.timeoutMs, options.signal);
      const solverMs = result.solverMs + recheck.solverMs;
      if (recheck.status !== 'unsat')
        return {
          answer: 'unknown',
          reason: `the unsatisfiable query was not confirmed by the re-check (${recheck.status}${recheck.reason ? `: ${recheck.reason}` : ''})`,
          solverMs,
        };
      return {
        answer: 'yes',
        proof: {
          meaning: q.meaning,
          smtlib: result.smtlib,
          solverMs,
          recheck: `unsat again in ${recheck.strategy}`,
        },
        solverMs,
      };
    }
  }
}
