/**
 * Mirrors `../principal.ts` (`principalApplies`, `entryMatches`,
 * `validationChain`, `entryNames`) over the symbolic principal of
 * request.ts. Exact on that domain: the account of an ARN is its account
 * component, a session's role ARN is `arn:P:iam::A:role/RPATH ROLE`, and
 * `NotPrincipal` with `Deny` validates account root, role (sessions only)
 * and principal in turn, each compared exactly.
 */
import {
  and,
  disjunction,
  eq,
  falseTerm,
  not,
  or,
  strConst,
  trueTerm,
  type Term,
} from '../../smt/index.js';
import type { Effect, PrincipalElement, PrincipalEntry } from '../model.js';
import { kindIs, principalArnIs, shapeIs, type SymbolicRequest } from './request.js';

/** `principalApplies`. */
export function principalAppliesSymbolic(
  element: PrincipalElement,
  effect: Effect,
  r: SymbolicRequest,
): Term {
  const any = (match: (e: PrincipalEntry) => Term) => disjunction(element.entries.map(match));
  if (!element.negated) return any((e) => entryMatchesSymbolic(e, r));
  if (effect === 'Allow') return not(any((e) => entryMatchesSymbolic(e, r)));
  return disjunction(
    validationChainSymbolic(r).map((identity) =>
      and(identity.present, not(any((e) => entryNamesSymbolic(e, identity, r)))),
    ),
  );
}

/** `entryMatches`. */
function entryMatchesSymbolic(entry: PrincipalEntry, r: SymbolicRequest): Term {
  const p = r.principal;
  const named = (kind: 'service' | 'federated' | 'canonical-user', value: string) =>
    and(kindIs(r, kind), value === '*' ? trueTerm : eq(p.name, strConst(value)));
  switch (entry.kind) {
    case 'all':
      return trueTerm;
    case 'account':
      return and(kindIs(r, 'aws'), eq(p.account, strConst(entry.account)));
    case 'aws-arn':
      return and(
        kindIs(r, 'aws'),
        or(
          principalArnIs(r, 'arn', entry.arn),
          and(shapeIs(r, 'assumed-role'), principalArnIs(r, 'roleArn', entry.arn)),
        ),
      );
    case 'service':
      return named('service', entry.name);
    case 'federated':
      return named('federated', entry.provider);
    case 'canonical-user':
      return named('canonical-user', entry.id);
  }
}

/** One identity of the validation chain, `present` when the principal has it. */
interface SymbolicIdentity {
  readonly present: Term;
  /** An IAM identity (else the principal itself, not of kind aws). */
  readonly aws: boolean;
  /** Which ARN of the principal it is (`principalArnIs`). */
  readonly arn: 'arn' | 'roleArn' | 'rootArn';
  readonly isRoot: Term;
}

/** `validationChain`: account root (non-root aws principals), role (sessions), the principal. */
function validationChainSymbolic(r: SymbolicRequest): SymbolicIdentity[] {
  const aws = kindIs(r, 'aws');
  const root = shapeIs(r, 'root');
  return [
    { present: and(aws, not(root)), aws: true, arn: 'rootArn', isRoot: trueTerm },
    { present: shapeIs(r, 'assumed-role'), aws: true, arn: 'roleArn', isRoot: falseTerm },
    { present: aws, aws: true, arn: 'arn', isRoot: root },
    { present: not(aws), aws: false, arn: 'arn', isRoot: falseTerm },
  ];
}

/** `entryNames`. */
function entryNamesSymbolic(
  entry: PrincipalEntry,
  identity: SymbolicIdentity,
  r: SymbolicRequest,
): Term {
  switch (entry.kind) {
    case 'all':
      return trueTerm;
    case 'account':
      return identity.aws
        ? and(identity.isRoot, eq(r.principal.account, strConst(entry.account)))
        : falseTerm;
    case 'aws-arn':
      return identity.aws ? principalArnIs(r, identity.arn, entry.arn) : falseTerm;
    default:
      return identity.aws ? falseTerm : entryMatchesSymbolic(entry, r);
  }
}
