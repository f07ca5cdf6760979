/**
 * Robustness: generated IAM / S3 policies (test/support/generators/policy.ts)
 * — valid ones and ones broken in their JSON or their grammar — fed to every
 * `arc policy` question in-process (check-no-public-access,
 * check-access-not-granted, check-no-new-access, compare, can) with small
 * budgets. No input may end in an exception (exit 4) or an internal error or
 * inconsistency; bad input names the file and where in it (a line and column,
 * or a JSON path); a no's witness request, evaluated again by the concrete
 * evaluator, is allowed by the policy (and, for check-no-new-access, not by
 * the existing one).
 */
import type { Result } from '../../src/core/answer.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  canRequest,
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  comparePolicies,
  type CanVerdict,
  type PolicyText,
  type PolicyVerdict,
} from '../../src/api/policy.js';
import { parseContext, parsePrincipal } from '../../src/cli/commands/policy.js';
import {
  POLICY_ACCOUNTS,
  REQUEST_ACTIONS,
  REQUEST_CONTEXT,
  REQUEST_PRINCIPALS,
  REQUEST_RESOURCES,
  policy,
} from '../support/generators/policy.js';
import { FUZZ_SEED, Failures, INTERNAL, noThrow, tally } from './support.js';

const COUNT = Number(process.env['ARC_FUZZ_COUNT'] ?? 80);
const OPTIONS = { timeoutMs: 3000 };

const policies = fc.sample(policy(), { seed: FUZZ_SEED, numRuns: COUNT });
const requests = fc.sample(
  fc.record({
    principal: fc.constantFrom(...REQUEST_PRINCIPALS),
    action: fc.constantFrom(...REQUEST_ACTIONS),
    resource: fc.constantFrom(...REQUEST_RESOURCES),
    context: fc.subarray([...REQUEST_CONTEXT]),
  }),
  { seed: FUZZ_SEED, numRuns: COUNT },
);

function text(i: number): PolicyText {
  return { name: `policy${i}.json`, text: policies[i % policies.length].text };
}

function describe(i: number): string {
  const p = policies[i % policies.length];
  return `policy${i}.json (${p.kind}${p.note === '' ? '' : `: ${p.note}`})\n${p.text.slice(0, 1500)}`;
}

/** The contract for every policy result: bad input is located, a verdict has a known answer. */
function checkVerdict(r: Result<PolicyVerdict | CanVerdict>, context: string): string {
  const json = JSON.stringify(r);
  assert.doesNotMatch(
    json,
    INTERNAL,
    `internal error or inconsistency: ${context}\n${json.slice(0, 1500)}`,
  );
  if (r.kind === 'verdict') {
    assert.ok(['yes', 'no', 'unknown'].includes(r.verdict.answer), context);
    return r.verdict.answer;
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0, `bad input without an error diagnostic: ${context}`);
  for (const d of errors) {
    const at = d.location;
    assert.ok(
      at !== undefined && 'jsonPath' in at && at.file !== '',
      `a diagnostic without its file: ${d.message} — ${context}`,
    );
    assert.ok(
      at.line !== undefined || at.jsonPath !== '',
      `a diagnostic with neither a line nor a JSON path: [${d.code}] ${d.message} — ${context}`,
    );
  }
  return 'bad-input';
}

/** A no's witness is allowed by `allowedBy` (and not by `notBy`) when evaluated again. */
function recheckWitness(
  r: Result<PolicyVerdict>,
  allowedBy: PolicyText[],
  notBy: PolicyText[] | null,
  context: string,
): void {
  if (r.kind !== 'verdict' || r.verdict.answer !== 'no') return;
  for (const w of r.verdict.witness.witnesses) {
    const again = canRequest(allowedBy, w.request, { derivePrincipalKeys: false });
    assert.ok(
      again.kind === 'verdict' && again.verdict.answer === 'yes',
      `the witness is not allowed when evaluated again: ${context}\n${JSON.stringify(w.request)}`,
    );
    if (notBy !== null) {
      const old = canRequest(notBy, w.request, { derivePrincipalKeys: false });
      assert.ok(
        old.kind === 'verdict' && old.verdict.answer === 'no',
        `the witness is allowed by the existing policy too: ${context}\n${JSON.stringify(w.request)}`,
      );
    }
  }
}

test(`${policies.length} generated policies (seed ${FUZZ_SEED}) through every policy question`, async (t) => {
  const answers: string[] = [];
  const failures = new Failures();
  for (let i = 0; i < policies.length; i++) {
    await failures.check(async () => {
      const p = [text(i)];
      const q = [text(i + 1)];
      const r = requests[i];
      const request = {
        principal: parsePrincipal(r.principal),
        action: r.action,
        resource: r.resource,
        context: parseContext(r.context),
      };
      const can = await noThrow(`can on ${describe(i)}`, () =>
        Promise.resolve(canRequest(p, request)),
      );
      answers.push(`can:${checkVerdict(can, `can ${JSON.stringify(r)} on ${describe(i)}`)}`);
      switch (i % 4) {
        case 0: {
          const account = i % 8 === 0 ? { account: POLICY_ACCOUNTS[0] } : {};
          const context = `check-no-public-access ${JSON.stringify(account)} on ${describe(i)}`;
          const v = await noThrow(context, () =>
            checkNoPublicAccess(
              [{ ...p[0], type: 'resource' }],
              { ...account, resourceType: 's3-bucket' },
              OPTIONS,
            ),
          );
          answers.push(`public:${checkVerdict(v, context)}`);
          recheckWitness(v, [{ ...p[0], type: 'resource' }], null, context);
          break;
        }
        case 1: {
          const actions = [r.action, 'iam:PassRole'];
          const resources = i % 3 === 0 ? [] : [r.resource];
          const context = `check-access-not-granted ${actions.join(',')} on ${resources.join(',')} for ${describe(i)}`;
          const v = await noThrow(context, () =>
            checkAccessNotGranted(p, actions, resources, OPTIONS),
          );
          answers.push(`not-granted:${checkVerdict(v, context)}`);
          recheckWitness(v, p, null, context);
          break;
        }
        case 2: {
          const context = `check-no-new-access ${describe(i)}\n--existing ${describe(i + 1)}`;
          const v = await noThrow(context, () => checkNoNewAccess(p, q, OPTIONS));
          answers.push(`no-new:${checkVerdict(v, context)}`);
          recheckWitness(v, p, q, context);
          break;
        }
        default: {
          const context = `compare ${describe(i)}\nwith ${describe(i + 1)}`;
          const v = await noThrow(context, () => comparePolicies(p, q, OPTIONS));
          answers.push(`compare:${checkVerdict(v, context)}`);
        }
      }
    });
  }
  t.diagnostic(tally(answers));
  assert.ok(
    answers.filter((a) => /^(public|not-granted|no-new|compare):(yes|no)$/.test(a)).length >=
      policies.length / 8,
    tally(answers),
  );
  failures.assertNone();
});
