/**
 * `npm run bench:svcomp`: arc on SV-COMP tasks (sv-benchmarks), scored with
 * SV-COMP's scheme, written to BENCHMARKS-svcomp.md.
 *
 * Usage: node dist/bench/svcomp.js [SUITE_DIR] [--timeout S] [--out FILE]
 *          [--properties unreach-call,no-overflow,termination] [--jobs N]
 *
 * SUITE_DIR holds `tasks.tsv` (task, input, property, expected, data_model,
 * note) and the inputs at the paths it names. `unreach-call` is checked with
 * `arc prove --property assertions` (reach_error / __VERIFIER_error never
 * called), `no-overflow` with `arc prove --property no-overflow`,
 * `termination` with `arc terminates` (C semantics); the entry is `main`. Each
 * task runs in a fresh CLI process with the task's data model; a process that
 * outlives its budget by a wide margin is killed and counted unknown. Apart
 * from times (and the machine and date lines), the output depends only on the
 * answers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ROOT,
  parseCommandLine,
  countBy,
  countOption,
  machine,
  median,
  percentile,
  runCli,
  runPool,
  seconds,
  sum,
  table,
  timeoutOption,
  today,
  usageError,
  type Outcome,
} from './harness.js';

type DataModel = 'ILP32' | 'LP64';

/** The SV-COMP properties in scope, in report order, and the arc command that checks each. */
const ARC_ARGS: Readonly<Record<string, (file: string) => string[]>> = {
  'unreach-call': (file) => ['prove', file, '--property', 'assertions'],
  'no-overflow': (file) => ['prove', file, '--property', 'no-overflow'],
  termination: (file) => ['terminates', file, '--semantics', 'c'],
};

interface Task {
  readonly task: string;
  readonly input: string;
  readonly property: string;
  readonly expected: boolean;
  readonly dataModel: DataModel;
}

type Judgement = 'correct' | 'wrong' | 'unknown';

interface Result {
  readonly task: Task;
  readonly outcome: Outcome;
  readonly judgement: Judgement;
  readonly score: number;
}

/** tasks.tsv's data_model column: `ILP32`, `LP64`, or a note meaning the ILP32 default. */
function dataModelOf(field: string): DataModel {
  return /^\s*LP64\b/.test(field) ? 'LP64' : 'ILP32';
}

function readTasks(suite: string, properties: ReadonlySet<string>): Task[] {
  const lines = readFileSync(join(suite, 'tasks.tsv'), 'utf8').split('\n');
  const header = lines[0].split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`tasks.tsv has no column ${name}`);
    return i;
  };
  const [cTask, cInput, cProperty, cExpected, cModel] = [
    col('task'),
    col('input'),
    col('property'),
    col('expected'),
    col('data_model'),
  ];
  const tasks: Task[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const f = line.split('\t');
    if (!properties.has(f[cProperty])) continue;
    const expected = f[cExpected].trim();
    if (expected !== 'true' && expected !== 'false') continue;
    tasks.push({
      task: f[cTask],
      input: f[cInput],
      property: f[cProperty],
      expected: expected === 'true',
      dataModel: dataModelOf(f[cModel] ?? ''),
    });
  }
  return tasks;
}

function runTask(suite: string, task: Task, timeoutS: number): Promise<Outcome> {
  const args = [
    ...ARC_ARGS[task.property](join(suite, task.input)),
    '--data-model',
    task.dataModel,
    '--timeout',
    String(timeoutS),
    '--json',
  ];
  return runCli(args, timeoutS);
}

/** arc's answer in SV-COMP's terms: yes means the property holds (`true`). */
function said(outcome: Outcome): string {
  return outcome.answer === 'yes' ? 'true' : outcome.answer === 'no' ? 'false' : outcome.answer;
}

/** SV-COMP scoring: +2 correct true, +1 correct false, −32 wrong true, −16 wrong false. */
function judge(task: Task, outcome: Outcome): { judgement: Judgement; score: number } {
  if (outcome.answer !== 'yes' && outcome.answer !== 'no') {
    return { judgement: 'unknown', score: 0 };
  }
  const yes = outcome.answer === 'yes';
  if (yes === task.expected) return { judgement: 'correct', score: yes ? 2 : 1 };
  return { judgement: 'wrong', score: yes ? -32 : -16 };
}

function summary(property: string, results: readonly Result[]): string[] {
  const count = (j: Judgement, expected?: boolean): string =>
    String(
      results.filter(
        (r) => r.judgement === j && (expected === undefined || r.task.expected === expected),
      ).length,
    );
  const score = sum(results.map((r) => r.score));
  const best = sum(results.map((r) => (r.task.expected ? 2 : 1)));
  const times = results.map((r) => r.outcome.wallMs);
  const nTrue = results.filter((r) => r.task.expected).length;
  return [
    `### ${property} (${results.length} tasks: ${nTrue} true, ${results.length - nTrue} false)`,
    '',
    ...table(
      ['', 'expected true', 'expected false', 'all'],
      (['correct', 'wrong', 'unknown'] as const).map((j) => [
        j,
        count(j, true),
        count(j, false),
        count(j),
      ]),
    ),
    '',
    `Score ${score} (of ${best} possible). Time per task: median ${seconds(median(times))}, ` +
      `90th percentile ${seconds(percentile(times, 90))}, total ${seconds(sum(times))}.`,
    '',
  ];
}

