/**
 * Grammar-based generator of AWS IAM / S3 policies for robustness tests:
 * valid identity and resource policies (statements with `Effect`,
 * `Principal`/`NotPrincipal`, `Action`/`NotAction` with wildcards,
 * `Resource`/`NotResource` ARNs, and `Condition` blocks over every operator
 * family, with `ForAllValues:`/`ForAnyValue:`/`IfExists` and policy
 * variables), and broken ones: values of the wrong JSON type, missing or
 * unknown keys, misspelt operators, bad ARNs, addresses, dates and numbers,
 * and text that is not JSON at all. Each is labelled.
 *
 * Arbitraries grow recursively up to a depth bound; `fc.sample(arb, { seed,
 * numRuns })` gives the same policies on every run.
 */
import fc from 'fast-check';
import type { GeneratedKind } from './c.js';

export interface GeneratedPolicy {
  /** The policy file's text (usually JSON, not always). */
  readonly text: string;
  readonly kind: GeneratedKind;
  readonly note: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function pick<T>(items: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...items);
}

const ACCOUNTS = ['111122223333', '444455556666', '123456789012'] as const;

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteBucket',
  's3:*',
  's3:Get*',
  's3:*Object',
  'iam:PassRole',
  'iam:CreateUser',
  'ec2:RunInstances',
  'ec2:Describe*',
  'sts:AssumeRole',
  'dynamodb:GetItem',
  '*',
  's3:List?ucket',
] as const;

