/**
 * The function as constrained Horn clauses, solved by Z3's Spacer engine.
 *
 * One predicate `inv<i>` per cutpoint (the entry and each loop header) over
 * the variables live there; one clause per region exit
 * (`inv_i(x) ∧ path to j → inv_j(x')`), one per selected property check
 * (`inv_i(x) ∧ path to a failing check → false`), and a fact for the entry
 * (every live variable any value of its type). Expressions are encoded over
 * the integers (encoding/integer.ts).
 *
 * Spacer answers sat with a model — an interpretation of each `inv<i>`
 * that makes every clause valid, i.e. inductive invariants that exclude
 * every violation — or unsat when a violation is reachable.
 */
import type { IrFunction, Type } from '../../ir/ir.js';
import { allVariables } from '../../ir/ir.js';
import type { Term, VarTerm } from '../../smt/index.js';
import {
  conjunction,
  freeVariables,
  letText,
  mkVar,
  runScript,
  symbol,
  trueTerm,
} from '../../smt/index.js';
import { sortText } from '../../smt/term.js';
import type { RangeMode } from '../encoding/integer.js';
import { FreshValues, IntEncoder, intSortOf, rangeOf } from '../encoding/integer.js';
import type { Cutpoint, Regions } from '../encoding/regions.js';
import { encodeRegion } from '../encoding/regions.js';
import { modelDefinitions, parseSExprs, toTerm } from './sexpr.js';

export interface HornProblem {
  readonly script: string;
  /** The predicate of each cutpoint, by cutpoint index. */
  readonly predicates: readonly string[];
  /** Whether some clause over-approximates an operation (then unsat proves nothing). */
  readonly approximate: boolean;
}

export type HornAnswer =
  | {
      readonly kind: 'safe';
      /** Per cutpoint index: the invariant over the IR variable names (as Int/Bool terms). */
      readonly invariants: readonly Term[];
      readonly solverMs: number;
    }
  | { readonly kind: 'unsafe'; readonly solverMs: number }
  | { readonly kind: 'unknown'; readonly reason: string; readonly solverMs: number };

/** The variable standing for IR variable `name` at a cutpoint in the clauses. */
export function stateVar(name: string, t: Type): VarTerm {
  return mkVar(`v!${name}`, intSortOf(t));
}

function application(pred: string, args: readonly string[]): string {
  return args.length === 0 ? symbol(pred) : `(${symbol(pred)} ${args.join(' ')})`;
}

