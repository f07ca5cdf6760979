/**
 * A concrete request: who (principal), what (action), on what (resource),
 * and the request context (condition keys → values).
 *
 * The context is explicit: `evaluate` consults only the keys the request
 * carries, so a replayed witness says exactly what it assumes.
 * `withPrincipalKeys` fills in the keys AWS derives from the principal
 * (`aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`,
 * `aws:username`, `aws:PrincipalServiceName`) for callers that want them.
 *
 * Context key names are case-insensitive ("IAM JSON policy elements:
 * Condition": "Context key names are not case-sensitive"); values are
 * case-sensitive. A list value is a multivalued key; an empty list is the
 * same as an absent key (the docs treat "context keys with empty values"
 * like missing ones: "Conditions with multiple context keys or values").
 */
import { parsePrincipalArn } from './arn.js';

export type RequestPrincipal =
  /** An unauthenticated caller: matched only by `"*"` / `{"AWS": "*"}`. */
  | { readonly kind: 'anonymous' }
  /**
   * An IAM or STS principal by ARN: account root, user, role, assumed-role
   * session, federated user. For a session whose role has a path, give the
   * role's ARN in `roleArn` (the session ARN does not carry the path).
   */
  | { readonly kind: 'aws'; readonly arn: string; readonly roleArn?: string }
  /** An AWS service principal such as `cloudtrail.amazonaws.com`. */
  | { readonly kind: 'service'; readonly name: string }
  /** A web-identity or SAML provider (`graph.facebook.com`, `arn:aws:iam::…:saml-provider/…`). */
  | { readonly kind: 'federated'; readonly provider: string }
  /** An S3 canonical user id. */
  | { readonly kind: 'canonical-user'; readonly id: string };

export type ContextValue = string | readonly string[];

export interface AccessRequest {
  readonly principal: RequestPrincipal;
  /** `service:Action`, e.g. `s3:GetObject` (compared case-insensitively). */
  readonly action: string;
  /** The resource ARN (compared case-sensitively). */
  readonly resource: string;
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/** The request context with case-insensitive lookup. */
export interface RequestContext {
  /** The value of a key; undefined when absent or an empty list. */
  get(key: string): ContextValue | undefined;
  /** The single value of a key for a policy variable; undefined when absent or multivalued. */
  variable(key: string): string | undefined;
}

/**
 * Builds the lookup. When two keys differ only in case the later one wins
 * (a request cannot tell them apart).
 */
export function requestContext(
  context: Readonly<Record<string, ContextValue>> | undefined,
): RequestContext {
  const map = new Map<string, ContextValue>();
  for (const [key, value] of Object.entries(context ?? {})) {
    if (typeof value === 'string' || value.length > 0) map.set(key.toLowerCase(), value);
    else map.delete(key.toLowerCase());
  }
  return {
    get: (key) => map.get(key.toLowerCase()),
    variable: (key) => {
      const v = map.get(key.toLowerCase());
      return typeof v === 'string' ? v : undefined;
    },
  };
}

/**
 * The request with the principal-derived global keys added where the
 * request does not set them ("AWS global condition context keys":
 * aws:PrincipalArn — for a role session the role's ARN; aws:PrincipalAccount;
 * aws:PrincipalType — Account, User, FederatedUser, AssumedRole, Anonymous;
 * aws:username — IAM users only; aws:PrincipalServiceName — services).
 */
export function withPrincipalKeys(request: AccessRequest): AccessRequest {
  const derived: Record<string, ContextValue> = {};
  const p = request.principal;
  if (p.kind === 'anonymous') derived['aws:PrincipalType'] = 'Anonymous';
  if (p.kind === 'service') derived['aws:PrincipalServiceName'] = p.name;
  if (p.kind === 'aws') {
    const info = parsePrincipalArn(p.arn);
    if (info !== undefined) {
      derived['aws:PrincipalAccount'] = info.account;
      switch (info.kind) {
        case 'root':
          derived['aws:PrincipalType'] = 'Account';
          derived['aws:PrincipalArn'] = p.arn;
          break;
        case 'user':
          derived['aws:PrincipalType'] = 'User';
          derived['aws:PrincipalArn'] = p.arn;
          derived['aws:username'] = p.arn.slice(p.arn.lastIndexOf('/') + 1);
          break;
        case 'assumed-role':
          derived['aws:PrincipalType'] = 'AssumedRole';
          derived['aws:PrincipalArn'] =
            p.roleArn ?? `arn:${info.partition}:iam::${info.account}:role/${info.roleName}`;
          break;
        case 'federated-user':
          derived['aws:PrincipalType'] = 'FederatedUser';
          derived['aws:PrincipalArn'] = p.arn;
          break;
        case 'role':
        case 'other':
          derived['aws:PrincipalArn'] = p.arn;
          break;
      }
    }
  }
  const given = new Set(Object.keys(request.context ?? {}).map((k) => k.toLowerCase()));
  const context: Record<string, ContextValue> = { ...(request.context ?? {}) };
  for (const [k, v] of Object.entries(derived)) if (!given.has(k.toLowerCase())) context[k] = v;
  return { ...request, context };
}
