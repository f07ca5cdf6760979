/** Parser and validator: bad input, unsupported constructs, advice, size and depth. */
import { diagnosticKind, isUnsupportedCode, renderDiagnostic } from '../../src/core/diagnostic.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkPolicyType,
  evaluate,
  hasErrors,
  inferPolicyType,
  MAX_DIAGNOSTICS,
  parsePolicy,
  policyDiagnosticKind,
  policyFromValue,
  jsonLocationOf,
  type PolicyDiagnostic,
} from '../../src/policy/index.js';

const V = '2012-10-17';
const okStatement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

function diagnosticsOf(value: unknown): PolicyDiagnostic[] {
  return [...parsePolicy(JSON.stringify(value, null, 2)).diagnostics];
}

/** The (code, path) pairs of a policy's diagnostics of the given severities. */
function problems(value: unknown, severities: readonly string[] = ['error']): string[] {
  return diagnosticsOf(value)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${d.code} @ ${jsonLocationOf(d).jsonPath}`);
}

const withStatement = (statement: Record<string, unknown>) => ({
  Version: V,
  Statement: [statement],
});
const withCondition = (condition: unknown) =>
  withStatement({ ...okStatement, Condition: condition });

describe('parsePolicy: bad input', () => {
  it('invalid JSON: one diagnostic with line and column, no policy', () => {
    const r = parsePolicy(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}',
      'p.json',
    );
    assert.equal(r.policy, undefined);
    assert.equal(r.diagnostics.length, 1);
    const [d] = r.diagnostics;
    assert.equal(d.code, 'invalid-json');
    assert.equal(d.severity, 'error');
    assert.deepEqual([jsonLocationOf(d).line, jsonLocationOf(d).col], [4, 24]);
    assert.equal(
      renderDiagnostic(d),
      'p.json:4:24: error: invalid JSON: expected a key string [invalid-json]',
    );
  });

  it('a document that is no object', () => {
    for (const text of ['[]', '"policy"', '42', 'null']) {
      const r = parsePolicy(text);
      assert.equal(r.policy, undefined);
      assert.deepEqual(
        r.diagnostics.map((d) => d.code),
        ['wrong-type'],
      );
    }
  });

  it('unknown top-level fields, with suggestions; a missing Statement', () => {
    const ds = diagnosticsOf({ Version: V, Statment: [okStatement] });
    assert.deepEqual(
      ds.filter((d) => d.severity === 'error').map((d) => [d.code, jsonLocationOf(d).jsonPath]),
      [
        ['unknown-field', 'Statment'],
        ['missing-field', ''],
      ],
    );
    assert.match(ds[0].message, /did you mean Statement\?/);
    assert.deepEqual([jsonLocationOf(ds[0]).line, jsonLocationOf(ds[0]).col], [3, 3]);
  });

  it('empty and mistyped Statement', () => {
    assert.deepEqual(problems({ Version: V, Statement: [] }), ['empty-statement @ Statement']);
    assert.deepEqual(problems({ Version: V, Statement: 'Allow everything' }), [
      'wrong-type @ Statement',
    ]);
    assert.deepEqual(problems({ Version: V, Statement: [okStatement, 7, null] }), [
      'wrong-type @ Statement[1]',
      'wrong-type @ Statement[2]',
    ]);
    assert.equal(
      parsePolicy(JSON.stringify({ Version: V, Statement: [okStatement, 7] })).policy?.statements
        .length,
      1,
    );
  });

  it('Version, Id and Sid types', () => {
    assert.deepEqual(problems({ Version: '2012-10-18', Statement: [okStatement] }), [
      'invalid-version @ Version',
    ]);
    assert.deepEqual(problems({ Version: 2012, Statement: [okStatement] }), [
      'invalid-version @ Version',
    ]);
    assert.deepEqual(problems({ Version: V, Id: 5, Statement: [{ ...okStatement, Sid: ['x'] }] }), [
      'wrong-type @ Id',
      'wrong-type @ Statement[0].Sid',
    ]);
  });

  it('statement fields: unknown, missing Effect, bad Effect, conflicting pairs', () => {
    assert.deepEqual(problems(withStatement({ ...okStatement, Resources: '*' })), [
      'unknown-field @ Statement[0].Resources',
    ]);
    assert.deepEqual(problems(withStatement({ Action: '*', Resource: '*' })), [
      'missing-field @ Statement[0]',
    ]);
    const bad = diagnosticsOf(withStatement({ ...okStatement, Effect: 'allow' }));
    assert.equal(bad[0].code, 'invalid-effect');
    assert.match(bad[0].message, /did you mean Allow\?/);
    assert.deepEqual(problems(withStatement({ ...okStatement, NotAction: 's3:PutObject' })), [
      'conflicting-fields @ Statement[0].NotAction',
    ]);
    assert.deepEqual(problems(withStatement({ ...okStatement, NotResource: 'arn:aws:s3:::x' })), [
      'conflicting-fields @ Statement[0].NotResource',
    ]);
    assert.deepEqual(
      problems(withStatement({ ...okStatement, Principal: '*', NotPrincipal: '*' })),
      ['conflicting-fields @ Statement[0].NotPrincipal'],
    );
    assert.deepEqual(problems(withStatement({ Effect: 'Deny', Resource: '*' })), [
      'missing-field @ Statement[0]',
    ]);
  });

  it('Action values', () => {
    assert.deepEqual(problems(withStatement({ ...okStatement, Action: 5 })), [
      'wrong-type @ Statement[0].Action',
    ]);
    assert.deepEqual(problems(withStatement({ ...okStatement, Action: [] })), [
      'empty-value @ Statement[0].Action',
    ]);
    assert.deepEqual(
      problems(withStatement({ ...okStatement, Action: ['s3', 's3:', ':Get', 's3:Get*', '*'] })),
      [
        'invalid-action @ Statement[0].Action[0]',
        'invalid-action @ Statement[0].Action[1]',
        'invalid-action @ Statement[0].Action[2]',
      ],
    );
    assert.deepEqual(problems(withStatement({ ...okStatement, Action: ['s3:Get', true] })), [
      'wrong-type @ Statement[0].Action[1]',
    ]);
  });

  it('Principal values', () => {
    const p = (principal: unknown) =>
      problems(withStatement({ ...okStatement, Principal: principal }));
    assert.deepEqual(p('arn:aws:iam::111122223333:root'), [
      'invalid-principal @ Statement[0].Principal',
    ]);
    assert.deepEqual(p(['*']), ['wrong-type @ Statement[0].Principal']);
    assert.deepEqual(p({}), ['empty-value @ Statement[0].Principal']);
    assert.deepEqual(p({ aws: '*' }), ['unknown-principal-type @ Statement[0].Principal.aws']);
    assert.match(
      diagnosticsOf(withStatement({ ...okStatement, Principal: { aws: '*' } }))[0].message,
      /did you mean AWS\?/,
    );
    assert.deepEqual(p({ AWS: 'arn:aws:iam::111122223333:user/*' }), [
      'invalid-principal @ Statement[0].Principal.AWS',
    ]);
    assert.deepEqual(p({ AWS: ['123', 'bob'] }), [
      'invalid-principal @ Statement[0].Principal.AWS[0]',
      'invalid-principal @ Statement[0].Principal.AWS[1]',
    ]);
    assert.deepEqual(p({ Service: 'ec2.*' }), [
      'invalid-principal @ Statement[0].Principal.Service',
    ]);
    assert.deepEqual(p({ AWS: [], Service: 'ec2.amazonaws.com' }), [
      'empty-value @ Statement[0].Principal.AWS',
    ]);
  });

  it('condition operators: unknown names, set qualifiers and IfExists combinations', () => {
    const policy = {
      Version: V,
      Statement: [
        okStatement,
        okStatement,
        { ...okStatement, Condition: { StringLikee: { 's3:prefix': 'a' } } },
      ],
    };
    const ds = diagnosticsOf(policy);
    assert.deepEqual(
      ds.map((d) => [
        d.code,
        jsonLocationOf(d).jsonPath,
        jsonLocationOf(d).line,
        jsonLocationOf(d).col,
      ]),
      [['unknown-operator', 'Statement[2].Condition.StringLikee', 19, 9]],
    );
    assert.match(ds[0].message, /did you mean StringLike\?/);
    const c = (condition: unknown) => problems(withCondition(condition));
    assert.deepEqual(c({ 'ForAnyValues:StringLike': { k: 'v' } }), [
      'unknown-operator @ Statement[0].Condition.ForAnyValues:StringLike',
    ]);
    assert.match(
      diagnosticsOf(withCondition({ 'ForAnyValues:StringLike': { k: 'v' } }))[0].message,
      /did you mean ForAnyValue\?/,
    );
    assert.deepEqual(c({ 'ForAllValues:ForAnyValue:StringLike': { k: 'v' } }), [
      'unknown-operator @ Statement[0].Condition.ForAllValues:ForAnyValue:StringLike',
    ]);
    assert.deepEqual(c({ NullIfExists: { k: 'true' } }), [
      'invalid-operator-combination @ Statement[0].Condition.NullIfExists',
    ]);
    assert.deepEqual(c({ 'ForAllValues:Null': { k: 'true' } }), [
      'invalid-operator-combination @ Statement[0].Condition.ForAllValues:Null',
    ]);
    assert.match(
      diagnosticsOf(withCondition({ StringEqualsIfExist: { k: 'v' } }))[0].message,
      /did you mean StringEqualsIfExists\?/,
    );
    assert.match(
      diagnosticsOf(withCondition({ stringequals: { k: 'v' } }))[0].message,
      /did you mean StringEquals\?/,
    );
    assert.deepEqual(
      c({
        'ForAnyValue:StringNotLikeIfExists': { k: 'v' },
        'ForAllValues:ArnLike': { k: 'arn:*:*:*:*:*' },
      }),
      [],
    );
  });

  it('condition blocks and values of the wrong shape', () => {
    const c = (condition: unknown) => problems(withCondition(condition));
    assert.deepEqual(c('aws:SecureTransport'), ['wrong-type @ Statement[0].Condition']);
    assert.deepEqual(c({ StringEquals: 'x' }), [
      'wrong-type @ Statement[0].Condition.StringEquals',
    ]);
    assert.deepEqual(c({ StringEquals: {} }), [
      'empty-value @ Statement[0].Condition.StringEquals',
    ]);
    assert.deepEqual(c({ StringEquals: { k: null } }), [
      'wrong-type @ Statement[0].Condition.StringEquals.k',
    ]);
    assert.deepEqual(c({ StringEquals: { k: { v: 1 } } }), [
      'wrong-type @ Statement[0].Condition.StringEquals.k',
    ]);
    assert.deepEqual(c({ StringEquals: { k: [] } }), [
      'empty-value @ Statement[0].Condition.StringEquals.k',
    ]);
    assert.deepEqual(c({ StringEquals: { k: ['a', ['b']] } }), [
      'wrong-type @ Statement[0].Condition.StringEquals.k[1]',
    ]);
    assert.deepEqual(c({ StringEquals: { k: [1, true, 'x'] } }), []);
  });

  it('malformed values for their operator', () => {
    const c = (condition: unknown) => problems(withCondition(condition));
    assert.deepEqual(
      c({
        IpAddress: {
          'aws:SourceIp': ['10.0.0.256/8', '10.0.0.0/33', '::1::', '1.2.3.4/8', 'fe80::/10'],
        },
      }),
      [
        'invalid-ip @ Statement[0].Condition.IpAddress.aws:SourceIp[0]',
        'invalid-ip @ Statement[0].Condition.IpAddress.aws:SourceIp[1]',
        'invalid-ip @ Statement[0].Condition.IpAddress.aws:SourceIp[2]',
      ],
    );
    assert.deepEqual(c({ NotIpAddress: { 'aws:SourceIp': '2001:db8::/129' } }), [
      'invalid-ip @ Statement[0].Condition.NotIpAddress.aws:SourceIp',
    ]);
    assert.deepEqual(
      c({
        DateLessThan: {
          'aws:CurrentTime': ['2024-13-01', 'tomorrow', '2023-02-29', '2024-02-29', 1700000000],
        },
      }),
      [
        'invalid-date @ Statement[0].Condition.DateLessThan.aws:CurrentTime[0]',
        'invalid-date @ Statement[0].Condition.DateLessThan.aws:CurrentTime[1]',
        'invalid-date @ Statement[0].Condition.DateLessThan.aws:CurrentTime[2]',
      ],
    );
    assert.deepEqual(c({ NumericEquals: { n: ['ten', '1,000', 12, '-0.5', '1e3'] } }), [
      'invalid-number @ Statement[0].Condition.NumericEquals.n[0]',
      'invalid-number @ Statement[0].Condition.NumericEquals.n[1]',
    ]);
    const variable = diagnosticsOf(withCondition({ NumericLessThan: { n: '${aws:x}' } }));
    assert.match(variable[0].message, /policy variables are not allowed with NumericLessThan/);
    assert.deepEqual(c({ Bool: { b: ['yes', 'TRUE', false, '${aws:flag}'] } }), [
      'invalid-bool @ Statement[0].Condition.Bool.b[0]',
    ]);
    assert.deepEqual(c({ Null: { k: ['maybe', 'true'] } }), [
      'invalid-null-value @ Statement[0].Condition.Null.k[0]',
    ]);
    assert.deepEqual(c({ BinaryEquals: { k: ['abc', 'QUJD', 'QQ=='] } }), [
      'invalid-binary @ Statement[0].Condition.BinaryEquals.k[0]',
    ]);
  });

  it('malformed policy variables', () => {
    const r = (resource: string) => problems(withStatement({ ...okStatement, Resource: resource }));
    assert.deepEqual(r('arn:aws:s3:::b/${aws:username'), [
      'invalid-variable @ Statement[0].Resource',
    ]);
    assert.deepEqual(r('arn:aws:s3:::b/${}'), ['invalid-variable @ Statement[0].Resource']);
    assert.deepEqual(r('arn:aws:s3:::b/${username}'), ['invalid-variable @ Statement[0].Resource']);
    assert.deepEqual(r('arn:aws:s3:::b/${aws:username, anonymous}'), [
      'invalid-variable @ Statement[0].Resource',
    ]);
    assert.deepEqual(
      r("arn:aws:s3:::b/${aws:username, 'anon'}/${*}${?}${$}/${aws:PrincipalTag/cost center}"),
      [],
    );
    assert.deepEqual(problems(withCondition({ StringLike: { k: ['${aws:a}${', 'ok'] } })), [
      'invalid-variable @ Statement[0].Condition.StringLike.k[0]',
    ]);
  });

  it('duplicate keys are errors: a second StringEquals block would be dropped silently', () => {
    const text = `{"Version": "${V}", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
      "Condition": {"StringEquals": {"a": "1"}, "StringEquals": {"b": "2"}}}]}`;
    const ds = parsePolicy(text).diagnostics;
    assert.deepEqual(
      ds.map((d) => [
        d.code,
        jsonLocationOf(d).jsonPath,
        jsonLocationOf(d).line,
        jsonLocationOf(d).col,
      ]),
      [['duplicate-key', 'Statement[0].Condition.StringEquals', 2, 49]],
    );
  });

  it('unsupported: unique principal ids', () => {
    const ds = diagnosticsOf(
      withStatement({ ...okStatement, Principal: { AWS: 'AIDAJQABLZS4A3QDU576Q' } }),
    );
    assert.deepEqual(
      ds.map((d) => [d.code, policyDiagnosticKind(d.code), d.severity]),
      [['unsupported-principal', 'unsupported', 'error']],
    );
    assert.equal(isUnsupportedCode(ds[0].code), true);
  });

  it('every statement problem is reported, even in statements left out of the model', () => {
    const r = parsePolicy(
      JSON.stringify({
        Version: V,
        Statement: [{ Effect: 'Permit', Action: 's3', Condition: { Foo: {} } }, okStatement],
      }),
    );
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
      ['invalid-effect', 'invalid-action', 'unknown-operator'],
    );
    assert.equal(r.policy?.statements.length, 1);
    assert.equal(r.policy?.statements[0].jsonPath, 'Statement[1]');
  });
});

describe('parsePolicy: advice (valid policies)', () => {
  const advice = (value: unknown) => problems(value, ['warning', 'note']);

  it('a missing Version; variables written in a version that has none', () => {
    assert.deepEqual(
      advice({ Statement: [{ ...okStatement, Resource: 'arn:aws:s3:::b/${aws:username}' }] }),
      ['missing-version @ ', 'variables-disabled @ Statement[0].Resource'],
    );
    assert.deepEqual(advice({ Version: '2008-10-17', Statement: [okStatement] }), []);
  });

  it('NotPrincipal with Allow, non-ARN resources, malformed ARN patterns, early variables, duplicate Sids, no Resource', () => {
    assert.deepEqual(
      advice({
        Version: V,
        Statement: [
          {
            Sid: 'A',
            Effect: 'Allow',
            NotPrincipal: { AWS: '111122223333' },
            Action: 's3:*',
            Resource: 'bucket/*',
          },
          {
            Sid: 'A',
            ...okStatement,
            Condition: { ArnLike: { 'aws:SourceArn': ['arn:aws:s3', 'arn:aws:s3:::b'] } },
          },
          { ...okStatement, Resource: 'arn:aws:s3:${aws:region}::b' },
          {
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
      [
        'not-principal-with-allow @ Statement[0].NotPrincipal',
        'resource-not-arn @ Statement[0].Resource',
        'arn-pattern-malformed @ Statement[1].Condition.ArnLike.aws:SourceArn[0]',
        'duplicate-sid @ Statement[1].Sid',
        'variable-outside-resource-part @ Statement[2].Resource',
        'no-resource @ Statement[3]',
      ],
    );
  });

  it('advice never counts as an error', () => {
    const ds = diagnosticsOf({ Statement: [{ Effect: 'Allow', NotPrincipal: '*', Action: '*' }] });
    assert.ok(ds.length > 0);
    assert.equal(hasErrors(ds), false);
    assert.ok(ds.every((d) => policyDiagnosticKind(d.code) === 'advice'));
    assert.equal(diagnosticKind(ds[0].code), 'advice');
  });
});

describe('policy types', () => {
  it('infers identity vs resource from Principal, and checks each', () => {
    const identity = parsePolicy(JSON.stringify({ Version: V, Statement: [okStatement] })).policy;
    const resource = parsePolicy(
      JSON.stringify({ Version: V, Statement: [{ ...okStatement, Principal: '*' }, okStatement] }),
    ).policy;
    assert.ok(identity && resource);
    assert.equal(inferPolicyType(identity), 'identity');
    assert.equal(inferPolicyType(resource), 'resource');
    assert.deepEqual(checkPolicyType(identity, 'identity'), []);
    assert.deepEqual(
      checkPolicyType(resource, 'resource').map((d) => [d.code, jsonLocationOf(d).jsonPath]),
      [['missing-principal', 'Statement[1]']],
    );
    assert.deepEqual(
      checkPolicyType(resource, 'identity').map((d) => [d.code, jsonLocationOf(d).jsonPath]),
      [['principal-in-identity-policy', 'Statement[0]']],
    );
  });
});

describe('parsePolicy: size and depth', () => {
  it('reads a generated 10 MB policy and evaluates against it', () => {
    const statements: unknown[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const s = {
        Sid: `S${i}`,
        Effect: i % 7 === 0 ? 'Deny' : 'Allow',
        Action: [`s3:Get${i}`, `ec2:Describe*${i % 13}`],
        Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:s3:::bucket-${i}`],
        Condition: {
          StringEquals: { 'aws:PrincipalTag/team': [`t${i}`, `u${i}`] },
          IpAddress: { 'aws:SourceIp': `10.${i % 256}.0.0/16` },
        },
      };
      statements.push(s);
      size += JSON.stringify(s).length + 1;
    }
    const text = JSON.stringify({ Version: V, Statement: statements });
    assert.ok(text.length >= 10 * 1024 * 1024);
    const started = Date.now();
    const r = parsePolicy(text);
    const elapsed = Date.now() - started;
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.policy?.statements.length, statements.length);
    assert.ok(elapsed < 30_000, `${elapsed} ms`);
    const last = statements.length - 1;
    const decision = evaluate([{ policy: r.policy!, type: 'identity' }], {
      principal: { kind: 'aws', arn: 'arn:aws:iam::111122223333:user/u' },
      action: `s3:Get${last}`,
      resource: `arn:aws:s3:::bucket-${last}/k`,
      context: { 'aws:PrincipalTag/team': `u${last}`, 'aws:SourceIp': `10.${last % 256}.9.9` },
    });
    assert.equal(decision.decision, last % 7 === 0 ? 'explicit-deny' : 'allow');
  });

  it('deeply nested values are wrong types, not stack overflows', () => {
    const deep = '['.repeat(200_000) + '"x"' + ']'.repeat(200_000);
    const text = `{"Version": "${V}", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"k": ${deep}}}}]}`;
    assert.deepEqual(
      parsePolicy(text).diagnostics.map((d) => [d.code, jsonLocationOf(d).jsonPath]),
      [['wrong-type', 'Statement[0].Condition.StringEquals.k[0]']],
    );
    assert.deepEqual(
      parsePolicy(deep).diagnostics.map((d) => d.code),
      ['wrong-type'],
    );
    const nestedStatement = `{"Version": "${V}", "Statement": ${deep}}`;
    assert.deepEqual(
      parsePolicy(nestedStatement).diagnostics.map((d) => [d.code, jsonLocationOf(d).jsonPath]),
      [['wrong-type', 'Statement[0]']],
    );
  });

  it(`keeps at most ${MAX_DIAGNOSTICS} diagnostics and says how many were left out`, () => {
    const statements = Array.from({ length: 3000 }, () => ({ Effect: 'Maybe', Action: '*' }));
    const ds = diagnosticsOf({ Version: V, Statement: statements });
    assert.equal(ds.length, MAX_DIAGNOSTICS + 1);
    assert.equal(ds[ds.length - 1].code, 'diagnostics-truncated');
    assert.match(ds[ds.length - 1].message, /^5000 more diagnostics not shown/);
  });
});

