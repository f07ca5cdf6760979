/**
 * arc's termination engine: the IR becomes a cutpoint transition system
 * (cts.ts, symbolic.ts) over linear integer constraints (linear.ts);
 * invariants (invariants.ts), ranking functions found with Farkas' lemma
 * (rank.ts, farkas.ts) and recurrent sets (recurrent.ts) answer it, and
 * analyze.ts puts them together. Independent of the front-ends and the CLI;
 * talks to Z3 only through src/smt.
 */
export * from './linear.js';
export type { RankingFunction } from './lia.js';
export type { Cts, CtsResult, CtsTransition } from './cts.js';
export { buildCts } from './cts.js';
export type { Analysis } from './analyze.js';
export { analyzeTermination } from './analyze.js';
export { terminationEngine, terminationPropertyId } from './engine.js';
