/**
 * arc's termination engine core: loops as linear integer transitions
 * (linear.ts), ranking-function synthesis with Farkas' lemma (ranking.ts,
 * farkas.ts), its independent re-check (recheck.ts) and the fixed-point
 * non-termination check (fixpoint.ts). Independent of the front-ends and the
 * CLI; talks to Z3 only through src/smt.
 */
export * from './linear.js';
export type { Goal } from './farkas.js';
export { farkas } from './farkas.js';
export type { Property, PropertyCheck, RankingFunction, SolveOptions } from './recheck.js';
export { checkProperty } from './recheck.js';
export type { Failure, LexComponent, LexResult, RankingResult } from './ranking.js';
export { formatRanking, synthesizeLexicographic, synthesizeLinear } from './ranking.js';
export type { FixedPointResult } from './fixpoint.js';
export { findFixedPoint } from './fixpoint.js';
export type { Cts, CtsResult, CtsTransition } from './cts.js';
export { buildCts } from './cts.js';
export type { Analysis } from './analyze.js';
export { analyzeTermination } from './analyze.js';
