/**
 * The report of a run of SV-COMP tasks, as Markdown (`arc bench`, `--out`,
 * BENCHMARKS-svcomp.md) and as JSON (`arc bench --json`). Apart from the
 * preamble and the times, it depends only on the answers.
 */
import {
  ARC_COMMAND_TEXT,
  expectedVerdict,
  resultVerdict,
  summarize,
  verdictWord,
  type CheckResult,
  type PropertySummary,
  type Skipped,
  type SvProperty,
} from './svcomp-tasks.js';
import { countBy, seconds, table } from './stats.js';

export interface SuiteRun {
  readonly suite: string;
  readonly properties: readonly SvProperty[];
  readonly timeoutS: number;
  readonly jobs: number;
  readonly taskFiles: number;
  readonly results: readonly CheckResult[];
  readonly skipped: readonly Skipped[];
}

/** Paths in messages are under the suite; show them relative to it. */
function shorten(text: string, suite: string): string {
  const prefix = suite.endsWith('/') ? suite : `${suite}/`;
  return text.split(prefix).join('');
}

/** The input and data model, and the task definition when it is not named after the input. */
function taskName(r: CheckResult): string {
  const stem = (path: string): string => path.replace(/\.[^./]*$/, '');
  const task = stem(r.check.task) === stem(r.check.inputName) ? '' : `; task ${r.check.task}`;
  return `${r.check.inputName} (${r.check.dataModel}${task})`;
}

function tasks(n: number): string {
  return n === 1 ? '1 task' : `${n} tasks`;
}

function reasonText(r: CheckResult, suite: string): string {
  if (r.judgement !== 'unknown') return '';
  const message = r.outcome.message ? `: ${shorten(r.outcome.message, suite)}` : '';
  return `${r.outcome.reason || '(none)'}${message}`;
}

function summaryLines(s: PropertySummary): string[] {
  if (s.checks === 0)
    return [`### ${s.property} (0 tasks)`, '', 'No task definition checks it.', ''];
  const all = (a: number, b: number): string => String(a + b);
  // Wrong on a task expected true: a false; on one expected false: a true, or a false with the wrong subproperty.
  const wrongOnTrue = s.wrongFalse - s.wrongSubproperty;
  const wrongOnFalse = s.wrongTrue + s.wrongSubproperty;
  const unknownTrue = s.expectedTrue - s.correctTrue - wrongOnTrue;
  const unknownFalse = s.expectedFalse - s.correctFalse - wrongOnFalse;
  return [
    `### ${s.property} (${tasks(s.checks)}: ${s.expectedTrue} true, ${s.expectedFalse} false)`,
    '',
    ...table(
      ['', 'expected true', 'expected false', 'all'],
      [
        [
          'correct',
          String(s.correctTrue),
          String(s.correctFalse),
          all(s.correctTrue, s.correctFalse),
        ],
        ['wrong', String(wrongOnTrue), String(wrongOnFalse), all(wrongOnTrue, wrongOnFalse)],
        ['unknown', String(unknownTrue), String(unknownFalse), String(s.unknown)],
      ],
    ),
    '',
    `Correct true ${s.correctTrue}, correct false ${s.correctFalse}, wrong true ${s.wrongTrue}, ` +
      `wrong false ${s.wrongFalse}` +
      (s.wrongSubproperty > 0 ? ` (${s.wrongSubproperty} with the wrong subproperty)` : '') +
      `, unknown ${s.unknown}. ` +
      `Score ${s.score} (of ${s.maxScore} possible). Time per task: median ${seconds(s.medianMs)}, ` +
      `90th percentile ${seconds(s.p90Ms)}, total ${seconds(s.totalMs)}.`,
    '',
    ...(s.unknownReasons.length === 0
      ? []
      : [
          'Unknowns by reason: ' + s.unknownReasons.map(([k, n]) => `${k} ${n}`).join(', ') + '.',
          '',
        ]),
  ];
}

