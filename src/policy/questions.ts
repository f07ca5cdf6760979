/**
 * The questions of `arc policy`, as data: each is a list of assumptions
 * (the request is well formed, as AWS makes it: symbolic/request.ts) and a
 * goal, whose conjunction is unsatisfiable exactly when the answer is yes;
 * the meaning of that unsatisfiability in words; and the replay check
 * that a witness (a model read back as a concrete request) must pass
 * through the concrete evaluator before it is shown. Nothing here calls a
 * solver (answer.ts does).
 *
 * Building a question throws `Unencodable` (symbolic/unsupported.ts) when
 * some construct cannot be encoded exactly; the caller answers don't know.
 */
import {
  and,
  conjunction,
  disjunction,
  not,
  strPrefixOf,
  strConst,
  type Term,
} from '../smt/index.js';
import { parsePrincipalArn } from './arn.js';
import type { Template } from './model.js';
import { evaluate, type Evaluation, type PolicyInput, type StatementRef } from './evaluate.js';
import { fixedValues, notPublicReason } from './public.js';
import type { AccessRequest, RequestPrincipal } from './request.js';
import { evaluateSymbolic, type SymbolicEvaluation } from './symbolic/evaluate.js';
import { fromThePublic } from './symbolic/public.js';
import {
  actionDomain,
  actionInDomain,
  collectKeys,
  principalIs,
  principalKeysAgree,
  requestDomain,
  symbolicRequest,
  type SymbolicRequest,
} from './symbolic/request.js';
import { liftPattern, matchSymbolicPattern } from './symbolic/wildcard.js';
import { lowerCasePattern, matchPattern, wildcardPattern } from './wildcard.js';

export type PolicyCommand =
  'check-no-new-access' | 'check-access-not-granted' | 'check-no-public-access' | 'compare';

/** One named set of policies (AWS combines them: explicit deny wins, any allow allows). */
export interface PolicySet {
  readonly name: string;
  readonly policies: readonly PolicyInput[];
}

export interface NamedEvaluation {
  readonly name: string;
  readonly evaluation: Evaluation;
}

export type Replay =
  | { readonly agrees: true; readonly evaluations: readonly NamedEvaluation[] }
  | { readonly agrees: false; readonly reason: string };

export interface LazyAssumption {
  readonly term: Term;
  readonly holds: (witness: AccessRequest) => boolean;
}

export interface PolicyQuestion {
  readonly command: PolicyCommand;
  /** The question in words. */
  readonly question: string;
  /** What the unsatisfiability of assumptions ∧ goal means, in words. */
  readonly meaning: string;
  readonly request: SymbolicRequest;
  readonly assumptions: readonly Term[];
  /**
   * Assumptions added only when a witness breaks them (each with its
   * concrete test): unsat without them implies unsat with them.
   */
  readonly lazyAssumptions: readonly LazyAssumption[];
  readonly goal: readonly Term[];
  /**
   * Principals worth trying first (`principalCandidates`), when the
   * policies consult the principal: a witness among them is found without
   * Z3's string solver having to solve the ARN equations.
   */
  readonly candidates?: Term;
  /** Replays a witness through `evaluate`. */
  readonly replay: (witness: AccessRequest) => Replay;
}

function symbolicFor(sets: readonly PolicySet[]): {
  request: SymbolicRequest;
  evaluations: SymbolicEvaluation[];
} {
  const all = sets.flatMap((s) => s.policies);
  const request = symbolicRequest(collectKeys(all));
  return { request, evaluations: sets.map((s) => evaluateSymbolic(s.policies, request)) };
}

/**
 * The request domain, and: when no policy consults the principal (identity
 * policies only, no principal-derived key), the principal is fixed to one
 * IAM user — any principal gives the same answers then, and Z3 need not
 * solve the ARN equations.
 */
