/**
 * What the suite harnesses (`svcomp.ts`, `termcomp.ts`) share: running one
 * `arc` CLI process per task with a hard kill well beyond its own budget,
 * reading its `--json` verdict, a pool of parallel jobs, time statistics and
 * Markdown helpers (the first four from src/cli/bench/, which `arc bench` uses
 * too), and the command-line and report-header helpers of the scripts.
 */
import { cpus, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

// One implementation of running the CLI and of the statistics, shared with `arc bench`.
export { CLI, killAfterMs, runCli, runPool, type Outcome } from '../src/cli/bench/cli-process.js';
export {
  cell,
  countBy,
  median,
  percentile,
  ratio,
  seconds,
  sum,
  table,
} from '../src/cli/bench/stats.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The machine line of a report. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  return `${cpu}, ${cpus().length} cores, ${gib} GiB, Linux ${release()}, Node ${process.version}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Prints `PROGRAM: MESSAGE` and exits with the CLI's bad-usage code. */
export function usageError(program: string, message: string): never {
  process.stderr.write(`${program}: ${message}\n`);
  process.exit(2);
}

/** `parseArgs`, with a usage error (exit 2) instead of a stack trace for unknown options. */
export function parseCommandLine<T extends ParseArgsConfig>(
  program: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    return usageError(program, e instanceof Error ? e.message : String(e));
  }
}

/** A `--timeout` value: positive seconds. */
export function timeoutOption(
  program: string,
  value: string | undefined,
  fallback: number,
): number {
  const s = Number(value ?? fallback);
  if (!(s > 0) || !Number.isFinite(s)) {
    usageError(program, '--timeout must be a positive number of seconds');
  }
  return s;
}

/** A count option (`--jobs`, `--limit`): a positive integer. */
export function countOption(
  program: string,
  name: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) usageError(program, `--${name} must be a positive integer`);
  return n;
}
