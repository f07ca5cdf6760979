/**
 * Mirrors `../evaluate.ts` (`evaluate`, `combineDecisions`,
 * `statementApplies`, `actionMatches`, `resourceMatches`): for a list of
 * policies, one Bool term per statement ("this statement applies to the
 * request") and the three decisions as Bool terms over the symbolic
 * request — exactly one of `allow`, `explicitDeny`, `implicitDeny` holds
 * in every model, and it is the decision `evaluate` returns for the
 * request the model describes.
 *
 * `encodePolicies` collects the keys the policies read, builds the
 * symbolic request and the decision terms; a construct it cannot encode
 * exactly throws `Unencodable` (unsupported.ts).
 */
import { and, disjunction, not, trueTerm, falseTerm, type Term } from '../../smt/index.js';
import type { PolicyInput, StatementRef } from '../evaluate.js';
import type { ActionElement, PolicyType, ResourceElement, Statement } from '../model.js';
import { lowerCasePattern, wildcardPattern } from '../wildcard.js';
import { conditionsHoldSymbolic } from './conditions.js';
import { principalAppliesSymbolic } from './principal.js';
import { collectKeys, symbolicRequest, type SymbolicRequest } from './request.js';
import { resolvedPatternSymbolic, resolveSymbolic } from './variables.js';
import { liftPattern, matchSymbolicPattern } from './wildcard.js';

export interface SymbolicStatement {
  readonly ref: StatementRef;
  readonly applies: Term;
}

export interface SymbolicEvaluation {
  readonly allow: Term;
  readonly explicitDeny: Term;
  readonly implicitDeny: Term;
  readonly statements: readonly SymbolicStatement[];
}

/** The symbolic request for every key of `policies` (throws `Unencodable`). */
export function requestFor(policies: readonly PolicyInput[]): SymbolicRequest {
  return symbolicRequest(collectKeys(policies));
}

/** `evaluate` over a symbolic request built for (at least) these policies' keys. */
export function evaluateSymbolic(
  policies: readonly PolicyInput[],
  r: SymbolicRequest,
): SymbolicEvaluation {
  const statements: SymbolicStatement[] = [];
  const outcomes = policies.map((input, policyIndex) => {
    const allows: Term[] = [];
    const denies: Term[] = [];
    for (const st of input.policy.statements) {
      const applies = statementAppliesSymbolic(st, input.type, r);
      statements.push({
        ref: {
          policyIndex,
          policyName: input.name,
          statementIndex: st.index,
          jsonPath: st.jsonPath,
          sid: st.sid,
          effect: st.effect,
        },
        applies,
      });
      (st.effect === 'Deny' ? denies : allows).push(applies);
    }
    return { type: input.type, allows: disjunction(allows), denies: disjunction(denies) };
  });
  // combineDecisions (D1–D3).
  const explicitDeny = disjunction(outcomes.map((o) => o.denies));
  const anyAllow = disjunction(
    outcomes.filter((o) => o.type === 'identity' || o.type === 'resource').map((o) => o.allows),
  );
  const allow = and(not(explicitDeny), anyAllow);
  return { allow, explicitDeny, implicitDeny: and(not(explicitDeny), not(anyAllow)), statements };
}

/** `statementApplies` (S1–S4). */
function statementAppliesSymbolic(
  statement: Statement,
  type: PolicyType,
  r: SymbolicRequest,
): Term {
  let principal: Term = trueTerm;
  if (type === 'resource')
    principal =
      statement.principal === undefined
        ? falseTerm
        : principalAppliesSymbolic(statement.principal, statement.effect, r);
  return and(
    principal,
    actionMatchesSymbolic(statement.action, r.action),
    resourceMatchesSymbolic(statement.resource, r),
    conditionsHoldSymbolic(statement.conditions, r),
  );
}

/** `actionMatches` (A1, S3): `action` is the lower-cased action. */
function actionMatchesSymbolic(element: ActionElement, action: Term): Term {
  const listed = disjunction(
    element.patterns.map((p) =>
      matchSymbolicPattern(liftPattern(lowerCasePattern(wildcardPattern(p))), action),
    ),
  );
  return element.negated ? not(listed) : listed;
}

/** `resourceMatches` (R1–R2, S3, S4). */
function resourceMatchesSymbolic(element: ResourceElement | undefined, r: SymbolicRequest): Term {
  if (element === undefined) return trueTerm;
  const listed = disjunction(
    element.patterns.map((template) => {
      const resolved = resolveSymbolic(template, r.lookup);
      return and(
        resolved.defined,
        matchSymbolicPattern(resolvedPatternSymbolic(resolved), r.resource),
      );
    }),
  );
  return element.negated ? not(listed) : listed;
}
