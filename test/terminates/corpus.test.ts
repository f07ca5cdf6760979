/**
 * Golden termination corpus: every `cases/*.c` and `cases/*.py` file starts
 * with header comments (`//` in C, `#` in Python) that are the test's data —
 *
 *   // expect: yes | no | unknown
 *   // args: --function f --semantics math   (default: main, C semantics)
 *   // kind: termination | overflow          (required for `no`: the violated property's kind)
 *   // reason: undefined-function            (optional for `unknown`: the expected reason code)
 *   // witness: f(1, 0)                      (documentation: inputs that show a `no`, checked with gcc)
 *   // why: one sentence: the ranking argument, the recurrent set, or why nobody can answer
 *   // gap: what arc cannot do yet   (a known gap: don't know is accepted, the opposite answer never)
 *
 * The runner asks `terminates` about each case and checks the answer and the
 * evidence that comes with it; a `no` answer's witness is also replayed here,
 * in arc's interpreter, independently of the engine's own replay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { terminates } from '../../src/api/terminates.js';
import type { TerminatesOptions } from '../../src/api/types.js';
import type { NoVerdict, UnknownVerdict, Verdict, YesVerdict } from '../../src/verdict/verdict.js';
import { argValue, readCorpusArgs } from '../support/corpus-args.js';
import {
  describeVerdict,
  lowerEntry,
  replayWitness,
  violatedKind,
  type Semantics,
} from './helpers.js';

/** Tests run from dist/test/terminates/; the cases stay in test/terminates/cases. */
const CASES_DIR = fileURLToPath(new URL('../../../test/terminates/cases/', import.meta.url));

/** The budget of each question: a cap, not an expectation. */
const TIMEOUT_SECONDS = 20;
/** Steps the interpreter runs a non-termination witness before calling it non-terminating. */
const WITNESS_STEPS = 200_000;
/** Steps an overflow witness may take to reach its overflow (the engine's own replay has to reach it too). */
const OVERFLOW_STEPS = 5_000_000;

type Expectation = 'yes' | 'no' | 'unknown';
type NoKind = 'termination' | 'overflow';

const HEADER_KEYS = new Set(['expect', 'args', 'kind', 'reason', 'why', 'witness', 'gap']);
const CERTAIN_REASONS = new Set(['undefined-function', 'unsupported', 'recursion']);