describe('parsePolicy never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parsePolicy(text);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON values shaped like policies', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const anything = fc.oneof(
      scalar,
      fc.array(scalar),
      fc.dictionary(fc.string(), scalar),
      fc.jsonValue(),
    );
    const statement = fc.dictionary(
      fc.constantFrom(
        'Sid',
        'Effect',
        'Principal',
        'NotPrincipal',
        'Action',
        'NotAction',
        'Resource',
        'NotResource',
        'Condition',
        'Other',
      ),
      anything,
    );
    const policy = fc.record({
      Version: fc.oneof(fc.constant(V), anything),
      Statement: fc.oneof(statement, fc.array(statement), anything),
    });
    fc.assert(
      fc.property(policy, (value) => {
        const r = policyFromValue(value);
        if (r.policy)
          evaluate([{ policy: r.policy, type: 'resource' }], {
            principal: { kind: 'anonymous' },
            action: 'a:b',
            resource: '*',
          });
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkPolicyType: Id', () => {
  it('an Id in an identity-based policy is advice', () => {
    const policy = parsePolicy(
      JSON.stringify({ Version: V, Id: 'x', Statement: [okStatement] }),
    ).policy;
    assert.ok(policy);
    const ds = checkPolicyType(policy, 'identity');
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity]),
      [['id-in-identity-policy', 'warning']],
    );
    assert.equal(hasErrors(ds), false);
  });
});

describe('principal account ids', () => {
  it('must have 12 digits; the entry is kept for lenient callers', () => {
    const r = parsePolicy(
      JSON.stringify(
        withStatement({
          ...okStatement,
          Principal: {
            AWS: ['arn:aws:iam::12345667789012:root', 'arn:aws:iam::99999999999:role/r'],
          },
        }),
      ),
    );
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, jsonLocationOf(d).jsonPath]),
      [
        ['invalid-principal', 'Statement[0].Principal.AWS[0]'],
        ['invalid-principal', 'Statement[0].Principal.AWS[1]'],
      ],
    );
    assert.deepEqual(r.policy?.statements[0].principal?.entries, [
      { kind: 'account', account: '12345667789012' },
      { kind: 'aws-arn', arn: 'arn:aws:iam::99999999999:role/r' },
    ]);
  });
});
