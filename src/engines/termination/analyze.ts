/**
 * The termination engine: cutpoint transition system → invariants → per
 * strongly connected part, a ranking argument or a recurrent set.
 *
 * Every returned argument has been re-checked by direct queries (invariant
 * consecution on every transition, each ranking property on each transition
 * of its part); every recurrent set by its closure queries and a concrete
 * replay. Undefined behaviour the model cannot rule out is returned as open
 * obligations for the caller to settle.
 */
import type { SourceSpan } from '../../ir/ir.js';
import type { IrFunction } from '../../ir/ir.js';
import { conjunction } from '../../smt/index.js';
import type { Cts, CtsTransition } from './cts.js';
import { buildCts } from './cts.js';
import type { Invariants } from './invariants.js';
import { houdini } from './invariants.js';
import type { Budget } from '../../core/budget.js';
import { primeAll, terms, valid } from './lia.js';
import type { Argument, CheckedQuery } from './rank.js';
import { checkArgument, rankPart } from './rank.js';
import type { Witness } from './recurrent.js';
import { findRecurrentSet } from './recurrent.js';
import { checkSat } from '../../smt/index.js';

import type { Obligation } from './symbolic.js';

export interface PartProof {
  /** Locations of the part. */
  readonly locs: readonly number[];
  readonly argument: Argument;
}

export type Analysis =
  | { readonly kind: 'unsupported'; readonly reason: string; readonly span?: SourceSpan }
  | {
      readonly kind: 'terminates';
      readonly cts: Cts;
      readonly invariants: Invariants;
      readonly parts: readonly PartProof[];
      readonly queries: readonly CheckedQuery[];
      /** Undefined behaviour not ruled out under the invariants. */
      readonly open: readonly Obligation[];
    }
  | {
      readonly kind: 'nonterminating';
      readonly cts: Cts;
      readonly locs: readonly number[];
      readonly witness: Witness;
    }
  | {
      readonly kind: 'unknown';
      readonly cts: Cts;
      readonly message: string;
      readonly span?: SourceSpan;
      readonly timeout: boolean;
      readonly open: readonly Obligation[];
      /** A recurrent set was found and replayed, but its run reads values the program does not define. */
      readonly witness?: Witness;
    };

/** Strongly connected parts with at least one transition inside, ordered by location. */
function parts(cts: Cts): { locs: number[]; transitions: CtsTransition[] }[] {
  const n = cts.locations.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  for (const t of cts.transitions) succ[t.from].push(t.to);
  // Tarjan, iterative enough for the small graphs here.
  let index = 0;
  const idx = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const comps: number[][] = [];
  const visit = (v: number): void => {
    idx[v] = low[v] = index++;
    stack.push(v);
    onStack[v] = true;
    for (const w of succ[v]) {
      if (idx[w] < 0) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], idx[w]);
    }
    if (low[v] === idx[v]) {
      const comp: number[] = [];
      for (;;) {
        const w = stack.pop() as number;
        onStack[w] = false;
        comp.push(w);
        if (w === v) break;
      }
      comps.push(comp.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < n; v++) if (idx[v] < 0) visit(v);
  return comps
    .map((locs) => {
      const s = new Set(locs);
      return { locs, transitions: cts.transitions.filter((t) => s.has(t.from) && s.has(t.to)) };
    })
    .filter((p) => p.transitions.length > 0)
    .sort((a, b) => a.locs[0] - b.locs[0]);
}

async function recheckInvariants(
  cts: Cts,
  inv: Invariants,
  budget: Budget,
): Promise<CheckedQuery[] | null> {
  const out: CheckedQuery[] = [];
  for (const t of cts.transitions) {
    const target = inv.get(t.to) ?? [];
    if (target.length === 0) continue;
    const v = await valid(
      [...terms(inv.get(t.from) ?? []), ...terms(t.constraints)],
      conjunction(terms(primeAll(target))),
      `termination re-check: the invariant is preserved by transition ${t.index}`,
      budget,
    );
    if (v.status !== 'valid') return null;
    out.push({
      meaning: `the invariant at the loop head is preserved by transition ${t.index}`,
      smtlib: v.smtlib,
      solverMs: v.solverMs,
    });
  }
  return out;
}

/** The obligations that may fail under the invariants. */
async function openObligations(cts: Cts, inv: Invariants, budget: Budget): Promise<Obligation[]> {
  const open: Obligation[] = [];
  for (const o of cts.obligations) {
    // Past the deadline every query is answered unknown, but printing it still
    // costs time (quadratic in a long straight-line function): do not build it.
    if (budget.expired()) {
      open.push(o);
      continue;
    }
    const r = await checkSat(
      {
        assertions: [...terms(inv.get(o.location) ?? []), ...terms(o.constraints)],
        comments: [`termination: can ${o.property} fail?`],
      },
      budget.queryOptions(),
    );
    if (r.status !== 'unsat') open.push(o);
  }
  return open;
}