interface TerminationCase {
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

function loadCase(name: string): TerminationCase {
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

function checkYes(c: TerminationCase, v: YesVerdict, context: string): void {
  const cert = v.certificate;
  assert.equal(cert.kind, 'termination', `certificate of kind ${cert.kind} for ${context}`);
  if (cert.kind !== 'termination') return;
  if (c.hasLoop) {
    assert.ok(cert.loops.length > 0, `a program with a loop needs a loop argument: ${context}`);
  } else {
    assert.equal(cert.loops.length, 0, `loop arguments for a program without loops: ${context}`);
  }
  for (const l of cert.loops) {
    assert.ok(l.components.length > 0, `a loop argument without ranking functions: ${context}`);
    if (l.kind === 'linear') {
      assert.equal(l.components.length, 1, `a linear argument has one component: ${context}`);
    }
    for (const f of l.components) {
      assert.ok(f.trim().length > 0, `an empty ranking function for ${context}`);
    }
  }
  assert.ok(cert.recheck.trim().length > 0, `certificate without recheck for ${context}`);
  for (const q of cert.queries) {
    assert.match(q.smtlib, /check-sat/, `query without check-sat for ${context}`);
  }
}

async function checkNo(c: TerminationCase, v: NoVerdict, context: string): Promise<void> {
  const cx = v.witness;
  assert.equal(cx.property.kind, c.kind, `wrong kind of violated property for ${context}`);
  assert.equal(cx.replay.interpreter, 'agrees', `interpreter replay for ${context}`);
  const fn = await lowerEntry(c.file, c.entry, c.semantics);
  if (c.kind === 'termination') {
    const nt = cx.nonTermination;
    assert.ok(nt !== undefined, `a non-termination answer without a recurrent set: ${context}`);
    assert.ok(nt.sets.length > 0, `a non-termination witness with no sets: ${context}`);
    for (const s of nt.sets) assert.ok(s.set.trim().length > 0, `an empty set for ${context}`);
    // Independent replay: the run from the witness must not return, halt or hit undefined behaviour.
    const outcome = replayWitness(fn, cx, WITNESS_STEPS);
    assert.ok(
      outcome.kind === 'out-of-steps' || outcome.kind === 'nondet-exhausted',
      `the witness run ends as '${outcome.kind}'` +
        (outcome.kind === 'violated' ? ` (${outcome.property})` : '') +
        ` within ${WITNESS_STEPS} steps, but it should not end: ${context}`,
    );
  } else {
    assert.ok(
      cx.replay.compiler !== 'disagrees',
      `the compiler's build disagrees with an overflow: ${context}`,
    );
    // Independent replay: the witness must reach a signed overflow (undefined behaviour).
    const outcome = replayWitness(fn, cx, OVERFLOW_STEPS);
    assert.equal(
      violatedKind(fn, outcome),
      'overflow',
      `the witness run ends as '${outcome.kind}', not in an overflow: ${context}`,
    );
  }
}

function checkUnknown(c: TerminationCase, v: UnknownVerdict, ctx: string): void {
  if (c.reason !== undefined) assert.equal(v.reason.code, c.reason, `wrong reason for ${ctx}`);
}

async function checkCase(c: TerminationCase, v: Verdict): Promise<void> {
  const context = `${c.name} (${c.why})\n  ${describeVerdict(v)}`;
  if (c.gap !== undefined && v.answer === 'unknown') return checkUnknown(c, v, context);
  assert.equal(v.answer, c.expect, `wrong answer for ${context}`);
  switch (v.answer) {
    case 'yes':
      return checkYes(c, v, context);
    case 'no':
      return checkNo(c, v, context);
    case 'unknown':
      return checkUnknown(c, v, context);
  }
}

const caseNames = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.c') || f.endsWith('.py'))
  .sort();

test('the termination corpus is large and balanced', () => {
  const cases = caseNames.map(loadCase);
  const count = (p: (c: TerminationCase) => boolean): number => cases.filter(p).length;
  assert.ok(cases.length >= 48, `only ${cases.length} cases`);
  assert.ok(count((c) => c.expect === 'yes') >= 22, 'fewer than 22 yes cases');
  assert.ok(count((c) => c.expect === 'no') >= 18, 'fewer than 18 no cases');
  assert.ok(count((c) => c.expect === 'unknown') >= 6, 'fewer than 6 unknown cases');
  assert.ok(count((c) => c.kind === 'termination') > 0, 'no non-termination case');
  assert.ok(count((c) => c.kind === 'overflow') > 0, 'no overflow case');
  const math = count((c) => c.language === 'c' && c.semantics === 'math');
  const bitPrecise = count((c) => c.language === 'c' && c.semantics === 'c');
  assert.ok(math >= 12, `only ${math} cases in mathematical-integer semantics`);
  assert.ok(bitPrecise >= 20, `only ${bitPrecise} cases in C semantics`);
  assert.ok(count((c) => c.language === 'python') >= 6, 'fewer than 6 Python cases');
  assert.ok(count((c) => !c.hasLoop && c.expect === 'yes') > 0, 'no loop-free case');
});

for (const name of caseNames) {
  test(`terminates corpus: ${name}`, { timeout: 5 * TIMEOUT_SECONDS * 1000 }, async () => {
    const c = loadCase(name);
    const result = await terminates(c.options);
    if (result.kind === 'bad-input') {
      assert.fail(
        `${name}: bad input: ${result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`,
      );
    }
    await checkCase(c, result.verdict);
  });
}
