/**
 * What the suite harnesses (`svcomp.ts`, `termcomp.ts`) share: running one
 * `arc` CLI process per task with a hard kill well beyond its own budget,
 * reading its `--json` verdict, a pool of parallel jobs, time statistics and
 * Markdown helpers.
 */
import { spawn } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** The CLI's exit codes. */
const EXIT_FOR_ANSWER: Readonly<Record<string, number>> = { yes: 0, no: 1, unknown: 3 };

/** One CLI run as the harness saw it. */
export interface Outcome {
  /** arc's answer; `error`: bad input (exit 2), internal error (exit 4), a crash or unreadable output. */
  readonly answer: 'yes' | 'no' | 'unknown' | 'error';
  /** The unknown reason's code, `killed`, or for errors `exit N` / `signal S`. */
  readonly reason: string;
  /** The unknown reason's message, or for errors the first line of stderr. */
  readonly message: string;
  /** The verdict's explanation (empty for errors). */
  readonly explanation: string;
  /** End to end, process start to exit. */
  readonly wallMs: number;
}

/**
 * When a process that was given `--timeout S` is killed. The budget bounds the
 * search, not start-up, re-checking and replay, so the margin is wide: a kill
 * means arc overran its budget badly, not that it was a little late.
 */
export function killAfterMs(timeoutS: number): number {
  return (timeoutS * 4 + 30) * 1000;
}

/** Runs `node dist/src/cli/main.js ARGS` (ARGS should include `--json` and `--timeout S`). */
export function runCli(args: readonly string[], timeoutS: number): Promise<Outcome> {
  const limitMs = killAfterMs(timeoutS);
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    const finish = (code: number | null, signal: string | null, spawnError?: Error): void => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (killed) {
        const message = `no answer after ${limitMs / 1000} s (--timeout ${timeoutS})`;
        done({ answer: 'unknown', reason: 'killed', message, explanation: '', wallMs });
        return;
      }
      done(readVerdict(code, signal, stdout, spawnError?.message ?? stderr, wallMs));
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

function readVerdict(
  code: number | null,
  signal: string | null,
  stdout: string,
  stderr: string,
  wallMs: number,
): Outcome {
  const error = (message: string): Outcome => ({
    answer: 'error',
    reason: code !== null ? `exit ${code}` : `signal ${signal ?? '?'}`,
    message,
    explanation: '',
    wallMs,
  });
  const firstLine = stderr.trim().split('\n')[0]?.trim() ?? '';
  let parsed: {
    answer?: unknown;
    explanation?: unknown;
    reason?: { code?: unknown; message?: unknown } | null;
  } | null;
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return error(
      firstLine || (stdout.trim() === '' ? 'no output' : 'output is not a JSON verdict'),
    );
  }
  const answer = parsed.answer;
  if (answer !== 'yes' && answer !== 'no' && answer !== 'unknown') {
    return error(`unexpected answer ${JSON.stringify(answer)}`);
  }
  // A verdict that disagrees with the exit code is a CLI bug, not an answer.
  if (code !== EXIT_FOR_ANSWER[answer]) {
    return error(
      `answer ${answer} but exit code ${code ?? signal}${firstLine ? `: ${firstLine}` : ''}`,
    );
  }
  return {
    answer,
    reason: typeof parsed.reason?.code === 'string' ? parsed.reason.code : '',
    message: typeof parsed.reason?.message === 'string' ? parsed.reason.message : '',
    explanation: typeof parsed.explanation === 'string' ? parsed.explanation : '',
    wallMs,
  };
}

/**
 * Runs `work` on every item, `jobs` at a time, and returns the results in the
 * items' order. `report` is called with each result and its item's index as
 * it finishes (progress lines).
 */
export async function runPool<T, R>(
  items: readonly T[],
  jobs: number,
  work: (item: T) => Promise<R>,
  report?: (result: R, index: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
      report?.(results[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}

/** The median (the mean of the middle two for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile (`p` in 0..100); 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `n/d (p%)`, or `n/0` when there is nothing to divide by. */
export function ratio(n: number, d: number): string {
  return d === 0 ? `${n}/0` : `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`;
}

/** Counts per key, most frequent first, ties by key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const groups = new Map<string, number>();
  for (const item of items) groups.set(key(item), (groups.get(key(item)) ?? 0) + 1);
  return [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Table cells must not break the Markdown table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** A Markdown table; cells are escaped with `cell`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}

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
