/**
 * Principal candidates (questions.ts `principalCandidates`, answer.ts):
 * trying a few principals first only ever adds replayed witnesses; a
 * witness outside them is still found, and a yes is still a proof over
 * every principal.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkNoNewAccess, type PolicyText } from './api-support.js';
import { answerQuestion } from '../../src/policy/answer.js';
import { noNewAccess, noPublicAccess } from '../../src/policy/questions.js';
import { loadPolicies } from '../../src/api/policy.js';
import { falseTerm, stopSolvers } from '../../src/smt/index.js';

after(() => stopSolvers());

const bucket = (name: string, statements: unknown[]): PolicyText => ({
  name,
  type: 'resource',
  text: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
});

describe('principal candidates', () => {
  it('a witness for an ARN pattern comes from an instance of the pattern', async () => {
    const policy = bucket('b', [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/x7*' } },
      },
    ]);
    const loaded = loadPolicies('b', [policy]);
    assert.ok(loaded.ok);
    if (!loaded.ok) return;
    const q = noPublicAccess(loaded.set, { account: '111122223333', resourceType: 's3-bucket' });
    assert.ok(q.candidates !== undefined);
    const a = await answerQuestion(q, { timeoutMs: 30_000 });
    assert.equal(a.answer, 'no');
    if (a.answer === 'no') {
      const p = a.witness.request.principal;
      assert.equal(p.kind, 'aws');
      if (p.kind === 'aws') assert.match(p.arn, /^arn:[^:]+:iam::\d{12}:user\/x7/);
    }
    // With candidates no model satisfies, the search over every principal
    // answers alone (here Z3's string solver gives up on the ARN glob over
    // the concatenation: don't know, never a yes).
    const b = await answerQuestion({ ...q, candidates: falseTerm }, { timeoutMs: 2_000 });
    assert.notEqual(b.answer, 'yes');
  });

  it('a witness no candidate gives is found by the search over every principal', async () => {
    const grant = (principal: unknown) =>
      bucket('p', [
        {
          Effect: 'Allow',
          Principal: principal,
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
        },
      ]);
    const newer = loadPolicies('new', [grant({ AWS: 'arn:aws:iam::444455556666:user/dev/x7' })]);
    const older = loadPolicies('old', [grant({ AWS: 'arn:aws:iam::444455556666:user/dev/y' })]);
    assert.ok(newer.ok && older.ok);
    if (!newer.ok || !older.ok) return;
    const q = noNewAccess(newer.set, older.set);
    const a = await answerQuestion({ ...q, candidates: falseTerm }, { timeoutMs: 30_000 });
    assert.equal(a.answer, 'no');
    if (a.answer === 'no') {
      const p = a.witness.request.principal;
      assert.ok(
        p.kind === 'aws' && p.arn === 'arn:aws:iam::444455556666:user/dev/x7',
        JSON.stringify(p),
      );
    }
  });

  it('candidates never turn into a yes', async () => {
    const policy = bucket('b', [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:role/R' },
        Action: 's3:*',
        Resource: '*',
      },
    ]);
    const loaded = loadPolicies('b', [policy]);
    assert.ok(loaded.ok);
    if (!loaded.ok) return;
    // Public? No principal of the public is named, so none of the candidates
    // that are public is allowed... but the question is over every principal.
    const q = noPublicAccess(loaded.set, {});
    const a = await answerQuestion({ ...q, candidates: falseTerm }, { timeoutMs: 30_000 });
    const b = await answerQuestion(q, { timeoutMs: 30_000 });
    assert.equal(a.answer, b.answer);
  });

  it('a witness among the named principals is a session of a named role', async () => {
    const role = 'arn:aws:iam::111122223333:role/Reader';
    const v = await checkNoNewAccess(
      [
        bucket('new', [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::b/*',
            Condition: { ArnEquals: { 'aws:PrincipalArn': role } },
          },
        ]),
      ],
      [
        bucket('old', [
          {
            Effect: 'Allow',
            Principal: { AWS: role },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::b/*',
          },
        ]),
      ],
      { timeoutMs: 30_000 },
    );
    // A session of the role has the role's ARN as aws:PrincipalArn, and a
    // Principal element naming the role matches its sessions too: no new access.
    assert.equal(v.answer, 'yes');
  });
});