/** Unknowns grouped by reason code, most frequent first, ties by name. */
function unknownBreakdown(results: readonly Result[]): string[] {
  const unknowns = results.filter((r) => r.judgement === 'unknown');
  if (unknowns.length === 0) return [];
  const groups = countBy(unknowns, (r) => r.outcome.reason || '(none)');
  return ['Unknowns by reason: ' + groups.map(([k, n]) => `${k} ${n}`).join(', ') + '.', ''];
}

function taskTable(results: readonly Result[]): string[] {
  return table(
    ['task', 'expected', 'arc', 'judgement', 'reason', 'time'],
    results.map((r) => [
      `${r.task.input} (${r.task.dataModel})`,
      String(r.task.expected),
      said(r.outcome),
      r.judgement,
      r.judgement === 'unknown'
        ? `${r.outcome.reason}${r.outcome.message ? `: ${shorten(r.outcome.message)}` : ''}`
        : '',
      seconds(r.outcome.wallMs),
    ]),
  );
}

/** Messages carry absolute paths of the suite; keep the part after `c/`. */
function shorten(message: string): string {
  return message.replace(/\S*\/(c\/[^\s:]+)/g, '$1');
}

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine('svcomp', {
    allowPositionals: true,
    options: {
      timeout: { type: 'string' },
      out: { type: 'string' },
      properties: { type: 'string' },
      jobs: { type: 'string' },
    },
  });
  const suite = resolve(positionals[0] ?? join(ROOT, '..', 'shared', 'bench', 'svcomp'));
  if (!existsSync(join(suite, 'tasks.tsv'))) usageError('svcomp', `no tasks.tsv in ${suite}`);
  const timeoutS = timeoutOption('svcomp', values.timeout, 10);
  const jobs = countOption('svcomp', 'jobs', values.jobs, 1);
  const properties = (values.properties ?? Object.keys(ARC_ARGS).join(','))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknownProps = properties.filter((p) => !(p in ARC_ARGS));
  if (unknownProps.length > 0) {
    usageError(
      'svcomp',
      `unsupported properties: ${unknownProps.join(', ')} (known: ${Object.keys(ARC_ARGS).join(', ')})`,
    );
  }
  const out = values.out ?? join(ROOT, 'BENCHMARKS-svcomp.md');
  const tasks = readTasks(suite, new Set(properties));
  const results = await runPool(
    tasks,
    jobs,
    async (task): Promise<Result> => {
      const outcome = await runTask(suite, task, timeoutS);
      return { task, outcome, ...judge(task, outcome) };
    },
    ({ task, outcome }, i) => {
      const tag = outcome.reason ? ` (${outcome.reason})` : '';
      process.stderr.write(
        `[${i + 1}/${tasks.length}] ${task.input} ${task.property}: expected ${task.expected}, ` +
          `arc ${said(outcome)}${tag}, ${seconds(outcome.wallMs)}\n`,
      );
    },
  );
  const commands: Record<string, string> = {
    'unreach-call': '`unreach-call` → `arc prove FILE --property assertions`',
    'no-overflow': '`no-overflow` → `arc prove FILE --property no-overflow`',
    termination: '`termination` → `arc terminates FILE --semantics c`',
  };
  const doc: string[] = [
    '## arc on SV-COMP tasks',
    '',
    `Written by \`npm run bench:svcomp\` on ${today()}.`,
    `Machine: ${machine()}.`,
    `Suite: the sv-benchmarks tasks listed in \`tasks.tsv\` (${tasks.length} checks of ${properties.join(', ')}).`,
    `Each task is one \`arc … --data-model M --timeout ${timeoutS} --json\` process, entry \`main\``,
    `(${properties.map((p) => commands[p]).join('; ')}),`,
    `${jobs} at a time; times are end to end. Scoring as in SV-COMP: +2 correct true, +1 correct false,`,
    '−32 wrong true, −16 wrong false, 0 unknown.',
    '',
  ];
  const wrong = results.filter((r) => r.judgement === 'wrong');
  if (wrong.length > 0) {
    doc.push(
      `### Wrong answers (${wrong.length})`,
      '',
      ...wrong.map(
        (r) =>
          `- \`${r.task.input}\` (${r.task.dataModel}) ${r.task.property}: expected ${r.task.expected}, ` +
          `arc ${said(r.outcome)} (score ${r.score})` +
          (r.outcome.explanation ? ` — ${shorten(r.outcome.explanation)}` : ''),
      ),
      '',
    );
  }
  for (const property of properties) {
    const mine = results.filter((r) => r.task.property === property);
    doc.push(...summary(property, mine), ...unknownBreakdown(mine));
  }
  for (const property of properties) {
    const mine = results.filter((r) => r.task.property === property);
    doc.push(`### ${property}: every task`, '', ...taskTable(mine), '');
  }
  writeFileSync(out, doc.join('\n'));
  const line = properties.map((p) => {
    const mine = results.filter((r) => r.task.property === p);
    const n = (j: Judgement): number => mine.filter((r) => r.judgement === j).length;
    return `${p}: ${n('correct')} correct, ${n('wrong')} wrong, ${n('unknown')} unknown, score ${sum(mine.map((r) => r.score))}`;
  });
  process.stdout.write(`svcomp: ${line.join('; ')}\n`);
  process.stderr.write(`wrote ${out}\n`);
}

await main();