function assumptionsOf(r: SymbolicRequest, sets: readonly PolicySet[]): Term[] {
  const out = [...requestDomain(r), ...principalKeysAgree(r)];
  const consulted =
    sets.some((s) => s.policies.some((p) => p.type === 'resource')) ||
    PRINCIPAL_KEYS.some((k) => r.keys.has(k.toLowerCase()));
  if (!consulted) out.push(...principalIs(r, { kind: 'aws', arn: ANY_PRINCIPAL }));
  return out;
}

/**
 * ARNs matching a wildcard pattern (policy variables read as empty): each
 * wildcard of the partition as `aws`, of the account as a twelve-digit
 * account, elsewhere as nothing or as one letter.
 */
function instances(t: Template): string[] {
  const text = t.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  const parts = text.split(':');
  if (parts.length < 6) return [];
  const fill = (x: string, star: string) => x.replace(/\*/gu, star).replace(/\?/gu, 'x');
  const head = (star: string) => [
    parts[0],
    /[*?]/u.test(parts[1]) ? 'aws' : parts[1],
    fill(parts[2], star),
    fill(parts[3], ''),
    /[*?]/u.test(parts[4]) ? '123456789012' : parts[4],
  ];
  return ['', 'x'].map((star) => [...head(star), fill(parts.slice(5).join(':'), star)].join(':'));
}

/**
 * The candidates of `principalCandidates` when a policy reads
 * `aws:PrincipalArn`: its value is the principal's ARN as one string, which
 * keeps the ARN equations with Z3's string solver (slow to find models of
 * them). Otherwise the ARN components are decided by automata and the
 * search over every principal is as fast.
 */
function candidatesOf(
  r: SymbolicRequest,
  sets: readonly PolicySet[],
  accounts: readonly string[] = [],
): { candidates?: Term } {
  return r.keys.has('aws:principalarn')
    ? { candidates: principalCandidates(r, sets, accounts) }
    : {};
}

function lazyOf(r: SymbolicRequest): LazyAssumption[] {
  return [{ term: actionDomain(r), holds: (w) => actionInDomain(w.action) }];
}

/**
 * A few principals the answer may turn on: every principal a policy names
 * (and a session of every role it names), the root, a user, a role and a
 * session in every account it names and in one it does not, the ARNs and
 * accounts its principal condition keys compare with, and one of every
 * other kind. Trying them first is an under-approximation used only to find
 * witnesses faster (answer.ts): a question they do not satisfy is asked
 * again over every principal.
 */
