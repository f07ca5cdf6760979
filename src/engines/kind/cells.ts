/**
 * Candidate invariants about array contents, for every index K: the ghost
 * index of the `cell` observables (ir.ts `GHOST_INDEX`), which no pass
 * changes. Each candidate is a guarded fact `G ==> R` about the elements
 * `a[K]` of the arrays live at a loop head:
 *
 * - guards G: `K < t` (the part a loop over `t` has done), `K < c` (a whole
 *   array of the program's constant length c) and `t <= K && K < c` (the
 *   part it has not done yet);
 * - facts R: `a[K] == b[K]` (a copy), `a[K] == c` (an initialisation) and
 *   `a[K] == K + c` (an element computed from its index).
 *
 * As everywhere in k-induction, samples only filter (each sampled state is
 * tried at a few values of K, samples.ts); the solver decides. At a loop
 * head the short runs never reached, the candidates are not filtered: the
 * states borrowed from other heads say nothing about contents.
 */
import type { Term, VarTerm } from '../../smt/index.js';
import {
  and,
  eq,
  evaluate,
  implies,
  intBinary,
  intCompare,
  intConst,
  intSort,
  mkVar,
} from '../../smt/index.js';
import type { Candidate, NumericVar } from './candidates.js';
import { GHOST_INDEX } from '../../ir/ir.js';

/** Heavier than every other kind of candidate: tried and shown last. */
const CELL_WEIGHT = 6;
/** Constants larger than this are no array length and no element value worth a guess. */
const LARGEST = 1n << 24n;
/** Most candidates per loop head (Houdini's queries grow with them). */
const MOST = 160;

export interface CellVar {
  /** The observable's name (`@cell:…`). */
  readonly name: string;
  readonly slot: number;
}

export interface CellOptions {
  /** Element values worth guessing (the program's literals). */
  readonly constants: readonly bigint[];
  /** The arrays' lengths (elements), as the runs saw them; empty: guessed from `constants`. */
  readonly lengths: readonly bigint[];
  /** Slot of K in the sampled rows. */
  readonly ghostSlot: number;
}

/** The cell candidates at a loop head; `states` empty: unfiltered. */
export function cellCandidates(
  cells: readonly CellVar[],
  counters: readonly NumericVar[],
  states: readonly (readonly bigint[])[],
  options: CellOptions,
): Candidate[] {
  if (cells.length === 0) return [];
  const k = mkVar(`v!${GHOST_INDEX}`, intSort);
  const v = (name: string): VarTerm => mkVar(`v!${name}`, intSort);
  const num = intConst;
  const lengths = (options.lengths.length > 0 ? options.lengths : options.constants).filter(
    (c) => c > 1n && c <= LARGEST,
  );
  const values = [...new Set([0n, ...options.constants])].filter(
    (c) => c >= -LARGEST && c <= LARGEST,
  );
  const guards: Term[] = [
    ...counters.map((t) => intCompare('<', k, v(t.name))),
    ...lengths.map((c) => intCompare('<', k, num(c))),
    ...counters.flatMap((t) =>
      lengths.map((c) => and(intCompare('<=', v(t.name), k), intCompare('<', k, num(c)))),
    ),
  ];
  // Copies first, then initialisations, then elements computed from K.
  const facts: Term[] = [];
  for (const [i, a] of cells.entries())
    for (const b of cells.slice(i + 1)) facts.push(eq(v(a.name), v(b.name)));
  for (const a of cells) for (const c of values) facts.push(eq(v(a.name), num(c)));
  for (const a of cells)
    for (const c of values) facts.push(eq(v(a.name), intBinary('+', k, num(c))));
  const slots = new Map<string, number>([
    [k.name, options.ghostSlot],
    ...cells.map((c) => [`v!${c.name}`, c.slot] as const),
    ...counters.map((c) => [`v!${c.name}`, c.slot] as const),
  ]);
  const holds = (t: Term): boolean =>
    states.every((s) => evaluate(t, (x: VarTerm) => s[slots.get(x.name) as number]) === 1n);
  const out: Candidate[] = [];
  for (const g of guards) {
    for (const f of facts) {
      const t = implies(g, f);
      if (holds(t)) out.push({ term: t, weight: CELL_WEIGHT });
      if (out.length >= MOST) return out;
    }
  }
  return out;
}
