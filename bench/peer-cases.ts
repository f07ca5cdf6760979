/**
 * The peer-regression suite (`../shared/bench/peer-regression`: C programs
 * from the regression suites of CBMC and ESBMC, each with the verdict its
 * suite expects under the checks its options turn on) for `npm run
 * bench:peer` (bench/peer.ts): reading the manifest, mapping each case's
 * `checks` to `arc prove` options, scoring arc's answers, and the reports
 * (Markdown and per-case TSV). Nothing here runs arc, so the tests can use it.
 *
 * The mapping (`CHECK_GROUPS`, `mapChecks`): each check token becomes arc
 * property groups (`--property G`, repeated, in one fixed order), except
 * `malloc-may-fail` (`--malloc-may-fail`; its absence `--malloc-never-fails`),
 * `unwinding-assertions=N` (`--max-unwind N`) and `bounded-unwind=N` (nothing:
 * the suite's verdicts also hold for the unbounded program). Tokens arc has no
 * property for (`UNCHECKED_TOKENS`, or unknown ones) are left out of the run,
 * and arc's yes on such a case is not trusted: it counts as don't know
 * (`unchecked: …`); a no stays a no.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from '../src/cli/bench/cli-process.js';
import { countBy, median, percentile, ratio, seconds, sum, table } from '../src/cli/bench/stats.js';

/** The topics of the suite, in report order. */
export const TOPICS = [
  'arrays',
  'pointers',
  'structs',
  'heap',
  'strings',
  'fnptr',
  'recursion',
  'integers',
] as const;
export type Topic = (typeof TOPICS)[number];

export type Expected = 'SUCCESSFUL' | 'FAILED';

/** One row of manifest.tsv. */
export interface PeerCase {
  /** The case folder, `cbmc/Free4` or `esbmc/…`. */
  readonly name: string;
  /** The suite it comes from: the first path segment (`cbmc`, `esbmc`). */
  readonly tool: string;
  /** The .c file, relative to the case folder. */
  readonly main: string;
  readonly expected: Expected;
  /** The reference tool's options, as in test.desc (for information). */
  readonly options: string;
  /** The check tokens, as written (`unwinding-assertions=3` included). */
  readonly checks: readonly string[];
  readonly topic: Topic;
}

/** The columns manifest.tsv must have. */
const COLUMNS = ['case', 'main', 'expected', 'options', 'checks', 'topic'] as const;

