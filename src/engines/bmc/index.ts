/**
 * Bounded model checking: `bmcEngine` implements `Engine` (name `bmc`).
 * See bmc.ts for what its answers mean.
 */
export { BmcEngine, MAX_DAG_NODES, bmcEngine, unwindSchedule } from './bmc.js';