/** A value source of the witness's run that the program does not define, if any. */
function foreignSource(w: Witness): string | undefined {
  return w.sources.find(
    (s) => !s.startsWith('__VERIFIER_nondet') && !s.startsWith('uninitialised'),
  );
}

export async function analyzeTermination(
  fn: IrFunction,
  budget: Budget,
  /**
   * `quick`: only the cheap first step (fixed points); `rest`: all but that
   * step (the caller ran it already); `full`: everything.
   */
  effort: 'quick' | 'rest' | 'full' = 'full',
): Promise<Analysis> {
  const built = buildCts(fn);
  if (built.kind === 'unsupported')
    return {
      kind: 'unsupported',
      reason: built.reason,
      ...(built.span ? { span: built.span } : {}),
    };
  const cts = built.cts;
  const unknown = (
    message: string,
    timeout: boolean,
    open: readonly Obligation[],
    span?: SourceSpan,
  ): Analysis => ({
    kind: 'unknown',
    cts,
    message,
    timeout,
    open,
    ...(span === undefined ? {} : { span }),
  });
  // The cheap, decisive step first: a state that one pass through a loop maps
  // to itself (and that a replayed run reaches) settles the question before
  // any invariant or ranking function is searched for.
  // A fixed point whose run depends on a function the file does not define
  // decides nothing, but it is the reason a don't know gives (kept per part).
  const foreignAt = new Map<number, Witness>();
  for (const [i, part] of (effort === 'rest' ? [] : parts(cts)).entries()) {
    if (budget.expired() || part.transitions.some((t) => t.approximate)) continue;
    const rec = await findRecurrentSet(cts, part.locs, part.transitions, budget, 'exact');
    if (rec.kind !== 'found') continue;
    if (foreignSource(rec.witness) === undefined)
      return { kind: 'nonterminating', cts, locs: part.locs, witness: rec.witness };
    foreignAt.set(i, rec.witness);
  }
  if (effort === 'quick') {
    const u = unknown('no loop state is mapped to itself by a pass', false, []);
    const foreign = [...foreignAt.values()][0];
    return foreign === undefined ? u : ({ ...u, witness: foreign } as Analysis);
  }
  const inv = (await houdini(cts, budget)) ?? new Map<number, never[]>();
  const queries = (await recheckInvariants(cts, inv, budget)) ?? [];
  const invariants: Invariants =
    queries.length > 0 || [...inv.values()].every((c) => c.length === 0) ? inv : new Map();
  const open = await openObligations(cts, invariants, budget);
  const proofs: PartProof[] = [];
  let failure: { message: string; span?: SourceSpan; timeout: boolean } | null = null;
  let foreignWitness: Witness | undefined;
  for (const [i, part] of parts(cts).entries()) {
    if (budget.expired()) return unknown('the time budget ran out', true, open);
    const span = cts.locations[part.locs[0]].span;
    const r = await rankPart(cts, part.locs, part.transitions, invariants, budget);
    if (r.kind === 'found') {
      const check = await checkArgument(part.transitions, invariants, r.argument, budget);
      if (check.ok) {
        queries.push(...check.queries);
        proofs.push({ locs: part.locs, argument: r.argument });
        continue;
      }
      failure ??= {
        message: `a ranking function failed its re-check: ${check.reason}`,
        timeout: false,
        ...(span ? { span } : {}),
      };
      continue;
    }
    const rec = part.transitions.some((t) => t.approximate)
      ? {
          kind: 'none' as const,
          reason:
            'the loop computes values outside linear arithmetic (e.g. a product of two variables), which the non-termination search cannot use',
        }
      : foreignAt.has(i)
        ? { kind: 'found' as const, witness: foreignAt.get(i) as Witness }
        : // The first step tried the fixed points as they are; now generalised.
          await findRecurrentSet(cts, part.locs, part.transitions, budget, 'all');
    if (rec.kind === 'found') {
      const foreign = foreignSource(rec.witness);
      if (foreign === undefined)
        return { kind: 'nonterminating', cts, locs: part.locs, witness: rec.witness };
      foreignWitness ??= rec.witness;
      failure ??= {
        message: `the loop runs forever on some runs, but only when ${foreign.replace(/^undefined function /, '')} returns particular values; the program does not define ${foreign.replace(/^undefined function /, '')}, so whether it terminates depends on it`,
        timeout: false,
        ...(span ? { span } : {}),
      };
      continue;
    }
    const timeout = r.kind === 'unknown' && r.reason === 'timeout';
    failure ??= {
      message: timeout
        ? 'the time budget ran out while searching for a ranking function'
        : `no termination argument found for the loop (linear, lexicographic and nested ranking functions tried: ${r.reason}) and no recurrent set (${rec.reason})`,
      timeout: timeout || budget.expired(),
      ...(span ? { span } : {}),
    };
  }
  if (failure !== null) {
    const u = unknown(failure.message, failure.timeout, open, failure.span);
    return foreignWitness === undefined ? u : ({ ...u, witness: foreignWitness } as Analysis);
  }
  return { kind: 'terminates', cts, invariants, parts: proofs, queries, open };
}
