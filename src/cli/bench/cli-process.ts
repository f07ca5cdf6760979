/**
 * Running the built `arc` CLI as a child process, one per task, with a hard
 * kill well beyond its own budget, and reading its `--json` verdict; a pool
 * of parallel jobs. Used by `arc bench` and the suite harnesses in bench/.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/** This build's CLI entry point (src/cli/bench/ → src/cli/main.js, in dist/ or any other build folder). */
export const CLI = fileURLToPath(new URL('../main.js', import.meta.url));

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
  /** For a no: the kind, description and id (`main.valid-deref.2`) of the property its witness violates. */
  readonly violated?: {
    readonly kind: string;
    readonly description: string;
    readonly id?: string;
  };
}

/**
 * When a process that was given `--timeout S` is killed. The budget bounds the
 * search, not start-up, re-checking and replay, so the margin is wide: a kill
 * means arc overran its budget badly, not that it was a little late.
 */
export function killAfterMs(timeoutS: number): number {
  return (timeoutS * 4 + 30) * 1000;
}

/** Runs `node CLI ARGS` (ARGS should include `--json` and `--timeout S`). */
export function runCli(args: readonly string[], timeoutS: number, cli = CLI): Promise<Outcome> {
  const limitMs = killAfterMs(timeoutS);
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    let finished = false;
    const finish = (code: number | null, signal: string | null, spawnError?: Error): void => {
      if (finished) return;
      finished = true;
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

/** A CLI run's outcome from its exit code and `--json` output. */
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
    witness?: { property?: { kind?: unknown; description?: unknown; id?: unknown } } | null;
    diagnostics?: unknown;
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
  // Bad input (exit 2) with --json: the diagnostic says why (stderr has it too).
  if (answer === 'bad-input') {
    const diagnostic = Array.isArray(parsed.diagnostics)
      ? (parsed.diagnostics[0] as { message?: unknown } | undefined)?.message
      : undefined;
    return error(firstLine || (typeof diagnostic === 'string' ? diagnostic : 'bad input'));
  }
  if (answer !== 'yes' && answer !== 'no' && answer !== 'unknown') {
    return error(`unexpected answer ${JSON.stringify(answer)}`);
  }
  // A verdict that disagrees with the exit code is a CLI bug, not an answer.
  if (code !== EXIT_FOR_ANSWER[answer]) {
    return error(
      `answer ${answer} but exit code ${code ?? signal}${firstLine ? `: ${firstLine}` : ''}`,
    );
  }
  const property = parsed.witness?.property;
  const violated =
    typeof property?.kind === 'string'
      ? {
          kind: property.kind,
          description: typeof property.description === 'string' ? property.description : '',
          ...(typeof property.id === 'string' ? { id: property.id } : {}),
        }
      : undefined;
  return {
    answer,
    ...(violated === undefined ? {} : { violated }),
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