/** Parses manifest.tsv; throws naming the line for a malformed row. */
export function parseManifest(text: string, source = 'manifest.tsv'): PeerCase[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const header = lines[0].split('\t').map((h) => h.trim());
  const col: Record<string, number> = {};
  for (const c of COLUMNS) {
    col[c] = header.indexOf(c);
    if (col[c] < 0) throw new Error(`${source}: no column ${c} (needs ${COLUMNS.join(', ')})`);
  }
  const cases: PeerCase[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 2}`;
    const f = line.split('\t');
    const field = (c: (typeof COLUMNS)[number]): string => (f[col[c]] ?? '').trim();
    const name = field('case');
    const expected = field('expected');
    const topic = field('topic');
    if (name === '' || field('main') === '') throw new Error(`${where}: no case or main file`);
    if (expected !== 'SUCCESSFUL' && expected !== 'FAILED') {
      throw new Error(`${where}: expected ${JSON.stringify(expected)}, not SUCCESSFUL or FAILED`);
    }
    if (!(TOPICS as readonly string[]).includes(topic)) {
      throw new Error(`${where}: topic ${JSON.stringify(topic)}, not one of ${TOPICS.join('|')}`);
    }
    if (seen.has(name)) throw new Error(`${where}: case ${name} listed twice`);
    seen.add(name);
    cases.push({
      name,
      tool: name.includes('/') ? name.slice(0, name.indexOf('/')) : '.',
      main: field('main'),
      expected,
      options: field('options'),
      checks: field('checks')
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      topic: topic as Topic,
    });
  });
  return cases;
}

/** The cases of the suite in `dir`, in manifest order. */
export function loadManifest(dir: string): PeerCase[] {
  const file = join(dir, 'manifest.tsv');
  return parseManifest(readFileSync(file, 'utf8'), file);
}

/** A case's program. */
export function caseFile(dir: string, c: PeerCase): string {
  return join(dir, c.name, c.main);
}

/** The arc property groups of each check token that arc has properties for. */
export const CHECK_GROUPS: Readonly<Record<string, readonly string[]>> = {
  assertions: ['assertions'],
  // CBMC's free/realloc preconditions, its function-pointer call check and the library models' own
  // (arc's models assert the regions memcpy, memmove, memset and memcmp take as `library`).
  library: ['valid-free', 'valid-call', 'library'],
  bounds: ['valid-deref'],
  pointer: ['valid-deref', 'valid-free'],
  'div-by-zero': ['no-div-by-zero'],
  'signed-overflow': ['no-overflow'],
  'undefined-shift': ['valid-shift'],
  'pointer-overflow': ['valid-pointer-arith'],
  'pointer-relation': ['valid-pointer-compare'],
  // Both tools report a block nothing points to; at exit() a block a live local still points to
  // is not a leak for ESBMC (github_2335_6): that is valid-memtrack, not valid-memcleanup.
  'memory-leak': ['valid-memtrack'],
  // arc checks that a variable-length array's length is positive (and fits) under valid-deref.
  'vla-size': ['valid-deref'],
};

/** Check tokens arc has no property for: a yes on a case with one of them is not trusted. */
export const UNCHECKED_TOKENS: readonly string[] = ['unsigned-overflow', 'alignment'];

/**
 * Whether a program can dereference a misaligned pointer at all: only through
 * a cast to a pointer type (`(int *)p`). Without one, every pointer arc sees
 * points to objects of its own type (or char), and `alignment` holds vacuously.
 */
export function mayMisalign(source: string): boolean {
  const stripped = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  return /\(\s*(const\s+|volatile\s+)*[A-Za-z_][\w\s]*\*+\s*\)/.test(stripped);
}

/** The order of `--property` groups on the command line. */
const GROUP_ORDER: readonly string[] = [
  'assertions',
  'valid-deref',
  'valid-free',
  'valid-pointer-arith',
  'valid-pointer-compare',
  'valid-call',
  'library',
  'no-div-by-zero',
  'no-overflow',
  'valid-shift',
  'valid-memtrack',
];

/** Check tokens in the README's order (the per-token table's row order); `=N` tokens by their name. */
export const TOKEN_ORDER: readonly string[] = [
  'assertions',
  'library',
  'bounds',
  'pointer',
  'div-by-zero',
  'signed-overflow',
  'unsigned-overflow',
  'pointer-overflow',
  'undefined-shift',
  'memory-leak',
  'alignment',
  'pointer-relation',
  'vla-size',
  'malloc-may-fail',
  'unwinding-assertions',
  'bounded-unwind',
];

/** What arc is asked for one case. */
export interface ArcOptions {
  /** `--property` groups, each once, in GROUP_ORDER. */
  readonly properties: readonly string[];
  readonly mallocMayFail: boolean;
  /** `--max-unwind N`, from `unwinding-assertions=N`. */
  readonly maxUnwind?: number;
  /** The case's tokens that arc has no property for (unknown ones included), in the case's order. */
  readonly unchecked: readonly string[];
}

/** `unwinding-assertions=3` → `unwinding-assertions`. */
export function tokenName(token: string): string {
  const eq = token.indexOf('=');
  return eq < 0 ? token : token.slice(0, eq);
}

/** A positive integer bound (`=N`), or undefined when the token has none or a bad one. */
function bound(token: string): number | undefined {
  const text = token.slice(token.indexOf('=') + 1);
  return /^[1-9][0-9]*$/.test(text) ? Number(text) : undefined;
}

/** The arc options of a case's check tokens. */
export function mapChecks(checks: readonly string[], source?: string): ArcOptions {
  const groups = new Set<string>();
  const unchecked: string[] = [];
  let mallocMayFail = false;
  let maxUnwind: number | undefined;
  for (const token of checks) {
    const name = tokenName(token);
    const withBound = token.includes('=');
    if (!withBound && Object.hasOwn(CHECK_GROUPS, token)) {
      for (const g of CHECK_GROUPS[token]) groups.add(g);
    } else if (!withBound && token === 'malloc-may-fail') {
      mallocMayFail = true;
    } else if (withBound && name === 'unwinding-assertions' && bound(token) !== undefined) {
      const n = bound(token) as number;
      maxUnwind = maxUnwind === undefined ? n : Math.min(maxUnwind, n);
    } else if (withBound && name === 'bounded-unwind' && bound(token) !== undefined) {
      // Executions cut after N iterations: the expected verdict also holds unbounded.
    } else if (token === 'alignment' && source !== undefined && !mayMisalign(source)) {
      // No cast to a pointer type: no misaligned access is possible.
    } else if (!unchecked.includes(token)) {
      unchecked.push(token);
    }
  }
  return {
    properties: GROUP_ORDER.filter((g) => groups.has(g)),
    mallocMayFail,
    ...(maxUnwind === undefined ? {} : { maxUnwind }),
    unchecked,
  };
}

/** The options after `arc prove FILE`, as the runner passes them. */
export function arcArgs(file: string, options: ArcOptions, timeoutS: number): string[] {
  return [
    'prove',
    file,
    '--function',
    'main',
    ...options.properties.flatMap((g) => ['--property', g]),
    '--timeout',
    String(timeoutS),
    '--data-model',
    'LP64',
    options.mallocMayFail ? '--malloc-may-fail' : '--malloc-never-fails',
    ...(options.maxUnwind === undefined ? [] : ['--max-unwind', String(options.maxUnwind)]),
    // The suites' convention: a function without a body returns any value and does nothing else.
    '--undefined-functions-pure',
    '--json',
  ];
}

/** The case-specific options, for tables: `--property assertions … --malloc-never-fails`. */
export function optionsText(options: ArcOptions): string {
  return [
    ...options.properties.map((g) => `--property ${g}`),
    options.mallocMayFail ? '--malloc-may-fail' : '--malloc-never-fails',
    ...(options.maxUnwind === undefined ? [] : [`--max-unwind ${options.maxUnwind}`]),
  ].join(' ');
}

export type Judgement = 'correct' | 'wrong' | "don't know";

export interface PeerResult {
  readonly case: PeerCase;
  readonly options: ArcOptions;
  readonly outcome: Outcome;
  readonly judgement: Judgement;
  /** Why don't know (empty otherwise): arc's reason, an error's first line, `unchecked: …`. */
  readonly reason: string;
}

/** The first non-empty line of a text. */
function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}

/**
 * Why an outcome is no answer: for arc's don't know, the first line of its
 * reason (`unsupported: pointers`, or the reason code when it has no
 * message); for a kill, `killed: …`; for an error (bad input, an internal
 * error, a crash), `error (exit N): ` and the first line of what arc printed.
 */
export function noAnswerReason(outcome: Outcome): string {
  const message = firstLine(outcome.message);
  if (outcome.answer === 'error') {
    return `error (${outcome.reason || 'no exit code'}): ${message || 'no message'}`;
  }
  if (outcome.reason === 'killed') return `killed: ${message}`;
  return message || outcome.reason || '(no reason given)';
}

/** Scores arc's outcome on a case. */
export function judge(
  c: Pick<PeerCase, 'expected'>,
  options: Pick<ArcOptions, 'unchecked'>,
  outcome: Outcome,
): { judgement: Judgement; reason: string } {
  switch (outcome.answer) {
    case 'yes':
      if (options.unchecked.length > 0) {
        return { judgement: "don't know", reason: `unchecked: ${options.unchecked.join(', ')}` };
      }
      return { judgement: c.expected === 'SUCCESSFUL' ? 'correct' : 'wrong', reason: '' };
    case 'no':
      return { judgement: c.expected === 'FAILED' ? 'correct' : 'wrong', reason: '' };
    default:
      return { judgement: "don't know", reason: noAnswerReason(outcome) };
  }
}

/** A case that arc is not run on: it has no check arc has a property for. */
export function notRun(c: PeerCase, options: ArcOptions): PeerResult {
  const outcome: Outcome = {
    answer: 'unknown',
    reason: 'not-run',
    message: 'no check arc has a property for',
    explanation: '',
    wallMs: 0,
  };
  return {
    case: c,
    options,
    outcome,
    judgement: "don't know",
    reason: `not run: no check arc has a property for (${options.unchecked.join(', ')})`,
  };
}

/** What the report says about the run besides the answers. */
export interface ReportSettings {
  /** `Written … on DATE.` */
  readonly date: string;
  readonly machine: string;
  /** The command line, as typed (`npm run bench:peer -- --filter integers`). */
  readonly command: string;
  /** The suite folder as shown in the report (relative to the repository). */
  readonly suite: string;
  /** The suite folder as arc was given it: messages are shown with paths within it. */
  readonly suiteDir: string;
  /** How many cases the suite has (299), whatever the selection. */
  readonly suiteCases: number;
  readonly filter?: string;
  readonly timeoutS: number;
  readonly jobs: number;
  /** When a process is killed, in seconds after its start. */
  readonly killAfterS: number;
  /** The per-case TSV's name, for the report to point at. */
  readonly tsvName: string;
}

/** How many don't-know reasons the report lists. */
const TOP_REASONS = 15;

/**
 * A reason with its specifics taken out, so that the same cause on different
 * cases groups together: paths with positions become FILE, the rest is kept
 * (`unsupported: pointers`, `unchecked: alignment, vla-size`).
 */
export function reasonGroup(reason: string): string {
  const text = reason
    .replace(/\S*\.(?:c|h|i)\b(?::\d+)*/g, 'FILE')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** Messages carry the suite's absolute paths; keep them relative to it. */
export function withinSuite(suiteDir: string, text: string): string {
  const prefix = suiteDir.endsWith('/') ? suiteDir : `${suiteDir}/`;
  return text.split(prefix).join('');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A row of counts for a group of results. */
function countsRow(label: string, rs: readonly PeerResult[]): string[] {
  const n = (j: Judgement): number => rs.filter((r) => r.judgement === j).length;
  const e = (x: Expected): number => rs.filter((r) => r.case.expected === x).length;
  return [
    label,
    String(rs.length),
    `${e('SUCCESSFUL')} / ${e('FAILED')}`,
    String(n('correct')),
    String(n('wrong')),
    String(n("don't know")),
    ratio(n('correct'), rs.length),
  ];
}

const COUNT_HEADER = [
  'cases',
  'expected SUCCESSFUL / FAILED',
  'correct',
  'wrong',
  "don't know",
  'right',
];

/** The violated property of a no, for lists: `main.valid-deref.1 (kind: description)`. */
function violatedText(outcome: Outcome): string {
  const v = outcome.violated;
  if (v === undefined) return outcome.answer === 'no' ? 'no violated property reported' : '';
  const id = v.id ?? v.kind;
  return v.description ? `${id}: ${v.description}` : id;
}

/** The option-mapping table: what each check token becomes on arc's command line. */
export function mappingRows(): string[][] {
  const rows: string[][] = TOKEN_ORDER.map((token) => {
    if (Object.hasOwn(CHECK_GROUPS, token)) {
      return [token, CHECK_GROUPS[token].map((g) => `--property ${g}`).join(' ')];
    }
    if (token === 'malloc-may-fail') {
      return [token, '--malloc-may-fail (a case without it: --malloc-never-fails)'];
    }
    if (token === 'unwinding-assertions') return ['unwinding-assertions=N', '--max-unwind N'];
    if (token === 'bounded-unwind') {
      return ['bounded-unwind=N', 'nothing (the expected verdict also holds unbounded)'];
    }
    return [token, "nothing: arc has no such property (a yes counts as don't know)"];
  });
  rows.push(['any other token', 'nothing, as for alignment']);
  return rows;
}

/** The Markdown report. Apart from the settings and the times, it depends only on the answers. */
export function markdownReport(results: readonly PeerResult[], s: ReportSettings): string {
  const of = (j: Judgement): PeerResult[] => results.filter((r) => r.judgement === j);
  const correct = of('correct');
  const wrong = of('wrong');
  const unknown = of("don't know");
  const times = results.map((r) => r.outcome.wallMs);
  const selection =
    results.length === s.suiteCases && s.filter === undefined
      ? `all ${s.suiteCases} cases`
      : `${results.length} of ${s.suiteCases} cases` +
        (s.filter === undefined ? '' : ` (case or topic containing \`${s.filter}\`)`);
  const doc: string[] = [
    '## arc on the CBMC and ESBMC regression cases (peer-regression)',
    '',
    `Written by \`npm run bench:peer\` on ${s.date}.`,
    `Machine: ${s.machine}.`,
    `Command: \`${s.command}\`.`,
    `Suite: \`${s.suite}\`, ${selection}; expected verdicts are those of the reference tool's own`,
    'suite (CBMC 5.83 or ESBMC) under the checks its options turn on (the `checks` column).',
    `Each case is one \`arc prove FILE --function main --property G… --timeout ${s.timeoutS} --data-model LP64`,
    '--malloc-may-fail|--malloc-never-fails [--max-unwind N] --undefined-functions-pure --json` process',
    '(witnesses replayed compiled),',
    `${s.jobs} at a time; times are end to end. A process still running ${s.killAfterS} s after its start is`,
    "killed and counted as don't know. Expected FAILED and arc no, or expected SUCCESSFUL and arc yes, is",
    "correct; the opposite answer is wrong; don't know, an error or a kill is don't know. A yes on a case",
    'that also asks for a check arc has no property for (unsigned-overflow, alignment in a program that casts to a pointer type, or an',
    "unknown token) is not trusted and counts as don't know (`unchecked: …`); a no stays a no.",
    `Per-case results: \`${s.tsvName}\`.`,
    '',
    '### Totals',
    '',
    `Correct ${correct.length} (${correct.filter((r) => r.outcome.answer === 'yes').length} yes, ` +
      `${correct.filter((r) => r.outcome.answer === 'no').length} no), wrong ${wrong.length}, ` +
      `don't know ${unknown.length}, of ${plural(results.length, 'case')} run.`,
    `Right: ${ratio(correct.length, s.suiteCases)} of the suite's ${s.suiteCases} cases` +
      (results.length === s.suiteCases
        ? '.'
        : ` (${ratio(correct.length, results.length)} of those run).`),
    `Time per case: median ${seconds(median(times))}, 90th percentile ${seconds(percentile(times, 90))}, ` +
      `total ${seconds(sum(times))}.`,
    '',
    `### Wrong answers (${wrong.length})`,
    '',
    ...(wrong.length === 0
      ? ['None.']
      : wrong.map((r) => {
          const v = violatedText(r.outcome);
          return (
            `- \`${r.case.name}\` (${r.case.topic}): expected ${r.case.expected}, arc ${r.outcome.answer}` +
            (v ? ` — violated ${withinSuite(s.suiteDir, v).replace(/\s+/g, ' ')}` : '')
          );
        })),
    '',
    '### By topic',
    '',
    ...table(
      ['topic', ...COUNT_HEADER],
      [
        ...TOPICS.filter((t) => results.some((r) => r.case.topic === t)).map((t) =>
          countsRow(
            t,
            results.filter((r) => r.case.topic === t),
          ),
        ),
        countsRow('all', results),
      ],
    ),
    '',
    '### By check',
    '',
    'A case counts under each of its check tokens (`unwinding-assertions=N` and `bounded-unwind=N` under',
    'their names).',
    '',
    ...table(
      ['check', ...COUNT_HEADER],
      tokensOf(results).map((t) => countsRow(t, withToken(results, t))),
    ),
    '',
  ];
  const distrusted = unknown.filter((r) => r.reason.startsWith('unchecked:'));
  if (distrusted.length > 0) {
    const onSuccessful = distrusted.filter((r) => r.case.expected === 'SUCCESSFUL').length;
    doc.push(
      `### Yes answers not trusted (${distrusted.length})`,
      '',
      `${plural(distrusted.length, 'case')} answered yes but also ${distrusted.length === 1 ? 'asks' : 'ask'} for a check arc has no property for, so`,
      `the yes counts as don't know: ${onSuccessful} of them expected SUCCESSFUL, ` +
        `${distrusted.length - onSuccessful} expected FAILED. By unchecked token: ` +
        countBy(
          distrusted.flatMap((r) => r.options.unchecked.map((t) => ({ t }))),
          (x) => x.t,
        )
          .map(([t, n]) => `${t} ${n}`)
          .join(', ') +
        '.',
      '',
    );
  }
  if (unknown.length > 0) {
    const groups = countBy(unknown, (r) => reasonGroup(withinSuite(s.suiteDir, r.reason)));
    const shown = groups.slice(0, TOP_REASONS);
    const rest = groups.slice(TOP_REASONS);
    doc.push(
      `### Why don't know (${plural(unknown.length, 'case')}, ${plural(groups.length, 'distinct reason')})`,
      '',
      ...table(
        ['cases', 'reason', 'for example'],
        shown.map(([group, count]) => [
          String(count),
          group,
          unknown.find((r) => reasonGroup(withinSuite(s.suiteDir, r.reason)) === group)?.case
            .name ?? '',
        ]),
      ),
      ...(rest.length > 0
        ? [
            '',
            `and ${plural(rest.length, 'more reason')} covering ${plural(sum(rest.map(([, n]) => n)), 'case')}.`,
          ]
        : []),
      '',
    );
  }
  doc.push(
    '### Option mapping',
    '',
    'Every case runs with `--function main --data-model LP64`; its check tokens add:',
    '',
    ...table(['check token', 'arc options'], mappingRows()),
    '',
  );
  return doc.join('\n');
}

