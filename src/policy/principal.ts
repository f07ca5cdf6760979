/**
 * `Principal` and `NotPrincipal` against the principal of a request.
 *
 * Sources (AWS IAM User Guide): "AWS JSON policy elements: Principal" (P),
 * "AWS JSON policy elements: NotPrincipal" (NP), "Policy evaluation logic" (E).
 *
 * `Principal` — a statement applies when some entry matches:
 * - `"*"` and `{"AWS": "*"}` match every principal, anonymous callers
 *   included (P, "All principals": "For anonymous users, the following
 *   elements are equivalent"). `*` under `Service`, `Federated` or
 *   `CanonicalUser` matches any principal of that type.
 * - An account (`123456789012` or `arn:aws:iam::123456789012:root`) matches
 *   every IAM/STS principal of that account: the two forms "behave the same
 *   way" and "Using the account ARN in the Principal element does not limit
 *   permissions to only the root user of the account" (P, "AWS account
 *   principals"). Whether that account's administrator must also grant the
 *   principal access in an identity policy is a question of cross-account
 *   evaluation (see evaluate.ts), not of matching.
 * - A role ARN matches the role and every session of the role: a session
 *   of role R (`arn:aws:sts::A:assumed-role/R/S`) is matched by
 *   `arn:aws:iam::A:role/R` (E: "Resource-based policies that grant
 *   permissions to an IAM role ARN are limited by an implicit deny in a
 *   permissions boundary or session policy" — i.e. they do reach the
 *   role's sessions; P, "IAM role principals"). A role with a path is
 *   matched when the request names it in `roleArn`.
 * - User, assumed-role session and federated-user ARNs match exactly
 *   (case-sensitively: "the user name part of the ARN is case sensitive").
 *   No wildcard may match part of a principal (P: "You cannot use a
 *   wildcard to match part of a principal name or ARN"); the parser rejects
 *   such entries.
 * - `Service`, `Federated`, `CanonicalUser` values match a principal of the
 *   same type with the same name.
 *
 * `NotPrincipal` — the documented pitfalls differ by effect, so they are
 * modelled separately:
 * - With `Allow`, the statement applies to every principal that no entry
 *   matches (same matching as `Principal`), anonymous callers included (NP:
 *   "Doing so allows all principals except the one named … you might grant
 *   access to anonymous (unauthenticated) users").
 * - With `Deny`, AWS "might validate the account first, then the role, and
 *   then the assumed-role user" (NP, "NotPrincipal with Deny"), and denies
 *   unless the entity it validates is listed: the statement applies when any
 *   identity in the principal's chain — its account, then (for a session)
 *   its role, then the principal itself — is not listed *exactly*. So a
 *   `NotPrincipal` naming only `arn:…:user/Bob` still denies Bob (through his
 *   account), as NP warns; naming Bob and `arn:…:root` spares Bob only.
 *   This takes the documented worst case for every service.
 */
import { accountRootArn, parsePrincipalArn } from './arn.js';
import type { Effect, PrincipalElement, PrincipalEntry } from './model.js';
import type { RequestPrincipal } from './request.js';

/** Does the principal element make the statement apply to this principal? */
export function principalApplies(
  element: PrincipalElement,
  effect: Effect,
  principal: RequestPrincipal,
): boolean {
  if (!element.negated) return element.entries.some((e) => entryMatches(e, principal));
  if (effect === 'Allow') return !element.entries.some((e) => entryMatches(e, principal));
  return validationChain(principal).some(
    (identity) => !element.entries.some((e) => entryNames(e, identity)),
  );
}

/** The role ARN a session principal belongs to, if it is a session. */
function sessionRoleArn(principal: RequestPrincipal): string | undefined {
  if (principal.kind !== 'aws') return undefined;
  const info = parsePrincipalArn(principal.arn);
  if (info === undefined || info.kind !== 'assumed-role') return undefined;
  return principal.roleArn ?? `arn:${info.partition}:iam::${info.account}:role/${info.roleName}`;
}

/** `Principal` matching (see the module comment). */
function entryMatches(entry: PrincipalEntry, principal: RequestPrincipal): boolean {
  switch (entry.kind) {
    case 'all':
      return true;
    case 'account':
      return (
        principal.kind === 'aws' && parsePrincipalArn(principal.arn)?.account === entry.account
      );
    case 'aws-arn':
      return (
        principal.kind === 'aws' &&
        (entry.arn === principal.arn || entry.arn === sessionRoleArn(principal))
      );
    case 'service':
      return principal.kind === 'service' && (entry.name === '*' || entry.name === principal.name);
    case 'federated':
      return (
        principal.kind === 'federated' &&
        (entry.provider === '*' || entry.provider === principal.provider)
      );
    case 'canonical-user':
      return principal.kind === 'canonical-user' && (entry.id === '*' || entry.id === principal.id);
  }
}

/**
 * One identity AWS may validate for a request: the account (as its root
 * ARN), a role, the principal itself, or a non-IAM principal.
 */
type Identity =
  | {
      readonly kind: 'aws';
      readonly arn: string;
      readonly account: string | undefined;
      readonly isRoot: boolean;
    }
  | Exclude<RequestPrincipal, { kind: 'aws' }>;

/** Account, then role (for a session), then the principal (NP, "NotPrincipal with Deny"). */
function validationChain(principal: RequestPrincipal): Identity[] {
  if (principal.kind !== 'aws') return [principal];
  const info = parsePrincipalArn(principal.arn);
  if (info === undefined)
    return [{ kind: 'aws', arn: principal.arn, account: undefined, isRoot: false }];
  const chain: Identity[] = [];
  if (info.kind !== 'root')
    chain.push({
      kind: 'aws',
      arn: accountRootArn(info.account, info.partition),
      account: info.account,
      isRoot: true,
    });
  const role = sessionRoleArn(principal);
  if (role !== undefined)
    chain.push({ kind: 'aws', arn: role, account: info.account, isRoot: false });
  chain.push({
    kind: 'aws',
    arn: principal.arn,
    account: info.account,
    isRoot: info.kind === 'root',
  });
  return chain;
}

/** Does the entry name exactly this identity (NotPrincipal with Deny)? */
function entryNames(entry: PrincipalEntry, identity: Identity): boolean {
  switch (entry.kind) {
    case 'all':
      return true;
    case 'account':
      return identity.kind === 'aws' && identity.isRoot && identity.account === entry.account;
    case 'aws-arn':
      return identity.kind === 'aws' && identity.arn === entry.arn;
    default:
      return identity.kind !== 'aws' && entryMatches(entry, identity);
  }
}
