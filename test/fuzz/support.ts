/**
 * What every generated input must satisfy, whichever command it is fed to:
 * the command returns (no exception: an exception is exit code 4), nothing it
 * says mentions an internal error or an internal inconsistency, bad input
 * carries a diagnostic with a location, and an unsupported construct is a
 * don't know that names where it is. Shared by the fuzz tests.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spanOf, type Diagnostic } from '../../src/core/diagnostic.js';
import type { ProveResult } from '../../src/api/types.js';

/** Seed of every sample (change it to explore; the tests must pass for this one). */
export const FUZZ_SEED = Number(process.env['ARC_FUZZ_SEED'] ?? 20261214);

/** Text that must never appear in what arc says about an input. */
export const INTERNAL = /internal error|internal inconsistency|a bug in arc/i;
/** A JavaScript stack frame. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/**
 * Diagnostics that concern the whole file and so have no line: they must name
 * the file. (`unknown-function`: `--function` names no function the file defines.)
 */
const FILE_LEVEL = new Set([
  'file-not-found',
  'file-unreadable',
  'empty-file',
  'binary-file',
  'unknown-function',
]);

/**
 * A front-end's diagnostics: bad input (anything but unsupported constructs
 * and recursion) is located, and no message is an internal error.
 */
export function assertFrontEndDiagnostics(
  result: { readonly ok: boolean; readonly diagnostics: readonly Diagnostic[] },
  file: string,
  context: string,
): void {
  if (!result.ok) {
    const unsupportedOnly = result.diagnostics
      .filter((d) => d.severity === 'error')
      .every((d) => d.code === 'unsupported' || d.code === 'recursion');
    if (!unsupportedOnly) assertLocatedCodeDiagnostics(result.diagnostics, file, context);
  }
  for (const d of result.diagnostics)
    assert.doesNotMatch(d.message, /internal error/i, `${context}: ${d.message}`);
}

/** Every error diagnostic of bad input has a `file:line:col` span (or, for a whole-file problem, names the file). */
export function assertLocatedCodeDiagnostics(
  diagnostics: readonly Diagnostic[],
  file: string,
  context: string,
): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0, `bad input without an error diagnostic: ${context}`);
  for (const d of errors) {
    const span = spanOf(d);
    if (FILE_LEVEL.has(d.code)) {
      assert.ok(
        d.message.includes(file) || span !== undefined,
        `${d.code} does not name the file: ${d.message} — ${context}`,
      );
      continue;
    }
    assert.ok(
      span !== undefined,
      `error diagnostic without a location: [${d.code}] ${d.message} — ${context}`,
    );
    assert.ok(
      span.startLine >= 1 && span.startCol >= 1,
      `bad span ${JSON.stringify(span)} — ${context}`,
    );
  }
}

/**
 * The contract for `prove` and `terminates` results: a verdict or bad input;
 * bad input located; an unsupported construct located; nothing internal.
 * Returns the answer ('bad-input' for bad input).
 */
export function checkProveResult(r: ProveResult, file: string, context: string): string {
  const text = JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  assert.doesNotMatch(
    text,
    INTERNAL,
    `internal error or inconsistency: ${context}\n${text.slice(0, 2000)}`,
  );
  if (r.kind === 'bad-input') {
    assertLocatedCodeDiagnostics(r.diagnostics, file, context);
    return 'bad-input';
  }
  const v = r.verdict;
  assert.ok(['yes', 'no', 'unknown'].includes(v.answer), `answer ${String(v.answer)}: ${context}`);
  if (v.answer === 'unknown' && v.reason.code === 'unsupported') {
    assert.ok(
      v.reason.location !== undefined,
      `an unsupported construct without its location: ${v.reason.message} — ${context}`,
    );
  }
  if (v.answer === 'no') {
    assert.equal(v.witness.replay.interpreter, 'agrees', `a no not replayed: ${context}`);
    assert.notEqual(
      v.witness.replay.compiler,
      'disagrees',
      `a no the compiler disagrees with: ${context}`,
    );
  }
  return v.answer;
}

