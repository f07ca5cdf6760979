/**
 * Amazon Resource Names: splitting, `ArnLike` matching, and the ARNs of
 * principals.
 *
 * Sources:
 * - "IAM identifiers" / ARN format: `arn:partition:service:region:account-id:resource`;
 *   everything after the fifth colon is the resource part (it may contain
 *   colons and slashes).
 * - "IAM JSON policy elements: Condition operators", section "Amazon Resource
 *   Name (ARN) condition operators": for `ArnEquals`/`ArnLike` "each of the six
 *   colon-delimited components of the ARN is checked separately and each can
 *   include multi-character match wildcards (*) or single-character match
 *   wildcards (?)", and `ArnEquals` and `ArnLike` "behave identically". So
 *   `arn:aws:sns:*:111122223333:topic` does not match a value whose region
 *   part holds a colon, whereas `StringLike` would. A value (or pattern) with
 *   fewer than six components matches nothing.
 * - The `Resource` element is different: there a `*` may expand across colon
 *   boundaries ("IAM JSON policy elements: Resource": "If the * wildcard is
 *   the last character of a resource ARN segment, it can expand to match
 *   beyond the colon boundaries"); see evaluate.ts, which matches a resource
 *   against its pattern as one string.
 */
import type { Pattern, PatternToken } from './wildcard.js';
import { matchPattern } from './wildcard.js';

export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its parts; undefined unless it starts with `arn:` and has six components. */
export function splitArn(text: string): ArnParts | undefined {
  const parts = splitComponents(text);
  if (parts === undefined || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account, resource] = parts;
  return { partition, service, region, account, resource };
}

/** The six colon-separated components (the last keeps any further colons), or undefined. */
function splitComponents(text: string): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < 5; k++) {
    const colon = text.indexOf(':', from);
    if (colon === -1) return undefined;
    parts.push(text.slice(from, colon));
    from = colon + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * Splits a wildcard pattern at its first five literal colons (a colon that
 * comes from a substituted variable counts too: substitution happens
 * before the comparison). Undefined when there are fewer than five.
 */
export function splitPatternComponents(pattern: Pattern): Pattern[] | undefined {
  const parts: PatternToken[][] = [[]];
  for (const token of pattern) {
    if (token.kind !== 'text' || parts.length === 6) {
      parts[parts.length - 1].push(token);
      continue;
    }
    let text = token.text;
    for (
      let colon = text.indexOf(':');
      colon !== -1 && parts.length < 6;
      colon = text.indexOf(':')
    ) {
      if (colon > 0) parts[parts.length - 1].push({ kind: 'text', text: text.slice(0, colon) });
      parts.push([]);
      text = text.slice(colon + 1);
    }
    if (text !== '') parts[parts.length - 1].push({ kind: 'text', text });
  }
  return parts.length === 6 ? parts : undefined;
}

/** `ArnLike`/`ArnEquals`: each of the six components matched separately. */
export function matchArnPattern(pattern: Pattern, value: string): boolean {
  const patternParts = splitPatternComponents(pattern);
  const valueParts = splitComponents(value);
  if (patternParts === undefined || valueParts === undefined) return false;
  return patternParts.every((p, k) => matchPattern(p, valueParts[k]));
}

/** What kind of principal an ARN names (see "AWS JSON policy elements: Principal"). */
export type PrincipalArnKind =
  'root' | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'other';

export interface PrincipalArn {
  readonly arn: string;
  readonly partition: string;
  readonly account: string;
  readonly kind: PrincipalArnKind;
  /** For an assumed-role session: the role's name (the session ARN does not carry the role's path). */
  readonly roleName?: string;
}

/**
 * Reads an IAM or STS principal ARN:
 * `arn:aws:iam::ACCOUNT:root`, `…:user/path/name`, `…:role/path/name`,
 * `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`, `…:federated-user/NAME`.
 */
export function parsePrincipalArn(arn: string): PrincipalArn | undefined {
  const parts = splitArn(arn);
  if (parts === undefined) return undefined;
  const { partition, service, account, resource } = parts;
  const base = { arn, partition, account };
  if (service === 'iam' && resource === 'root') return { ...base, kind: 'root' };
  if (service === 'iam' && resource.startsWith('user/')) return { ...base, kind: 'user' };
  if (service === 'iam' && resource.startsWith('role/')) return { ...base, kind: 'role' };
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const [, roleName, session] = resource.split('/');
    if (roleName && session !== undefined) return { ...base, kind: 'assumed-role', roleName };
  }
  if (service === 'sts' && resource.startsWith('federated-user/'))
    return { ...base, kind: 'federated-user' };
  return { ...base, kind: 'other' };
}

/** `arn:PARTITION:iam::ACCOUNT:root`. */
export function accountRootArn(account: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:root`;
}
