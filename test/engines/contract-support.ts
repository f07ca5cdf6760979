/**
 * The engines the engine contract suite (contract.test.ts) runs against.
 * Adding an engine to arc: add it here, and the suite holds it to the same
 * contract (never the opposite of the truth, re-checkable certificates,
 * replayable witnesses, cancellation, SMT-LIB dumps).
 */
import { bmcEngine } from '../../src/engines/bmc/index.js';
import { chcEngine } from '../../src/engines/chc/index.js';
import { kInductionEngine } from '../../src/engines/kind/index.js';
import { terminationEngine } from '../../src/engines/termination/engine.js';
import { testingEngine } from '../../src/engines/testing/index.js';
import type { Engine } from '../../src/engines/engine.js';
import { ENGINES as REGISTERED } from '../../src/engines/index.js';

export const ENGINES: readonly Engine[] = [
  testingEngine,
  bmcEngine,
  chcEngine,
  kInductionEngine,
  terminationEngine,
];

/** Every engine arc registers is held to the contract. */
export const REGISTERED_ENGINES: readonly Engine[] = Object.values(REGISTERED);
