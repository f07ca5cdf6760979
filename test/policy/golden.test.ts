/** Runs the golden cases of golden.ts through the parser and the concrete evaluator. */
import { renderDiagnostic } from '../../src/core/diagnostic.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkPolicyType,
  evaluate,
  parsePolicy,
  policyFromValue,
  type PolicyInput,
} from '../../src/policy/index.js';
import { BASE_OPERATORS } from '../../src/policy/operators.js';
import { alice, GOLDEN } from './golden.js';

const DEFAULT_RESOURCE = 'arn:aws:s3:::bucket/key';

describe('golden policies', () => {
  it('has at least 60 cases', () => assert.ok(GOLDEN.length >= 60, `${GOLDEN.length} cases`));

  it('use every base condition operator, both set qualifiers and IfExists', () => {
    const seen = new Set<string>();
    for (const c of GOLDEN)
      for (const { document } of c.policies) {
        const policy = policyFromValue(document).policy;
        for (const s of policy?.statements ?? [])
          for (const e of s.conditions) {
            seen.add(e.operator.base);
            if (e.operator.set) seen.add(e.operator.set);
            if (e.operator.ifExists) seen.add('IfExists');
          }
      }
    const missing = [...BASE_OPERATORS, 'ForAllValues', 'ForAnyValue', 'IfExists'].filter(
      (o) => !seen.has(o),
    );
    assert.deepEqual(missing, []);
  });

  for (const c of GOLDEN) {
    it(c.name, () => {
      const inputs: PolicyInput[] = c.policies.map(({ type, document }, i) => {
        const parsed = parsePolicy(JSON.stringify(document, null, 2));
        const errors = [
          ...parsed.diagnostics,
          ...(parsed.policy ? checkPolicyType(parsed.policy, type) : []),
        ].filter((d) => d.severity === 'error');
        assert.deepEqual(
          errors.map((d) => renderDiagnostic(d)),
          [],
          `policy ${i}`,
        );
        assert.ok(parsed.policy);
        // The text and the value entry points build the same model.
        const fromValue = policyFromValue(document).policy;
        assert.deepEqual(fromValue, parsed.policy);
        return { policy: parsed.policy, type, name: `p${i}` };
      });
      c.requests.forEach((r, i) => {
        const request = {
          principal: r.principal ?? alice,
          action: r.action,
          resource: r.resource ?? DEFAULT_RESOURCE,
          context: r.context,
        };
        const result = evaluate(inputs, request);
        const label = `request ${i} (${r.action} ${request.resource}${r.note ? `: ${r.note}` : ''})`;
        assert.equal(result.decision, r.expect, label);
        assert.deepEqual(
          result.deciding.map((s) => s.sid),
          r.deciding ?? [],
          `${label}: deciding statements`,
        );
      });
    });
  }
});
