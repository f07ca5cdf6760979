/** Generators of small policies and requests shared by the symbolic tests. */
import fc from 'fast-check';
import {
  hasErrors,
  policyFromValue,
  type AccessRequest,
  type Policy,
  type PolicyInput,
  type RequestPrincipal,
} from '../../src/policy/index.js';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';

const STRING_KEYS = ['test:s1', 'test:S2', 'aws:username', 'aws:SourceVpc', 'aws:userid'];
const TYPED_KEYS = {
  numeric: 'test:n',
  date: 'test:d',
  ip: 'aws:SourceIp',
  binary: 'test:b',
} as const;

const actionPattern = fc.constantFrom(
  '*',
  's3:*',
  's3:Get*',
  's3:*Object',
  'S3:getobject',
  'ec2:?unInstances',
  'iam:PassRole',
);
const resourcePattern = fc.constantFrom(
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/a?',
  'arn:aws:s3:::c',
  'arn:aws:s3:::b/${aws:username}/*',
  "arn:aws:s3:::b/${test:s1, 'a'}",
  'arn:aws:s3:::b/${test:S2}',
  '*/x/*',
);
const principalValue = fc.constantFrom<unknown>(
  '*',
  { AWS: '*' },
  { AWS: ACCOUNT },
  { AWS: `arn:aws:iam::${OTHER}:root` },
  { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { AWS: [`arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:root`] },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/R` },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/team/R` },
  { AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/R/s` },
  // Component-wise ARN equations (principalArnIs): paths, other shapes,
  // texts that fit no principal format.
  { AWS: `arn:aws:iam::${ACCOUNT}:user/dev/bob` },
  { AWS: `arn:aws:sts::${OTHER}:federated-user/carol` },
  { AWS: `arn:aws-cn:iam::${ACCOUNT}:user/alice` },
  { AWS: `arn:aws:iam::${ACCOUNT}:group/G` },
  { AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/R` },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/team/` },
  { Service: 'ec2.amazonaws.com' },
  { Federated: 'cognito-identity.amazonaws.com' },
  { CanonicalUser: 'abc123' },
);

const stringOps = [
  'StringEquals',
  'StringNotEquals',
  'StringLike',
  'StringNotLikeIfExists',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'ForAllValues:StringEquals',
  'ForAnyValue:StringLike',
  'ForAllValues:StringNotLike',
  'ForAnyValue:StringNotEquals',
  'Bool',
  'ArnLike',
  'ArnNotEquals',
  'Null',
];
const typedOps = {
  numeric: [
    'NumericLessThan',
    'NumericEquals',
    'NumericNotEquals',
    'NumericGreaterThanEqualsIfExists',
    'ForAnyValue:NumericGreaterThan',
  ],
  date: [
    'DateLessThan',
    'DateGreaterThanEquals',
    'DateNotEquals',
    'ForAllValues:DateLessThanEquals',
  ],
  ip: ['IpAddress', 'NotIpAddress', 'ForAnyValue:IpAddress', 'ForAllValues:NotIpAddress'],
  binary: ['BinaryEquals', 'BinaryEqualsIfExists'],
};
const typedValues = {
  numeric: ['5', '10', '10.5', '-3'],
  date: ['2020-01-01T00:00:00Z', '1600000000'],
  ip: ['10.0.0.0/8', '10.0.0.1', '2001:db8::/32', '::/0'],
  binary: ['QUJD', 'AA=='],
};

function stringValues(op: string): fc.Arbitrary<string[]> {
  const pick = (values: string[]) =>
    fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 2 });
  if (op === 'Null') return fc.constantFrom(['true'], ['false']);
  if (op === 'Bool') return pick(['true', 'false', 'FALSE', '${test:s1}']);
  if (op.includes('Arn'))
    return pick(['arn:aws:s3:::*', 'arn:*:*:*:*:*', 'a:b:c:d:e:${aws:username}']);
  if (op.includes('IgnoreCase')) return pick(['ab', 'İx', 'A']);
  return pick(['a', 'b', 'a*', '?', '${aws:username}', "x${test:s1, 'd'}", '', 'vpc-1', 'AROAX:*']);
}

const conditionEntry: fc.Arbitrary<[string, string, string[]]> = fc.oneof(
  fc
    .constantFrom(...stringOps)
    .chain((op) => fc.tuple(fc.constant(op), fc.constantFrom(...STRING_KEYS), stringValues(op))),
  fc
    .constantFrom('numeric', 'date', 'ip', 'binary' as const)
    .chain((family) =>
      fc
        .tuple(
          fc.constantFrom(...typedOps[family], 'Null'),
          fc.constant(TYPED_KEYS[family]),
          fc.array(fc.constantFrom(...typedValues[family]), { minLength: 1, maxLength: 2 }),
        )
        .map(([op, key, values]): [string, string, string[]] => [
          op,
          key,
          op === 'Null' ? ['false'] : values,
        ]),
    ),
);

const conditionBlock = fc.array(conditionEntry, { maxLength: 3 }).map((entries) => {
  const block: Record<string, Record<string, string[]>> = {};
  for (const [op, key, values] of entries) (block[op] ??= {})[key] = values;
  return block;
});

function statementArb(withPrincipal: boolean): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      notAction: fc.boolean(),
      actions: fc.array(actionPattern, { minLength: 1, maxLength: 2 }),
      resource: fc.constantFrom('Resource', 'Resource', 'NotResource', 'none'),
      resources: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
      notPrincipal: fc.boolean(),
      principal: principalValue,
      condition: conditionBlock,
    })
    .map((s) => {
      const out: Record<string, unknown> = { Effect: s.effect };
      out[s.notAction ? 'NotAction' : 'Action'] = s.actions;
      if (s.resource !== 'none') out[s.resource] = s.resources;
      if (withPrincipal) out[s.notPrincipal ? 'NotPrincipal' : 'Principal'] = s.principal;
      if (Object.keys(s.condition).length > 0) out.Condition = s.condition;
      return out;
    });
}

/** A policy that parses without errors, or undefined. */
function build(statements: readonly unknown[]): Policy | undefined {
  const r = policyFromValue({ Version: '2012-10-17', Statement: statements });
  return r.policy && !hasErrors(r.diagnostics) ? r.policy : undefined;
}

export const policyInput: fc.Arbitrary<PolicyInput | undefined> = fc
  .constantFrom('identity' as const, 'resource' as const)
  .chain((type) =>
    fc
      .array(statementArb(type === 'resource'), { minLength: 1, maxLength: 3 })
      .map((statements) => {
        const policy = build(statements);
        return policy && { policy, type };
      }),
  );

const requestPrincipal = fc.constantFrom<RequestPrincipal>(
  { kind: 'anonymous' },
  { kind: 'aws', arn: `arn:aws:iam::${ACCOUNT}:root` },
  { kind: 'aws', arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { kind: 'aws', arn: `arn:aws:iam::${ACCOUNT}:user/dev/bob` },
  { kind: 'aws', arn: `arn:aws:iam::${ACCOUNT}:role/R` },
  { kind: 'aws', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/R/s` },
  {
    kind: 'aws',
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/R/s`,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/team/R`,
  },
  { kind: 'aws', arn: `arn:aws:sts::${OTHER}:federated-user/carol` },
  { kind: 'aws', arn: `arn:aws:iam::${OTHER}:user/alice` },
  { kind: 'service', name: 'ec2.amazonaws.com' },
  { kind: 'federated', provider: 'cognito-identity.amazonaws.com' },
  { kind: 'canonical-user', id: 'abc123' },
);