const RESOURCES = [
  '*',
  'arn:aws:s3:::bucket',
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::bucket/${aws:username}/*',
  'arn:aws:s3:::other-*',
  'arn:aws:iam::111122223333:role/Admin*',
  'arn:aws:ec2:us-east-1:111122223333:instance/*',
  'arn:aws:dynamodb:*:*:table/Orders',
  'arn:aws-cn:s3:::cn-bucket',
] as const;

const PRINCIPALS: readonly Json[] = [
  '*',
  { AWS: '*' },
  { AWS: 'arn:aws:iam::111122223333:root' },
  { AWS: '444455556666' },
  { AWS: ['arn:aws:iam::111122223333:role/Reader', 'arn:aws:iam::444455556666:user/bob'] },
  { AWS: 'arn:aws:sts::111122223333:assumed-role/Role/session' },
  { Service: 'cloudtrail.amazonaws.com' },
  { Federated: 'graph.facebook.com' },
  { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
];

/** Condition keys with values of their family. */
const KEYS: Readonly<Record<string, readonly [string, readonly Json[]]>> = {
  string: ['aws:SourceVpc', ['vpc-111', 'vpc-*', 'VPC-111', '${aws:username}', '', 'a?c']],
  string2: ['aws:PrincipalOrgID', ['o-abc123', 'o-*']],
  string3: ['s3:prefix', ['home/', 'home/${aws:username}/*', '*']],
  numeric: ['s3:max-keys', ['10', 10, '0', '-1', '1.5', '100000000000000000000']],
  date: [
    'aws:CurrentTime',
    ['2020-01-01T00:00:00Z', '2030-12-31', 1577836800, '2020-02-29T23:59:59+05:30'],
  ],
  bool: ['aws:SecureTransport', ['true', 'false', true, 'TRUE']],
  ip: ['aws:SourceIp', ['203.0.113.0/24', '10.0.0.0/8', '2001:db8::/32', '0.0.0.0/0', '192.0.2.1']],
  arn: [
    'aws:SourceArn',
    ['arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:s3:::*', 'arn:*:*:*:*:*'],
  ],
  null: ['aws:TokenIssueTime', ['true', 'false']],
  binary: ['aws:RequestTag/bin', ['QmluYXJ5', 'AAEC']],
};

const OPERATORS: Readonly<Record<string, readonly string[]>> = {
  string: [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
  ],
  numeric: [
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
  ],
  date: [
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
  ],
  bool: ['Bool'],
  ip: ['IpAddress', 'NotIpAddress'],
  arn: ['ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike'],
  null: ['Null'],
  binary: ['BinaryEquals'],
};

const FAMILIES = Object.keys(KEYS);

function oneOrMany<T extends Json>(items: fc.Arbitrary<T>): fc.Arbitrary<Json> {
  return fc.oneof(items, fc.array(items, { minLength: 1, maxLength: 3 }));
}

/** One `Condition` block: operator → key → value(s). */
const condition: fc.Arbitrary<Json> = fc
  .array(
    pick(FAMILIES).chain((family) => {
      const [key, values] = KEYS[family];
      const base = family.replace(/\d$/, '');
      return fc.record({
        op: pick(OPERATORS[base]),
        set: fc.constantFrom('', '', 'ForAllValues:', 'ForAnyValue:'),
        ifExists: fc.boolean(),
        key: fc.constant(key),
        value: oneOrMany(pick(values)),
      });
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((entries) => {
    const out: { [op: string]: { [key: string]: Json } } = {};
    for (const e of entries) {
      // Null takes neither a set qualifier nor IfExists (those are broken policies, below).
      const op = e.op === 'Null' ? 'Null' : `${e.set}${e.op}${e.ifExists ? 'IfExists' : ''}`;
      (out[op] ??= {})[e.key] = e.value;
    }
    return out;
  });

function statement(resourcePolicy: boolean): fc.Arbitrary<{ [key: string]: Json }> {
  return fc
    .record({
      sid: fc.option(fc.constantFrom('S1', 'S2', 'Deny Stmt', 'A')),
      effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      principal: pick(PRINCIPALS),
      notPrincipal: fc.boolean(),
      actions: oneOrMany(pick(ACTIONS)),
      notAction: fc.boolean(),
      resources: oneOrMany(pick(RESOURCES)),
      notResource: fc.boolean(),
      condition: fc.option(condition),
    })
    .map((s) => {
      const out: { [key: string]: Json } = {};
      if (s.sid !== null) out.Sid = s.sid;
      out.Effect = s.effect;
      if (resourcePolicy) out[s.notPrincipal ? 'NotPrincipal' : 'Principal'] = s.principal;
      out[s.notAction ? 'NotAction' : 'Action'] = s.actions;
      out[s.notResource ? 'NotResource' : 'Resource'] = s.resources;
      if (s.condition !== null) out.Condition = s.condition;
      return out;
    });
}

/** A well-formed policy document (as a JSON value). */
function validPolicyDocument(resourcePolicy: boolean): fc.Arbitrary<{ [key: string]: Json }> {
  return fc
    .record({
      version: fc.constantFrom('2012-10-17', '2012-10-17', '2008-10-17'),
      id: fc.option(fc.constant('policy-id')),
      statements: fc.array(statement(resourcePolicy), { minLength: 1, maxLength: 3 }),
      single: fc.boolean(),
    })
    .map((p) => ({
      Version: p.version,
      ...(p.id === null ? {} : { Id: p.id }),
      Statement: p.single && p.statements.length === 1 ? p.statements[0] : p.statements,
    }));
}

/** Breakages of a policy document (applied to its JSON value). */
const POLICY_BREAKAGES: readonly (readonly [string, (doc: { [key: string]: Json }) => Json])[] = [
  ['Statement missing', ({ Version }) => ({ Version })],
  ['Statement a string', (d) => ({ ...d, Statement: 'Allow everything' })],
  ['Statement empty', (d) => ({ ...d, Statement: [] })],
  ['statement a number', (d) => ({ ...d, Statement: [42] })],
  ['Effect missing', (d) => mapStatements(d, ({ Effect: _e, ...s }) => s)],
  ['Effect misspelt', (d) => mapStatements(d, (s) => ({ ...s, Effect: 'allow' }))],
  ['Effect a list', (d) => mapStatements(d, (s) => ({ ...s, Effect: ['Allow'] }))],
  ['Action a number', (d) => mapStatements(d, (s) => ({ ...s, Action: 7, NotAction: undefined }))],
  ['Action without a colon', (d) => mapStatements(d, (s) => ({ ...s, Action: 'getobject' }))],
  ['Action an object', (d) => mapStatements(d, (s) => ({ ...s, Action: { s3: 'GetObject' } }))],
  [
    'Action and NotAction',
    (d) => mapStatements(d, (s) => ({ ...s, Action: 's3:*', NotAction: 's3:GetObject' })),
  ],
  ['Resource a bad ARN', (d) => mapStatements(d, (s) => ({ ...s, Resource: 'arn:aws:s3' }))],
  ['Resource not an ARN', (d) => mapStatements(d, (s) => ({ ...s, Resource: 'my-bucket' }))],
  ['Resource empty list', (d) => mapStatements(d, (s) => ({ ...s, Resource: [] }))],
  ['Resource null', (d) => mapStatements(d, (s) => ({ ...s, Resource: null }))],
  ['unknown key', (d) => mapStatements(d, (s) => ({ ...s, Actions: 's3:*' }))],
  ['unknown top-level key', (d) => ({ ...d, Statements: d.Statement })],
  ['Version a number', (d) => ({ ...d, Version: 2012 })],
  ['Version unknown', (d) => ({ ...d, Version: '2020-01-01' })],
  ['Principal a number', (d) => mapStatements(d, (s) => ({ ...s, Principal: 5 }))],
  ['Principal bad type', (d) => mapStatements(d, (s) => ({ ...s, Principal: { Robot: 'r2d2' } }))],
  [
    'Principal bad ARN',
    (d) => mapStatements(d, (s) => ({ ...s, Principal: { AWS: 'arn:aws:iam::12:root' } })),
  ],
  ['Principal empty', (d) => mapStatements(d, (s) => ({ ...s, Principal: {} }))],
  [
    'Principal and NotPrincipal',
    (d) => mapStatements(d, (s) => ({ ...s, Principal: '*', NotPrincipal: '*' })),
  ],
  ['Condition a string', (d) => mapStatements(d, (s) => ({ ...s, Condition: 'always' }))],
  [
    'Condition operator misspelt',
    (d) =>
      mapStatements(d, (s) => ({ ...s, Condition: { StringLikee: { 'aws:SourceVpc': 'vpc-1' } } })),
  ],
  [
    'Condition operator odd qualifier',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { 'ForSomeValues:StringLike': { 'aws:SourceVpc': 'vpc-1' } },
      })),
  ],
  [
    'Null with a set qualifier',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { 'ForAllValues:Null': { 'aws:TokenIssueTime': 'true' } },
      })),
  ],
  [
    'Null with IfExists',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } },
      })),
  ],
  [
    'Condition value an object',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { StringEquals: { 'aws:SourceVpc': { a: 1 } } },
      })),
  ],
  [
    'Condition key map empty',
    (d) => mapStatements(d, (s) => ({ ...s, Condition: { StringEquals: {} } })),
  ],
  [
    'Condition values empty',
    (d) =>
      mapStatements(d, (s) => ({ ...s, Condition: { StringEquals: { 'aws:SourceVpc': [] } } })),
  ],
  [
    'bad IP',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { IpAddress: { 'aws:SourceIp': '300.1.2.3/40' } },
      })),
  ],
  [
    'bad date',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { DateLessThan: { 'aws:CurrentTime': '2020-13-45' } },
      })),
  ],
  [
    'bad number',
    (d) =>
      mapStatements(d, (s) => ({ ...s, Condition: { NumericEquals: { 's3:max-keys': 'ten' } } })),
  ],
  [
    'bad bool',
    (d) =>
      mapStatements(d, (s) => ({ ...s, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } })),
  ],
  [
    'bad binary',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { BinaryEquals: { 'aws:RequestTag/bin': '%%%' } },
      })),
  ],
  [
    'bad variable',
    (d) => mapStatements(d, (s) => ({ ...s, Resource: 'arn:aws:s3:::b/${aws:username' })),
  ],
  [
    'variable with default',
    (d) =>
      mapStatements(d, (s) => ({ ...s, Resource: "arn:aws:s3:::b/${aws:username, 'anon'}/*" })),
  ],
  [
    'mixed-type values',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: { StringEquals: { 's3:max-keys': ['1', 2, true] } },
      })),
  ],
  [
    'same key as string and number',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Condition: {
          StringEquals: { 's3:max-keys': '10' },
          NumericLessThan: { 's3:max-keys': '5' },
        },
      })),
  ],
  ['document a list', (d) => [d]],
  ['document a string', () => 'policy'],
  ['document null', () => null],
  ['Sid a number', (d) => mapStatements(d, (s) => ({ ...s, Sid: 1 }))],
  [
    'huge Action list',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Action: Array.from({ length: 300 }, (_, i) => `s3:Get${i}*`),
      })),
  ],
  [
    'non-ASCII',
    (d) =>
      mapStatements(d, (s) => ({
        ...s,
        Resource: 'arn:aws:s3:::bücket/ς*',
        Condition: { StringEqualsIgnoreCase: { 'aws:SourceVpc': 'ΣΑΣ' } },
      })),
  ],
];

