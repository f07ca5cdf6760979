/**
 * Answers a question of questions.ts (`checkSatStrings`: our automata for
 * the string variables they can decide, Z3 for the rest):
 * - unsat → yes, but only after `recheckStringsUnsat` agrees in a fresh
 *   context; the proof is the script and its meaning in words;
 * - sat → the model is read back as a concrete request and replayed
 *   through `evaluate`; only a witness the evaluator agrees with is shown
 *   (no), anything else is don't know with "internal inconsistency" (a bug,
 *   which the tests treat as a failure);
 * - unknown (timeout, …) → don't know with the solver's reason.
 * A witness whose action is not in AWS's catalogue (catalogue.ts) is
 * searched again among the catalogue's actions; a yes found then says that
 * it relies on the catalogue, with the request outside it it would differ on.
 */
import type { Exhibited, Outcome, Proved } from '../core/answer.js';
import { stringValue } from '../ir/value.js';
import {
  accepted,
  admit,
  rejected,
  universalOutcome,
  type Claim,
  type Gate,
} from '../core/gate.js';
import {
  and,
  checkSatStrings,
  disjunction,
  domainClasses,
  eq,
  modelScalars,
  modelStrings,
  recheckStringsUnsat,
  strConst,
  trueTerm,
  type StringsCheckResult,
  type Term,
} from '../smt/index.js';
import {
  actionCatalogue,
  resourceFits,
  resourceFormats,
  type ActionCatalogue,
  type ResourceFormats,
} from './catalogue.js';
import { liftPattern, matchSymbolicPattern } from './symbolic/wildcard.js';
import { wildcardPattern } from './wildcard.js';
import type { LazyAssumption, NamedEvaluation, PolicyQuestion } from './questions.js';
import type { AccessRequest } from './request.js';
import { readRequest } from './symbolic/request.js';

export interface AnswerOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Write the query here before solving. */
  readonly dumpPath?: string;
}

/** An answer that holds only for the actions AWS has (catalogue.ts). */
export interface CatalogueReliance {
  /** The catalogue and its version. */
  readonly source: string;
  /** How many actions it lists. */
  readonly actions: number;
  /** Whether the resource types each action applies to were used too. */
  readonly resourceTypes: boolean;
  /**
   * A request the answer would differ on, whose action is not in the
   * catalogue or whose resource is not one its action applies to.
   */
  readonly outside: AccessRequest;
}