/** The check tokens (by name) present in the results, in TOKEN_ORDER, then unknown ones sorted. */
function tokensOf(results: readonly PeerResult[]): string[] {
  const present = new Set(results.flatMap((r) => r.case.checks.map(tokenName)));
  const known = TOKEN_ORDER.filter((t) => present.has(t));
  const other = [...present].filter((t) => !TOKEN_ORDER.includes(t)).sort();
  return [...known, ...other];
}

function withToken(results: readonly PeerResult[], token: string): PeerResult[] {
  return results.filter((r) => r.case.checks.some((c) => tokenName(c) === token));
}

/** The per-case TSV: one row per case, in manifest order. */
export function tsvReport(results: readonly PeerResult[], suiteDir: string): string {
  const clean = (text: string): string => withinSuite(suiteDir, text).replace(/\s+/g, ' ').trim();
  const rows = results.map((r) =>
    [
      r.case.name,
      r.case.topic,
      r.case.expected,
      r.case.checks.join(','),
      optionsText(r.options),
      r.outcome.answer,
      r.judgement,
      r.outcome.answer === 'no' ? (r.outcome.violated?.id ?? r.outcome.violated?.kind ?? '') : '',
      clean(r.reason),
      (r.outcome.wallMs / 1000).toFixed(2),
    ].join('\t'),
  );
  const header = [
    'case',
    'topic',
    'expected',
    'checks',
    'arc_options',
    'answer',
    'judgement',
    'violated',
    'reason',
    'seconds',
  ].join('\t');
  return `${[header, ...rows].join('\n')}\n`;
}
