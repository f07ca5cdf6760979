/**
 * The engines, by name, each behind the one `Engine` interface (engine.ts).
 * The portfolio (verdict/portfolio.ts) reaches them only through this table.
 */
import { bmcEngine } from './bmc/index.js';
import { chcEngine } from './chc/index.js';
import type { Engine } from './engine.js';
import { kInductionEngine } from './kind/index.js';
import { terminationEngine } from './termination/engine.js';
import { testingEngine } from './testing/index.js';

export const ENGINES = {
  testing: testingEngine,
  bmc: bmcEngine,
  'k-induction': kInductionEngine,
  chc: chcEngine,
  termination: terminationEngine,
} as const satisfies Readonly<Record<string, Engine>>;

export type EngineName = keyof typeof ENGINES;

export type { Engine, EngineOptions, EngineResult } from './engine.js';
