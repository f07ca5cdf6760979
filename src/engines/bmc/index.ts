/**
 * Bounded model checking: `bmcEngine` implements `Engine` (name `bmc`).
 * See bmc.ts for what its answers mean.
 */
export { BmcEngine, DEFAULT_MAX_UNWIND, MAX_DAG_NODES, bmcEngine, unwindSchedule } from './bmc.js';
export type { Loop, LoopInfo, LoopResult } from '../../ir/loops.js';
export { findLoops } from '../../ir/loops.js';
