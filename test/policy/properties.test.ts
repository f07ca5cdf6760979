/** Property-based tests of the concrete evaluator on random small policies and requests. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  conditionHolds,
  evaluate,
  hasErrors,
  parseOperator,
  policyFromValue,
  requestContext,
  type AccessRequest,
  type ConditionEntry,
  type Decision,
  type Policy,
  type PolicyInput,
  type RequestPrincipal,
} from '../../src/policy/index.js';
import { cidrContains, formatIp, parseCidr, parseIp } from '../../src/core/ip.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { matchPattern, type PatternToken } from '../../src/policy/wildcard.js';

const ACCOUNT = '111122223333';
const KEYS = ['test:k1', 'test:k2', 'aws:username'];
const VALUES = ['a', 'b', 'ab', 'A', '10', '10.0.0.1', 'arn:aws:s3:::b'];

const actionPattern = fc.constantFrom(
  '*',
  's3:*',
  's3:Get*',
  's3:*Object',
  'ec2:?unInstances',
  's3:GetObject',
  'iam:PassRole',
);
const resourcePattern = fc.constantFrom(
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/a*',
  'arn:aws:s3:::c',
  'arn:aws:s3:::b/${aws:username}/*',
  "arn:aws:s3:::b/${test:k1, 'a'}",
);
const principalValue = fc.constantFrom<unknown>(
  '*',
  { AWS: ACCOUNT },
  { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/R` },
  { Service: 'ec2.amazonaws.com' },
);
const operatorName = fc.constantFrom(
  'StringEquals',
  'StringNotEquals',
  'StringLike',
  'StringNotLikeIfExists',
  'StringEqualsIgnoreCase',
  'ForAllValues:StringEquals',
  'ForAnyValue:StringLike',
  'NumericLessThan',
  'IpAddress',
  'NotIpAddress',
  'Null',
  'ArnLike',
);
function valuesFor(op: string): fc.Arbitrary<string[]> {
  if (op === 'Null') return fc.constantFrom(['true'], ['false']);
  if (op.includes('Numeric'))
    return fc.array(fc.constantFrom('5', '10', '10.5'), { minLength: 1, maxLength: 2 });
  if (op.includes('Ip'))
    return fc.array(fc.constantFrom('10.0.0.0/8', '10.0.0.1', '::/0'), {
      minLength: 1,
      maxLength: 2,
    });
  if (op.includes('Arn'))
    return fc.array(fc.constantFrom('arn:aws:s3:::*', 'arn:*:*:*:*:*'), {
      minLength: 1,
      maxLength: 2,
    });
  return fc.array(fc.constantFrom('a', 'b', 'a*', '?', '${aws:username}'), {
    minLength: 1,
    maxLength: 3,
  });
}
const conditionBlock = fc
  .array(
    operatorName.chain((op) => fc.tuple(fc.constant(op), fc.constantFrom(...KEYS), valuesFor(op))),
    { maxLength: 3 },
  )
  .map((entries) => {
    const block: Record<string, Record<string, string[]>> = {};
    for (const [op, key, values] of entries) (block[op] ??= {})[key] = values;
    return block;
  });

function statementArb(withPrincipal: boolean): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      effect: fc.constantFrom('Allow', 'Deny'),
      notAction: fc.boolean(),
      actions: fc.array(actionPattern, { minLength: 1, maxLength: 2 }),
      notResource: fc.boolean(),
      resources: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
      notPrincipal: fc.boolean(),
      principal: principalValue,
      condition: conditionBlock,
    })
    .map((s) => {
      const out: Record<string, unknown> = { Effect: s.effect };
      out[s.notAction ? 'NotAction' : 'Action'] = s.actions;
      out[s.notResource ? 'NotResource' : 'Resource'] = s.resources;
      if (withPrincipal) out[s.notPrincipal ? 'NotPrincipal' : 'Principal'] = s.principal;
      if (Object.keys(s.condition).length > 0) out.Condition = s.condition;
      return out;
    });
}

const policyDocument = fc.boolean().chain((resource) =>
  fc.record({
    type: fc.constant(resource ? ('resource' as const) : ('identity' as const)),
    statements: fc.array(statementArb(resource), { minLength: 1, maxLength: 4 }),
  }),
);

const requestPrincipal = fc.constantFrom<RequestPrincipal>(
  { kind: 'anonymous' },
  { kind: 'aws', arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { kind: 'aws', arn: `arn:aws:iam::${ACCOUNT}:user/bob` },
  { kind: 'aws', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/R/s` },
  { kind: 'aws', arn: 'arn:aws:iam::444455556666:user/alice' },
  { kind: 'service', name: 'ec2.amazonaws.com' },
);
const contextValue = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }),
);
const request: fc.Arbitrary<AccessRequest> = fc.record({
  principal: requestPrincipal,
  action: fc.constantFrom('s3:GetObject', 's3:PutObject', 'ec2:RunInstances', 'iam:PassRole'),
  resource: fc.constantFrom(
    'arn:aws:s3:::b/a1',
    'arn:aws:s3:::b/x/y',
    'arn:aws:s3:::c',
    'arn:aws:s3:::b/a',
    'arn:aws:ec2:us-east-1:1:instance/i',
  ),
  context: fc.dictionary(fc.constantFrom(...KEYS), contextValue, { maxKeys: 3 }),
});

function build(statements: readonly unknown[]): Policy {
  const r = policyFromValue({ Version: '2012-10-17', Statement: statements });
  assert.ok(r.policy && !hasErrors(r.diagnostics), JSON.stringify(r.diagnostics));
  return r.policy;
}

function decide(
  type: PolicyInput['type'],
  statements: readonly unknown[],
  req: AccessRequest,
): Decision {
  return evaluate([{ policy: build(statements), type }], req).decision;
}

describe('evaluator properties', () => {
  it('adding a Deny statement never turns a deny into an allow, and keeps explicit denies', () => {
    fc.assert(
      fc.property(
        policyDocument,
        fc.boolean().chain((p) => statementArb(p)),
        request,
        (doc, extra, req) => {
          if (doc.type === 'resource' && !('Principal' in extra || 'NotPrincipal' in extra))
            extra.Principal = '*';
          if (doc.type === 'identity') {
            delete extra.Principal;
            delete extra.NotPrincipal;
          }
          const deny = { ...extra, Effect: 'Deny' };
          const before = decide(doc.type, doc.statements, req);
          const after = decide(doc.type, [...doc.statements, deny], req);
          if (before !== 'allow') assert.notEqual(after, 'allow');
          if (before === 'explicit-deny') assert.equal(after, 'explicit-deny');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adding an Allow statement never turns an allow into a deny', () => {
    fc.assert(
      fc.property(policyDocument, request, (doc, req) => {
        const extra = doc.statements.find(() => true);
        const allow = { ...extra, Effect: 'Allow' };
        const before = decide(doc.type, doc.statements, req);
        const after = decide(doc.type, [allow, ...doc.statements], req);
        if (before === 'allow') assert.equal(after, 'allow');
        if (before === 'explicit-deny') assert.equal(after, 'explicit-deny');
      }),
      { numRuns: 300 },
    );
  });

  it('the order of statements does not matter, nor the case of the action', () => {
    fc.assert(
      fc.property(policyDocument, request, fc.nat(), (doc, req, seed) => {
        const shuffled = [...doc.statements];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seed + i * 7919) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const base = decide(doc.type, doc.statements, req);
        assert.equal(decide(doc.type, shuffled, req), base);
        assert.equal(
          decide(doc.type, doc.statements, { ...req, action: req.action.toUpperCase() }),
          base,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the policy text and the policy value give the same decisions', () => {
    fc.assert(
      fc.property(policyDocument, request, (doc, req) => {
        const value = { Version: '2012-10-17', Statement: doc.statements };
        const fromText = parsePolicy(JSON.stringify(value)).policy;
        assert.ok(fromText);
        assert.equal(
          evaluate([{ policy: fromText, type: doc.type }], req).decision,
          decide(doc.type, doc.statements, req),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('wildcard properties', () => {
  const token = fc.oneof(
    fc.string({ minLength: 1, maxLength: 3 }).map((text): PatternToken => ({ kind: 'text', text })),
    fc.constant<PatternToken>({ kind: 'any' }),
    fc.constant<PatternToken>({ kind: 'one' }),
  );
  it('a pattern matches every literal instantiation of itself', () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 8 }),
        fc.array(fc.string({ maxLength: 4 }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.string({ minLength: 1, maxLength: 1 }), { minLength: 8, maxLength: 8 }),
        (pattern, fills, chars) => {
          let k = 0;
          const subject = pattern
            .map((t) =>
              t.kind === 'text'
                ? t.text
                : t.kind === 'any'
                  ? fills[k++ % fills.length]
                  : chars[k++ % chars.length],
            )
            .join('');
          assert.ok(matchPattern(pattern, subject), JSON.stringify({ pattern, subject }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a wildcard-free pattern matches exactly its text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        assert.equal(matchPattern([{ kind: 'text', text: a }], b), a === b);
      }),
    );
  });
});

describe('condition properties', () => {
  const entry = (operator: string, key: string, values: string[]): ConditionEntry => {
    const r = policyFromValue({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { [operator]: { [key]: values } },
        },
      ],
    });
    assert.ok(r.policy && !hasErrors(r.diagnostics), operator);
    return r.policy.statements[0].conditions[0];
  };
  const pairs: [string, string, fc.Arbitrary<string>][] = [
    ['StringEquals', 'StringNotEquals', fc.constantFrom('a', 'b', 'A', '*', '')],
    ['StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', fc.constantFrom('a', 'b', 'A', 'Ab')],
    ['StringLike', 'StringNotLike', fc.constantFrom('a', 'b', 'a*', '?', '*b', '')],
    ['NumericEquals', 'NumericNotEquals', fc.constantFrom('1', '1.0', '2', '-1')],
    [
      'DateEquals',
      'DateNotEquals',
      fc.constantFrom('2024-01-01', '1704067200', '2024-01-01T00:00:01Z'),
    ],
    [
      'IpAddress',
      'NotIpAddress',
      fc.constantFrom('10.0.0.0/8', '10.0.0.1', '::/0', '2001:db8::/32'),
    ],
    [
      'ArnLike',
      'ArnNotLike',
      fc.constantFrom('arn:aws:s3:::*', 'arn:aws:*:*:*:x', 'arn:*:*:*:*:*'),
    ],
    ['ArnEquals', 'ArnNotEquals', fc.constantFrom('arn:aws:s3:::b', 'arn:aws:s3:::?')],
  ];
  const requestValues: Record<string, fc.Arbitrary<string>> = {
    String: fc.constantFrom('a', 'b', 'A', 'ab', '*', ''),
    Numeric: fc.constantFrom('1', '1.00', '2', '-1'),
    Date: fc.constantFrom('2024-01-01T00:00:00Z', '1704067201', '2023-12-31'),
    Ip: fc.constantFrom('10.0.0.1', '10.9.9.9', '2001:db8::1', '192.0.2.1'),
    Arn: fc.constantFrom('arn:aws:s3:::b', 'arn:aws:s3:::c', 'arn:aws:sqs:us-east-1:1:x'),
  };
  const family = (op: string) =>
    op.startsWith('IpAddress')
      ? 'Ip'
      : (Object.keys(requestValues).find((f) => op.startsWith(f)) ?? 'String');

  for (const [positive, negated, policyValue] of pairs) {
    it(`${negated} is the complement of ${positive} when the key is present`, () => {
      const reqValue = requestValues[family(positive)];
      fc.assert(
        fc.property(
          fc.array(policyValue, { minLength: 1, maxLength: 3 }),
          fc.oneof(reqValue, fc.array(reqValue, { minLength: 1, maxLength: 3 })),
          (values, given) => {
            const context = requestContext({ k: given });
            assert.equal(
              conditionHolds(entry(negated, 'k', values), context),
              !conditionHolds(entry(positive, 'k', values), context),
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('…IfExists agrees with the plain operator when the key is present, and holds when absent', () => {
    for (const [positive, negated, policyValue] of pairs) {
      const reqValue = requestValues[family(positive)];
      for (const op of [positive, negated])
        fc.assert(
          fc.property(
            fc.array(policyValue, { minLength: 1, maxLength: 2 }),
            reqValue,
            (values, given) => {
              const withKey = requestContext({ k: given });
              const ifExists = entry(`${op}IfExists`, 'k', values);
              assert.equal(
                conditionHolds(ifExists, withKey),
                conditionHolds(entry(op, 'k', values), withKey),
              );
              assert.equal(conditionHolds(ifExists, requestContext({})), true);
            },
          ),
          { numRuns: 30 },
        );
    }
  });

  it('ForAllValues of a negated operator is the negation of ForAnyValue of the positive one on non-empty sets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'a*'), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'ab'), { minLength: 1, maxLength: 4 }),
        (values, given) => {
          const context = requestContext({ k: given });
          assert.equal(
            conditionHolds(entry('ForAllValues:StringNotLike', 'k', values), context),
            !conditionHolds(entry('ForAnyValue:StringLike', 'k', values), context),
          );
        },
      ),
    );
  });

  it('missing keys: negated operators hold, positive ones fail, ForAllValues holds, ForAnyValue fails', () => {
    const absent = requestContext({});
    for (const name of [
      'StringEquals',
      'StringNotEquals',
      'NumericLessThan',
      'NumericNotEquals',
      'DateNotEquals',
      'Bool',
      'BinaryEquals',
      'IpAddress',
      'NotIpAddress',
      'ArnLike',
      'ArnNotLike',
      'ForAllValues:StringEquals',
      'ForAnyValue:StringNotEquals',
      'StringEqualsIfExists',
    ]) {
      const op = parseOperator(name);
      assert.ok(op.ok);
      const expected =
        op.operator.set === 'ForAllValues' ||
        op.operator.ifExists ||
        (op.operator.set === undefined && op.operator.negated);
      const values = name.includes('Ip')
        ? ['10.0.0.0/8']
        : name.includes('Numeric')
          ? ['1']
          : name.includes('Date')
            ? ['2024-01-01']
            : name === 'Bool'
              ? ['true']
              : name.includes('Binary')
                ? ['QQ==']
                : name.includes('Arn')
                  ? ['arn:aws:s3:::b']
                  : ['x'];
      assert.equal(conditionHolds(entry(name, 'k', values), absent), expected, name);
    }
  });
});

describe('ip properties', () => {
  const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
  const v6 = fc
    .array(fc.nat(0xffff), { minLength: 8, maxLength: 8 })
    .map((g) => g.map((x) => x.toString(16)).join(':'));
  it('an address lies in every prefix of itself, and formats back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(v4, v6), fc.nat(128), (text, n) => {
        const address = parseIp(text);
        assert.ok(address);
        const width = address.family === 4 ? 32 : 128;
        const cidr = parseCidr(`${text}/${n % (width + 1)}`);
        assert.ok(cidr);
        assert.ok(cidrContains(cidr, address));
        assert.deepEqual(parseIp(formatIp(address)), address);
      }),
    );
  });
});
