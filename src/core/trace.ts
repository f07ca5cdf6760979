/**
 * Developer tracing: with `ARC_TRACE=kind,bmc` (topics, or `all`) in the
 * environment, engines report their phases and timings on stderr. Off by
 * default; never part of a verdict.
 */
import { performance } from 'node:perf_hooks';

const topics = new Set((process.env['ARC_TRACE'] ?? '').split(',').filter((t) => t !== ''));
const origin = performance.now();

/** Whether `topic` is being traced (to skip work only a trace line needs). */
export function tracing(topic: string): boolean {
  return topics.has(topic) || topics.has('all');
}

export function trace(topic: string, message: () => string): void {
  if (!tracing(topic)) return;
  const at = (performance.now() - origin).toFixed(0).padStart(6);
  process.stderr.write(`[${at} ms ${topic}] ${message()}\n`);
}