function mapStatements(
  d: { [key: string]: Json },
  f: (s: { [key: string]: Json | undefined }) => { [key: string]: Json | undefined },
): Json {
  const st = d.Statement;
  const each = (s: Json): Json => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(f(s))) if (v !== undefined) out[k] = v;
    return out;
  };
  return { ...d, Statement: Array.isArray(st) ? st.map(each) : each(st) };
}

/** Textual breakages: what is left is not JSON (or only just). */
const POLICY_TEXT_BREAKAGES: readonly (readonly [string, (text: string, at: number) => string])[] =
  [
    ['truncated', (t, at) => t.slice(0, at % Math.max(1, t.length))],
    ['trailing comma', (t) => t.replace(/\}\s*$/, ',}')],
    ['duplicate key', (t) => t.replace(/^\{/, '{"Version": "2012-10-17",')],
    ['single quotes', (t) => t.replace(/"/g, "'")],
    ['comment', (t) => `// policy\n${t}`],
    ['empty', () => ''],
    [
      'garbage',
      (t, at) =>
        t.slice(0, at % Math.max(1, t.length)) + '@#!' + t.slice(at % Math.max(1, t.length)),
    ],
    ['NUL byte', (t) => `${t}\u0000`],
    ['byte-order mark', (t) => `\ufeff${t}`],
    ['two documents', (t) => `${t}\n${t}`],
    ['deep nesting', () => `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['number literal', () => '1e999'],
  ];

export interface PolicyOptions {
  /** A resource policy (with `Principal`); default: either. */
  readonly resourcePolicy?: boolean;
}

/** A valid policy's text. */
export function validPolicy(options: PolicyOptions = {}): fc.Arbitrary<GeneratedPolicy> {
  const resource =
    options.resourcePolicy === undefined ? fc.boolean() : fc.constant(options.resourcePolicy);
  return fc
    .tuple(
      resource.chain((r) => validPolicyDocument(r)),
      fc.boolean(),
    )
    .map(([doc, pretty]) => ({
      text: JSON.stringify(doc, null, pretty ? 2 : 0),
      kind: 'valid' as const,
      note: '',
    }));
}

/** A policy broken in its structure or its text. */
export function brokenPolicy(options: PolicyOptions = {}): fc.Arbitrary<GeneratedPolicy> {
  const resource =
    options.resourcePolicy === undefined ? fc.boolean() : fc.constant(options.resourcePolicy);
  const doc = resource.chain((r) => validPolicyDocument(r));
  return fc.oneof(
    fc.tuple(doc, pick(POLICY_BREAKAGES)).map(([d, [note, broken]]) => ({
      text: JSON.stringify(broken(d), null, 2),
      kind: 'malformed' as const,
      note,
    })),
    fc
      .tuple(doc, pick(POLICY_TEXT_BREAKAGES), fc.nat({ max: 100_000 }))
      .map(([d, [note, broken], at]) => ({
        text: broken(JSON.stringify(d, null, 2), at),
        kind: 'malformed' as const,
        note,
      })),
  );
}

/** Any generated policy: valid or broken. */
export function policy(options: PolicyOptions = {}): fc.Arbitrary<GeneratedPolicy> {
  return fc.oneof(
    { weight: 2, arbitrary: validPolicy(options) },
    { weight: 1, arbitrary: brokenPolicy(options) },
  );
}

/** Request parts for `arc policy can` / `check-access-not-granted`. */
export const REQUEST_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  'iam:PassRole',
  'ec2:RunInstances',
  'nosuch:Thing',
  's3:*',
] as const;
export const REQUEST_RESOURCES = [
  'arn:aws:s3:::bucket/key',
  'arn:aws:s3:::bucket',
  '*',
  'not-an-arn',
  '',
] as const;
export const REQUEST_PRINCIPALS = [
  'anonymous',
  '111122223333',
  'arn:aws:iam::111122223333:user/alice',
  'arn:aws:sts::444455556666:assumed-role/Role/s',
  'service:cloudtrail.amazonaws.com',
  'federated:graph.facebook.com',
  'canonical:abc',
] as const;
export const REQUEST_CONTEXT = [
  'aws:SourceIp=203.0.113.7',
  'aws:SourceIp=not-an-ip',
  'aws:SecureTransport=true',
  'aws:CurrentTime=2025-01-01T00:00:00Z',
  's3:max-keys=5',
  'aws:SourceVpc=vpc-111',
  'aws:username=alice',
] as const;

/** Accounts used in the generated principals. */
export const POLICY_ACCOUNTS = ACCOUNTS;
