/**
 * The policy library entry points for tests: each returns the verdict (the
 * test fails on bad input), with the evidence read the same way everywhere.
 */
import assert from 'node:assert/strict';
import * as api from '../../src/api/policy.js';
import type { Result } from '../../src/core/answer.js';
import type { PolicyProof, PolicyWitness } from '../../src/policy/answer.js';

export type { PolicyText, PolicyVerdict, CanVerdict } from '../../src/api/policy.js';

/** The verdict of a result; bad input fails the test. */
function verdictOf<V>(r: Result<V>): V {
  if (r.kind === 'bad-input') assert.fail(`bad input: ${JSON.stringify(r.diagnostics)}`);
  return r.verdict;
}

export async function checkNoNewAccess(
  ...args: Parameters<typeof api.checkNoNewAccess>
): Promise<api.PolicyVerdict> {
  return verdictOf(await api.checkNoNewAccess(...args));
}
export async function checkAccessNotGranted(
  ...args: Parameters<typeof api.checkAccessNotGranted>
): Promise<api.PolicyVerdict> {
  return verdictOf(await api.checkAccessNotGranted(...args));
}
export async function checkNoPublicAccess(
  ...args: Parameters<typeof api.checkNoPublicAccess>
): Promise<api.PolicyVerdict> {
  return verdictOf(await api.checkNoPublicAccess(...args));
}
export async function comparePolicies(
  ...args: Parameters<typeof api.comparePolicies>
): Promise<api.PolicyVerdict> {
  return verdictOf(await api.comparePolicies(...args));
}
export function canRequest(...args: Parameters<typeof api.canRequest>): api.CanVerdict {
  return verdictOf(api.canRequest(...args));
}

/** The re-checked proofs of a verdict (a yes's, or those of the directions a no did not refute). */
export function proofsOf(v: api.PolicyVerdict | api.CanVerdict): readonly PolicyProof[] {
  if ('certificate' in v) return v.certificate.proofs;
  if ('witness' in v && 'proofs' in v.witness) return v.witness.proofs;
  return [];
}

/** The replayed requests of a no. */
export function witnessesOf(
  v: api.PolicyVerdict,
): readonly (PolicyWitness & { readonly direction?: string })[] {
  return v.answer === 'no' ? v.witness.witnesses : [];
}

/** The JSON path an unknown's reason points at. */
export function reasonPath(v: api.PolicyVerdict): string | undefined {
  if (v.answer !== 'unknown' || v.reason.location === undefined) return undefined;
  return 'jsonPath' in v.reason.location ? v.reason.location.jsonPath : undefined;
}
