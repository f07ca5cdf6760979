/**
 * Access to the system C toolchain: finding a compiler on PATH (the only
 * thing cached between calls), running a process with a timeout, temporary
 * directories that are always removed, and C literal formatting.
 * Nothing here throws for a missing tool: callers get `null` or a result.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The first executable called `name` on PATH, or null. */
export function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

let cachedCompiler: string | null | undefined;

/** `cc`, `gcc` or `clang` from PATH (looked up once per process), or null. */
export function findCompiler(): string | null {
  if (cachedCompiler === undefined) {
    cachedCompiler = ['cc', 'gcc', 'clang'].map(findOnPath).find((p) => p !== null) ?? null;
  }
  return cachedCompiler;
}

let cachedReplayCompilers: readonly string[] | undefined;

/**
 * The compilers a counterexample is replayed with, in order of preference
 * (looked up once per process): `clang` first, because gcc folds comparisons
 * such as `x + 1 > x` even at `-O0` and computes some `unsigned short`
 * products in a narrower type, so its UBSan never sees those overflows;
 * then `cc` and `gcc` (each path once). Empty when none is on PATH.
 */
export function findReplayCompilers(): readonly string[] {
  if (cachedReplayCompilers === undefined) {
    const found = ['clang', 'cc', 'gcc'].map(findOnPath).filter((p): p is string => p !== null);
    const seen = new Set<string>();
    cachedReplayCompilers = found.filter((p) => {
      const real = realPath(p);
      if (seen.has(real)) return false;
      seen.add(real);
      return true;
    });
  }
  return cachedReplayCompilers;
}

/**
 * An `llvm-symbolizer` for AddressSanitizer's reports: on PATH, else next to
 * `compiler` (resolving symlinks, e.g. /usr/bin/clang → /usr/lib/llvm-14/bin),
 * else null (gcc's libasan symbolizes by itself; clang's then falls back to
 * addr2line when allowed).
 */
export function findSymbolizer(compiler?: string): string | null {
  const onPath = findOnPath('llvm-symbolizer');
  if (onPath !== null) return onPath;
  if (compiler === undefined) return null;
  const candidate = join(dirname(realPath(compiler)), 'llvm-symbolizer');
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export interface ProcessResult {
  /** Exit code, or null when killed by a signal. */
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** The process could not be started at all (e.g. ENOENT). */
  readonly spawnError?: string;
}

/** Runs `file args` to completion or until `timeoutMs` (then SIGKILL). Never rejects. */
export function runProcess(
  file: string,
  args: readonly string[],
  options: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      [...args],
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        cwd: options.cwd,
        env: options.env ?? process.env,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const err = error as
          | (NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: unknown })
          | null;
        const spawnFailed = err !== null && typeof err.code === 'string';
        resolve({
          code: err === null ? 0 : typeof err.code === 'number' ? err.code : null,
          signal: err?.signal ?? null,
          stdout,
          stderr,
          timedOut: err?.killed === true && err.signal === 'SIGKILL',
          ...(spawnFailed ? { spawnError: err.message } : {}),
        });
      },
    );
    child.stdin?.end();
  });
}

/** Creates a temporary directory, passes it to `body`, and removes it afterwards. */
export async function withTempDir<T>(
  prefix: string,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A C expression of type `unsigned long long` or `long long` with value `v`,
 * valid for the whole 64-bit range (the most negative value is written as a
 * subtraction, since `9223372036854775808LL` does not exist).
 */
export function cIntLiteral(v: bigint): string {
  if (v >= 0n) return `${v}ULL`;
  return `(-${-v - 1n}LL - 1)`;
}

/** `v` as a C expression of type `type` (e.g. `(unsigned int)(4294967295ULL)`). */
export function cCast(type: string, v: bigint): string {
  return `((${type})${cIntLiteral(v)})`;
}

/** A C string literal for `s`. */
export function cString(s: string): string {
  return JSON.stringify(s);
}

/** Trims process output for a one-line detail message. */
export function excerpt(text: string, max = 300): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}