const stringRequestValue = fc.constantFrom(
  'a',
  'b',
  'ab',
  'AB',
  'aB',
  'A',
  'i\u0307x',
  'İX',
  'x',
  'xd',
  'TRUE',
  'false',
  'arn:aws:s3:::b',
  'a:b:c:d:e:alice',
  '',
  'alice',
  'vpc-1',
  'VPC-1',
  'AROAX:s',
);
const typedRequestValue = {
  numeric: fc.constantFrom('4', '5', '10', '10.2', '11', '-3', 'abc'),
  date: fc.constantFrom(
    '2019-12-31T23:59:59Z',
    '2020-01-01',
    '1577836800',
    '1700000000',
    '2020-01-01T00:00:00.5Z',
    'notadate',
  ),
  ip: fc.constantFrom('10.1.2.3', '10.0.0.1', '192.168.0.1', '2001:db8::1', '::1', 'bad'),
  binary: fc.constantFrom('QUJD', 'QUI=', 'AA==', '!!'),
};
const valueOrList = (v: fc.Arbitrary<string>) => fc.oneof(v, fc.array(v, { maxLength: 3 }));

export const request: fc.Arbitrary<AccessRequest> = fc.record({
  principal: requestPrincipal,
  action: fc.constantFrom(
    's3:GetObject',
    'S3:PUTOBJECT',
    'ec2:RunInstances',
    'iam:PassRole',
    's3:ListBucket',
  ),
  resource: fc.constantFrom(
    'arn:aws:s3:::b/a1',
    'arn:aws:s3:::b/alice/x',
    'arn:aws:s3:::c',
    'arn:aws:s3:::b/a',
    'arn:aws:s3:::b/d',
    'arn:aws:s3:::b/xd',
    'a/x/b',
  ),
  context: fc.record(
    {
      'test:s1': valueOrList(stringRequestValue),
      'TEST:s2': valueOrList(stringRequestValue),
      'aws:username': valueOrList(stringRequestValue),
      'aws:SourceVpc': valueOrList(stringRequestValue),
      'aws:userid': valueOrList(stringRequestValue),
      'test:n': valueOrList(typedRequestValue.numeric),
      'test:d': valueOrList(typedRequestValue.date),
      'aws:SourceIp': valueOrList(typedRequestValue.ip),
      'test:b': valueOrList(typedRequestValue.binary),
    },
    { requiredKeys: [] },
  ),
});
