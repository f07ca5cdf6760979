/**
 * The one trust gate between whatever decides a question (an engine, a
 * symbolic encoding, a search) and the user. A decision is only a *claim*
 * until the gate has checked its evidence:
 *
 * - a claimed certificate is re-checked independently of what found it (a
 *   fresh solver context, simpler queries, enumeration) — `recheck`;
 * - a claimed witness is replayed in the domain's reference semantics (the
 *   IR interpreter and the compiled program, the concrete policy evaluator,
 *   the concrete packet forwarder) — `replay`.
 *
 * A check that fails turns the answer into unknown with the reason (codes
 * `recheck-failed` / `replay-failed` for an inconsistency, which is an arc
 * bug and fails a test). Each domain implements `Gate` once; `admit` is the
 * only way from a claim to an answer, so no domain can show an unchecked yes
 * or no.
 */
import type { Domain, Exhibited, Outcome, Proved, UnknownReason } from './answer.js';

/** The outcome of a check: the checked evidence, or why it is not accepted. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: UnknownReason };

/** What a decision procedure claims, before the gate has checked it. */
export type Claim<RawCertificate, RawWitness> =
  | {
      readonly kind: 'certificate';
      readonly answer: 'yes' | 'no';
      readonly certificate: RawCertificate;
    }
  | { readonly kind: 'witness'; readonly answer: 'yes' | 'no'; readonly witness: RawWitness }
  | { readonly kind: 'unknown'; readonly reason: UnknownReason };

export interface Gate<RawCertificate, RawWitness, Certificate, Witness> {
  readonly domain: Domain;
  /** Re-checks a certificate independently of whatever found it. */
  recheck(certificate: RawCertificate): Promise<Checked<Certificate>>;
  /** Replays a witness in the domain's reference semantics. */
  replay(witness: RawWitness): Promise<Checked<Witness>>;
}

/** A claim after the gate: decided with checked evidence, or unknown. */
export type Admitted<Certificate, Witness> =
  | { readonly answer: 'yes' | 'no'; readonly certificate: Certificate }
  | { readonly answer: 'yes' | 'no'; readonly witness: Witness }
  | { readonly answer: 'unknown'; readonly reason: UnknownReason };

export async function admit<RC, RW, C, W>(
  gate: Gate<RC, RW, C, W>,
  claim: Claim<RC, RW>,
): Promise<Admitted<C, W>> {
  switch (claim.kind) {
    case 'certificate': {
      const checked = await gate.recheck(claim.certificate);
      return checked.ok
        ? { answer: claim.answer, certificate: checked.value }
        : { answer: 'unknown', reason: checked.reason };
    }
    case 'witness': {
      const checked = await gate.replay(claim.witness);
      return checked.ok
        ? { answer: claim.answer, witness: checked.value }
        : { answer: 'unknown', reason: checked.reason };
    }
    case 'unknown':
      return { answer: 'unknown', reason: claim.reason };
  }
}

export function accepted<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function rejected<T>(reason: UnknownReason): Checked<T> {
  return { ok: false, reason };
}

/**
 * What the gate admitted, for a question whose yes is proved for every
 * input and whose no is exhibited by one ("does f always return true?",
 * "is this bucket private?").
 */
export function universalOutcome<C, W>(a: Admitted<C, W>): Outcome<Proved<C>, Exhibited<W>> {
  if (a.answer === 'unknown') return a;
  if ('certificate' in a && a.answer === 'yes')
    return { answer: 'yes', certificate: a.certificate };
  if ('witness' in a && a.answer === 'no') return { answer: 'no', witness: a.witness };
  throw new Error(`internal error: a ${a.answer} of a universal question with the wrong evidence`);
}

/**
 * What the gate admitted, for a question whose yes is exhibited by one
 * input and whose no is proved for every input ("can the internet reach
 * this instance?").
 */
export function existentialOutcome<C, W>(a: Admitted<C, W>): Outcome<Exhibited<W>, Proved<C>> {
  if (a.answer === 'unknown') return a;
  if ('witness' in a && a.answer === 'yes') return { answer: 'yes', witness: a.witness };
  if ('certificate' in a && a.answer === 'no') return { answer: 'no', certificate: a.certificate };
  throw new Error(
    `internal error: a ${a.answer} of an existential question with the wrong evidence`,
  );
}
