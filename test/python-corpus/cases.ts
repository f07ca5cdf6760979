/**
 * The Python corpus's cases (`cases/*.py`, `pending/*.py`) read from their
 * header comments, which are the test's data —
 *
 *   # expect: yes | no | unknown
 *   # command: prove | terminates          (default prove)
 *   # args: --function f --returns-true --property no-div-by-zero --max-unwind 8 --timeout 10
 *   # property: f.returns-true.1           (required for `no`: the violated property id)
 *   # reason: unsupported                  (optional for `unknown`: the expected reason code)
 *   # inputs: -8..8                        (the range python3 enumerates per parameter; default -6..6)
 *   # note: one line on why the expectation is true Python semantics
 *
 * Shared by corpus.test.ts and the load benchmark (bench/load-cases.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { argValue, readCorpusArgs } from '../support/corpus-args.js';

/** Tests run from <out>/test/python-corpus/; the Python files stay in test/python-corpus. */
const PYTHON_CORPUS = fileURLToPath(new URL('../../../test/python-corpus/', import.meta.url));
export const CASES_DIR = path.join(PYTHON_CORPUS, 'cases');
export const PENDING_DIR = path.join(PYTHON_CORPUS, 'pending');

export type Expectation = 'yes' | 'no' | 'unknown';
export type Command = 'prove' | 'terminates';

export interface Args {
  readonly fn: string;
  readonly returnsTrue: boolean;
  readonly properties: readonly string[];
  readonly maxUnwind?: number;
  readonly timeoutSeconds: number;
}

export interface PyCase {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  readonly expect: Expectation;
  readonly command: Command;
  readonly args: Args;
  readonly property?: string;
  readonly reason?: string;
  readonly inputs: readonly [number, number];
  readonly note: string;
}

/** The leading `# key: value` comment lines of a case file. */
export function parseHeader(source: string): Map<string, string> {
  const header = new Map<string, string>();
  for (const line of source.split('\n')) {
    const m = /^#\s*([A-Za-z][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (m === null) break;
    if (header.has(m[1])) throw new Error(`duplicate header key '${m[1]}'`);
    header.set(m[1], m[2]);
  }
  return header;
}

/** CLI-style `args:` (only the options the corpus uses). */
export function parseArgs(args: string): Args {
  const a = readCorpusArgs(
    args,
    ['--function', '--property', '--max-unwind', '--timeout'],
    ['--returns-true'],
  );
  const fn = argValue(a, '--function');
  if (fn === undefined) throw new Error('args must name the function (--function)');
  const maxUnwind = argValue(a, '--max-unwind');
  return {
    fn,
    returnsTrue: a.has('--returns-true'),
    properties: [...(a.get('--property') ?? [])],
    // A generous budget: a timeout would turn a yes or no into don't know.
    timeoutSeconds: Number(argValue(a, '--timeout') ?? 60),
    ...(maxUnwind !== undefined ? { maxUnwind: Number(maxUnwind) } : {}),
  };
}

export function loadCase(dir: string, name: string): PyCase {
  const file = path.join(dir, name);
  const source = readFileSync(file, 'utf8');
  const header = parseHeader(source);
  const expect = header.get('expect');
  if (expect !== 'yes' && expect !== 'no' && expect !== 'unknown')
    throw new Error(`${name}: header 'expect' must be yes, no or unknown, got ${String(expect)}`);
  const command = header.get('command') ?? 'prove';
  if (command !== 'prove' && command !== 'terminates')
    throw new Error(`${name}: header 'command' must be prove or terminates`);
  const property = header.get('property');
  const reason = header.get('reason');
  const note = header.get('note');
  if (expect === 'no' && property === undefined)
    throw new Error(`${name}: a 'no' case needs a 'property' header`);
  if (note === undefined) throw new Error(`${name}: every case needs a 'note' header`);
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(header.get('inputs') ?? '-6..6');
  if (range === null) throw new Error(`${name}: header 'inputs' must be lo..hi`);
  return {
    name,
    file,
    source,
    expect,
    command,
    args: parseArgs(header.get('args') ?? ''),
    inputs: [Number(range[1]), Number(range[2])],
    note,
    ...(property !== undefined ? { property } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}

export function caseNames(dir: string): string[] {
  // pending/ may be empty, and git keeps no empty folder.
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort();
}
