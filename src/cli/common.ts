/** Helpers shared by the CLI commands: option parsing that reports usage errors, diagnostics output, witness files. */
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { buildWitness, type WitnessTask } from '../reporters/witness.js';
import type { Verdict } from '../verdict/verdict.js';
import { VERSION } from './usage.js';

/** Exit code of an internal error (a bug in arc). */
export const EXIT_INTERNAL = 4;

/** A mistake in the command line: reported in one line, exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** Parses `args` strictly; unknown options and missing values become a UsageError. */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${command}: ${message.split('\n')[0]} (see 'arc ${command} --help')`);
  }
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function stringList(parsed: ParsedArgs, name: string): string[] {
  const v = parsed.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** A numeric option: must parse completely as a number, else a UsageError. */
export function numberOption(parsed: ParsedArgs, name: string): number | undefined {
  const text = stringOption(parsed, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`--${name} expects a number, got '${text}'`);
  }
  return value;
}

/** Exactly one positional argument, the input file. */
export function singleFile(command: string, parsed: ParsedArgs): string {
  if (parsed.positionals.length !== 1) {
    throw new UsageError(
      `${command}: expected exactly one input file, got ${parsed.positionals.length}`,
    );
  }
  return parsed.positionals[0];
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${renderDiagnostic(d)}\n`);
}

/** `--witness FILE` must name a file in an existing directory (checked before the analysis runs). */
export function checkWitnessPath(path: string): void {
  if (path.trim() === '') throw new UsageError('--witness expects a file name');
  const dir = dirname(resolve(path));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`--witness: the directory ${dirname(path)} does not exist`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError(`--witness: ${path} is a directory`);
  }
}

/**
 * Writes the SV-COMP witness (YAML format 2.0) of a yes or a no to `path`;
 * for don't know, or a property SV-COMP has no specification for, writes
 * nothing and says why on stderr. False when the file could not be written.
 */
export async function writeWitness(
  path: string,
  verdict: Verdict,
  task: Omit<WitnessTask, 'source'>,
): Promise<boolean> {
  let source: Buffer;
  try {
    source = await readFile(task.inputFile);
  } catch (error: unknown) {
    process.stderr.write(
      `arc: no witness written: cannot read ${task.inputFile}: ${message(error)}\n`,
    );
    return false;
  }
  const witness = buildWitness(
    verdict,
    { ...task, source },
    { producer: { name: 'arc', version: VERSION } },
  );
  if (!witness.ok) {
    process.stderr.write(`arc: no witness written: ${witness.reason}\n`);
    return true;
  }
  try {
    await writeFile(path, witness.yaml);
  } catch (error: unknown) {
    process.stderr.write(`arc: cannot write the witness ${path}: ${message(error)}\n`);
    return false;
  }
  for (const note of witness.notes) process.stderr.write(`arc: witness: ${note}\n`);
  process.stderr.write(`arc: wrote the ${witness.entry.entry_type} witness ${path}\n`);
  return true;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
