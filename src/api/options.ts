/**
 * Validation of user-supplied options shared by the CLI and the library API.
 * Returns diagnostics (code `bad-option`) instead of throwing.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { PROPERTY_GROUPS, type PropertyKind } from '../ir/ir.js';
import { ENGINE_CHOICES, type ProveOptions } from './types.js';

export const DEFAULT_TIMEOUT_SECONDS = 10;
const MAX_TIMEOUT_SECONDS = 86_400;
const MAX_UNWIND_LIMIT = 100_000;

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

export function validateProveOptions(options: ProveOptions): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const bad = (message: string): void => {
    problems.push(diagnostic('bad-option', 'error', message));
  };
  if (options.file.trim() === '') bad('no input file given');
  const t = options.timeoutSeconds;
  if (t !== undefined && !inRange(t, 0.001, MAX_TIMEOUT_SECONDS))
    bad(`--timeout must be a number of seconds in (0, ${MAX_TIMEOUT_SECONDS}], got ${t}`);
  const u = options.maxUnwind;
  if (u !== undefined && !(Number.isInteger(u) && inRange(u, 0, MAX_UNWIND_LIMIT)))
    bad(`--max-unwind must be a whole number in [0, ${MAX_UNWIND_LIMIT}], got ${u}`);
  if (options.dataModel !== undefined && !['LP64', 'ILP32'].includes(options.dataModel))
    bad(`--data-model must be LP64 or ILP32, got ${String(options.dataModel)}`);
  if (options.semantics !== undefined && !['c', 'math'].includes(options.semantics))
    bad(`--semantics must be c or math, got ${String(options.semantics)}`);
  for (const p of options.properties ?? []) {
    if (!(p in PROPERTY_GROUPS))
      bad(`unknown --property '${p}'; known: ${Object.keys(PROPERTY_GROUPS).join(', ')}`);
  }
  if (options.engines !== undefined && !ENGINE_CHOICES.includes(options.engines))
    bad(`--engine must be one of ${ENGINE_CHOICES.join(', ')}, got ${String(options.engines)}`);
  if (options.function !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.function))
    bad(`--function must be a C identifier, got '${options.function}'`);
  return problems;
}

/** The property kinds the options select: all kinds by default; `returns-true` only on request. */
export function selectedKinds(options: ProveOptions): Set<PropertyKind> {
  const groups = options.properties ?? [];
  const kinds = new Set<PropertyKind>();
  if (groups.length === 0) {
    for (const k of [
      'assertion',
      'error-call',
      'overflow',
      'div-by-zero',
      'shift',
      ...PROPERTY_GROUPS['memory-safety'],
    ] as const)
      kinds.add(k);
  }
  for (const g of groups) for (const k of PROPERTY_GROUPS[g] ?? []) kinds.add(k);
  if (options.returnsTrue === true) kinds.add('returns-true');
  return kinds;
}
