/**
 * Bounded model checking: `bmcEngine` implements `Engine` (name `bmc`).
 * See bmc.ts for what its answers mean.
 */
export { bmcEngine, unwindSchedule } from './bmc.js';
