/**
 * "Public" as S3 Block Public Access defines it ("Blocking public access to
 * your Amazon S3 storage", section "The meaning of 'public'", bucket
 * policies): a grant is non-public only when it is limited to *fixed
 * values* — no wildcard, no policy variable — of a principal or of one of
 * the keys below. We turn that rule into a set of requests ("requests from
 * the public") and ask whether the policy allows any of them:
 *
 * - Principal: the caller is anonymous, a federated user (any identity
 *   provider: S3's own example `{"Federated": "graph.facebook.com"}` is
 *   public), an IAM/STS principal of an account that the policy does not
 *   name (in a principal entry, or as a fixed value of `aws:PrincipalAccount`
 *   or `aws:PrincipalArn`, which AWS derives from the principal) and that
 *   is not the owner's (`account`),
 *   or a canonical user the policy does not name. Service principals are
 *   AWS itself, never the public. So `"*"`, `{"AWS": "*"}` and
 *   `NotPrincipal` reach the public; a fixed account, user, role, service
 *   or canonical user does not.
 * - The keys that can limit a grant: `aws:SourceIp`, `aws:SourceArn`,
 *   `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceAccount`,
 *   `aws:SourceOwner`, `aws:PrincipalOrgID`, `aws:userid`,
 *   `s3:DataAccessPointArn`, `s3:DataAccessPointAccount`. In a request
 *   from the public each of these holds a value the policy does not fix:
 *   - a string key: a value different (ignoring case) from every value the
 *     policy writes for that key without a wildcard or variable; a value
 *     with `*`/`?` or a variable fixes nothing;
 *   - `aws:userid`: also not starting with `ID:` when the policy writes
 *     `ID:*` with a wildcard-free `ID` (S3: "aws:userid, outside the
 *     pattern AROLEID:*" — a role's sessions are that role);
 *   - `aws:SourceIp`: an address outside every range the policy writes
 *     for the key that is at most as broad as /8 (IPv4) or /32 (IPv6) and
 *     is not inside an RFC 1918 private range (10/8, 172.16/12,
 *     192.168/16); broader or private ranges fix nothing.
 *   Every other key may hold anything, except that the keys AWS derives
 *   from the principal (`aws:PrincipalAccount`, `aws:PrincipalArn`,
 *   `aws:PrincipalType`, `aws:username`, `aws:PrincipalServiceName`) agree
 *   with it, as in every real request.
 * So `StringEquals aws:SourceVpc vpc-1` makes a grant non-public,
 * `StringLike aws:SourceVpc vpc-*` and `StringNotEquals aws:SourceVpc
 * vpc-1` do not. `publicSymbolic` builds these constraints and
 * `publicConcrete` checks them on a witness (replay).
 */
import { parsePrincipalArn } from './arn.js';
import type { PolicyInput } from './evaluate.js';
import { cidrContains, parseCidr, parseIp, type Cidr } from '../core/ip.js';
import type { AccessRequest } from './request.js';
import type { Template } from './variables.js';

export const PUBLIC_LIMITING_KEYS = [
  'aws:SourceIp',
  'aws:SourceArn',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceAccount',
  'aws:SourceOwner',
  'aws:PrincipalOrgID',
  'aws:userid',
  's3:DataAccessPointArn',
  's3:DataAccessPointAccount',
] as const;

const LIMITING = new Set(PUBLIC_LIMITING_KEYS.map((k) => k.toLowerCase()));
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c) as Cidr);

/** What the policies fix: principals and the limiting keys' values. */
export interface FixedValues {
  readonly accounts: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  readonly canonicalUsers: ReadonlySet<string>;
  /** Lower-cased key → wildcard-free, variable-free string values. */
  readonly strings: ReadonlyMap<string, readonly string[]>;
  /** `aws:userid` values `ID:*`: the `ID:` prefixes. */
  readonly useridPrefixes: readonly string[];
  /** `aws:SourceIp` ranges narrow enough and not private. */
  readonly ranges: readonly Cidr[];
}

/** A template's text when it has neither a variable nor a wildcard. */
function fixedText(t: Template): string | undefined {
  let out = '';
  for (const p of t) {
    if (p.kind === 'variable') return undefined;
    if (p.kind === 'escape') out += p.char;
    else if (/[*?]/.test(p.text)) return undefined;
    else out += p.text;
  }
  return out;
}