export interface PolicyProof {
  /** What the unsatisfiable query says, in words. */
  readonly meaning: string;
  /** Set when the proof covers only the catalogue's actions. */
  readonly catalogue?: CatalogueReliance;
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

/** A question's answer after the gate: yes with a re-checked proof, no with a replayed witness. */
export type QuestionAnswer = Outcome<Proved<PolicyProof>, Exhibited<PolicyWitness>> & {
  readonly solverMs: number;
};

/** What the search claims for a yes, before the gate re-checks it: an unsatisfiable query. */
export interface RawPolicyProof {
  readonly meaning: string;
  readonly catalogue?: CatalogueReliance;
  /** The unsat result, with the abstraction the re-check needs. */
  readonly result: StringsCheckResult;
}

export type PolicyClaim = Claim<RawPolicyProof, AccessRequest>;

/**
 * The policy domain's gate (core/gate.ts): a proof is re-checked without
 * our automata (`recheckStringsUnsat`, a fresh Z3 context); a witness request
 * is replayed through the concrete evaluator (`q.replay`), which must decide
 * it as the question says.
 */
export function policyGate(
  q: PolicyQuestion,
  options: AnswerOptions,
): Gate<RawPolicyProof, AccessRequest, PolicyProof, PolicyWitness> {
  return {
    domain: 'policy',
    async recheck(proof) {
      const re = await recheckStringsUnsat(proof.result, options.timeoutMs, options.signal);
      if (re.status !== 'unsat')
        return rejected({
          code: 'recheck-failed',
          message: `the unsatisfiable query was not confirmed by the re-check (${re.status}${re.reason ? `: ${re.reason}` : ''})`,
        });
      return accepted({
        meaning: proof.meaning,
        ...(proof.catalogue === undefined ? {} : { catalogue: proof.catalogue }),
        smtlib: proof.result.smtlib,
        solverMs: proof.result.solverMs + re.solverMs,
        recheck: `unsat again in ${re.strategy}`,
      });
    },
    async replay(request) {
      const replay = q.replay(request);
      if (!replay.agrees)
        return rejected({
          code: 'replay-failed',
          message: `${INCONSISTENT}: the solver's witness does not replay (${replay.reason}): ${JSON.stringify(request)}`,
        });
      return accepted({ request, evaluations: replay.evaluations });
    },
  };
}

export const INCONSISTENT = 'internal inconsistency';

export async function answerQuestion(
  q: PolicyQuestion,
  options: AnswerOptions,
): Promise<QuestionAnswer> {
  let spent = 0;
  if (q.candidates !== undefined) {
    // A witness among a few principals first (an under-approximation: only
    // a replayed witness is kept from it).
    const quick = { ...options, timeoutMs: Math.min(2_000, options.timeoutMs / 4) };
    const tried = await solve(q, [{ term: q.candidates, holds: () => true }], quick);
    spent += tried.solverMs;
    if (tried.result.status === 'sat') {
      const a = await admitted(q, claimFrom(q, tried.result, tried.reliance), spent, options);
      if (a.answer === 'no') return a;
    }
  }
  const full = await solve(q, [], options);
  return admitted(q, claimFrom(q, full.result, full.reliance), spent + full.solverMs, options);
}

/** The claim through the gate; the solver time includes the re-check's. */
async function admitted(
  q: PolicyQuestion,
  claim: PolicyClaim,
  solverMs: number,
  options: AnswerOptions,
): Promise<QuestionAnswer> {
  const outcome = universalOutcome(await admit(policyGate(q, options), claim));
  const recheckMs =
    outcome.answer === 'yes' && claim.kind === 'certificate'
      ? outcome.certificate.solverMs - claim.certificate.result.solverMs
      : 0;
  return { ...outcome, solverMs: solverMs + recheckMs };
}

/**
 * The query's answer under `extra` assumptions, with the lazily assumed
 * request domain and, for a witness whose action AWS does not have, the
 * action catalogue.
 */
async function solve(
  q: PolicyQuestion,
  extra: readonly LazyAssumption[],
  options: AnswerOptions,
): Promise<{ result: StringsCheckResult; solverMs: number; reliance?: CatalogueReliance }> {
  const first = await check(q, extra, options);
  const witness = first.status === 'sat' ? witnessOf(q, first) : undefined;
  const broken = witness === undefined ? [] : q.lazyAssumptions.filter((a) => !a.holds(witness));
  // A witness outside the lazily assumed domain: ask again with the domain.
  const lazy = [...extra, ...broken];
  const result = broken.length === 0 ? first : await check(q, lazy, options);
  let solverMs = result === first ? first.solverMs : first.solverMs + result.solverMs;
  if (result.status !== 'sat') return { result, solverMs };
  // A witness whose action AWS does not have, or whose resource is not one
  // its action applies to: search the catalogue's actions and resources.
  const outside = witnessOf(q, result);
  const catalogue = await actionCatalogue();
  const formats = await resourceFormats();
  if (catalogue.has(outside.action) && resourceFits(formats, outside.action, outside.resource))
    return { result, solverMs };
  const restriction = catalogueAssumption(q, lazy, catalogue, formats);
  const found = await check(q, [...lazy, restriction.assumption], options);
  solverMs += found.solverMs;
  if (found.status === 'unknown') return { result, solverMs };
  const known = found.status === 'sat' ? repaired(q, found, restriction.repair) : found;
  const reliance = {
    source: catalogue.source,
    actions: catalogue.actions.length,
    resourceTypes: restriction.resourceTypes,
    outside,
  };
  return { result: known, solverMs, reliance };
}

/** A class whose actions apply to more resource formats than this is not restricted by them. */
const MAX_FORMATS = 8;

/**
 * "The action is one of the catalogue's, and the resource one it applies
 * to": for each class of the catalogue's actions (same memberships in the
 * question's action atoms; the action occurs in nothing else, so every
 * action of a class answers alike), its first action, with a resource that
 * some action of the class applies to — exact, because a model's resource
 * then fits an action of the class (`repair` puts that action in the
 * witness). A class whose actions apply to more than `MAX_FORMATS` formats,
 * or to resources the catalogue does not describe, is not restricted by
 * resource.
 */
function catalogueAssumption(
  q: PolicyQuestion,
  lazy: readonly LazyAssumption[],
  catalogue: ActionCatalogue,
  formats: ResourceFormats,
): {
  assumption: LazyAssumption;
  resourceTypes: boolean;
  repair: (w: AccessRequest) => string | undefined;
} {
  const assertions = [...q.assumptions, ...lazy.map((a) => a.term), ...q.goal];
  const { action, resource } = q.request;
  const name = action.kind === 'var' ? action.name : '';
  const classes = domainClasses(assertions, name, catalogue.actions);
  let resourceTypes = false;
  const applies = (members: readonly string[]): Term => {
    const arns = new Set<string>();
    let star = false;
    for (const a of members) {
      const f = formats.get(a);
      if (f === undefined) return trueTerm;
      if (f.length === 0) star = true;
      for (const arn of f) arns.add(arn);
      if (arns.size > MAX_FORMATS) return trueTerm;
    }
    resourceTypes = true;
    return disjunction([
      ...(star ? [eq(resource, strConst('*'))] : []),
      ...[...arns].map((arn) => matchSymbolicPattern(liftPattern(wildcardPattern(arn)), resource)),
    ]);
  };
  const term = disjunction(classes.map((c) => and(eq(action, strConst(c[0])), applies(c))));
  const classOf = new Map(classes.map((c) => [c[0], c]));
  return {
    assumption: { term, holds: (w) => catalogue.has(w.action) },
    resourceTypes,
    // The action of the witness's class that its resource fits.
    repair: (w) =>
      classOf.get(w.action.toLowerCase())?.find((a) => resourceFits(formats, a, w.resource)),
  };
}

/** The result with the witness's action replaced by `repair`'s choice (same class). */
function repaired(
  q: PolicyQuestion,
  result: StringsCheckResult,
  repair: (w: AccessRequest) => string | undefined,
): StringsCheckResult {
  const action = q.request.action;
  const better = repair(witnessOf(q, result));
  if (better === undefined || action.kind !== 'var') return result;
  const model = new Map(result.model ?? []);
  model.set(action.name, stringValue(better));
  return { ...result, model };
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
    values: modelScalars(result.model),
    strings: modelStrings(result.model),
  });
}

/** What a solver result claims: sat → the model's request as a witness; unsat → a proof. */
function claimFrom(
  q: PolicyQuestion,
  result: StringsCheckResult,
  reliance?: CatalogueReliance,
): PolicyClaim {
  switch (result.status) {
    case 'unknown':
      return {
        kind: 'unknown',
        reason: {
          code: result.reason === 'timeout' ? 'timeout' : 'solver-unknown',
          message: `the solver gave up: ${result.reason ?? 'unknown'}`,
        },
      };
    case 'sat':
      return { kind: 'witness', answer: 'no', witness: witnessOf(q, result) };
    case 'unsat':
      return {
        kind: 'certificate',
        answer: 'yes',
        certificate: {
          meaning:
            reliance === undefined
              ? q.meaning
              : `${q.meaning}, for every action of the ${reliance.actions} in ${reliance.source}${reliance.resourceTypes ? ' on the resources it applies to' : ''} (not for ${reliance.outside.action} on ${JSON.stringify(reliance.outside.resource)}, outside it)`,
          ...(reliance === undefined ? {} : { catalogue: reliance }),
          result,
        },
      };
  }
}
