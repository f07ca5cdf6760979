/**
 * The fixed-point non-termination check for one path of a loop: is there a
 * state s such that the path's constraints hold on the transition s → s
 * (the guard holds and the update maps s to itself)? Such an s is a
 * recurrent set {s}: the loop, as modelled, can take that path forever.
 *
 * Guarantees:
 * - `fixed-point` is returned only after the state has been checked by
 *   exact bigint evaluation of every constraint of the path on (s, s),
 *   without the solver; a state that fails that check is `inconsistent`.
 * - `none` means the solver showed no fixed point of this path exists; it
 *   says nothing about termination.
 * - The witness is an infinite run of the loop *as modelled*: it is an
 *   infinite run of the program only if the path's constraints describe the
 *   program's behaviour exactly (no over-approximating invariants or havoc).
 */
import { checkSat } from '../../smt/index.js';
import type { Loop, Valuation } from './linear.js';
import { holds, primed, validateLoop } from './linear.js';
import type { SolveOptions } from './recheck.js';
import { completeValuation, constraintTerm, intVar } from './recheck.js';

export type FixedPointResult =
  | { readonly kind: 'fixed-point'; readonly path: string; readonly state: Valuation }
  | { readonly kind: 'none'; readonly path: string }
  | { readonly kind: 'unknown'; readonly path: string; readonly reason: string }
  | { readonly kind: 'inconsistent'; readonly path: string; readonly detail: string };

/** `x'` read as `x`: the transition from a state to itself. */
function unprime(v: string): string {
  return v.endsWith("'") ? v.slice(0, -1) : v;
}

/** The transition s → s for the state s. */
function selfTransition(variables: readonly string[], state: Valuation): Valuation {
  const t = new Map<string, bigint>();
  for (const v of variables) {
    const x = state.get(v) ?? 0n;
    t.set(v, x).set(primed(v), x);
  }
  return t;
}

/** A fixed point of path `pathName` of `loop` (see the module comment). */
export async function findFixedPoint(
  loop: Loop,
  pathName: string,
  opts: SolveOptions,
): Promise<FixedPointResult> {
  validateLoop(loop);
  const path = loop.paths.find((p) => p.name === pathName);
  if (path === undefined) throw new Error(`no path named ${pathName}`);
  const assertions = path.constraints.map((c) => constraintTerm(c, (v) => intVar(unprime(v))));
  const r = await checkSat(
    { assertions, comments: [`termination: fixed point of ${path.name}`] },
    { timeoutMs: opts.timeoutMs, signal: opts.signal, modelOf: loop.variables },
  );
  if (r.status === 'unsat') return { kind: 'none', path: path.name };
  if (r.status === 'unknown')
    return { kind: 'unknown', path: path.name, reason: r.reason ?? 'unknown' };
  const state = completeValuation(loop.variables, r.model);
  const transition = selfTransition(loop.variables, state);
  if (!path.constraints.every((c) => holds(c, transition))) {
    return { kind: 'inconsistent', path: path.name, detail: 'the model is not a fixed point' };
  }
  return { kind: 'fixed-point', path: path.name, state };
}
