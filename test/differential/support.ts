/**
 * Helpers shared by the differential tests: a seeded PRNG, random choices,
 * detection of gcc, and a one-line description of a verdict.
 */
import { spawnSync } from 'node:child_process';
import type { Verdict } from '../../src/verdict/verdict.js';
import { prng } from '../../src/core/prng.js';
export { prng };

/** Random choices drawn from one PRNG. */
export class Random {
  constructor(protected readonly rnd: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
}

export function gccAvailable(): boolean {
  const r = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

export function describeVerdict(v: Verdict): string {
  if (v.answer === 'no') {
    const cx = v.witness;
    return `no: ${cx.property.id} (${cx.property.description}) at ${cx.property.span.startLine}:${cx.property.span.startCol}-${cx.property.span.endLine}:${cx.property.span.endCol}; inputs ${cx.inputs.map((i) => `${i.name}=${i.value}`).join(', ')}`;
  }
  if (v.answer === 'unknown') return `unknown: ${v.reason.code}: ${v.reason.message}`;
  return 'yes';
}