/** Is the range narrow enough (and public address space) to fix a grant? */
function rangeFixes(c: Cidr): boolean {
  if (c.family === 6) return c.prefix >= 32;
  return (
    c.prefix >= 8 &&
    !PRIVATE.some((p) => p.prefix <= c.prefix && cidrContains(p, { family: 4, value: c.network }))
  );
}

export function fixedValues(
  policies: readonly PolicyInput[],
  owner: string | undefined,
): FixedValues {
  const accounts = new Set<string>(owner === undefined ? [] : [owner]);
  const services = new Set<string>();
  const canonicalUsers = new Set<string>();
  const strings = new Map<string, string[]>();
  const useridPrefixes: string[] = [];
  const ranges: Cidr[] = [];
  for (const { policy } of policies)
    for (const st of policy.statements) {
      for (const e of st.principal?.entries ?? []) {
        if (e.kind === 'account') accounts.add(e.account);
        if (e.kind === 'aws-arn') {
          const a = parsePrincipalArn(e.arn)?.account;
          if (a !== undefined) accounts.add(a);
        }
        if (e.kind === 'service' && e.name !== '*') services.add(e.name);
        if (e.kind === 'canonical-user' && e.id !== '*') canonicalUsers.add(e.id);
      }
      for (const c of st.conditions) {
        const key = c.key.toLowerCase();
        // The principal keys AWS derives fix the principal like a principal entry.
        if (key === 'aws:principalaccount' || key === 'aws:principalarn')
          for (const t of c.values.flatMap((v) => (v.kind === 'template' ? [v.template] : []))) {
            const text = fixedText(t);
            const account =
              text === undefined
                ? undefined
                : key === 'aws:principalaccount'
                  ? text
                  : parsePrincipalArn(text)?.account;
            if (account !== undefined) accounts.add(account);
          }
        if (!LIMITING.has(key)) continue;
        for (const v of c.values) if (v.kind === 'ip' && rangeFixes(v.cidr)) ranges.push(v.cidr);
        for (const t of c.values.flatMap((v) => (v.kind === 'template' ? [v.template] : []))) {
          const text = fixedText(t);
          if (text !== undefined) strings.set(key, [...(strings.get(key) ?? []), text]);
          const whole = t.length === 1 && t[0].kind === 'text' ? t[0].text : undefined;
          if (key === 'aws:userid' && whole !== undefined && /^[^*?]+:\*$/.test(whole))
            useridPrefixes.push(whole.slice(0, -1));
        }
      }
    }
  return { accounts, services, canonicalUsers, strings, useridPrefixes, ranges };
}

/** Why the request is not from the public, or undefined when it is (replay of a witness). */
export function notPublicReason(request: AccessRequest, fixed: FixedValues): string | undefined {
  const p = request.principal;
  if (p.kind === 'aws') {
    const account = parsePrincipalArn(p.arn)?.account;
    if (account === undefined || fixed.accounts.has(account))
      return `the principal's account ${account ?? '?'} is named by the policy`;
  }
  if (p.kind === 'service') return 'a service principal is AWS itself, not the public';
  if (p.kind === 'canonical-user' && fixed.canonicalUsers.has(p.id))
    return `the canonical user is named`;
  for (const [key, value] of Object.entries(request.context ?? {})) {
    const lower = key.toLowerCase();
    if (!LIMITING.has(lower)) continue;
    for (const v of typeof value === 'string' ? [value] : value) {
      if ((fixed.strings.get(lower) ?? []).some((s) => s.toLowerCase() === v.toLowerCase()))
        return `${key} is a value the policy fixes`;
      if (lower === 'aws:userid' && fixed.useridPrefixes.some((x) => v.startsWith(x)))
        return `${key} is a session of a role the policy fixes`;
      if (lower === 'aws:sourceip') {
        const a = parseIp(v);
        if (a !== undefined && fixed.ranges.some((c) => cidrContains(c, a)))
          return `${key} is inside a range the policy fixes`;
      }
    }
  }
  return undefined;
}
