/**
 * Concrete runs of the function in arc's interpreter, observed at the
 * locations of a cutpoint transition system: seeds for recurrent sets and a
 * cheap filter for candidate invariants (an atom false in a state some run
 * reaches is no invariant, so the solver need not be asked).
 */
import type { IrFunction } from '../../ir/ir.js';
import { allVariables, wrapToType } from '../../ir/ir.js';
import { scalar, type Value } from '../../ir/value.js';
import { makeRng } from '../../core/prng.js';
import { compiled } from '../../semantics/interpreter.js';
import type { Cts } from './cts.js';
import type { Valuation } from './linear.js';

export interface Sample {
  readonly inputs: ReadonlyMap<string, bigint>;
  readonly nondet: readonly bigint[];
  /** Visits of locations in the part, late in the run: (location, state). */
  readonly visits: readonly { readonly loc: number; readonly state: Valuation }[];
}

/** Picks from `values` with the baseline's seeded generator (reproducible runs). */
class Rng {
  private readonly next = makeRng(12345);
  pick(values: readonly bigint[]): bigint {
    return values[Number(this.next() % BigInt(values.length))];
  }
  /** Half the time one of `values`, otherwise uniform in [-32, 32]. */
  value(values: readonly bigint[]): bigint {
    return this.next() % 2n === 0n ? this.pick(values) : (this.next() % 65n) - 32n;
  }
}

const SMALL = [-100n, -10n, -3n, -2n, -1n, 0n, 0n, 1n, 1n, 2n, 3n, 5n, 7n, 10n, 100n];

export function stateAt(
  cts: Cts,
  loc: number,
  values: readonly Value[],
  slot: ReadonlyMap<string, number>,
): Valuation {
  const m = new Map<string, bigint>();
  for (const v of cts.locations[loc].live)
    m.set(v, scalar(values[slot.get(cts.irName.get(v) as string) as number]));
  return m;
}

/** `v` as a value of parameter `name`'s type (reduced modulo 2^width for a C integer). */
export function clampTo(fn: IrFunction, name: string, v: bigint): bigint {
  const p = fn.params.find((q) => q.name === name);
  if (p === undefined || p.type.kind === 'int' || p.type.kind === 'array') return v;
  if (p.type.kind === 'bool') return v === 0n ? 0n : 1n;
  return wrapToType(v, p.type);
}

/**
 * Concrete runs from small inputs. With `onlyUnfinished`, only the runs that do
 * not finish within the step budget are returned (their last visits).
 */
export function sampleRuns(
  cts: Cts,
  locs: ReadonlySet<number>,
  count: number,
  steps: number,
  onlyUnfinished = true,
): Sample[] {
  const fn = cts.fn;
  const run = compiled(fn);
  const vars = allVariables(fn);
  const slot = new Map(vars.map((v, i) => [v.name, i]));
  const nodeLoc = new Map(cts.locations.map((l, i) => [l.node, i]));
  const nodes = new Set([...locs].map((l) => cts.locations[l].node));
  const out: Sample[] = [];
  const rng = new Rng();
  for (let k = 0; k < count; k++) {
    const inputs = new Map(fn.params.map((p) => [p.name, clampTo(fn, p.name, rng.value(SMALL))]));
    const nondet: bigint[] = [];
    const first: { loc: number; state: Valuation }[] = [];
    let last: { loc: number; state: Valuation }[] = [];
    const outcome = run.run(
      inputs,
      () => {
        const v = rng.value(SMALL);
        nondet.push(v);
        return v;
      },
      {
        maxSteps: steps,
        recordPath: false,
        observe: {
          nodes,
          visit: (node, values) => {
            const loc = nodeLoc.get(node) as number;
            const v = { loc, state: stateAt(cts, loc, values, slot) };
            if (first.length < 300) first.push(v);
            else {
              last.push(v);
              if (last.length > 400) last = last.slice(-200);
            }
          },
        },
      },
    );
    const visits = [...first, ...last];
    if (outcome.kind === 'out-of-steps') out.push({ inputs, nondet, visits: visits.slice(-50) });
    else if (!onlyUnfinished) out.push({ inputs, nondet, visits: [...first, ...last.slice(-50)] });
  }
  return out;
}
