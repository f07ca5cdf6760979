/**
 * The termination corpus's cases (`cases/*.c`, `cases/*.py`) read from their
 * header comments (`//` in C, `#` in Python), which are the test's data —
 *
 *   // expect: yes | no | unknown
 *   // args: --function f --semantics math   (default: main, C semantics)
 *   // kind: termination | overflow          (required for `no`: the violated property's kind)
 *   // reason: undefined-function            (optional for `unknown`: the expected reason code)
 *   // witness: f(1, 0)                      (documentation: inputs that show a `no`, checked with gcc)
 *   // why: one sentence: the ranking argument, the recurrent set, or why nobody can answer
 *   // gap: what arc cannot do yet   (a known gap: don't know is accepted, the opposite answer never)
 *
 * Shared by corpus.test.ts and the load benchmark (bench/load-cases.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { TerminatesOptions } from '../../src/api/types.js';
import { argValue, readCorpusArgs } from '../support/corpus-args.js';
import type { Semantics } from './helpers.js';

/** Tests run from dist/test/terminates/; the cases stay in test/terminates/cases. */
export const CASES_DIR = fileURLToPath(new URL('../../../test/terminates/cases/', import.meta.url));

/** The budget of each question: a cap, not an expectation. */
export const TIMEOUT_SECONDS = 20;

export type Expectation = 'yes' | 'no' | 'unknown';
export type NoKind = 'termination' | 'overflow';

const HEADER_KEYS = new Set(['expect', 'args', 'kind', 'reason', 'why', 'witness', 'gap']);
const CERTAIN_REASONS = new Set(['undefined-function', 'unsupported', 'recursion']);

export interface TerminationCase {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  readonly language: 'c' | 'python';
  readonly expect: Expectation;
  readonly options: TerminatesOptions;
  readonly entry: string;
  readonly semantics: Semantics;
  readonly kind?: NoKind;
  readonly reason?: string;
  readonly why: string;
  /** A known gap of arc: don't know is accepted for this case (never the opposite answer). */
  readonly gap?: string;
  /** Whether the program text has a `while` or `for` loop. */
  readonly hasLoop: boolean;
}

/** The leading `// key: value` (C) or `# key: value` (Python) comment lines. */
export function parseHeader(source: string, comment: '//' | '#'): Map<string, string> {
  const header = new Map<string, string>();
  const marker = comment === '//' ? '\\/\\/' : '#';
  const re = new RegExp(`^${marker}\\s*([A-Za-z][\\w-]*):\\s*(.*?)\\s*$`);
  for (const line of source.split('\n')) {
    const m = re.exec(line);
    if (m === null) break;
    if (!HEADER_KEYS.has(m[1])) throw new Error(`unknown header key '${m[1]}'`);
    if (header.has(m[1])) throw new Error(`duplicate header key '${m[1]}'`);
    header.set(m[1], m[2]);
  }
  return header;
}

/** CLI-style `args:` into TerminatesOptions (only the options the corpus uses). */
export function parseArgs(file: string, args: string): TerminatesOptions {
  const a = readCorpusArgs(args, ['--function', '--semantics']);
  const fn = argValue(a, '--function');
  const semantics = argValue(a, '--semantics');
  if (semantics !== undefined && semantics !== 'c' && semantics !== 'math')
    throw new Error(`bad semantics ${semantics}`);
  return {
    file,
    timeoutSeconds: TIMEOUT_SECONDS,
    ...(fn !== undefined ? { function: fn } : {}),
    ...(semantics !== undefined ? { semantics: semantics as Semantics } : {}),
  };
}

/** Whether the program has a loop: `while` or `for` outside comments and strings. */
export function hasLoop(source: string, language: 'c' | 'python'): boolean {
  const code =
    language === 'c'
      ? source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ')
      : source.replace(/#.*$/gm, ' ');
  return /\b(while|for)\b/.test(code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""'));
}

export function loadCase(name: string): TerminationCase {
  const file = path.join(CASES_DIR, name);
  const source = readFileSync(file, 'utf8');
  const language = name.endsWith('.py') ? 'python' : 'c';
  const header = parseHeader(source, language === 'python' ? '#' : '//');
  const expect = header.get('expect');
  if (expect !== 'yes' && expect !== 'no' && expect !== 'unknown') {
    throw new Error(`${name}: header 'expect' must be yes, no or unknown, got ${String(expect)}`);
  }
  const options = parseArgs(file, header.get('args') ?? '');
  if (language === 'python' && options.semantics !== undefined) {
    throw new Error(`${name}: --semantics does not apply to Python (its integers are unbounded)`);
  }
  const kind = header.get('kind');
  if (expect === 'no') {
    if (kind !== 'termination' && kind !== 'overflow') {
      throw new Error(`${name}: a 'no' case needs 'kind: termination' or 'kind: overflow'`);
    }
  } else if (kind !== undefined) {
    throw new Error(`${name}: 'kind' is only for 'no' cases`);
  }
  const reason = header.get('reason');
  if (reason !== undefined && (expect !== 'unknown' || !CERTAIN_REASONS.has(reason))) {
    throw new Error(
      `${name}: 'reason' must be one of ${[...CERTAIN_REASONS].join(', ')} (unknown)`,
    );
  }
  const why = header.get('why');
  if (why === undefined || why.trim() === '') throw new Error(`${name}: a 'why' header is needed`);
  const semantics = options.semantics ?? 'c';
  if (kind === 'overflow' && (language === 'python' || semantics === 'math')) {
    throw new Error(`${name}: there is no overflow with mathematical integers`);
  }
  const gap = header.get('gap');
  return {
    ...(gap === undefined ? {} : { gap }),
    name,
    file,
    source,
    language,
    expect,
    options,
    entry: options.function ?? 'main',
    semantics,
    ...(kind === 'termination' || kind === 'overflow' ? { kind } : {}),
    ...(reason !== undefined ? { reason } : {}),
    why,
    hasLoop: hasLoop(source, language),
  };
}

export const caseNames = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.c') || f.endsWith('.py'))
  .sort();
