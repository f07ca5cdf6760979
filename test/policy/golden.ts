/**
 * Golden cases for the concrete evaluator: small policies written for these
 * tests, each with requests and the expected decision and deciding
 * statements (by Sid). Each case names the rule it pins (see the module
 * comments of src/policy/evaluate.ts, conditions.ts, principal.ts,
 * variables.ts).
 */
import type { Decision, PolicyType, RequestPrincipal } from '../../src/policy/index.js';

export interface GoldenRequest {
  readonly principal?: RequestPrincipal;
  readonly action: string;
  readonly resource?: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  readonly expect: Decision;
  /** Sids of the deciding statements, in policy/statement order; default none. */
  readonly deciding?: readonly string[];
  readonly note?: string;
}

export interface GoldenCase {
  readonly name: string;
  readonly policies: readonly { readonly type: PolicyType; readonly document: unknown }[];
  readonly requests: readonly GoldenRequest[];
}

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const aws = (arn: string, roleArn?: string): RequestPrincipal =>
  roleArn === undefined ? { kind: 'aws', arn } : { kind: 'aws', arn, roleArn };
const user = (name: string, account = ACCOUNT): RequestPrincipal =>
  aws(`arn:aws:iam::${account}:user/${name}`);
const session = (role: string, name: string, account = ACCOUNT): RequestPrincipal =>
  aws(`arn:aws:sts::${account}:assumed-role/${role}/${name}`);
const root = (account = ACCOUNT): RequestPrincipal => aws(`arn:aws:iam::${account}:root`);
const anonymous: RequestPrincipal = { kind: 'anonymous' };
const service = (name: string): RequestPrincipal => ({ kind: 'service', name });
const federated = (provider: string): RequestPrincipal => ({ kind: 'federated', provider });
export const alice = user('alice');
const bob = user('Bob');

type Stmt = Record<string, unknown>;
/** `version` null leaves Version out. */
const doc = (statements: Stmt[], version: string | null = '2012-10-17') =>
  version === null ? { Statement: statements } : { Version: version, Statement: statements };
