/**
 * The symbolic encoding against the concrete evaluator (the reference):
 * on random small policies and random requests, the encoding restricted to
 * the request (every request variable fixed to the request's value) gives
 * exactly `evaluate`'s decision and applicable statements; and the
 * small-model reduction of multivalued keys never changes a decision.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { evaluate, type AccessRequest, type PolicyInput } from '../../src/policy/index.js';
import { evaluateSymbolic, requestFor } from '../../src/policy/symbolic/evaluate.js';
import { requestDomain, requestIs, shrinkContext } from '../../src/policy/symbolic/request.js';
import { fixedValues, notPublicReason } from '../../src/policy/public.js';
import { fromThePublic } from '../../src/policy/symbolic/public.js';
import { Unencodable } from '../../src/policy/symbolic/unsupported.js';
import {
  boolSort,
  checkSatStrings,
  eq,
  mkVar,
  stopSolvers,
  type Term,
} from '../../src/smt/index.js';
import { policyInput, request } from './symbolic-support.js';

/** The slowest differential query (a fully fixed request should be quick). */
let slowest = 0;
after(() => {
  stopSolvers();
  process.stderr.write(`slowest differential query: ${Math.round(slowest)} ms\n`);
});

describe('small-model argument for multivalued keys', () => {
  it('keeping one witness per condition entry never changes a decision', () => {
    fc.assert(
      fc.property(policyInput, request, (input, req) => {
        fc.pre(input !== undefined);
        const shrunk = shrinkContext([input], req);
        assert.deepEqual(evaluate([input], shrunk), evaluate([input], req));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});

async function symbolicDecision(
  inputs: readonly PolicyInput[],
  req: AccessRequest,
): Promise<{ decision: string; applicable: string[] } | 'unencodable'> {
  let r;
  try {
    r = requestFor(inputs);
  } catch (e) {
    if (e instanceof Unencodable) return 'unencodable';
    throw e;
  }
  const ev = evaluateSymbolic(inputs, r);
  const named: [string, Term][] = [
    ['d.allow', ev.allow],
    ['d.explicit-deny', ev.explicitDeny],
    ['d.implicit-deny', ev.implicitDeny],
    ...ev.statements.map((s, i): [string, Term] => [`s.${i}`, s.applies]),
  ];
  const assertions = [
    ...requestDomain(r),
    ...requestIs(r, req),
    ...named.map(([n, t]) => eq(mkVar(n, boolSort), t)),
  ];
  const res = await checkSatStrings(
    { assertions },
    { timeoutMs: 60_000, modelOf: named.map(([n]) => n) },
  );
  slowest = Math.max(slowest, res.solverMs);
  assert.equal(
    res.status,
    'sat',
    `the request is outside the symbolic domain: ${res.reason ?? ''}`,
  );
  const value = (n: string) => res.model?.get(n) === 1n;
  const decisions = ['allow', 'explicit-deny', 'implicit-deny'].filter((d) => value(`d.${d}`));
  assert.equal(decisions.length, 1);
  return {
    decision: decisions[0],
    applicable: ev.statements
      .filter((_, i) => value(`s.${i}`))
      .map((s) => `${s.ref.policyIndex}:${s.ref.jsonPath}`),
  };
}

describe('symbolic encoding = concrete evaluator (differential)', () => {
  it('on random policy sets and requests, decision and applicable statements agree', async () => {
    let unencodable = 0;
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(policyInput, { minLength: 1, maxLength: 2 }),
        request,
        async (maybe, req) => {
          const inputs = maybe.filter((p): p is PolicyInput => p !== undefined);
          fc.pre(inputs.length > 0);
          const small = shrinkContext(inputs, req);
          const expected = evaluate(inputs, small);
          const got = await symbolicDecision(inputs, small);
          if (got === 'unencodable') {
            unencodable++;
            return;
          }
          seen.set(got.decision, (seen.get(got.decision) ?? 0) + 1);
          assert.deepEqual(got, {
            decision: expected.decision,
            applicable: expected.applicable.map((s) => `${s.policyIndex}:${s.jsonPath}`),
          });
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    assert.ok(unencodable < 30, `${unencodable} policies were not encodable`);
    // Not vacuous: every decision is reached many times.
    for (const d of ['allow', 'explicit-deny', 'implicit-deny'])
      assert.ok(
        (seen.get(d) ?? 0) >= 10,
        `${d}: ${seen.get(d) ?? 0} (${JSON.stringify([...seen])}, ${unencodable} unencodable)`,
      );
  });
});

describe('"from the public": symbolic constraints = the concrete check', () => {
  it('on random policies and requests, fromThePublic holds exactly when notPublicReason finds nothing', async () => {
    let checked = 0;
    const seen = new Set<boolean>();
    await fc.assert(
      fc.asyncProperty(
        policyInput,
        request,
        fc.constantFrom(undefined, '111122223333'),
        async (input, req, owner) => {
          fc.pre(input !== undefined);
          let r;
          try {
            r = requestFor([input]);
          } catch (e) {
            if (e instanceof Unencodable) return;
            throw e;
          }
          const small = shrinkContext([input], req);
          const fixed = fixedValues([input], owner);
          const res = await checkSatStrings(
            {
              assertions: [...requestDomain(r), ...requestIs(r, small), ...fromThePublic(r, fixed)],
            },
            { timeoutMs: 20_000 },
          );
          assert.notEqual(res.status, 'unknown');
          const concrete = notPublicReason(small, fixed) === undefined;
          seen.add(concrete);
          checked++;
          assert.equal(res.status === 'sat', concrete, notPublicReason(small, fixed) ?? 'public');
        },
      ),
      { numRuns: 120, seed: 7 },
    );
    assert.ok(checked > 80 && seen.size === 2);
  });
});