/** The Markdown report; `preamble` replaces the default description lines. */
export function markdownReport(run: SuiteRun, preamble?: readonly string[]): string {
  const checked = run.results.length;
  const doc: string[] = [
    '## arc on SV-COMP tasks',
    '',
    ...(preamble ?? [
      `Suite: \`${run.suite}\` (${run.taskFiles} task definitions, ${checked} checks of ${run.properties.join(', ')}).`,
    ]),
    `Each check is one \`arc … --data-model M --timeout ${run.timeoutS} --json\` process, entry \`main\``,
    `(${run.properties.map((p) => `\`${p}\` → \`${ARC_COMMAND_TEXT[p]}\``).join('; ')}),`,
    `${run.jobs} at a time; times are end to end. Scoring as in SV-COMP: +2 correct true, +1 correct false,`,
    '−32 wrong true, −16 wrong false, 0 unknown.',
    ...(run.properties.includes('valid-memsafety')
      ? [
          'For a `valid-memsafety` task expected false with a subproperty, a false is correct only if the',
          'property arc found violated is of that subproperty (valid-deref, valid-pointer-arith, valid-call →',
          'valid-deref; valid-free → valid-free; valid-memtrack → valid-memtrack), and wrong (−16) otherwise.',
        ]
      : []),
    '',
  ];
  const wrong = run.results.filter((r) => r.judgement === 'wrong');
  if (wrong.length > 0) {
    doc.push(
      `### Wrong answers (${wrong.length})`,
      '',
      ...wrong.map(
        (r) =>
          `- ${taskName(r)} ${r.check.property}: expected ${expectedVerdict(r.check)}, ` +
          `arc ${resultVerdict(r.check, r.outcome)}` +
          (r.outcome.violated?.id !== undefined && r.check.property.startsWith('valid-mem')
            ? ` (${r.outcome.violated.id})`
            : '') +
          ` (score ${r.score})` +
          (r.outcome.explanation ? ` — ${shorten(r.outcome.explanation, run.suite)}` : ''),
      ),
      '',
    );
  }
  for (const property of run.properties)
    doc.push(...summaryLines(summarize(property, run.results)));
  if (run.skipped.length > 0) {
    doc.push(
      `### Skipped (${run.skipped.length} properties of tasks)`,
      '',
      ...table(
        ['property', 'reason', 'tasks'],
        countBy(run.skipped, (s) => `${s.property}\t${s.reason}`).map(([key, n]) => {
          const [property, reason] = key.split('\t');
          return [property, reason, String(n)];
        }),
      ),
      '',
    );
  }
  for (const property of run.properties) {
    const mine = run.results.filter((r) => r.check.property === property);
    if (mine.length === 0) continue;
    doc.push(
      `### ${property}: every task`,
      '',
      ...table(
        ['task', 'expected', 'arc', 'judgement', 'score', 'reason', 'time'],
        mine.map((r) => [
          taskName(r),
          expectedVerdict(r.check),
          resultVerdict(r.check, r.outcome),
          r.judgement,
          String(r.score),
          reasonText(r, run.suite),
          seconds(r.outcome.wallMs),
        ]),
      ),
      '',
    );
  }
  return doc.join('\n');
}

/** The same report as data. */
export function jsonReport(run: SuiteRun): unknown {
  const summaries = run.properties.map((p) => summarize(p, run.results));
  return {
    suite: run.suite,
    timeoutSeconds: run.timeoutS,
    jobs: run.jobs,
    taskDefinitions: run.taskFiles,
    score: summaries.reduce((a, s) => a + s.score, 0),
    maxScore: summaries.reduce((a, s) => a + s.maxScore, 0),
    wrong: run.results.filter((r) => r.judgement === 'wrong').length,
    properties: summaries.map((s) => ({
      ...s,
      unknownReasons: Object.fromEntries(s.unknownReasons),
    })),
    results: run.results.map((r) => ({
      task: r.check.task,
      input: r.check.inputName,
      property: r.check.property,
      ...(r.check.subproperty === undefined ? {} : { subproperty: r.check.subproperty }),
      dataModel: r.check.dataModel,
      expected: r.check.expected,
      answer: r.outcome.answer,
      verdict: verdictWord(r.outcome.answer),
      ...(r.outcome.violated === undefined
        ? {}
        : {
            violated: {
              kind: r.outcome.violated.kind,
              ...(r.outcome.violated.id === undefined ? {} : { id: r.outcome.violated.id }),
            },
          }),
      judgement: r.judgement,
      score: r.score,
      reason: r.judgement === 'unknown' ? r.outcome.reason || null : null,
      message: r.judgement === 'unknown' ? shorten(r.outcome.message, run.suite) || null : null,
      wallMs: Math.round(r.outcome.wallMs * 10) / 10,
    })),
    skipped: run.skipped,
  };
}
