/** Unit tests of the per-concern modules: wildcards, ARNs, IP ranges, scalars, variables, operators, requests. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  matchArnPattern,
  parsePrincipalArn,
  splitArn,
  splitPatternComponents,
} from '../../src/policy/arn.js';
import { cidrContains, formatCidr, formatIp, parseCidr, parseIp } from '../../src/core/ip.js';
import { parseOperator } from '../../src/policy/operators.js';
import { requestContext, withPrincipalKeys } from '../../src/policy/request.js';
import {
  compareDecimal,
  parseBase64,
  parseBool,
  parseDate,
  parseDecimal,
} from '../../src/policy/scalars.js';
import {
  parseTemplate,
  resolvedPattern,
  resolvedText,
  resolveTemplate,
  templateSource,
} from '../../src/policy/variables.js';
import { matchPattern, matchWildcard, wildcardPattern } from '../../src/policy/wildcard.js';

describe('wildcard', () => {
  it('matches * and ? anywhere', () => {
    const cases: [string, string, boolean][] = [
      ['*', '', true],
      ['*', 'a:b/c', true],
      ['?', '', false],
      ['?', 'x', true],
      ['a*b*c', 'abc', true],
      ['a*b*c', 'aXbYbZc', true],
      ['a*b*c', 'aXbYbZ', false],
      ['*.csv', 'x.csv.gz', false],
      ['**a', 'a', true],
      ['a?c', 'abc', true],
      ['a?c', 'ac', false],
      ['abc', 'ABC', false],
      ['😀?', '😀😀', true],
      ['?', '😀', true],
    ];
    for (const [p, s, expected] of cases)
      assert.equal(matchWildcard(p, s), expected, `${p} ~ ${s}`);
  });

  it('literal tokens keep * and ? literal', () => {
    const pattern = [{ kind: 'text', text: 'a*' } as const, { kind: 'any' } as const];
    assert.equal(matchPattern(pattern, 'a*xyz'), true);
    assert.equal(matchPattern(pattern, 'abxyz'), false);
  });

  it('is fast on adversarial patterns', () => {
    const pattern = wildcardPattern('*a'.repeat(50) + 'b');
    const started = Date.now();
    assert.equal(matchPattern(pattern, 'a'.repeat(5000)), false);
    assert.ok(Date.now() - started < 2000);
  });
});

describe('arn', () => {
  it('splits ARNs into six components, the last keeping colons', () => {
    assert.deepEqual(splitArn('arn:aws:lambda:us-east-1:111122223333:function:f:prod'), {
      partition: 'aws',
      service: 'lambda',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'function:f:prod',
    });
    assert.equal(splitArn('arn:aws:s3:::bucket')?.resource, 'bucket');
    assert.equal(splitArn('arn:aws:s3'), undefined);
    assert.equal(splitArn('nra:aws:s3:::b'), undefined);
  });

  it('ArnLike matches component by component', () => {
    const p = (s: string) => wildcardPattern(s);
    assert.equal(matchArnPattern(p('arn:aws:s3:::*'), 'arn:aws:s3:::b/k:x'), true);
    assert.equal(matchArnPattern(p('arn:*:*:*:*:*'), 'arn:aws:s3:::b'), true);
    assert.equal(
      matchArnPattern(p('arn:aws:*:*:111122223333:*'), 'arn:aws:sqs:us-east-1:111122223333:q'),
      true,
    );
    assert.equal(
      matchArnPattern(p('arn:aws:*:111122223333:*'), 'arn:aws:sqs:us-east-1:111122223333:q'),
      false,
    );
    assert.equal(matchArnPattern(p('*'), 'arn:aws:s3:::b'), false);
    assert.equal(matchArnPattern(p('arn:aws:s3:::b'), 'arn:aws:s3'), false);
    assert.equal(splitPatternComponents(p('arn:aws:s3')), undefined);
  });

  it('reads principal ARNs', () => {
    assert.equal(parsePrincipalArn('arn:aws:iam::111122223333:root')?.kind, 'root');
    assert.equal(parsePrincipalArn('arn:aws:iam::111122223333:user/a/b')?.kind, 'user');
    assert.equal(parsePrincipalArn('arn:aws:iam::111122223333:role/x')?.kind, 'role');
    assert.deepEqual(parsePrincipalArn('arn:aws-cn:sts::111122223333:assumed-role/R/s'), {
      arn: 'arn:aws-cn:sts::111122223333:assumed-role/R/s',
      partition: 'aws-cn',
      account: '111122223333',
      kind: 'assumed-role',
      roleName: 'R',
    });
    assert.equal(
      parsePrincipalArn('arn:aws:sts::111122223333:federated-user/bob')?.kind,
      'federated-user',
    );
    assert.equal(parsePrincipalArn('arn:aws:s3:::b')?.kind, 'other');
    assert.equal(parsePrincipalArn('bob'), undefined);
  });
});

describe('ip', () => {
  it('parses IPv4 and IPv6 addresses', () => {
    assert.deepEqual(parseIp('10.0.0.1'), { family: 4, value: 0x0a000001n });
    assert.equal(parseIp('256.0.0.1'), undefined);
    assert.equal(parseIp('01.2.3.4'), undefined);
    assert.equal(parseIp('1.2.3'), undefined);
    assert.deepEqual(parseIp('::'), { family: 6, value: 0n });
    assert.deepEqual(parseIp('::1'), { family: 6, value: 1n });
    assert.equal(formatIp(parseIp('2001:DB8::8:800:200C:417A')!), '2001:db8:0:0:8:800:200c:417a');
    assert.equal(formatIp(parseIp('::ffff:192.0.2.1')!), '0:0:0:0:0:ffff:c000:201');
    assert.equal(formatIp(parseIp('1:2:3:4:5:6:7::')!), '1:2:3:4:5:6:7:0');
    for (const bad of [
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      ':1::',
      '1.2.3.4::',
      'fe80::1%eth0',
      'g::1',
      '1:2:3:4:5:6:7',
    ])
      assert.equal(parseIp(bad), undefined, bad);
  });

  it('parses CIDR ranges and tests containment', () => {
    const net = parseCidr('10.1.2.3/8')!;
    assert.equal(formatCidr(net), '10.0.0.0/8');
    assert.equal(cidrContains(net, parseIp('10.255.255.255')!), true);
    assert.equal(cidrContains(net, parseIp('11.0.0.0')!), false);
    assert.equal(formatCidr(parseCidr('203.0.113.9')!), '203.0.113.9/32');
    assert.equal(formatCidr(parseCidr('2001:db8::/32')!), '2001:db8:0:0:0:0:0:0/32');
    assert.equal(parseCidr('2001:db8::1')?.prefix, 128);
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('10.0.0.0/08'), undefined);
    assert.equal(parseCidr('10.0.0.0/'), undefined);
    assert.equal(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('::1')!), false);
  });
});

describe('scalars', () => {
  it('exact decimals', () => {
    const d = (s: string) => parseDecimal(s)!;
    assert.equal(compareDecimal(d('1.10'), d('1.1')), 0);
    assert.equal(compareDecimal(d('-0'), d('0.000')), 0);
    assert.equal(compareDecimal(d('1e3'), d('999.9999')), 1);
    assert.equal(compareDecimal(d('-2.5'), d('-2')), -1);
    assert.equal(compareDecimal(d('.5'), d('0.5')), 0);
    assert.equal(compareDecimal(d('5.'), d('5')), 0);
    assert.equal(compareDecimal(d('0.1000000000000000000001'), d('0.1')), 1);
    for (const bad of ['', ' 1', '1 ', '1,0', 'ten', '0x10', '1e', '.', '+', 'NaN', 'Infinity'])
      assert.equal(parseDecimal(bad), undefined, bad);
  });

  it('dates: W3C ISO 8601 forms and epoch seconds', () => {
    const base = Date.UTC(2024, 0, 1);
    assert.equal(parseDate('2024-01-01'), base);
    assert.equal(parseDate('2024-01-01T00:00Z'), base);
    assert.equal(parseDate('2024-01-01T00:00:00Z'), base);
    assert.equal(parseDate('2024-01-01T00:00:00.5Z'), base + 500);
    assert.equal(parseDate('2024-01-01T00:00:00.123456Z'), base + 123);
    assert.equal(parseDate('2024-01-01T01:30:00+01:30'), base);
    assert.equal(parseDate('2023-12-31T19:00:00-05:00'), base);
    assert.equal(parseDate('1704067200'), base);
    assert.equal(parseDate('-1'), -1000);
    assert.equal(parseDate('2024'), 2024000, 'digits are always epoch seconds, never a year');
    assert.equal(new Date(parseDate('0050-03-01')!).getUTCFullYear(), 50);
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-1-01',
      '2024-01-01T24:00:00Z',
      '2024-01-01T10:00:00',
      '2024-06',
      'now',
      '2024-01-01T10:00+25:00',
    ])
      assert.equal(parseDate(bad), undefined, bad);
  });

  it('booleans and base-64', () => {
    assert.equal(parseBool('TrUe'), true);
    assert.equal(parseBool('false'), false);
    assert.equal(parseBool('1'), undefined);
    assert.equal(parseBase64('QUJD'), '414243');
    assert.equal(parseBase64(''), '');
    assert.equal(parseBase64('QUI='), '4142');
    assert.equal(parseBase64('QUI'), undefined);
    assert.equal(parseBase64('QU I='), undefined);
  });
});

describe('variables', () => {
  const lookup = (values: Record<string, string>) => (key: string) => values[key.toLowerCase()];

  it('parses variables, defaults and escapes', () => {
    const { template, problems } = parseTemplate(
      "a/${aws:username}/${aws:userid, 'anon'}/${*}${?}${$}",
      true,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(template, [
      { kind: 'text', text: 'a/' },
      { kind: 'variable', key: 'aws:username', fallback: undefined },
      { kind: 'text', text: '/' },
      { kind: 'variable', key: 'aws:userid', fallback: 'anon' },
      { kind: 'text', text: '/' },
      { kind: 'escape', char: '*' },
      { kind: 'escape', char: '?' },
      { kind: 'escape', char: '$' },
    ]);
    assert.equal(templateSource(template), "a/${aws:username}/${aws:userid, 'anon'}/${*}${?}${$}");
  });

  it('is literal text when variables are disabled', () => {
    assert.deepEqual(parseTemplate('${aws:username}', false).template, [
      { kind: 'text', text: '${aws:username}' },
    ]);
  });

  it('resolves from the request, with defaults; unresolved is undefined', () => {
    const { template } = parseTemplate("x/${aws:username}/${aws:userid, 'anon'}", true);
    const resolved = resolveTemplate(template, lookup({ 'aws:username': 'al*ce' }));
    assert.ok(resolved);
    assert.equal(resolvedText(resolved), 'x/al*ce/anon');
    assert.equal(matchPattern(resolvedPattern(resolved), 'x/al*ce/anon'), true);
    assert.equal(matchPattern(resolvedPattern(resolved), 'x/alice/anon'), false);
    assert.equal(resolveTemplate(template, lookup({})), undefined);
  });

  it('reports malformed variables and keeps them literal', () => {
    const { template, problems } = parseTemplate('a${aws:x b}c${', true);
    assert.equal(problems.length, 1);
    assert.deepEqual(template, [
      { kind: 'text', text: 'a' },
      { kind: 'variable', key: 'aws:x b', fallback: undefined },
      { kind: 'text', text: 'c${' },
    ]);
    assert.equal(parseTemplate('${aws:}', true).problems.length, 1);
    assert.equal(parseTemplate('${:x}', true).problems.length, 1);
  });
});

describe('operators', () => {
  it('parses qualifiers, base operators and IfExists', () => {
    const r = parseOperator('ForAnyValue:StringNotLikeIfExists');
    assert.ok(r.ok);
    assert.deepEqual(r.operator, {
      text: 'ForAnyValue:StringNotLikeIfExists',
      base: 'StringNotLike',
      family: 'string',
      negated: true,
      set: 'ForAnyValue',
      ifExists: true,
    });
    const negated = [
      'StringNotEquals',
      'StringNotEqualsIgnoreCase',
      'StringNotLike',
      'NumericNotEquals',
      'DateNotEquals',
      'NotIpAddress',
      'ArnNotEquals',
      'ArnNotLike',
    ];
    for (const name of negated) {
      const p = parseOperator(name);
      assert.ok(p.ok && p.operator.negated, name);
    }
    for (const name of [
      'Null',
      'Bool',
      'BinaryEquals',
      'NumericLessThan',
      'DateGreaterThanEquals',
      'ArnLike',
    ]) {
      const p = parseOperator(name);
      assert.ok(p.ok && !p.operator.negated, name);
    }
    assert.equal(parseOperator('StringEqualsIfExistsIfExists').ok, false);
    assert.equal(parseOperator('IfExists').ok, false);
    assert.equal(parseOperator(':StringEquals').ok, false);
  });
});

describe('request', () => {
  it('looks keys up case-insensitively; empty lists are absent; lists are no variables', () => {
    const ctx = requestContext({ 'AWS:SourceIp': '1.2.3.4', 'aws:TagKeys': [], 'aws:list': ['a'] });
    assert.equal(ctx.get('aws:sourceip'), '1.2.3.4');
    assert.equal(ctx.get('aws:tagkeys'), undefined);
    assert.deepEqual(ctx.get('AWS:LIST'), ['a']);
    assert.equal(ctx.variable('aws:list'), undefined);
    assert.equal(ctx.variable('aws:SOURCEIP'), '1.2.3.4');
  });

  it('derives the principal keys without overriding given ones', () => {
    const r = withPrincipalKeys({
      principal: { kind: 'aws', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/s' },
      action: 'a:b',
      resource: '*',
      context: { 'AWS:PRINCIPALACCOUNT': 'given' },
    });
    assert.deepEqual(r.context, {
      'AWS:PRINCIPALACCOUNT': 'given',
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Dev',
    });
    const u = withPrincipalKeys({
      principal: { kind: 'aws', arn: 'arn:aws:iam::111122223333:user/path/bob' },
      action: 'a:b',
      resource: '*',
    });
    assert.equal(u.context?.['aws:username'], 'bob');
    assert.equal(u.context?.['aws:PrincipalType'], 'User');
    assert.deepEqual(
      withPrincipalKeys({ principal: { kind: 'anonymous' }, action: 'a:b', resource: '*' }).context,
      {
        'aws:PrincipalType': 'Anonymous',
      },
    );
  });
});