export function buildHorn(
  fn: IrFunction,
  regions: Regions,
  selected: ReadonlySet<string>,
  config: SpacerConfig,
): HornProblem {
  const options = config.options;
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const typeOf = (n: string): Type => types.get(n) as Type;
  const predicates = regions.cutpoints.map((c) => `inv${c.index}`);
  // Options must come before set-logic, or Spacer ignores them.
  const lines: string[] = [...options, '(set-logic HORN)'];
  for (const c of regions.cutpoints) {
    const sorts = c.live.map((n) => sortText(intSortOf(typeOf(n)))).join(' ');
    lines.push(`(declare-fun ${symbol(predicates[c.index])} (${sorts}) Bool)`);
  }
  let approximate = false;
  const ubChecks = new Set(
    fn.properties
      .filter((p) => p.kind === 'overflow' || p.kind === 'div-by-zero' || p.kind === 'shift')
      .map((p) => p.id),
  );
  const clause = (body: readonly Term[], pre: Cutpoint | null, head: Term[] | null, to: string) => {
    const roots = [conjunction(body), ...(head ?? [])];
    const vars = freeVariables([
      ...roots,
      ...(pre === null ? [] : pre.live.map((n) => stateVar(n, typeOf(n)))),
    ]);
    const text = letText(roots, ([b, ...h]) => {
      const parts = [b];
      if (pre !== null) {
        const args = pre.live.map((n) => symbol(stateVar(n, typeOf(n)).name));
        parts.unshift(application(predicates[pre.index], args));
      }
      const headText = head === null ? 'false' : application(to, h);
      return `(=> (and ${parts.join(' ')}) ${headText})`;
    });
    const binders = vars.map((v) => `(${symbol(v.name)} ${sortText(v.sort)})`).join(' ');
    lines.push(vars.length === 0 ? `(assert ${text})` : `(assert (forall (${binders}) ${text}))`);
  };
  // The entry fact: every live variable any value of its type.
  const entry = regions.cutpoints[0];
  const entryArgs = entry.live.map((n) => stateVar(n, typeOf(n)));
  clause(
    entry.live.flatMap((n, k) => rangeOf(entryArgs[k], typeOf(n), config.ranges) ?? []),
    null,
    entryArgs,
    predicates[0],
  );
  for (const region of regions.regions) {
    const cut = region.cut;
    const fresh = new FreshValues('f!', config.ranges);
    const encoder = new IntEncoder(fresh);
    const initial = new Map<string, Term>();
    const ranges: Term[] = [];
    const liveHere = new Set(cut.live);
    for (const [name, t] of types) {
      const v = liveHere.has(name) ? stateVar(name, t) : mkVar(`d!${name}`, intSortOf(t));
      initial.set(name, v);
      // The invariants carry the live variables' ranges; a dead one is written before it is read.
      const r = liveHere.has(name) ? rangeOf(v, t, config.ranges) : null;
      if (r !== null) ranges.push(r);
    }
    const encoded = encodeRegion(fn, region, initial, selected, {
      encode: (e, env) => encoder.encode(e, env),
      havoc: (t, what) => fresh.make(t, what),
      ignores: (id) => ubChecks.has(id),
    });
    const side = [...ranges, ...fresh.constraints];
    for (const x of encoded.exits) {
      const target = regions.cutpoints[x.to];
      const head = target.live.map((n) => x.env.get(n) as Term);
      clause([...side, x.guard], cut, head, predicates[x.to]);
    }
    for (const v of encoded.violations) clause([...side, v.term], cut, null, '');
    if (fresh.approximate) approximate = true;
  }
  // Without the upper bounds the clauses have states the program does not (see RangeMode).
  if (config.ranges !== 'full' && [...types.values()].some((t) => t.kind === 'bv'))
    approximate = true;
  lines.push('(check-sat)', '(get-model)');
  return { script: lines.join('\n') + '\n', predicates, approximate };
}

export interface SpacerConfig {
  /** Option lines for the script. */
  readonly options: readonly string[];
  readonly ranges: RangeMode;
}

/**
 * Spacer's configurations, tried in this order: global guidance (it
 * generalises counters far better) on clauses without range bounds, then
 * with them, then Spacer's defaults likewise (a different search, sometimes
 * with a readable model where the first has a quantified one).
 */
export const SPACER_CONFIGS: readonly SpacerConfig[] = [
  { options: ['(set-option :fp.spacer.global true)'], ranges: 'sign' },
  { options: ['(set-option :fp.spacer.global true)'], ranges: 'full' },
  { options: [], ranges: 'sign' },
  { options: [], ranges: 'full' },
];

export async function solveHorn(
  fn: IrFunction,
  regions: Regions,
  problem: HornProblem,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HornAnswer> {
  const r = await runScript(problem.script, timeoutMs, signal);
  if (r.status === 'unsat') return { kind: 'unsafe', solverMs: r.solverMs };
  if (r.status !== 'sat') {
    return { kind: 'unknown', reason: r.reason ?? 'unknown', solverMs: r.solverMs };
  }
  const text = r.output.slice(r.output.indexOf('sat') + 3);
  const parsed = parseSExprs(text);
  const defs = parsed === null || parsed.length === 0 ? [] : modelDefinitions(parsed[0]);
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const invariants: Term[] = [];
  for (const c of regions.cutpoints) {
    const d = defs.find((x) => x.name === problem.predicates[c.index]);
    // A predicate the model leaves out is unconstrained by the clauses: any value works, take true.
    if (d === undefined) {
      invariants.push(trueTerm);
      continue;
    }
    const bind = new Map<string, Term>();
    d.params.forEach((p, k) => {
      const name = c.live[k];
      bind.set(p, stateVar(name, types.get(name) as Type));
    });
    const t = toTerm(d.body, bind);
    if (t === null) {
      return {
        kind: 'unknown',
        reason: `Spacer's invariant for ${problem.predicates[c.index]} uses an operator arc cannot read`,
        solverMs: r.solverMs,
      };
    }
    invariants.push(t);
  }
  return { kind: 'safe', invariants, solverMs: r.solverMs };
}
