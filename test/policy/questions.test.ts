/**
 * Golden tests of the `arc policy` questions on policies written for these
 * tests: the answer of every case, and for every "no" that the witness was
 * replayed through `evaluate` and says what the question claims (the API
 * only returns a witness that replays; a witness that does not would make
 * the answer don't know, "internal inconsistency", and fail these tests).
 * Every "yes" carries an unsat query re-checked in a fresh context.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  canRequest,
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  comparePolicies,
  proofsOf,
  reasonPath,
  witnessesOf,
  type CanVerdict,
  type PolicyText,
  type PolicyVerdict,
} from './api-support.js';
import { answerQuestion, INCONSISTENT } from '../../src/policy/answer.js';
import {
  evaluate,
  policyFromValue,
  type AccessRequest,
  type PolicyType,
} from '../../src/policy/index.js';
import { noNewAccess } from '../../src/policy/questions.js';
import { eq, stopSolvers, strConst } from '../../src/smt/index.js';

after(() => stopSolvers());

const ME = '111122223333';
const OTHER = '444455556666';

function text(name: string, statements: readonly unknown[], type?: PolicyType): PolicyText {
  return {
    name,
    text: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
    ...(type ? { type } : {}),
  };
}
const allow = (extra: Record<string, unknown>) => ({ Effect: 'Allow', ...extra });
const deny = (extra: Record<string, unknown>) => ({ Effect: 'Deny', ...extra });

function expectAnswer(v: PolicyVerdict | CanVerdict, answer: string): void {
  assert.equal(
    v.answer,
    answer,
    `${v.explanation} ${v.answer === 'unknown' ? v.reason.message : ''}`,
  );
  if (v.answer === 'yes' && v.command !== 'policy can') {
    assert.ok(proofsOf(v).length > 0);
    for (const p of proofsOf(v)) {
      assert.match(p.smtlib, /\(check-sat\)/);
      assert.match(p.recheck, /unsat again/);
    }
  }
}

// ------------------------------------------------------------------ check-no-new-access

describe('check-no-new-access', () => {
  const s3Read = allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' });
  const cases: [string, unknown[], unknown[], 'yes' | 'no'][] = [
    ['identical', [s3Read], [s3Read], 'yes'],
    ['narrower action', [allow({ Action: 's3:GetObject', Resource: '*' })], [s3Read], 'yes'],
    ['wider action by wildcard', [allow({ Action: 's3:Get*', Resource: '*' })], [s3Read], 'no'],
    [
      'action case does not matter',
      [allow({ Action: 'S3:GETOBJECT', Resource: '*' })],
      [allow({ Action: 's3:getobject', Resource: '*' })],
      'yes',
    ],
    [
      'resource wildcard in the middle of an ARN',
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*/x' })],
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })],
      'yes',
    ],
    [
      'a * in a resource spans slashes and colons',
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::*' })],
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b*' })],
      'no',
    ],
    [
      'NotAction grants every other action',
      [allow({ NotAction: 'iam:*', Resource: '*' })],
      [allow({ Action: 's3:*', Resource: '*' })],
      'no',
    ],
    [
      'a deny in the new policy only removes access',
      [allow({ Action: 's3:*', Resource: '*' }), deny({ Action: 's3:Delete*', Resource: '*' })],
      [allow({ Action: 's3:*', Resource: '*' })],
      'yes',
    ],
    [
      'removing a deny adds access',
      [allow({ Action: 's3:*', Resource: '*' })],
      [allow({ Action: 's3:*', Resource: '*' }), deny({ Action: 's3:Delete*', Resource: '*' })],
      'no',
    ],
    [
      'NotResource with a deny',
      [
        allow({ Action: 's3:*', Resource: '*' }),
        deny({ Action: 's3:*', NotResource: 'arn:aws:s3:::b/*' }),
      ],
      [allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/*' })],
      'yes',
    ],
    [
      'a condition narrows',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      ],
      [allow({ Action: 's3:*', Resource: '*' })],
      'yes',
    ],
    [
      'dropping a condition widens',
      [allow({ Action: 's3:*', Resource: '*' })],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      ],
      'no',
    ],
    [
      'StringNotEquals holds on an absent key',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
        }),
      ],
      'no',
    ],
    [
      'IfExists: absent key allowed',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
        }),
      ],
      'no',
    ],
    [
      'Null false then StringEquals = StringEquals',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:RequestedRegion': 'us-east-1' },
            Null: { 'aws:RequestedRegion': 'false' },
          },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
        }),
      ],
      'yes',
    ],
    [
      'ForAllValues is true on an absent key',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
        }),
      ],
      'no',
    ],
    [
      'ForAnyValue within ForAnyValue of a superset',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
        }),
      ],
      'yes',
    ],
    [
      'ForAllValues of a subset, key required present',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: {
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] },
            Null: { 'aws:TagKeys': 'false' },
          },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
        }),
      ],
      'yes',
    ],
    [
      'two ForAnyValue conditions need two elements',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: {
            'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' },
            'ForAnyValue:StringLike': { 'aws:TagKeys': 'b*' },
          },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } },
        }),
      ],
      'no',
    ],
    [
      'numeric ranges',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { NumericLessThan: { 's3:max-keys': '10' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { NumericLessThanEquals: { 's3:max-keys': '10' } },
        }),
      ],
      'yes',
    ],
    [
      'a decimal between two integers',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: {
            NumericGreaterThan: { 's3:max-keys': '1' },
            NumericLessThan: { 's3:max-keys': '2' },
          },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { NumericEquals: { 's3:max-keys': ['1', '2'] } },
        }),
      ],
      'no',
    ],
    [
      'dates',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:CurrentTime': '2021-01-01T00:00:00Z' } },
        }),
      ],
      'yes',
    ],
    [
      'IPv4 subnet within a network',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.1.0.0/16' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        }),
      ],
      'yes',
    ],
    [
      'IPv6 is outside an IPv4 range',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
        }),
      ],
      'no',
    ],
    [
      'IPv6 ranges',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '2001:db8:1::/48' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
        }),
      ],
      'yes',
    ],
    [
      'policy variable in a resource',
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' })],
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })],
      'yes',
    ],
    [
      'a variable is literal: it cannot stand for the whole bucket',
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' })],
      [allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/home/*' })],
      'no',
    ],
    [
      'ArnLike components',
      [
        allow({
          Action: 'sns:Publish',
          Resource: '*',
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b*' } },
        }),
      ],
      [
        allow({
          Action: 'sns:Publish',
          Resource: '*',
          Condition: { StringLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } },
        }),
      ],
      'yes',
    ],
    [
      'StringEqualsIgnoreCase is wider than StringEquals',
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Red' } },
        }),
      ],
      [
        allow({
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
        }),
      ],
      'no',
    ],
  ];
  for (const [name, newer, older, expected] of cases)
    it(name, async () => {
      const v = await checkNoNewAccess(
        [text('new', newer, 'identity')],
        [text('old', older, 'identity')],
      );
      expectAnswer(v, expected);
      if (v.answer === 'no') {
        const [w] = witnessesOf(v);
        assert.equal(w.evaluations[0].evaluation.decision, 'allow');
        assert.notEqual(w.evaluations[1].evaluation.decision, 'allow');
        assert.ok(w.evaluations[0].evaluation.deciding.length > 0);
      }
    });
});

// ------------------------------------------------------------------ check-no-public-access, key by key

describe('check-no-public-access: the meaning of public, key by key', () => {
  const grant = (condition?: unknown, principal: unknown = '*') => [
    allow({
      Principal: principal,
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      ...(condition ? { Condition: condition } : {}),
    }),
  ];
  const cases: [string, unknown[], 'yes' | 'no'][] = [
    ['Principal *', grant(), 'no'],
    ['AWS *', grant(undefined, { AWS: '*' }), 'no'],
    ['a fixed account', grant(undefined, { AWS: ME }), 'yes'],
    ['another fixed account', grant(undefined, { AWS: `arn:aws:iam::${OTHER}:root` }), 'yes'],
    ['a fixed role', grant(undefined, { AWS: `arn:aws:iam::${OTHER}:role/R` }), 'yes'],
    ['a service principal', grant(undefined, { Service: 'cloudtrail.amazonaws.com' }), 'yes'],
    ['a federated provider', grant(undefined, { Federated: 'graph.facebook.com' }), 'no'],
    ['a fixed canonical user', grant(undefined, { CanonicalUser: 'abc' }), 'yes'],
    ['a fixed aws:SourceVpc', grant({ StringEquals: { 'aws:SourceVpc': 'vpc-1' } }), 'yes'],
    ['a wildcard aws:SourceVpc', grant({ StringLike: { 'aws:SourceVpc': 'vpc-*' } }), 'no'],
    [
      'StringNotEquals aws:SourceVpc',
      grant({ StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } }),
      'no',
    ],
    [
      'a variable aws:SourceVpc',
      grant({ StringEquals: { 'aws:SourceVpc': '${aws:username}' } }),
      'no',
    ],
    ['a fixed aws:SourceVpce', grant({ StringEquals: { 'aws:SourceVpce': 'vpce-1' } }), 'yes'],
    [
      'a fixed aws:SourceArn',
      grant({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:t' } }),
      'yes',
    ],
    [
      'a wildcard aws:SourceArn',
      grant({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:t' } }),
      'no',
    ],
    ['a fixed aws:SourceAccount', grant({ StringEquals: { 'aws:SourceAccount': ME } }), 'yes'],
    ['a fixed aws:SourceOwner', grant({ StringEquals: { 'aws:SourceOwner': ME } }), 'yes'],
    [
      'a fixed aws:PrincipalOrgID',
      grant({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } }),
      'yes',
    ],
    ['a wildcard aws:PrincipalOrgID', grant({ StringLike: { 'aws:PrincipalOrgID': 'o-*' } }), 'no'],
    [
      'aws:userid of a role: AROLEID:*',
      grant({ StringLike: { 'aws:userid': 'AROAEXAMPLE:*' } }),
      'yes',
    ],
    [
      'aws:userid with a leading wildcard',
      grant({ StringLike: { 'aws:userid': '*:alice' } }),
      'no',
    ],
    [
      'a fixed s3:DataAccessPointArn',
      grant({
        StringEquals: {
          's3:DataAccessPointArn': 'arn:aws:s3:us-east-1:111122223333:accesspoint/ap',
        },
      }),
      'yes',
    ],
    [
      'a fixed s3:DataAccessPointAccount',
      grant({ StringEquals: { 's3:DataAccessPointAccount': ME } }),
      'yes',
    ],
    ['aws:SourceIp /24', grant({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), 'yes'],
    ['aws:SourceIp /8', grant({ IpAddress: { 'aws:SourceIp': '11.0.0.0/8' } }), 'yes'],
    ['aws:SourceIp /7 is too broad', grant({ IpAddress: { 'aws:SourceIp': '12.0.0.0/7' } }), 'no'],
    [
      'aws:SourceIp in RFC 1918 space',
      grant({ IpAddress: { 'aws:SourceIp': '10.1.0.0/16' } }),
      'no',
    ],
    ['aws:SourceIp 192.168/16', grant({ IpAddress: { 'aws:SourceIp': '192.168.0.0/16' } }), 'no'],
    ['aws:SourceIp IPv6 /32', grant({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }), 'yes'],
    [
      'aws:SourceIp IPv6 /31 is too broad',
      grant({ IpAddress: { 'aws:SourceIp': '2001:db8::/31' } }),
      'no',
    ],
    ['NotIpAddress is public', grant({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), 'no'],
    [
      'an unlisted key does not limit',
      grant({ StringEquals: { 'aws:Referer': 'https://example.com' } }),
      'no',
    ],
    [
      'a fixed principal-account key limits (AWS derives it)',
      grant({ StringEquals: { 'aws:PrincipalAccount': ME } }),
      'yes',
    ],
    [
      'a deny for everyone outside a VPC',
      [
        ...grant(),
        deny({
          Principal: '*',
          Action: '*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } },
        }),
      ],
      'yes',
    ],
    [
      'NotPrincipal with Allow',
      [allow({ NotPrincipal: { AWS: ME }, Action: 's3:GetObject', Resource: '*' })],
      'no',
    ],
  ];
  for (const [name, statements, expected] of cases)
    it(name, async () => {
      const v = await checkNoPublicAccess([text('bucket-policy', statements, 'resource')], {});
      expectAnswer(v, expected);
      if (v.answer === 'no')
        assert.equal(witnessesOf(v)[0].evaluations[0].evaluation.decision, 'allow');
    });

  it('--account: the owner is not the public', async () => {
    const v = await checkNoPublicAccess(
      [text('p', grant({ StringEquals: { 'aws:PrincipalAccount': ME } }), 'resource')],
      {
        account: ME,
      },
    );
    expectAnswer(v, 'yes');
  });
  it('--resource-type s3-bucket restricts the resources', async () => {
    const statements = [
      allow({ Principal: '*', Action: 'sns:Publish', Resource: 'arn:aws:sns:*' }),
    ];
    expectAnswer(
      await checkNoPublicAccess([text('p', statements, 'resource')], { resourceType: 's3-bucket' }),
      'yes',
    );
    expectAnswer(await checkNoPublicAccess([text('p', statements, 'resource')], {}), 'no');
  });
});

// ------------------------------------------------------------------ check-access-not-granted

describe('check-access-not-granted', () => {
  const policy = [
    allow({ Action: 's3:*', Resource: 'arn:aws:s3:::data/*' }),
    deny({ Action: 's3:DeleteObject', Resource: '*' }),
  ];
  const cases: [string, string[], string[], 'yes' | 'no'][] = [
    ['a denied action', ['s3:DeleteObject'], [], 'yes'],
    ['an allowed action', ['s3:GetObject'], [], 'no'],
    ['an action on other resources', ['s3:GetObject'], ['arn:aws:s3:::logs/*'], 'yes'],
    ['an action on the granted resources', ['s3:PutObject'], ['arn:aws:s3:::data/x'], 'no'],
    ['another service', ['iam:PassRole', 'ec2:RunInstances'], [], 'yes'],
  ];
  for (const [name, actions, resources, expected] of cases)
    it(name, async () => {
      const v = await checkAccessNotGranted([text('p', policy, 'identity')], actions, resources);
      expectAnswer(v, expected);
      if (v.answer === 'no') {
        const w = witnessesOf(v)[0].request;
        assert.ok(actions.some((a) => a.toLowerCase() === w.action.toLowerCase()));
      }
    });
});

// ------------------------------------------------------------------ compare

describe('compare', () => {
  const a = [allow({ Action: 's3:Get*', Resource: '*' })];
  const b = [allow({ Action: ['s3:GetObject'], Resource: '*' })];
  const c = [allow({ Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' })];
  const cases: [string, unknown[], unknown[], string, string][] = [
    ['equivalent', a, [allow({ Action: 'S3:GET*', Resource: ['*'] })], 'yes', 'equivalent'],
    ['more permissive', a, b, 'no', 'more-permissive'],
    ['less permissive', b, a, 'no', 'less-permissive'],
    ['incomparable', a, c, 'no', 'incomparable'],
  ];
  for (const [name, x, y, answer, relation] of cases)
    it(name, async () => {
      const v = await comparePolicies([text('A', x, 'identity')], [text('B', y, 'identity')]);
      expectAnswer(v, answer);
      assert.equal('relation' in v ? v.relation : undefined, relation);
      if (v.answer === 'no')
        assert.equal(witnessesOf(v).length, relation === 'incomparable' ? 2 : 1);
    });
});

// ------------------------------------------------------------------ can, don't know, inconsistency

describe('can, don\u2019t know and internal inconsistency', () => {
  it('can: allowed, explicitly denied, implicitly denied', () => {
    const p = [
      text(
        'p',
        [allow({ Action: 's3:*', Resource: '*' }), deny({ Action: 's3:Delete*', Resource: '*' })],
        'identity',
      ),
    ];
    const req = (action: string) => ({
      principal: { kind: 'aws' as const, arn: `arn:aws:iam::${ME}:user/a` },
      action,
      resource: 'arn:aws:s3:::b',
    });
    const allowed = canRequest(p, req('s3:GetObject'));
    expectAnswer(allowed, 'yes');
    const explicit = canRequest(p, req('s3:DeleteObject'));
    expectAnswer(explicit, 'no');
    assert.match(explicit.explanation, /Explicitly denied by p Statement\[1\]/);
    const implicit = canRequest(p, req('ec2:RunInstances'));
    assert.match(implicit.explanation, /Implicitly denied/);
  });

  it('a key read as a string and as a number: don\u2019t know with the JSON path', async () => {
    const p = text(
      'p',
      [
        allow({
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'test:k': '1' }, NumericLessThan: { 'test:k': '5' } },
        }),
      ],
      'identity',
    );
    const v = await checkNoNewAccess(
      [p],
      [text('q', [allow({ Action: 's3:*', Resource: '*' })], 'identity')],
    );
    expectAnswer(v, 'unknown');
    assert.ok(v.answer === 'unknown' && reasonPath(v)?.startsWith('Statement[0].Condition'));
  });

  it('a case-insensitive comparison with a Greek sigma: don\u2019t know', async () => {
    const p = text(
      'p',
      [
        allow({
          Action: '*',
          Resource: '*',
          Condition: { StringEqualsIgnoreCase: { 'test:k': 'σ' } },
        }),
      ],
      'identity',
    );
    const v = await checkNoNewAccess(
      [p],
      [text('q', [allow({ Action: 's3:*', Resource: '*' })], 'identity')],
    );
    expectAnswer(v, 'unknown');
    assert.ok(v.answer === 'unknown' && /sigma/.test(v.reason.message));
  });

  it('a lazily assumed constraint is added when the first witness breaks it', async () => {
    const parse = (st: unknown[]) => ({
      policy: policyFromValue({ Version: '2012-10-17', Statement: st }).policy!,
      type: 'identity' as const,
    });
    const q = noNewAccess(
      { name: 'new', policies: [parse([allow({ NotAction: 'iam:*', Resource: '*' })])] },
      { name: 'old', policies: [parse([allow({ Action: 's3:GetObject', Resource: '*' })])] },
    );
    const wanted = 'ec2:runinstances';
    const lazy = {
      term: eq(q.request.action, strConst(wanted)),
      holds: (w: AccessRequest) => w.action === wanted,
    };
    const a = await answerQuestion(
      { ...q, lazyAssumptions: [...q.lazyAssumptions, lazy] },
      { timeoutMs: 10_000 },
    );
    assert.equal(a.answer, 'no');
    assert.ok(a.answer === 'no' && a.witness.request.action === wanted);
  });

  it('a witness that does not replay is reported as an internal inconsistency', async () => {
    const parse = (s: unknown[]) => ({
      policy: policyFromValue({ Version: '2012-10-17', Statement: s }).policy!,
      type: 'identity' as const,
    });
    const q = noNewAccess(
      { name: 'new', policies: [parse([allow({ Action: 's3:*', Resource: '*' })])] },
      { name: 'old', policies: [parse([allow({ Action: 's3:GetObject', Resource: '*' })])] },
    );
    const sabotaged = {
      ...q,
      replay: () => ({ agrees: false as const, reason: 'sabotaged for this test' }),
    };
    const a = await answerQuestion(sabotaged, { timeoutMs: 10_000 });
    assert.equal(a.answer, 'unknown');
    assert.ok(a.answer === 'unknown' && a.reason.message.startsWith(INCONSISTENT));
    // and the honest replay agrees with the evaluator
    const honest = await answerQuestion(q, { timeoutMs: 10_000 });
    assert.equal(honest.answer, 'no');
    if (honest.answer === 'no') {
      const newer = parse([allow({ Action: 's3:*', Resource: '*' })]);
      assert.equal(evaluate([newer], honest.witness.request).decision, 'allow');
    }
  });
});