function principalCandidates(
  r: SymbolicRequest,
  sets: readonly PolicySet[],
  accounts: readonly string[],
): Term {
  const arns = new Set<string>();
  const accountIds = new Set<string>(accounts);
  const services = new Set<string>(['example.amazonaws.com']);
  const federated = new Set<string>(['accounts.example.com']);
  const canonical = new Set<string>(['0123456789abcdef']);
  const literal = (t: Template) =>
    t.every((p) => p.kind === 'text' && !/[*?]/.test(p.text))
      ? t.map((p) => (p.kind === 'text' ? p.text : '')).join('')
      : undefined;
  for (const { policies } of sets)
    for (const { policy } of policies)
      for (const st of policy.statements) {
        for (const e of st.principal?.entries ?? []) {
          if (e.kind === 'account') accountIds.add(e.account);
          else if (e.kind === 'aws-arn') arns.add(e.arn);
          else if (e.kind === 'service') services.add(e.name);
          else if (e.kind === 'federated') federated.add(e.provider);
          else if (e.kind === 'canonical-user') canonical.add(e.id);
        }
        for (const c of st.conditions) {
          const key = c.key.toLowerCase();
          if (key !== 'aws:principalarn' && key !== 'aws:principalaccount') continue;
          for (const v of c.values) {
            const text = v.kind === 'template' ? literal(v.template) : undefined;
            if (text !== undefined) {
              if (key === 'aws:principalarn') arns.add(text);
              else accountIds.add(text);
            } else if (key === 'aws:principalarn' && v.kind === 'template')
              for (const arn of instances(v.template)) arns.add(arn);
          }
        }
      }
  for (const arn of arns) {
    const m = /^arn:[^:]*:[^:]*::(\d{12}):/u.exec(arn);
    if (m) accountIds.add(m[1]);
  }
  let fresh = 999999999999;
  while (accountIds.has(String(fresh))) fresh--;
  const principals: RequestPrincipal[] = [{ kind: 'anonymous' }];
  const aws = (arn: string, roleArn?: string) => {
    const p = parsePrincipalArn(arn);
    if (p !== undefined && p.kind !== 'other')
      principals.push({ kind: 'aws', arn, ...(roleArn ? { roleArn } : {}) });
  };
  for (const arn of arns) {
    aws(arn);
    const role = /^arn:([^:]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/u.exec(arn);
    if (role) aws(`arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3]}/session`, arn);
  }
  for (const a of [...accountIds, String(fresh)]) {
    if (!/^\d{12}$/u.test(a)) continue;
    aws(`arn:aws:iam::${a}:root`);
    aws(`arn:aws:iam::${a}:user/user`);
    aws(`arn:aws:iam::${a}:role/role`);
    aws(`arn:aws:sts::${a}:assumed-role/role/session`, `arn:aws:iam::${a}:role/role`);
  }
  for (const name of services) principals.push({ kind: 'service', name });
  for (const provider of federated) principals.push({ kind: 'federated', provider });
  for (const id of canonical) principals.push({ kind: 'canonical-user', id });
  return disjunction(principals.map((p) => conjunction(principalIs(r, p))));
}

/** The principal of witnesses when the policies do not consult it. */
const ANY_PRINCIPAL = 'arn:aws:iam::123456789012:user/any-principal';
const PRINCIPAL_KEYS = [
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:PrincipalType',
  'aws:username',
  'aws:PrincipalServiceName',
];

function statementsText(refs: readonly StatementRef[]): string {
  return refs.length === 0
    ? 'no statement'
    : refs
        .map(
          (s) =>
            `${s.policyName ? `${s.policyName} ` : ''}${s.jsonPath}${s.sid ? ` (${s.sid})` : ''}`,
        )
        .join(', ');
}

/** Replay helper: evaluates each set and checks `expect`. */
function replayWith(
  sets: readonly PolicySet[],
  expect: (evaluations: readonly Evaluation[], w: AccessRequest) => string | undefined,
): (w: AccessRequest) => Replay {
  return (w) => {
    const evaluations = sets.map((s) => evaluate(s.policies, w));
    const problem = expect(evaluations, w);
    if (problem !== undefined) return { agrees: false, reason: problem };
    return {
      agrees: true,
      evaluations: sets.map((s, i) => ({ name: s.name, evaluation: evaluations[i] })),
    };
  };
}

/** Does every request NEW allows, OLD allow too? (CheckNoNewAccess; also one direction of `compare`.) */
export function noNewAccess(
  newer: PolicySet,
  older: PolicySet,
  command: PolicyCommand = 'check-no-new-access',
): PolicyQuestion {
  const sets = [newer, older];
  const { request, evaluations } = symbolicFor(sets);
  const [n, o] = evaluations;
  const allowing = (ev: SymbolicEvaluation) =>
    ev.statements.filter((s) => s.ref.effect === 'Allow').map((s) => s.ref);
  return {
    command,
    question: `Does ${newer.name} allow only requests that ${older.name} allows?`,
    meaning: `no request is allowed by ${newer.name} (through ${statementsText(allowing(n))}) and not allowed by ${older.name}`,
    request,
    assumptions: assumptionsOf(request, sets),
    lazyAssumptions: lazyOf(request),
    ...candidatesOf(request, sets),
    goal: [n.allow, not(o.allow)],
    replay: replayWith([newer, older], ([en, eo]) =>
      en.decision !== 'allow'
        ? `${newer.name} does not allow the witness (${en.decision})`
        : eo.decision === 'allow'
          ? `${older.name} allows the witness`
          : undefined,
    ),
  };
}

/** Does the policy grant none of these actions (on these resources)? (CheckAccessNotGranted.) */
export function accessNotGranted(
  set: PolicySet,
  actions: readonly string[],
  resources: readonly string[],
): PolicyQuestion {
  const sets = [set];
  const { request, evaluations } = symbolicFor(sets);
  const [ev] = evaluations;
  const actionPatterns = actions.map((a) => lowerCasePattern(wildcardPattern(a)));
  const resourcePatterns = resources.map((r) => wildcardPattern(r));
  const goal = [
    ev.allow,
    disjunction(actionPatterns.map((p) => matchSymbolicPattern(liftPattern(p), request.action))),
  ];
  if (resources.length > 0)
    goal.push(
      disjunction(
        resourcePatterns.map((p) => matchSymbolicPattern(liftPattern(p), request.resource)),
      ),
    );
  const on = resources.length > 0 ? ` on ${resources.join(', ')}` : '';
  return {
    command: 'check-access-not-granted',
    question: `Does ${set.name} grant none of ${actions.join(', ')}${on}?`,
    meaning: `no request for ${actions.join(', ')}${on} is allowed by ${set.name}`,
    request,
    assumptions: assumptionsOf(request, sets),
    lazyAssumptions: lazyOf(request),
    ...candidatesOf(request, sets),
    goal,
    replay: replayWith([set], ([e], w) =>
      e.decision !== 'allow'
        ? `the policy does not allow the witness (${e.decision})`
        : !actionPatterns.some((p) => matchPattern(p, w.action.toLowerCase()))
          ? `the witness's action ${w.action} is not one of those asked about`
          : resources.length > 0 && !resourcePatterns.some((p) => matchPattern(p, w.resource))
            ? `the witness's resource ${w.resource} is not one of those asked about`
            : undefined,
    ),
  };
}

export interface PublicOptions {
  /** The owner's account id: its principals are not the public. */
  readonly account?: string;
  /** `s3-bucket`: only S3 resources (`arn:…:s3:::…`). */
  readonly resourceType?: 's3-bucket';
}

/** Is the resource policy free of public access (S3 Block Public Access, public.ts)? */
export function noPublicAccess(set: PolicySet, options: PublicOptions = {}): PolicyQuestion {
  const sets = [set];
  const { request, evaluations } = symbolicFor(sets);
  const [ev] = evaluations;
  const fixed = fixedValues(set.policies, options.account);
  const goal = [ev.allow, ...fromThePublic(request, fixed)];
  if (options.resourceType === 's3-bucket')
    goal.push(strPrefixOf(strConst('arn:aws:s3:::'), request.resource));
  const outside =
    fixed.accounts.size > 0
      ? `outside the accounts ${[...fixed.accounts].join(', ')}`
      : 'outside every account';
  return {
    command: 'check-no-public-access',
    question: `Is ${set.name} free of public access?`,
    meaning: `no request from the public (anonymous, federated, or a principal ${outside}, with no fixed value of a limiting condition key) is allowed by ${set.name}`,
    request,
    assumptions: assumptionsOf(request, sets),
    lazyAssumptions: lazyOf(request),
    ...candidatesOf(request, sets, [...fixed.accounts]),
    goal: [and(...goal)],
    replay: replayWith([set], ([e], w) => {
      if (e.decision !== 'allow') return `the policy does not allow the witness (${e.decision})`;
      const reason = notPublicReason(w, fixed);
      if (reason !== undefined) return `the witness is not from the public: ${reason}`;
      if (options.resourceType === 's3-bucket' && !w.resource.startsWith('arn:aws:s3:::'))
        return 'the witness is not an S3 resource';
      return undefined;
    }),
  };
}