/** Runs `promise`, turning an exception (exit code 4 on the command line) into a failed assertion. */
export async function noThrow<T>(what: string, promise: () => Promise<T>): Promise<T> {
  try {
    return await promise();
  } catch (e) {
    const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    assert.fail(`internal error (exit 4) on ${what}: ${message}`);
  }
}

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (asynchronously, so that two can run side by side). */
export function runCli(args: readonly string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A whole-file problem: a diagnostic without a line that names the file (no such file, empty, `--function` names nothing). */
const WHOLE_FILE =
  /^error: \S+.* \[(file-not-found|file-unreadable|empty-file|unknown-function)\]$/m;
/** `--json` output with a diagnostic that has a file and a line or JSON path. */
const JSON_LOCATED = /"file": "[^"]+",\s*"jsonPath": "[^"]*"/;

/** `file:line:col:` at the start of a line (a diagnostic with a source location). */
const LINE_COL = /^[^\s:][^:\n]*:\d+:\d+: (error|warning|note)/m;

/**
 * The CLI's contract on any input: exit 0, 1, 2 or 3; no stack trace; no
 * internal error; exit 2 with a located diagnostic (`file:line:col:` for
 * code; for JSON inputs also `file: … at JSON.PATH`, or a usage line naming
 * the problem). Returns the exit code.
 */
export function checkCliRun(run: CliRun, context: string, kind: 'code' | 'json' | 'usage'): number {
  const all = `${run.stdout}\n${run.stderr}`;
  assert.ok(
    run.code !== null && [0, 1, 2, 3].includes(run.code),
    `exit code ${String(run.code)}: ${context}\n${all.slice(0, 3000)}`,
  );
  assert.doesNotMatch(all, STACK_FRAME, `a stack trace: ${context}\n${all.slice(0, 3000)}`);
  assert.doesNotMatch(all, INTERNAL, `an internal error: ${context}\n${all.slice(0, 3000)}`);
  if (run.code === 2) {
    if (kind === 'code') {
      assert.ok(
        LINE_COL.test(run.stderr) || WHOLE_FILE.test(run.stderr),
        `bad input without file:line:col: ${context}\n${run.stderr}`,
      );
    } else if (kind === 'json') {
      assert.ok(
        LINE_COL.test(run.stderr) ||
          / at [A-Za-z]/.test(run.stderr) ||
          /^[^\s:]+\.json: /m.test(run.stderr) ||
          JSON_LOCATED.test(run.stdout),
        `bad input without a file, line or JSON path: ${context}\n${run.stderr}${run.stdout}`,
      );
    } else {
      // A bad command line: a line naming the problem (`arc: …`, an option's
      // or a file's diagnostic, or the command's own "bad input" answer and why).
      assert.ok(
        /^arc: /m.test(run.stderr) ||
          /^(\S+: )?error: .*\[[a-z-]+\]$/m.test(run.stderr) ||
          /^Answer +bad input\nWhy +\S/m.test(run.stdout),
        `a bad command line without its message: ${context}\n${run.stderr}${run.stdout}`,
      );
    }
  }
  return run.code ?? -1;
}

/**
 * Collects the failures of many inputs, so that one run reports all of them
 * (each with the input that found it); `assertNone` fails with the list.
 */
export class Failures {
  private readonly found: string[] = [];
  async check(body: () => Promise<void> | void): Promise<void> {
    try {
      await body();
    } catch (e) {
      this.found.push(e instanceof Error ? e.message : String(e));
    }
  }
  assertNone(): void {
    assert.equal(
      this.found.length,
      0,
      `${this.found.length} failure(s):\n\n${this.found.join('\n\n---\n\n')}`,
    );
  }
}

/** Counts of answers, for the test's diagnostic output. */
export function tally(answers: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts].map(([a, n]) => `${a} ${n}`).join(', ');
}
