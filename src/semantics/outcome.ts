/** What a concrete run of an IR function ends in. Paths are edge indices into `fn.edges`. */
import type { Value } from '../ir/value.js';

export type RunOutcome =
  /** Reached the `return` node; `value` is the return variable's value (null for void). */
  | { readonly kind: 'returned'; readonly value: Value | null; readonly path: readonly number[] }
  /** An `assert` edge whose condition is false. */
  | { readonly kind: 'violated'; readonly property: string; readonly path: readonly number[] }
  /** Reached a `halt` node (`abort()`, `exit()`). */
  | { readonly kind: 'halted'; readonly path: readonly number[] }
  /** An `assume` with no alternative edge was false: not a run of the program. */
  | { readonly kind: 'blocked'; readonly path: readonly number[] }
  /** Took more than the step budget (possibly a non-terminating run). */
  | { readonly kind: 'out-of-steps'; readonly path: readonly number[] }
  /** A `havoc` needed a value and the supplied sequence was used up. */
  | { readonly kind: 'nondet-exhausted'; readonly path: readonly number[] };
