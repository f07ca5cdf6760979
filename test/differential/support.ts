/**
 * Helpers shared by the differential tests: a seeded PRNG, random choices,
 * detection of gcc, and a one-line description of a verdict.
 */
import { spawnSync } from 'node:child_process';
import type { Verdict } from '../../src/verdict/verdict.js';

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    const cx = v.counterexample;
    return `no: ${cx.property.id} (${cx.property.description}) at ${cx.property.span.startLine}:${cx.property.span.startCol}-${cx.property.span.endLine}:${cx.property.span.endCol}; inputs ${cx.inputs.map((i) => `${i.name}=${i.value}`).join(', ')}`;
  }
  if (v.answer === 'unknown') return `unknown: ${v.reason.code}: ${v.reason.message}`;
  return 'yes';
}