const identity = (...statements: Stmt[]) => ({
  type: 'identity' as const,
  document: doc(statements),
});
const resource = (...statements: Stmt[]) => ({
  type: 'resource' as const,
  document: doc(statements),
});
const allow = (sid: string, rest: Stmt): Stmt => ({ Sid: sid, Effect: 'Allow', ...rest });
const deny = (sid: string, rest: Stmt): Stmt => ({ Sid: sid, Effect: 'Deny', ...rest });
/** A statement allowing every action on every resource, for Deny tests. */
const allowAll: Stmt = { Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' };
const allowAllPublic: Stmt = {
  Sid: 'All',
  Effect: 'Allow',
  Principal: '*',
  Action: '*',
  Resource: '*',
};
const B = 'arn:aws:s3:::bucket';
const OBJ = `${B}/key`;

/** An identity policy allowing s3:GetObject on every object when the condition holds. */
const conditional = (condition: Stmt) =>
  identity(allow('C', { Action: 's3:GetObject', Resource: '*', Condition: condition }));
const get = (
  context: Record<string, string | string[]> | undefined,
  expect: Decision,
  note?: string,
): GoldenRequest => ({
  action: 's3:GetObject',
  resource: OBJ,
  context,
  expect,
  deciding: expect === 'allow' ? ['C'] : expect === 'explicit-deny' ? ['D'] : [],
  note,
});
/** A Deny-when-condition statement over an allow-all, for negated-operator tests. */
const denyWhen = (condition: Stmt) =>
  identity(allowAll, deny('D', { Action: 's3:GetObject', Resource: '*', Condition: condition }));
const denyGet = (
  context: Record<string, string | string[]> | undefined,
  denied: boolean,
  note?: string,
): GoldenRequest => ({
  action: 's3:GetObject',
  resource: OBJ,
  context,
  expect: denied ? 'explicit-deny' : 'allow',
  deciding: denied ? ['D'] : ['All'],
  note,
});

export const GOLDEN: readonly GoldenCase[] = [
  // ---------------------------------------------------------------- decision (D1–D4)
  {
    name: 'D: a single allow; everything else implicitly denied',
    policies: [identity(allow('Get', { Action: 's3:GetObject', Resource: `${B}/*` }))],
    requests: [
      { action: 's3:GetObject', resource: OBJ, expect: 'allow', deciding: ['Get'] },
      { action: 's3:PutObject', resource: OBJ, expect: 'implicit-deny' },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::other/key', expect: 'implicit-deny' },
      {
        action: 's3:GetObject',
        resource: B,
        expect: 'implicit-deny',
        note: 'bucket/* does not match the bucket itself',
      },
    ],
  },
  {
    name: 'D2: deny overrides allow',
    policies: [
      identity(
        allow('All', { Action: 's3:*', Resource: '*' }),
        deny('NoDelete', { Action: 's3:DeleteObject', Resource: '*' }),
      ),
    ],
    requests: [
      { action: 's3:GetObject', resource: OBJ, expect: 'allow', deciding: ['All'] },
      { action: 's3:DeleteObject', resource: OBJ, expect: 'explicit-deny', deciding: ['NoDelete'] },
      { action: 'ec2:RunInstances', resource: '*', expect: 'implicit-deny' },
    ],
  },
  {
    name: 'D3: identity and resource policies are OR-ed within an account; a deny in either wins',
    policies: [
      identity(allow('IdGet', { Action: 's3:GetObject', Resource: `${B}/*` })),
      resource(
        allow('ResPut', {
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
          Action: 's3:PutObject',
          Resource: `${B}/*`,
        }),
        deny('ResNoGetSecret', {
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `${B}/secret/*`,
        }),
      ),
    ],
    requests: [
      { action: 's3:GetObject', resource: OBJ, expect: 'allow', deciding: ['IdGet'] },
      { action: 's3:PutObject', resource: OBJ, expect: 'allow', deciding: ['ResPut'] },
      {
        action: 's3:GetObject',
        resource: `${B}/secret/x`,
        expect: 'explicit-deny',
        deciding: ['ResNoGetSecret'],
      },
      { action: 's3:DeleteObject', resource: OBJ, expect: 'implicit-deny' },
      {
        principal: bob,
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'implicit-deny',
        note: 'resource policy names alice only',
      },
    ],
  },
  {
    name: 'D4: every applicable allow is reported; every applicable deny is reported',
    policies: [
      identity(
        allow('A1', { Action: 's3:Get*', Resource: '*' }),
        allow('A2', { Action: 's3:GetObject', Resource: `${B}/*` }),
        allow('A3', { Action: 's3:PutObject', Resource: '*' }),
        deny('D1', { Action: 's3:*', Resource: `${B}/private/*` }),
        deny('D2', { Action: 's3:Put*', Resource: `${B}/private/*` }),
      ),
    ],
    requests: [
      { action: 's3:GetObject', resource: OBJ, expect: 'allow', deciding: ['A1', 'A2'] },
      {
        action: 's3:PutObject',
        resource: `${B}/private/x`,
        expect: 'explicit-deny',
        deciding: ['D1', 'D2'],
      },
    ],
  },
  {
    name: 'D: a deny alone allows nothing',
    policies: [
      identity(
        deny('D', {
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ),
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: OBJ,
        context: { 'aws:SecureTransport': 'true' },
        expect: 'implicit-deny',
      },
      {
        action: 's3:GetObject',
        resource: OBJ,
        context: { 'aws:SecureTransport': 'false' },
        expect: 'explicit-deny',
        deciding: ['D'],
      },
    ],
  },
  {
    name: 'D: decisions from several policies keep their statements',
    policies: [
      identity(allow('First', { Action: 'sqs:SendMessage', Resource: '*' })),
      identity(
        allow('Second', { Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }),
      ),
    ],
    requests: [
      {
        action: 'sqs:SendMessage',
        resource: 'arn:aws:sqs:us-east-1:111122223333:q',
        expect: 'allow',
        deciding: ['First', 'Second'],
      },
      {
        action: 'sqs:DeleteQueue',
        resource: 'arn:aws:sqs:us-east-1:111122223333:q',
        expect: 'allow',
        deciding: ['Second'],
      },
      {
        action: 'sqs:DeleteQueue',
        resource: 'arn:aws:sqs:us-east-1:111122223333:r',
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'S: Statement may be a single object',
    policies: [
      {
        type: 'identity',
        document: {
          Version: '2012-10-17',
          Statement: { Sid: 'Only', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
        },
      },
    ],
    requests: [
      {
        action: 'sns:Publish',
        resource: 'arn:aws:sns:us-east-1:111122223333:t',
        expect: 'allow',
        deciding: ['Only'],
      },
      {
        action: 'sns:Subscribe',
        resource: 'arn:aws:sns:us-east-1:111122223333:t',
        expect: 'implicit-deny',
      },
    ],
  },

  // ---------------------------------------------------------------- Action (A1, S3)
  {
    name: 'A1: action prefix and name are case-insensitive',
    policies: [identity(allow('Get', { Action: 'S3:getObject', Resource: '*' }))],
    requests: [
      { action: 's3:GetObject', resource: OBJ, expect: 'allow', deciding: ['Get'] },
      { action: 'S3:GETOBJECT', resource: OBJ, expect: 'allow', deciding: ['Get'] },
      { action: 's3:GetObjectAcl', resource: OBJ, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'A1: * in the middle of an action name',
    policies: [identity(allow('Acl', { Action: 's3:Get*Acl', Resource: '*' }))],
    requests: [
      { action: 's3:GetObjectAcl', resource: OBJ, expect: 'allow', deciding: ['Acl'] },
      { action: 's3:GetBucketAcl', resource: B, expect: 'allow', deciding: ['Acl'] },
      {
        action: 's3:GetAcl',
        resource: B,
        expect: 'allow',
        deciding: ['Acl'],
        note: '* matches the empty string',
      },
      { action: 's3:GetObject', resource: OBJ, expect: 'implicit-deny' },
      { action: 's3:PutObjectAcl', resource: OBJ, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'A1: ? matches exactly one character',
    policies: [identity(allow('Q', { Action: 'iam:?etUser', Resource: '*' }))],
    requests: [
      { action: 'iam:GetUser', resource: '*', expect: 'allow', deciding: ['Q'] },
      { action: 'iam:SetUser', resource: '*', expect: 'allow', deciding: ['Q'] },
      { action: 'iam:etUser', resource: '*', expect: 'implicit-deny' },
      { action: 'iam:GGetUser', resource: '*', expect: 'implicit-deny' },
    ],
  },
  {
    name: 'A1: "*" is every action of every service; a service wildcard is one service',
    policies: [
      identity(
        allow('Any', { Action: '*', Resource: `${B}/*` }),
        allow('Ec2', { Action: 'ec2:*', Resource: '*' }),
      ),
    ],
    requests: [
      { action: 'dynamodb:GetItem', resource: `${B}/x`, expect: 'allow', deciding: ['Any'] },
      {
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
        expect: 'allow',
        deciding: ['Ec2'],
      },
      {
        action: 'ec2messages:GetMessages',
        resource: '*',
        expect: 'implicit-deny',
        note: 'ec2:* does not cover the ec2messages service',
      },
    ],
  },
  {
    name: 'S3 pitfall: NotAction with Allow grants every other action of every service',
    policies: [identity(allow('NotIam', { NotAction: 'iam:*', Resource: '*' }))],
    requests: [
      { action: 'ec2:TerminateInstances', resource: '*', expect: 'allow', deciding: ['NotIam'] },
      {
        action: 'organizations:LeaveOrganization',
        resource: '*',
        expect: 'allow',
        deciding: ['NotIam'],
      },
      { action: 'iam:CreateUser', resource: '*', expect: 'implicit-deny' },
      {
        action: 'IAM:createuser',
        resource: '*',
        expect: 'implicit-deny',
        note: 'NotAction matching is case-insensitive too',
      },
    ],
  },
  {
    name: 'S3: NotAction with Deny denies every unlisted action',
    policies: [
      identity(allowAll, deny('OnlyS3', { NotAction: ['s3:*', 'iam:Get*'], Resource: '*' })),
    ],
    requests: [
      { action: 's3:PutObject', resource: OBJ, expect: 'allow', deciding: ['All'] },
      { action: 'iam:GetRole', resource: '*', expect: 'allow', deciding: ['All'] },
      { action: 'iam:PassRole', resource: '*', expect: 'explicit-deny', deciding: ['OnlyS3'] },
      { action: 'ec2:RunInstances', resource: '*', expect: 'explicit-deny', deciding: ['OnlyS3'] },
    ],
  },

  // ---------------------------------------------------------------- Resource (R1, R2, S3, S4)
  {
    name: 'R1: wildcards in the middle of an ARN span slashes',
    policies: [
      identity(allow('Csv', { Action: 's3:GetObject', Resource: `${B}/*/reports/*.csv` })),
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: `${B}/2024/reports/q1.csv`,
        expect: 'allow',
        deciding: ['Csv'],
      },
      {
        action: 's3:GetObject',
        resource: `${B}/a/b/c/reports/x/y.csv`,
        expect: 'allow',
        deciding: ['Csv'],
      },
      {
        action: 's3:GetObject',
        resource: `${B}//reports/.csv`,
        expect: 'allow',
        deciding: ['Csv'],
      },
      {
        action: 's3:GetObject',
        resource: `${B}/reports/q1.csv`,
        expect: 'implicit-deny',
        note: 'needs a / before reports',
      },
      { action: 's3:GetObject', resource: `${B}/2024/reports/q1.csv.gz`, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'R1: * spans colons in a Resource pattern (unlike ArnLike)',
    policies: [
      identity(
        allow('Inst', { Action: 'ec2:*', Resource: 'arn:aws:ec2:*:111122223333:instance/*' }),
        allow('Aws', { Action: 'sqs:*', Resource: 'arn:aws:*' }),
      ),
    ],
    requests: [
      {
        action: 'ec2:StopInstances',
        resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-9',
        expect: 'allow',
        deciding: ['Inst'],
      },
      {
        action: 'ec2:StopInstances',
        resource: 'arn:aws:ec2:eu-west-1:999999999999:x:111122223333:instance/i-9',
        expect: 'allow',
        deciding: ['Inst'],
        note: 'the region * expands across colons: the whole ARN is one string',
      },
      {
        action: 'ec2:StopInstances',
        resource: 'arn:aws:ec2:eu-west-1:444455556666:instance/i-9',
        expect: 'implicit-deny',
      },
      {
        action: 'sqs:SendMessage',
        resource: 'arn:aws:sqs:us-east-1:111122223333:q',
        expect: 'allow',
        deciding: ['Aws'],
      },
      {
        action: 'sqs:SendMessage',
        resource: 'arn:aws-cn:sqs:cn-north-1:111122223333:q',
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'R1: ? in a resource is one character; resources are case-sensitive',
    policies: [
      identity(allow('Logs', { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::Logs-202?' })),
    ],
    requests: [
      {
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::Logs-2024',
        expect: 'allow',
        deciding: ['Logs'],
      },
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::Logs-20245', expect: 'implicit-deny' },
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::logs-2024', expect: 'implicit-deny' },
    ],
  },
  {
    name: 'S3 pitfall: NotResource with Allow grants every other resource',
    policies: [
      identity(
        allow('NotSecret', {
          Action: 's3:*',
          NotResource: ['arn:aws:s3:::secret', 'arn:aws:s3:::secret/*'],
        }),
      ),
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::anything/x',
        expect: 'allow',
        deciding: ['NotSecret'],
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::secretive/x',
        expect: 'allow',
        deciding: ['NotSecret'],
      },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/x', expect: 'implicit-deny' },
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::secret', expect: 'implicit-deny' },
    ],
  },
  {
    name: 'S3: NotResource with Deny denies everything outside the list',
    policies: [
      identity(
        allowAll,
        deny('OnlyOk', { Action: '*', NotResource: ['arn:aws:s3:::ok', 'arn:aws:s3:::ok/*'] }),
      ),
    ],
    requests: [
      { action: 's3:GetObject', resource: 'arn:aws:s3:::ok/x', expect: 'allow', deciding: ['All'] },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::other/x',
        expect: 'explicit-deny',
        deciding: ['OnlyOk'],
      },
      { action: 'ec2:RunInstances', resource: '*', expect: 'explicit-deny', deciding: ['OnlyOk'] },
    ],
  },
  {
    name: 'S4: a statement without Resource (role trust policy) applies to any resource',
    policies: [
      resource(
        allow('Ec2', { Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ),
    ],
    requests: [
      {
        principal: service('ec2.amazonaws.com'),
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111122223333:role/r',
        expect: 'allow',
        deciding: ['Ec2'],
      },
      {
        principal: service('lambda.amazonaws.com'),
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111122223333:role/r',
        expect: 'implicit-deny',
      },
      {
        principal: service('ec2.amazonaws.com'),
        action: 'sts:TagSession',
        resource: 'arn:aws:iam::111122223333:role/r',
        expect: 'implicit-deny',
      },
    ],
  },

  // ---------------------------------------------------------------- Principal (principal.ts)
  {
    name: 'P1: Principal "*" includes anonymous callers',
    policies: [
      resource(allow('Public', { Principal: '*', Action: 's3:GetObject', Resource: `${B}/*` })),
    ],
    requests: [
      {
        principal: anonymous,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Public'],
      },
      {
        principal: user('x', OTHER),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Public'],
      },
      {
        principal: service('logging.s3.amazonaws.com'),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Public'],
      },
      { principal: anonymous, action: 's3:PutObject', resource: OBJ, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'P1: {"AWS": "*"} is equivalent to "*"',
    policies: [
      resource(
        allow('Everyone', { Principal: { AWS: '*' }, Action: 'sqs:SendMessage', Resource: '*' }),
      ),
    ],
    requests: [
      {
        principal: anonymous,
        action: 'sqs:SendMessage',
        resource: 'arn:aws:sqs:us-east-1:111122223333:q',
        expect: 'allow',
        deciding: ['Everyone'],
      },
      {
        principal: service('sns.amazonaws.com'),
        action: 'sqs:SendMessage',
        resource: 'arn:aws:sqs:us-east-1:111122223333:q',
        expect: 'allow',
        deciding: ['Everyone'],
      },
      {
        principal: federated('graph.facebook.com'),
        action: 'sqs:SendMessage',
        resource: 'arn:aws:sqs:us-east-1:111122223333:q',
        expect: 'allow',
        deciding: ['Everyone'],
      },
    ],
  },
  {
    name: 'P2: an account id means every principal of the account',
    policies: [
      resource(
        allow('Acct', { Principal: { AWS: ACCOUNT }, Action: 's3:GetObject', Resource: `${B}/*` }),
      ),
    ],
    requests: [
      {
        principal: alice,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Acct'],
      },
      {
        principal: root(),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Acct'],
      },
      {
        principal: session('Admin', 's1'),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Acct'],
      },
      {
        principal: user('alice', OTHER),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
      { principal: anonymous, action: 's3:GetObject', resource: OBJ, expect: 'implicit-deny' },
      {
        principal: service('s3.amazonaws.com'),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'P2: the root ARN is the same as the account id, not only the root user',
    policies: [
      resource(
        allow('Root', {
          Principal: { AWS: [`arn:aws:iam::${OTHER}:root`] },
          Action: 'kms:Decrypt',
          Resource: '*',
        }),
      ),
    ],
    requests: [
      {
        principal: user('carol', OTHER),
        action: 'kms:Decrypt',
        resource: '*',
        expect: 'allow',
        deciding: ['Root'],
      },
      {
        principal: root(OTHER),
        action: 'kms:Decrypt',
        resource: '*',
        expect: 'allow',
        deciding: ['Root'],
      },
      { principal: alice, action: 'kms:Decrypt', resource: '*', expect: 'implicit-deny' },
    ],
  },
  {
    name: 'P4: a user ARN matches that user only, case-sensitively',
    policies: [
      resource(
        allow('Bob', {
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/Bob` },
          Action: 's3:*',
          Resource: '*',
        }),
      ),
    ],
    requests: [
      { principal: bob, action: 's3:GetObject', resource: OBJ, expect: 'allow', deciding: ['Bob'] },
      { principal: user('bob'), action: 's3:GetObject', resource: OBJ, expect: 'implicit-deny' },
      {
        principal: root(),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'implicit-deny',
        note: 'naming a user does not grant the account',
      },
    ],
  },
  {
    name: 'P3: a role ARN matches the sessions of that role',
    policies: [
      resource(
        allow('Role', {
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Deploy` },
          Action: 's3:PutObject',
          Resource: '*',
        }),
      ),
    ],
    requests: [
      {
        principal: session('Deploy', 'ci-42'),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Role'],
      },
      {
        principal: aws(`arn:aws:iam::${ACCOUNT}:role/Deploy`),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Role'],
      },
      {
        principal: session('Deployer', 'ci-42'),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
      {
        principal: session('Deploy', 'ci-42', OTHER),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'P3: a role with a path matches sessions whose roleArn says so',
    policies: [
      resource(
        allow('PathRole', {
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/teams/Deploy` },
          Action: 's3:PutObject',
          Resource: '*',
        }),
      ),
    ],
    requests: [
      {
        principal: aws(
          `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/s`,
          `arn:aws:iam::${ACCOUNT}:role/teams/Deploy`,
        ),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['PathRole'],
      },
      {
        principal: session('Deploy', 's'),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'implicit-deny',
        note: 'without roleArn the path is unknown',
      },
    ],
  },
  {
    name: 'P4: an assumed-role session ARN matches that session only',
    policies: [
      resource(
        allow('Sess', {
          Principal: { AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci-42` },
          Action: 's3:PutObject',
          Resource: '*',
        }),
      ),
    ],
    requests: [
      {
        principal: session('Deploy', 'ci-42'),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Sess'],
      },
      {
        principal: session('Deploy', 'ci-43'),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
      {
        principal: aws(`arn:aws:iam::${ACCOUNT}:role/Deploy`),
        action: 's3:PutObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'P4: service principals; "*" under Service is any service',
    policies: [
      resource(
        allow('Trail', {
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `${B}/AWSLogs/*`,
        }),
        allow('AnySvc', { Principal: { Service: '*' }, Action: 's3:GetBucketAcl', Resource: B }),
      ),
    ],
    requests: [
      {
        principal: service('cloudtrail.amazonaws.com'),
        action: 's3:PutObject',
        resource: `${B}/AWSLogs/1`,
        expect: 'allow',
        deciding: ['Trail'],
      },
      {
        principal: service('config.amazonaws.com'),
        action: 's3:PutObject',
        resource: `${B}/AWSLogs/1`,
        expect: 'implicit-deny',
      },
      {
        principal: service('config.amazonaws.com'),
        action: 's3:GetBucketAcl',
        resource: B,
        expect: 'allow',
        deciding: ['AnySvc'],
      },
      { principal: alice, action: 's3:GetBucketAcl', resource: B, expect: 'implicit-deny' },
      {
        principal: anonymous,
        action: 's3:PutObject',
        resource: `${B}/AWSLogs/1`,
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'P4: federated principals; "*" under Federated is any provider',
    policies: [
      resource(
        allow('Oidc', {
          Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/MyProvider` },
          Action: 'sts:AssumeRoleWithWebIdentity',
        }),
        allow('AnySaml', { Principal: { Federated: '*' }, Action: 'sts:AssumeRoleWithSAML' }),
      ),
    ],
    requests: [
      {
        principal: federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/MyProvider`),
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: '*',
        expect: 'allow',
        deciding: ['Oidc'],
      },
      {
        principal: federated('graph.facebook.com'),
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: '*',
        expect: 'implicit-deny',
      },
      {
        principal: federated('graph.facebook.com'),
        action: 'sts:AssumeRoleWithSAML',
        resource: '*',
        expect: 'allow',
        deciding: ['AnySaml'],
      },
      {
        principal: alice,
        action: 'sts:AssumeRoleWithSAML',
        resource: '*',
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'P4: canonical users; several principal types are OR-ed',
    policies: [
      resource(
        allow('Mixed', {
          Principal: {
            CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
            AWS: [OTHER, `arn:aws:iam::${ACCOUNT}:user/Bob`],
          },
          Action: 's3:GetObject',
          Resource: `${B}/*`,
        }),
      ),
    ],
    requests: [
      {
        principal: {
          kind: 'canonical-user',
          id: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
        },
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Mixed'],
      },
      {
        principal: { kind: 'canonical-user', id: 'deadbeef' },
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
      {
        principal: user('z', OTHER),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Mixed'],
      },
      {
        principal: bob,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['Mixed'],
      },
      { principal: alice, action: 's3:GetObject', resource: OBJ, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'P5 pitfall: NotPrincipal with Allow grants everyone else, anonymous included',
    policies: [
      resource(
        allow('NotBob', {
          NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/Bob` },
          Action: 's3:GetObject',
          Resource: `${B}/*`,
        }),
      ),
    ],
    requests: [
      {
        principal: alice,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['NotBob'],
      },
      {
        principal: anonymous,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['NotBob'],
      },
      {
        principal: service('ec2.amazonaws.com'),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['NotBob'],
      },
      { principal: bob, action: 's3:GetObject', resource: OBJ, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'P5: NotPrincipal with Allow naming an account excludes the whole account',
    policies: [
      resource(
        allow('NotAcct', {
          NotPrincipal: { AWS: ACCOUNT },
          Action: 's3:GetObject',
          Resource: `${B}/*`,
        }),
      ),
    ],
    requests: [
      { principal: alice, action: 's3:GetObject', resource: OBJ, expect: 'implicit-deny' },
      {
        principal: session('R', 's'),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'implicit-deny',
      },
      {
        principal: user('x', OTHER),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['NotAcct'],
      },
    ],
  },
  {
    name: 'P6 pitfall: NotPrincipal with Deny naming only the user still denies the user (through the account)',
    policies: [
      resource(
        allowAllPublic,
        deny('DenyAllButBob', {
          NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/Bob` },
          Action: 's3:*',
          Resource: '*',
        }),
      ),
    ],
    requests: [
      {
        principal: bob,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'explicit-deny',
        deciding: ['DenyAllButBob'],
      },
      {
        principal: alice,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'explicit-deny',
        deciding: ['DenyAllButBob'],
      },
      {
        principal: anonymous,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'explicit-deny',
        deciding: ['DenyAllButBob'],
      },
      {
        principal: bob,
        action: 'ec2:RunInstances',
        resource: '*',
        expect: 'allow',
        deciding: ['All'],
      },
    ],
  },
  {
    name: 'P6: NotPrincipal with Deny naming the user and the account root spares that user only',
    policies: [
      resource(
        allowAllPublic,
        deny('DenyAllButBob', {
          NotPrincipal: {
            AWS: [`arn:aws:iam::${ACCOUNT}:user/Bob`, `arn:aws:iam::${ACCOUNT}:root`],
          },
          Action: 's3:*',
          Resource: '*',
        }),
      ),
    ],
    requests: [
      { principal: bob, action: 's3:GetObject', resource: OBJ, expect: 'allow', deciding: ['All'] },
      {
        principal: root(),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'allow',
        deciding: ['All'],
      },
      {
        principal: alice,
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'explicit-deny',
        deciding: ['DenyAllButBob'],
      },
      {
        principal: service('ec2.amazonaws.com'),
        action: 's3:GetObject',
        resource: OBJ,
        expect: 'explicit-deny',
        deciding: ['DenyAllButBob'],
      },
    ],
  },
  {
    name: 'P6: NotPrincipal with Deny and a role session needs session, role and account listed',
    policies: [
      resource(
        allowAllPublic,
        deny('Full', {
          NotPrincipal: {
            AWS: [
              `arn:aws:sts::${OTHER}:assumed-role/Audit/app`,
              `arn:aws:iam::${OTHER}:role/Audit`,
              `arn:aws:iam::${OTHER}:root`,
            ],
          },
          Action: 's3:*',
          Resource: `${B}/audit/*`,
        }),
        deny('NoRole', {
          NotPrincipal: { AWS: [`arn:aws:sts::${OTHER}:assumed-role/Audit/app`, OTHER] },
          Action: 's3:*',
          Resource: `${B}/strict/*`,
        }),
      ),
    ],
    requests: [
      {
        principal: session('Audit', 'app', OTHER),
        action: 's3:GetObject',
        resource: `${B}/audit/x`,
        expect: 'allow',
        deciding: ['All'],
      },
      {
        principal: session('Audit', 'other', OTHER),
        action: 's3:GetObject',
        resource: `${B}/audit/x`,
        expect: 'explicit-deny',
        deciding: ['Full'],
      },
      {
        principal: session('Audit', 'app', OTHER),
        action: 's3:GetObject',
        resource: `${B}/strict/x`,
        expect: 'explicit-deny',
        deciding: ['NoRole'],
        note: 'the role is validated too and is not listed',
      },
    ],
  },

  // ---------------------------------------------------------------- String operators (conditions.ts 2, 4, 5, 9)
  {
    name: 'StringEquals: exact, case-sensitive; several values are OR-ed',
    policies: [conditional({ StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } })],
    requests: [
      get({ 'aws:PrincipalTag/team': 'red' }, 'allow'),
      get({ 'aws:PrincipalTag/team': 'blue' }, 'allow'),
      get({ 'aws:PrincipalTag/team': 'Red' }, 'implicit-deny', 'case-sensitive'),
      get({ 'aws:PrincipalTag/team': 'green' }, 'implicit-deny'),
      get(undefined, 'implicit-deny', 'absent key: a positive operator fails'),
    ],
  },
  {
    name: 'StringEquals: * and ? are ordinary characters',
    policies: [conditional({ StringEquals: { 's3:prefix': 'home/*' } })],
    requests: [
      get({ 's3:prefix': 'home/*' }, 'allow'),
      get({ 's3:prefix': 'home/alice' }, 'implicit-deny'),
    ],
  },
  {
    name: 'StringNotEquals: several values are NOR-ed; absent key holds (deny applies)',
    policies: [denyWhen({ StringNotEquals: { 'aws:PrincipalOrgID': ['o-aaa', 'o-bbb'] } })],
    requests: [
      denyGet({ 'aws:PrincipalOrgID': 'o-aaa' }, false),
      denyGet({ 'aws:PrincipalOrgID': 'o-bbb' }, false),
      denyGet({ 'aws:PrincipalOrgID': 'o-ccc' }, true),
      denyGet(undefined, true, 'a negated operator is true when the key is absent'),
    ],
  },
  {
    name: 'StringEqualsIgnoreCase / StringNotEqualsIgnoreCase',
    policies: [
      identity(
        allow('C', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/env': 'Prod' } },
        }),
        deny('D', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            StringNotEqualsIgnoreCase: { 'aws:RequestedRegion': ['EU-WEST-1', 'eu-central-1'] },
          },
        }),
      ),
    ],
    requests: [
      get({ 'aws:PrincipalTag/env': 'PROD', 'aws:RequestedRegion': 'eu-west-1' }, 'allow'),
      get({ 'aws:PrincipalTag/env': 'prod', 'aws:RequestedRegion': 'EU-Central-1' }, 'allow'),
      get({ 'aws:PrincipalTag/env': 'prod', 'aws:RequestedRegion': 'us-east-1' }, 'explicit-deny'),
      get(
        { 'aws:PrincipalTag/env': 'prod' },
        'explicit-deny',
        'absent key: the negated operator holds',
      ),
      get(
        { 'aws:PrincipalTag/env': 'production', 'aws:RequestedRegion': 'eu-west-1' },
        'implicit-deny',
      ),
    ],
  },
  {
    name: 'StringLike: * and ? wildcards; StringNotLike holds on an absent key',
    policies: [
      identity(
        allow('C', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringLike: { 'aws:userid': ['AROAEXAMPLE:*', 'AIDA????'] } },
        }),
        deny('D', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringNotLike: { 'aws:UserAgent': '*Console*' } },
        }),
      ),
    ],
    requests: [
      get({ 'aws:userid': 'AROAEXAMPLE:alice', 'aws:UserAgent': 'AWS Console' }, 'allow'),
      get({ 'aws:userid': 'AIDAABCD', 'aws:UserAgent': 'in Console v2' }, 'allow'),
      get({ 'aws:userid': 'AIDAABCDE', 'aws:UserAgent': 'Console' }, 'implicit-deny'),
      get({ 'aws:userid': 'AROAEXAMPLE:', 'aws:UserAgent': 'aws-cli' }, 'explicit-deny'),
      get(
        { 'aws:userid': 'AROAEXAMPLE:x' },
        'explicit-deny',
        'StringNotLike with the key absent holds',
      ),
    ],
  },
  {
    name: 'Condition keys are case-insensitive; values are not',
    policies: [conditional({ StringEquals: { 'AWS:SOURCEVPC': 'vpc-1A' } })],
    requests: [
      get({ 'aws:SourceVpc': 'vpc-1A' }, 'allow'),
      get({ 'aws:sourcevpc': 'vpc-1a' }, 'implicit-deny'),
    ],
  },
  {
    name: 'Several keys and several operators are AND-ed',
    policies: [
      conditional({
        StringEquals: { 'aws:SourceVpc': 'vpc-1', 'aws:PrincipalTag/team': 'red' },
        Bool: { 'aws:SecureTransport': 'true' },
      }),
    ],
    requests: [
      get(
        { 'aws:SourceVpc': 'vpc-1', 'aws:PrincipalTag/team': 'red', 'aws:SecureTransport': 'true' },
        'allow',
      ),
      get(
        {
          'aws:SourceVpc': 'vpc-1',
          'aws:PrincipalTag/team': 'red',
          'aws:SecureTransport': 'false',
        },
        'implicit-deny',
      ),
      get(
        { 'aws:SourceVpc': 'vpc-2', 'aws:PrincipalTag/team': 'red', 'aws:SecureTransport': 'true' },
        'implicit-deny',
      ),
      get({ 'aws:SourceVpc': 'vpc-1', 'aws:SecureTransport': 'true' }, 'implicit-deny'),
    ],
  },

  // ---------------------------------------------------------------- Numeric
  {
    name: 'NumericLessThanEquals: numbers compare as numbers; non-numbers and absent keys fail',
    policies: [conditional({ NumericLessThanEquals: { 's3:max-keys': '10' } })],
    requests: [
      get({ 's3:max-keys': '10' }, 'allow'),
      get({ 's3:max-keys': '9.5' }, 'allow'),
      get({ 's3:max-keys': '010' }, 'allow', 'leading zeros are still ten'),
      get({ 's3:max-keys': '11' }, 'implicit-deny'),
      get({ 's3:max-keys': 'ten' }, 'implicit-deny'),
      get(undefined, 'implicit-deny'),
    ],
  },
  {
    name: 'Numeric: comparison operators on exact decimals',
    policies: [
      identity(
        allow('Eq', { Action: 'x:Eq', Resource: '*', Condition: { NumericEquals: { n: 1.1 } } }),
        allow('Lt', { Action: 'x:Lt', Resource: '*', Condition: { NumericLessThan: { n: '-2' } } }),
        allow('Gt', {
          Action: 'x:Gt',
          Resource: '*',
          Condition: { NumericGreaterThan: { n: '0.1' } },
        }),
        allow('Ge', {
          Action: 'x:Ge',
          Resource: '*',
          Condition: { NumericGreaterThanEquals: { n: '1e3' } },
        }),
      ),
    ],
    requests: [
      { action: 'x:Eq', context: { n: '1.10' }, expect: 'allow', deciding: ['Eq'] },
      {
        action: 'x:Eq',
        context: { n: '1.1000000000000001' },
        expect: 'implicit-deny',
        note: 'no float rounding',
      },
      { action: 'x:Lt', context: { n: '-2.5' }, expect: 'allow', deciding: ['Lt'] },
      { action: 'x:Lt', context: { n: '-2' }, expect: 'implicit-deny' },
      {
        action: 'x:Gt',
        context: { n: '0.10000000000000000001' },
        expect: 'allow',
        deciding: ['Gt'],
      },
      { action: 'x:Gt', context: { n: '.1' }, expect: 'implicit-deny' },
      { action: 'x:Ge', context: { n: '1000' }, expect: 'allow', deciding: ['Ge'] },
      { action: 'x:Ge', context: { n: '999.999' }, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'NumericNotEquals: NOR over values; absent key holds',
    policies: [denyWhen({ NumericNotEquals: { 'ec2:VolumeSize': ['8', '16'] } })],
    requests: [
      denyGet({ 'ec2:VolumeSize': '16' }, false),
      denyGet({ 'ec2:VolumeSize': '8.0' }, false),
      denyGet({ 'ec2:VolumeSize': '32' }, true),
      denyGet(undefined, true),
      denyGet(
        { 'ec2:VolumeSize': 'big' },
        false,
        'an unreadable request value satisfies neither the operator nor its negation',
      ),
    ],
  },

  // ---------------------------------------------------------------- Date
  {
    name: 'Date: ISO 8601 and epoch seconds on either side; time zones',
    policies: [
      identity(
        allow('After', {
          Action: 'x:After',
          Resource: '*',
          Condition: { DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } },
        }),
        allow('Before', {
          Action: 'x:Before',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:EpochTime': 1704067200 } },
        }),
        allow('Day', {
          Action: 'x:Day',
          Resource: '*',
          Condition: { DateEquals: { 'aws:CurrentTime': '2024-06-01T12:00:00+02:00' } },
        }),
        allow('AtOrAfter', {
          Action: 'x:AtOrAfter',
          Resource: '*',
          Condition: { DateGreaterThanEquals: { 'aws:TokenIssueTime': '2024-01-01' } },
        }),
      ),
    ],
    requests: [
      {
        action: 'x:After',
        context: { 'aws:CurrentTime': '2024-01-01T00:00:01Z' },
        expect: 'allow',
        deciding: ['After'],
      },
      {
        action: 'x:After',
        context: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' },
        expect: 'implicit-deny',
      },
      {
        action: 'x:After',
        context: { 'aws:CurrentTime': '1704067201' },
        expect: 'allow',
        deciding: ['After'],
        note: 'epoch seconds in the request',
      },
      {
        action: 'x:Before',
        context: { 'aws:EpochTime': '2023-12-31T23:59:59Z' },
        expect: 'allow',
        deciding: ['Before'],
      },
      { action: 'x:Before', context: { 'aws:EpochTime': '1704067200' }, expect: 'implicit-deny' },
      {
        action: 'x:Day',
        context: { 'aws:CurrentTime': '2024-06-01T10:00:00Z' },
        expect: 'allow',
        deciding: ['Day'],
      },
      {
        action: 'x:Day',
        context: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' },
        expect: 'implicit-deny',
      },
      {
        action: 'x:AtOrAfter',
        context: { 'aws:TokenIssueTime': '2024-01-01T00:00:00.000Z' },
        expect: 'allow',
        deciding: ['AtOrAfter'],
      },
      {
        action: 'x:AtOrAfter',
        context: {},
        expect: 'implicit-deny',
        note: 'no temporary credentials: key absent',
      },
      { action: 'x:After', context: { 'aws:CurrentTime': 'yesterday' }, expect: 'implicit-deny' },
    ],
  },
  {
    name: 'DateNotEquals and DateLessThanEquals; absent key',
    policies: [
      identity(
        allowAll,
        deny('D', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { DateNotEquals: { 'aws:CurrentTime': '2024-02-29' } },
        }),
        allow('C', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { DateLessThanEquals: { 'aws:CurrentTime': '2024-02-29T00:00:00Z' } },
        }),
      ),
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: OBJ,
        context: { 'aws:CurrentTime': '2024-02-29T00:00:00Z' },
        expect: 'allow',
        deciding: ['All', 'C'],
      },
      {
        action: 's3:GetObject',
        resource: OBJ,
        context: { 'aws:CurrentTime': '2024-02-28T00:00:00Z' },
        expect: 'explicit-deny',
        deciding: ['D'],
      },
      { action: 's3:GetObject', resource: OBJ, expect: 'explicit-deny', deciding: ['D'] },
    ],
  },

  // ---------------------------------------------------------------- Bool, Binary, Null
  {
    name: 'Bool: deny insecure transport; case-insensitive; absent key does not match',
    policies: [denyWhen({ Bool: { 'aws:SecureTransport': false } })],
    requests: [
      denyGet({ 'aws:SecureTransport': 'false' }, true),
      denyGet({ 'aws:SecureTransport': 'FALSE' }, true),
      denyGet({ 'aws:SecureTransport': 'true' }, false),
      denyGet(
        undefined,
        false,
        'Bool is positive: an absent key fails, so the deny does not apply',
      ),
      denyGet({ 'aws:SecureTransport': 'no' }, false),
    ],
  },
  {
    name: 'BoolIfExists: an absent key holds',
    policies: [denyWhen({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })],
    requests: [
      denyGet(undefined, true, 'long-term keys carry no MFA key: the deny applies'),
      denyGet({ 'aws:MultiFactorAuthPresent': 'false' }, true),
      denyGet({ 'aws:MultiFactorAuthPresent': 'true' }, false),
    ],
  },
  {
    name: 'BinaryEquals compares bytes of base-64 values',
    policies: [conditional({ BinaryEquals: { 'custom:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } })],
    requests: [
      get({ 'custom:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }, 'allow'),
      get({ 'custom:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NQ==' }, 'implicit-deny'),
      get({ 'custom:blob': 'not base64!' }, 'implicit-deny'),
      get(undefined, 'implicit-deny'),
    ],
  },
  {
    name: 'Null: true tests absence, false presence; an empty list is absent',
    policies: [
      identity(
        allow('C', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Null: { 'aws:TokenIssueTime': 'true' } },
        }),
        allow('Tagged', {
          Action: 's3:PutObject',
          Resource: '*',
          Condition: { Null: { 'aws:TagKeys': false } },
        }),
      ),
    ],
    requests: [
      get(undefined, 'allow'),
      get({ 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' }, 'implicit-deny'),
      {
        action: 's3:PutObject',
        resource: OBJ,
        context: { 'aws:TagKeys': ['a'] },
        expect: 'allow',
        deciding: ['Tagged'],
      },
      {
        action: 's3:PutObject',
        resource: OBJ,
        context: { 'aws:TagKeys': [] },
        expect: 'implicit-deny',
      },
      { action: 's3:PutObject', resource: OBJ, expect: 'implicit-deny' },
    ],
  },

  // ---------------------------------------------------------------- IP addresses
  {
    name: 'IpAddress: IPv4 CIDR and a bare address (/32)',
    policies: [conditional({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7'] } })],
    requests: [
      get({ 'aws:SourceIp': '203.0.113.0' }, 'allow'),
      get({ 'aws:SourceIp': '203.0.113.255' }, 'allow'),
      get({ 'aws:SourceIp': '203.0.114.0' }, 'implicit-deny'),
      get({ 'aws:SourceIp': '198.51.100.7' }, 'allow'),
      get({ 'aws:SourceIp': '198.51.100.8' }, 'implicit-deny'),
      get({ 'aws:SourceIp': 'localhost' }, 'implicit-deny'),
      get(undefined, 'implicit-deny', 'requests through a VPC endpoint carry no aws:SourceIp'),
    ],
  },
  {
    name: 'IpAddress: IPv6 ranges, compressed forms; no matching across families',
    policies: [
      conditional({ IpAddress: { 'aws:SourceIp': ['2001:DB8:1234:5678::/64', '10.0.0.0/8'] } }),
    ],
    requests: [
      get({ 'aws:SourceIp': '2001:db8:1234:5678::1' }, 'allow'),
      get({ 'aws:SourceIp': '2001:0db8:1234:5678:ffff:ffff:ffff:ffff' }, 'allow'),
      get({ 'aws:SourceIp': '2001:db8:1234:5679::' }, 'implicit-deny'),
      get(
        { 'aws:SourceIp': '::ffff:10.1.2.3' },
        'implicit-deny',
        'an IPv4-mapped IPv6 address is not in 10.0.0.0/8',
      ),
      get({ 'aws:SourceIp': '10.255.0.1' }, 'allow'),
      get({ 'aws:SourceIp': '2001:db8:1234:5678::1::' }, 'implicit-deny', 'malformed'),
    ],
  },
  {
    name: 'NotIpAddress: deny outside the ranges; an absent key holds (the deny applies)',
    policies: [denyWhen({ NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:db8::/32'] } })],
    requests: [
      denyGet({ 'aws:SourceIp': '192.0.2.44' }, false),
      denyGet({ 'aws:SourceIp': '2001:db8:ffff::9' }, false),
      denyGet({ 'aws:SourceIp': '192.0.3.1' }, true),
      denyGet({ 'aws:SourceIp': '2001:db9::1' }, true),
      denyGet(undefined, true, 'via a VPC endpoint there is no aws:SourceIp: denied'),
    ],
  },
  {
    name: 'IpAddress: /0 ranges and host bits in the policy',
    policies: [conditional({ IpAddress: { 'aws:SourceIp': ['0.0.0.0/0', '2001:db8::5/0'] } })],
    requests: [
      get({ 'aws:SourceIp': '8.8.8.8' }, 'allow'),
      get({ 'aws:SourceIp': 'fe80::1' }, 'allow'),
    ],
  },

  // ---------------------------------------------------------------- ARN operators
  {
    name: 'ArnLike matches component by component; StringLike does not',
    policies: [
      identity(
        allow('Arn', {
          Action: 'x:Arn',
          Resource: '*',
          Condition: {
            ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' },
          },
        }),
        allow('Str', {
          Action: 'x:Str',
          Resource: '*',
          Condition: {
            StringLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' },
          },
        }),
      ),
    ],
    requests: [
      {
        action: 'x:Arn',
        context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:111122223333:finance/doc.txt' },
        expect: 'allow',
        deciding: ['Arn'],
      },
      {
        action: 'x:Arn',
        context: {
          'aws:SourceArn':
            'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
        },
        expect: 'implicit-deny',
        note: 'the documented example: ArnLike fails',
      },
      {
        action: 'x:Str',
        context: {
          'aws:SourceArn':
            'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
        },
        expect: 'allow',
        deciding: ['Str'],
        note: 'the documented example: StringLike succeeds',
      },
      { action: 'x:Arn', context: { 'aws:SourceArn': 'not-an-arn' }, expect: 'implicit-deny' },
      {
        action: 'x:Arn',
        context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:111122223333:finance/a:b:c' },
        expect: 'allow',
        deciding: ['Arn'],
        note: 'the resource part keeps its colons',
      },
    ],
  },
  {
    name: 'ArnEquals behaves as ArnLike; ArnNotEquals holds on an absent key',
    policies: [
      identity(
        allow('C', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic-?' } },
        }),
        deny('D', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin*' },
          },
        }),
      ),
    ],
    requests: [
      get(
        {
          'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic-1',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/AdminRole',
        },
        'allow',
      ),
      get(
        {
          'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic-12',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin',
        },
        'implicit-deny',
      ),
      get(
        {
          'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic-1',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Dev',
        },
        'explicit-deny',
      ),
      get(
        { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic-1' },
        'explicit-deny',
        'ArnNotEquals with the key absent holds',
      ),
    ],
  },
  {
    name: 'ArnNotLike in a deny with several values (NOR)',
    policies: [
      denyWhen({
        ArnNotLike: {
          'aws:PrincipalArn': [
            'arn:aws:iam::*:role/Break-Glass',
            'arn:aws:iam::111122223333:user/*',
          ],
        },
      }),
    ],
    requests: [
      denyGet({ 'aws:PrincipalArn': 'arn:aws:iam::999999999999:role/Break-Glass' }, false),
      denyGet({ 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' }, false),
      denyGet({ 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Other' }, true),
    ],
  },

  // ---------------------------------------------------------------- IfExists
  {
    name: 'StringLikeIfExists: checked when present, holds when absent (the documented RunInstances example)',
    policies: [
      identity(
        allow('C', {
          Action: 'ec2:RunInstances',
          Resource: '*',
          Condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
        }),
      ),
    ],
    requests: [
      {
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:us-east-1::image/ami-1',
        expect: 'allow',
        deciding: ['C'],
        note: 'an image has no instance type',
      },
      {
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
        context: { 'ec2:InstanceType': 't2.micro' },
        expect: 'allow',
        deciding: ['C'],
      },
      {
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
        context: { 'ec2:InstanceType': 'p4d.24xlarge' },
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'StringNotEqualsIfExists in a deny: absent key still denied; NumericLessThanIfExists',
    policies: [
      identity(
        allowAll,
        deny('D', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/team': 'red' } },
        }),
        deny('Small', {
          Action: 'ec2:CreateVolume',
          Resource: '*',
          Condition: { NumericLessThanIfExists: { 'ec2:VolumeSize': 100 } },
        }),
      ),
    ],
    requests: [
      denyGet({ 'aws:ResourceTag/team': 'red' }, false),
      denyGet({ 'aws:ResourceTag/team': 'blue' }, true),
      denyGet(undefined, true, 'IfExists: absent holds'),
      {
        action: 'ec2:CreateVolume',
        resource: '*',
        context: { 'ec2:VolumeSize': '50' },
        expect: 'explicit-deny',
        deciding: ['Small'],
      },
      {
        action: 'ec2:CreateVolume',
        resource: '*',
        context: { 'ec2:VolumeSize': '500' },
        expect: 'allow',
        deciding: ['All'],
      },
      {
        action: 'ec2:CreateVolume',
        resource: '*',
        expect: 'explicit-deny',
        deciding: ['Small'],
        note: 'NumericLessThanIfExists holds on an absent key',
      },
    ],
  },

  // ---------------------------------------------------------------- set qualifiers
  {
    name: 'ForAllValues: every request value in the list; absent key and empty list hold',
    policies: [conditional({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } })],
    requests: [
      get({ 'aws:TagKeys': ['env'] }, 'allow'),
      get({ 'aws:TagKeys': ['team', 'env'] }, 'allow'),
      get({ 'aws:TagKeys': ['env', 'owner'] }, 'implicit-deny'),
      get(undefined, 'allow', 'pitfall: ForAllValues holds when the key is absent'),
      get({ 'aws:TagKeys': [] }, 'allow', 'pitfall: and on an empty set'),
      get({ 'aws:TagKeys': 'env' }, 'allow', 'a single value is a one-element set'),
    ],
  },
  {
    name: 'ForAnyValue: some request value in the list; absent key fails',
    policies: [conditional({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'team'] } })],
    requests: [
      get({ 'aws:TagKeys': ['owner', 'team'] }, 'allow'),
      get({ 'aws:TagKeys': ['owner'] }, 'implicit-deny'),
      get(undefined, 'implicit-deny'),
      get({ 'aws:TagKeys': [] }, 'implicit-deny'),
    ],
  },
  {
    name: 'ForAnyValue:StringLike in a deny (the documented DynamoDB example)',
    policies: [
      identity(
        allowAll,
        deny('D', {
          Action: 'dynamodb:PutItem',
          Resource: '*',
          Condition: {
            'ForAnyValue:StringLike': { 'dynamodb:requestedAttributes': ['ID', 'PostDateTime'] },
          },
        }),
      ),
    ],
    requests: [
      {
        action: 'dynamodb:PutItem',
        resource: '*',
        context: { 'dynamodb:requestedAttributes': ['UserName', 'Message', 'PostDateTime'] },
        expect: 'explicit-deny',
        deciding: ['D'],
      },
      {
        action: 'dynamodb:PutItem',
        resource: '*',
        context: { 'dynamodb:requestedAttributes': ['UserName'] },
        expect: 'allow',
        deciding: ['All'],
      },
      { action: 'dynamodb:PutItem', resource: '*', expect: 'allow', deciding: ['All'] },
    ],
  },
  {
    name: 'Set qualifiers with negated operators',
    policies: [
      identity(
        allow('AllNot', {
          Action: 'x:AllNot',
          Resource: '*',
          Condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['DataClass', 'Owner'] } },
        }),
        allow('AnyNot', {
          Action: 'x:AnyNot',
          Resource: '*',
          Condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['DataClass', 'Owner'] } },
        }),
      ),
    ],
    requests: [
      {
        action: 'x:AllNot',
        context: { 'aws:TagKeys': ['Dept', 'SIC'] },
        expect: 'allow',
        deciding: ['AllNot'],
      },
      {
        action: 'x:AllNot',
        context: { 'aws:TagKeys': ['Dept', 'Owner'] },
        expect: 'implicit-deny',
      },
      { action: 'x:AllNot', expect: 'allow', deciding: ['AllNot'] },
      {
        action: 'x:AnyNot',
        context: { 'aws:TagKeys': ['Dept', 'DataClass'] },
        expect: 'allow',
        deciding: ['AnyNot'],
      },
      {
        action: 'x:AnyNot',
        context: { 'aws:TagKeys': ['DataClass', 'Owner'] },
        expect: 'implicit-deny',
      },
      {
        action: 'x:AnyNot',
        expect: 'implicit-deny',
        note: 'ForAnyValue fails on an absent key, negated or not',
      },
    ],
  },
  {
    name: 'ForAllValues:StringLike with IfExists and wildcards',
    policies: [
      conditional({ 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': ['cost-*', 'app?'] } }),
    ],
    requests: [
      get({ 'aws:TagKeys': ['cost-center', 'app1'] }, 'allow'),
      get({ 'aws:TagKeys': ['cost-center', 'app12'] }, 'implicit-deny'),
      get(undefined, 'allow'),
    ],
  },
  {
    name: 'A plain operator on a multivalued key: positive as ForAnyValue, negated as ForAllValues',
    policies: [
      identity(
        allow('Pos', {
          Action: 'x:Pos',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalServiceNamesList': 'ec2.amazonaws.com' } },
        }),
        allow('Neg', {
          Action: 'x:Neg',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalServiceNamesList': 'ec2.amazonaws.com' } },
        }),
      ),
    ],
    requests: [
      {
        action: 'x:Pos',
        context: { 'aws:PrincipalServiceNamesList': ['a.amazonaws.com', 'ec2.amazonaws.com'] },
        expect: 'allow',
        deciding: ['Pos'],
      },
      {
        action: 'x:Pos',
        context: { 'aws:PrincipalServiceNamesList': ['a.amazonaws.com'] },
        expect: 'implicit-deny',
      },
      {
        action: 'x:Neg',
        context: { 'aws:PrincipalServiceNamesList': ['a.amazonaws.com', 'ec2.amazonaws.com'] },
        expect: 'implicit-deny',
      },
      {
        action: 'x:Neg',
        context: { 'aws:PrincipalServiceNamesList': ['a.amazonaws.com', 'b.amazonaws.com'] },
        expect: 'allow',
        deciding: ['Neg'],
      },
    ],
  },
  {
    name: 'ForAnyValue on numbers and IP addresses',
    policies: [
      identity(
        allow('Num', {
          Action: 'x:Num',
          Resource: '*',
          Condition: { 'ForAnyValue:NumericGreaterThan': { 'custom:sizes': 10 } },
        }),
        allow('Ip', {
          Action: 'x:Ip',
          Resource: '*',
          Condition: { 'ForAllValues:IpAddress': { 'custom:hops': '10.0.0.0/8' } },
        }),
      ),
    ],
    requests: [
      {
        action: 'x:Num',
        context: { 'custom:sizes': ['1', '11'] },
        expect: 'allow',
        deciding: ['Num'],
      },
      { action: 'x:Num', context: { 'custom:sizes': ['1', '10'] }, expect: 'implicit-deny' },
      {
        action: 'x:Ip',
        context: { 'custom:hops': ['10.1.1.1', '10.2.2.2'] },
        expect: 'allow',
        deciding: ['Ip'],
      },
      {
        action: 'x:Ip',
        context: { 'custom:hops': ['10.1.1.1', '11.2.2.2'] },
        expect: 'implicit-deny',
      },
    ],
  },

  // ---------------------------------------------------------------- policy variables
  {
    name: 'Variables: ${aws:username} in Resource',
    policies: [
      identity(
        allow('Home', {
          Action: 's3:*',
          Resource: ['arn:aws:s3:::home/${aws:username}', 'arn:aws:s3:::home/${aws:username}/*'],
        }),
      ),
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::home/alice/notes.txt',
        context: { 'aws:username': 'alice' },
        expect: 'allow',
        deciding: ['Home'],
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::home/bob/notes.txt',
        context: { 'aws:username': 'alice' },
        expect: 'implicit-deny',
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::home/alice/notes.txt',
        expect: 'implicit-deny',
        note: 'unresolved variable: no match',
      },
      {
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::home/alice',
        context: { 'AWS:USERNAME': 'alice' },
        expect: 'allow',
        deciding: ['Home'],
        note: 'variable keys are case-insensitive',
      },
    ],
  },
  {
    name: 'Variables: defaults apply when the key is absent',
    policies: [
      identity(
        allow('Def', {
          Action: 's3:GetObject',
          Resource: "arn:aws:s3:::b/${aws:userid, 'anonymous'}/*",
        }),
      ),
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/anonymous/x',
        expect: 'allow',
        deciding: ['Def'],
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/AIDA1/x',
        context: { 'aws:userid': 'AIDA1' },
        expect: 'allow',
        deciding: ['Def'],
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/anonymous/x',
        context: { 'aws:userid': 'AIDA1' },
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'Variables: ${*} ${?} ${$} are literal characters',
    policies: [
      identity(
        allow('Star', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${*}' }),
        allow('Q', { Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/what${?}' }),
        allow('Dollar', { Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/${$}{x}' }),
      ),
    ],
    requests: [
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/*', expect: 'allow', deciding: ['Star'] },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/anything', expect: 'implicit-deny' },
      {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::b/what?',
        expect: 'allow',
        deciding: ['Q'],
      },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::b/whatX', expect: 'implicit-deny' },
      {
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::b/${x}',
        expect: 'allow',
        deciding: ['Dollar'],
      },
    ],
  },
  {
    name: 'Variables: in StringLike condition values (the documented home-directory policy)',
    policies: [
      identity(
        allow('List', {
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::BUCKET-NAME',
          Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
        }),
      ),
    ],
    requests: [
      {
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::BUCKET-NAME',
        context: { 'aws:username': 'alice', 's3:prefix': 'home/alice/docs' },
        expect: 'allow',
        deciding: ['List'],
      },
      {
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::BUCKET-NAME',
        context: { 'aws:username': 'alice', 's3:prefix': '' },
        expect: 'allow',
        deciding: ['List'],
      },
      {
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::BUCKET-NAME',
        context: { 'aws:username': 'alice', 's3:prefix': 'home/bob/' },
        expect: 'implicit-deny',
      },
      {
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::BUCKET-NAME',
        context: { 's3:prefix': 'home/' },
        expect: 'allow',
        deciding: ['List'],
        note: 'the other values still match without the variable',
      },
    ],
  },
  {
    name: 'Variables: a substituted value is literal, even a *',
    policies: [
      identity(
        allow('Tag', {
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/${aws:PrincipalTag/project}/*',
        }),
      ),
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/apollo/x',
        context: { 'aws:PrincipalTag/project': 'apollo' },
        expect: 'allow',
        deciding: ['Tag'],
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/apollo/x',
        context: { 'aws:PrincipalTag/project': '*' },
        expect: 'implicit-deny',
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/*/x',
        context: { 'aws:PrincipalTag/project': '*' },
        expect: 'allow',
        deciding: ['Tag'],
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/apollo/x',
        context: { 'aws:PrincipalTag/project': ['apollo'] },
        expect: 'implicit-deny',
        note: 'a multivalued key is no variable',
      },
    ],
  },
  {
    name: 'Variables: literal text without Version 2012-10-17',
    policies: [
      {
        type: 'identity',
        document: doc(
          [allow('Old', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' })],
          null,
        ),
      },
      {
        type: 'identity',
        document: doc(
          [allow('Old08', { Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/${aws:username}' })],
          '2008-10-17',
        ),
      },
    ],
    requests: [
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/alice/x',
        context: { 'aws:username': 'alice' },
        expect: 'implicit-deny',
      },
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/${aws:username}/x',
        context: { 'aws:username': 'alice' },
        expect: 'allow',
        deciding: ['Old'],
      },
      {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::b/${aws:username}',
        expect: 'allow',
        deciding: ['Old08'],
      },
    ],
  },
  {
    name: 'Variables: unresolved under a negated operator and in NotResource exclude nothing',
    policies: [
      identity(
        allowAll,
        deny('D', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
        }),
        deny('NotOwn', { Action: 's3:PutObject', NotResource: 'arn:aws:s3:::b/${aws:username}/*' }),
      ),
    ],
    requests: [
      denyGet({ 'aws:ResourceTag/owner': 'alice', 'aws:username': 'alice' }, false),
      denyGet({ 'aws:ResourceTag/owner': 'alice', 'aws:username': 'bob' }, true),
      denyGet(
        { 'aws:ResourceTag/owner': 'alice' },
        true,
        'the variable cannot be resolved, so nothing is excluded',
      ),
      {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::b/alice/x',
        context: { 'aws:username': 'alice' },
        expect: 'allow',
        deciding: ['All'],
      },
      {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::b/alice/x',
        expect: 'explicit-deny',
        deciding: ['NotOwn'],
      },
    ],
  },
  {
    name: 'Variables: in ArnLike values and StringEquals with a tag',
    policies: [
      identity(
        allow('C', {
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            ArnLike: {
              'aws:SourceArn':
                'arn:aws:lambda:*:${aws:PrincipalAccount}:function:${aws:PrincipalTag/app}-*',
            },
            StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' },
          },
        }),
      ),
    ],
    requests: [
      get(
        {
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalTag/app': 'web',
          'aws:PrincipalTag/team': 'red',
          'aws:ResourceTag/team': 'red',
          'aws:SourceArn': 'arn:aws:lambda:us-east-1:111122223333:function:web-handler',
        },
        'allow',
      ),
      get(
        {
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalTag/app': 'web',
          'aws:PrincipalTag/team': 'red',
          'aws:ResourceTag/team': 'blue',
          'aws:SourceArn': 'arn:aws:lambda:us-east-1:111122223333:function:web-handler',
        },
        'implicit-deny',
      ),
      get(
        {
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalTag/app': 'api',
          'aws:PrincipalTag/team': 'red',
          'aws:ResourceTag/team': 'red',
          'aws:SourceArn': 'arn:aws:lambda:us-east-1:111122223333:function:web-handler',
        },
        'implicit-deny',
      ),
    ],
  },
  {
    name: 'Variables: Bool with a variable value',
    policies: [conditional({ Bool: { 'custom:flag': '${custom:expected}' } })],
    requests: [
      get({ 'custom:flag': 'true', 'custom:expected': 'TRUE' }, 'allow'),
      get({ 'custom:flag': 'true', 'custom:expected': 'false' }, 'implicit-deny'),
      get({ 'custom:flag': 'true' }, 'implicit-deny'),
    ],
  },

  // ---------------------------------------------------------------- real-world shapes
  {
    name: 'Bucket policy: public read limited to an organisation, HTTPS only',
    policies: [
      resource(
        allow('OrgRead', {
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `${B}/*`,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } },
        }),
        deny('TLS', {
          Principal: '*',
          Action: 's3:*',
          Resource: [B, `${B}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ),
    ],
    requests: [
      {
        principal: user('x', OTHER),
        action: 's3:GetObject',
        resource: OBJ,
        context: { 'aws:PrincipalOrgID': 'o-123', 'aws:SecureTransport': 'true' },
        expect: 'allow',
        deciding: ['OrgRead'],
      },
      {
        principal: anonymous,
        action: 's3:GetObject',
        resource: OBJ,
        context: { 'aws:SecureTransport': 'true' },
        expect: 'implicit-deny',
      },
      {
        principal: user('x', OTHER),
        action: 's3:GetObject',
        resource: OBJ,
        context: { 'aws:PrincipalOrgID': 'o-123', 'aws:SecureTransport': 'false' },
        expect: 'explicit-deny',
        deciding: ['TLS'],
      },
    ],
  },
  {
    name: 'Trust policy: account principal with an external id',
    policies: [
      resource(
        allow('Trust', {
          Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'xyz' } },
        }),
      ),
    ],
    requests: [
      {
        principal: session('Vendor', 's', OTHER),
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111122223333:role/R',
        context: { 'sts:ExternalId': 'xyz' },
        expect: 'allow',
        deciding: ['Trust'],
      },
      {
        principal: session('Vendor', 's', OTHER),
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111122223333:role/R',
        expect: 'implicit-deny',
      },
      {
        principal: alice,
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111122223333:role/R',
        context: { 'sts:ExternalId': 'xyz' },
        expect: 'implicit-deny',
      },
    ],
  },
  {
    name: 'Region guard: deny outside two regions except global services',
    policies: [
      identity(
        allowAll,
        deny('Region', {
          NotAction: ['iam:*', 'sts:*', 'cloudfront:*'],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } },
        }),
      ),
    ],
    requests: [
      {
        action: 'ec2:RunInstances',
        resource: '*',
        context: { 'aws:RequestedRegion': 'eu-west-1' },
        expect: 'allow',
        deciding: ['All'],
      },
      {
        action: 'ec2:RunInstances',
        resource: '*',
        context: { 'aws:RequestedRegion': 'us-east-1' },
        expect: 'explicit-deny',
        deciding: ['Region'],
      },
      {
        action: 'iam:CreateRole',
        resource: '*',
        context: { 'aws:RequestedRegion': 'us-east-1' },
        expect: 'allow',
        deciding: ['All'],
      },
    ],
  },
];
