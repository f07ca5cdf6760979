/**
 * `arc policy` through the built CLI: exit codes (0 yes, 1 no, 2 bad input
 * or usage, 3 don't know), the JSON keys, bad input reported with JSON
 * paths and never a stack trace, and `--dump-smt`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-policy-cli-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}
const policy = (statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });
const publicRead = file(
  'public.json',
  policy([
    {
      Sid: 'Read',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    },
  ]),
);
const vpcRead = file(
  'vpc.json',
  policy([
    {
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c' } },
    },
  ]),
);
/** The verdict contract's keys, the same for every domain, and compare's relation. */
const JSON_KEYS = [
  'domain',
  'command',
  'answer',
  'question',
  'explanation',
  'certificate',
  'witness',
  'reason',
  'relation',
  'notes',
  'diagnostics',
  'elapsedMs',
  'solverMs',
];

function json(args: string[]): { code: number | null; v: Record<string, unknown>; stderr: string } {
  const r = runCli(['policy', ...args, '--json']);
  return { code: r.code, v: JSON.parse(r.stdout) as Record<string, unknown>, stderr: r.stderr };
}

describe('arc policy CLI', () => {
  it('check-no-public-access: no (exit 1) with a replayed request, in text', () => {
    const r = runCli(['policy', 'check-no-public-access', publicRead]);
    assert.equal(r.code, 1, r.stderr);
    for (const heading of ['Question', 'Answer    no', 'Why', 'Request', 'replayed', 'Time'])
      assert.ok(r.stdout.includes(heading), `${heading} in\n${r.stdout}`);
  });

  it('check-no-public-access: yes (exit 0) with the proof, in JSON with every key', () => {
    const { code, v } = json(['check-no-public-access', vpcRead, '--resource-type', 's3-bucket']);
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(v), JSON_KEYS);
    assert.equal(v.answer, 'yes');
    assert.equal(v.domain, 'policy');
    assert.equal(v.witness, null);
    const proofs = (v.certificate as { proofs: { smtlib: string; meaning: string }[] }).proofs;
    assert.match(proofs[0].meaning, /no request from the public/);
    assert.match(proofs[0].smtlib, /check-sat/);
  });

  it('compare and check-no-new-access give witnesses per direction', () => {
    const cmp = json(['compare', publicRead, vpcRead]);
    assert.equal(cmp.code, 1);
    assert.equal(cmp.v.relation, 'more-permissive');
    assert.equal((cmp.v.witness as { witnesses: unknown[] }).witnesses.length, 1);
    const nna = json(['check-no-new-access', vpcRead, '--existing', publicRead]);
    assert.equal(nna.code, 0);
  });

  it('check-access-not-granted with comma lists', () => {
    const { code, v } = json([
      'check-access-not-granted',
      publicRead,
      '--action',
      's3:PutObject,s3:DeleteObject',
    ]);
    assert.equal(code, 0, JSON.stringify(v));
    const no = json([
      'check-access-not-granted',
      publicRead,
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::b/k',
    ]);
    assert.equal(no.code, 1);
  });

  it('can: concrete decisions with exit codes', () => {
    const base = [
      'can',
      vpcRead,
      '--principal',
      'anonymous',
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::b/k',
    ];
    assert.equal(runCli(['policy', ...base, '--context', 'aws:SourceVpce=vpce-1a2b3c']).code, 0);
    const denied = runCli(['policy', ...base]);
    assert.equal(denied.code, 1);
    assert.match(denied.stdout, /Implicitly denied/);
  });

  it('--dump-smt writes the queries', () => {
    const out = join(dir, 'dump');
    runCli(['policy', 'check-no-public-access', vpcRead, '--dump-smt', out]);
    assert.ok(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.smt2')));
  });

  it("don't know (exit 3) with the reason and its JSON path", () => {
    const mixed = file(
      'mixed.json',
      policy([
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'test:k': '1' }, NumericLessThan: { 'test:k': '5' } },
        },
      ]),
    );
    const { code, v } = json(['check-no-new-access', mixed, '--existing', mixed]);
    assert.equal(code, 3);
    const reason = v.reason as { code: string; location: { jsonPath: string } };
    assert.equal(reason.code, 'unsupported');
    assert.match(reason.location.jsonPath, /^Statement\[0\]\.Condition/);
  });
});

describe('arc policy CLI: bad input (exit 2, JSON paths, no stack trace)', () => {
  const cases: [string, string, RegExp][] = [
    ['invalid JSON', '{"Version": "2012-10-17", "Statement": [', /invalid JSON/],
    [
      'an unknown operator',
      JSON.stringify(
        policy([
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { StringLikee: { 'aws:SourceVpc': 'v' } },
          },
        ]),
      ),
      /Statement\[0\]\.Condition\.StringLikee/,
    ],
    [
      'a wrong type',
      JSON.stringify(policy([{ Effect: 'Allow', Principal: '*', Action: 5, Resource: '*' }])),
      /Statement\[0\]\.Action/,
    ],
    [
      'an unknown field',
      JSON.stringify(
        policy([{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Extra: 1 }]),
      ),
      /Statement\[0\]\.Extra/,
    ],
    ['an empty statement list', JSON.stringify(policy([])), /Statement/],
  ];
  for (const [name, text, pattern] of cases)
    it(name, () => {
      const path = file(`bad-${name.replace(/\W+/g, '-')}.json`, text);
      const r = runCli(['policy', 'check-no-public-access', path]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });

  it('usage errors', () => {
    assert.equal(runCli(['policy', 'frobnicate']).code, 2);
    assert.equal(runCli(['policy', 'check-no-new-access', publicRead]).code, 2);
    assert.equal(runCli(['policy', 'check-no-public-access', join(dir, 'missing.json')]).code, 2);
    assert.equal(
      runCli([
        'policy',
        'can',
        publicRead,
        '--principal',
        'bogus',
        '--action',
        'a',
        '--resource',
        'r',
      ]).code,
      2,
    );
  });
});
