/**
 * k-induction over the cutpoint graph. The function is a transition system
 * whose states are (cutpoint, values of the variables) and whose steps are
 * passes through one region (regions.ts): from a cutpoint to the next one.
 * A state is *bad* when a selected property fails during the pass that
 * starts in it. With invariants I (already shown inductive) at the cutpoints:
 *
 * - base case: no run has a bad state among its first k − 1 states;
 * - step case: k consecutive states that satisfy I, linked by passes, the
 *   first k − 1 of them good, never end in a bad state.
 *
 * Both unsat prove that no reachable state is bad: a state reached after
 * fewer than k − 1 passes is covered by the base case; any later one ends a
 * window of k reachable states, which satisfy I, the earlier ones good by
 * induction. With k = 1 the base case is empty and the step case is the
 * safety query of the invariant certificate.
 */
import type { IrFunction, Type } from '../../ir/ir.js';
import type { Term } from '../../smt/index.js';
import {
  and,
  conjunction,
  disjunction,
  eq,
  implies,
  intCompare,
  intConst,
  intSort,
  mkVar,
  not,
  trueTerm,
} from '../../smt/index.js';
import type { RegionView, ViewMode } from '../encoding/certificate.js';
import { encodeView } from '../encoding/certificate.js';
import type { Regions } from '../encoding/regions.js';

interface Step {
  readonly pc: Term;
  readonly views: readonly RegionView[];
}

export interface WindowQueries {
  /** Unsat: no bad state among the first k − 1 (absent for k = 1). */
  readonly base: readonly Term[] | null;
  /** Unsat: a window of k states inside the invariants, the first k − 1 good, ends good. */
  readonly step: readonly Term[];
}

function encodeStep(
  fn: IrFunction,
  regions: Regions,
  selected: ReadonlySet<string>,
  types: ReadonlyMap<string, Type>,
  mode: ViewMode,
  j: number,
): Step | null {
  const views: RegionView[] = [];
  for (const region of regions.regions) {
    const view = encodeView(fn, region, selected, types, mode, {
      state: `w${j}!`,
      fresh: `f${j}.${region.cut.index}!`,
    });
    if (view === null) return null;
    views.push(view);
  }
  return { pc: mkVar(`pc!${j}`, intSort), views };
}

const at = (pc: Term, i: number): Term => eq(pc, intConst(BigInt(i)));

function facts(step: Step, count: number): Term[] {
  const range = and(
    intCompare('<=', intConst(0n), step.pc),
    intCompare('<', step.pc, intConst(BigInt(count))),
  );
  // Every view of one step shares the state variables; their range facts agree.
  return [range, ...step.views.flatMap((v) => v.facts)];
}

function bad(step: Step): Term {
  return disjunction(
    step.views.map((v, i) =>
      and(at(step.pc, i), disjunction(v.encoded.violations.map((x) => x.term))),
    ),
  );
}

/** The pass from `from` to `to`: some region exit taken, the live values carried over. */
function transition(regions: Regions, from: Step, to: Step): Term {
  const options: Term[] = [];
  from.views.forEach((v, i) => {
    for (const x of v.encoded.exits) {
      const target = regions.cutpoints[x.to];
      const carried = target.live.map((name) =>
        eq(to.views[0].state.get(name) as Term, x.env.get(name) as Term),
      );
      options.push(conjunction([at(from.pc, i), x.guard, at(to.pc, x.to), ...carried]));
    }
  });
  return disjunction(options);
}

/** The invariants hold in `step` (null when one cannot be evaluated in this encoding). */
function inside(step: Step, invariants: readonly Term[]): Term | null {
  const parts: Term[] = [];
  for (const [i, v] of step.views.entries()) {
    if (invariants[i] === trueTerm) continue;
    const value = v.at(invariants[i], v.state);
    if (value === null) return null;
    parts.push(implies(at(step.pc, i), value));
  }
  return conjunction(parts);
}

/** The base and step queries for `k` (null when the invariants cannot be encoded in `mode`). */
export function windowQueries(
  fn: IrFunction,
  regions: Regions,
  invariants: readonly Term[],
  selected: ReadonlySet<string>,
  types: ReadonlyMap<string, Type>,
  mode: ViewMode,
  k: number,
): WindowQueries | null {
  const count = regions.cutpoints.length;
  const steps: Step[] = [];
  for (let j = 0; j < k; j++) {
    const s = encodeStep(fn, regions, selected, types, mode, j);
    if (s === null) return null;
    steps.push(s);
  }
  const step: Term[] = [];
  for (let j = 0; j < k; j++) {
    const inv = inside(steps[j], invariants);
    if (inv === null) return null;
    step.push(...facts(steps[j], count), inv);
    if (j < k - 1) step.push(not(bad(steps[j])), transition(regions, steps[j], steps[j + 1]));
  }
  step.push(bad(steps[k - 1]));
  if (k === 1) return { base: null, step };
  const base: Term[] = [at(steps[0].pc, 0)];
  const early: Term[] = [];
  for (let j = 0; j < k - 1; j++) {
    base.push(...facts(steps[j], count));
    early.push(bad(steps[j]));
    if (j < k - 2) base.push(transition(regions, steps[j], steps[j + 1]));
  }
  base.push(disjunction(early));
  return { base, step };
}
