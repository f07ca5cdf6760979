/**
 * `npm run bench:termcomp`: arc on the Termination Competition's C_Integer
 * programs, written to BENCHMARKS-termcomp.md.
 *
 * Usage: node dist/bench/termcomp.js [SUITE_DIR] [--timeout S] [--jobs N]
 *          [--out FILE] [--filter SUBSTRING] [--limit N]
 *
 * SUITE_DIR (default ../shared/bench/termcomp-c-integer) holds `expected.tsv`
 * (file, expected: YES / NO / MAYBE) and the programs at the paths it names.
 * Each program is one `arc terminates FILE --semantics math --json --timeout S`
 * process (entry `main`; C_Integer assumes mathematical integers). A yes on an
 * expected NO or a no on an expected YES is wrong; a yes or no on a MAYBE task
 * (nobody decided it) is reported as deciding an open task, to be checked by
 * hand. `--filter` keeps the tasks whose path contains SUBSTRING, `--limit` the
 * first N of those. Apart from times (and the machine and date lines), the
 * output depends only on the answers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  ROOT,
  parseCommandLine,
  countBy,
  countOption,
  killAfterMs,
  machine,
  median,
  percentile,
  ratio,
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

type Expected = 'YES' | 'NO' | 'MAYBE';

interface Task {
  /** The path relative to the suite, e.g. `Stroeder_15/collatz.c`. */
  readonly file: string;
  /** The folder the task is in (`Stroeder_15`, `Ton_Chanh_15`). */
  readonly folder: string;
  readonly expected: Expected;
}

type Judgement = 'correct yes' | 'correct no' | 'wrong' | 'decided open' | "don't know" | 'error';

interface Result {
  readonly task: Task;
  readonly outcome: Outcome;
  readonly judgement: Judgement;
}

/** How many don't-know groups the report lists. */
const TOP_REASONS = 15;

function readTasks(suite: string): Task[] {
  const lines = readFileSync(join(suite, 'expected.tsv'), 'utf8').split('\n');
  const header = lines[0].split('\t');
  const cFile = header.indexOf('file');
  const cExpected = header.indexOf('expected');
  if (cFile < 0 || cExpected < 0) throw new Error('expected.tsv needs columns file, expected');
  const tasks: Task[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const f = line.split('\t');
    const expected = f[cExpected].trim();
    if (expected !== 'YES' && expected !== 'NO' && expected !== 'MAYBE') {
      throw new Error(`expected.tsv: ${f[cFile]}: expected ${expected}, not YES/NO/MAYBE`);
    }
    const file = f[cFile].trim();
    const slash = file.indexOf('/');
    tasks.push({ file, folder: slash < 0 ? '.' : file.slice(0, slash), expected });
  }
  return tasks;
}

function judgementOf(task: Task, outcome: Outcome): Judgement {
  switch (outcome.answer) {
    case 'error':
      return 'error';
    case 'unknown':
      return "don't know";
    case 'yes':
    case 'no':
      if (task.expected === 'MAYBE') return 'decided open';
      if (outcome.answer === 'yes') return task.expected === 'YES' ? 'correct yes' : 'wrong';
      return task.expected === 'NO' ? 'correct no' : 'wrong';
  }
}

/**
 * A don't-know reason with the specifics taken out, so that the same cause on
 * different programs groups together: file positions, times, numbers and short
 * parenthesised details (names, expressions) go, and the message is cut at its
 * first `;`.
 */
function reasonGroup(outcome: Outcome): string {
  const prefix = outcome.message
    .split(/[;\n]/)[0]
    .replace(/\S*\.(?:c|h|i|py)\b(?::\d+)*/g, 'FILE')
    .replace(/\([^()]{1,32}\)/g, '(…)')
    .replace(/`[^`]*`/g, '`…`')
    .replace(/\b\d+(?:\.\d+)?\b/g, 'N')
    .replace(/\s+/g, ' ')
    .trim();
  const short = prefix.length > 160 ? `${prefix.slice(0, 159)}…` : prefix;
  return `${outcome.reason || '(no code)'}${short ? `: ${short}` : ''}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Messages carry the suite's absolute paths; keep them relative to the suite. */
function relative(suite: string, text: string): string {
  return text.split(`${suite}/`).join('');
}

/** The summary table: one column per folder and one for all. */
function summary(results: readonly Result[]): string[] {
  const folders = [...new Set(results.map((r) => r.task.folder))].sort();
  const groups = [...folders.map((f) => results.filter((r) => r.task.folder === f)), results];
  const n = (rs: readonly Result[], j: Judgement): number =>
    rs.filter((r) => r.judgement === j).length;
  const e = (rs: readonly Result[], x: Expected): number =>
    rs.filter((r) => r.task.expected === x).length;
  const row = (label: string, f: (rs: readonly Result[]) => string): string[] => [
    label,
    ...groups.map(f),
  ];
  const times = (rs: readonly Result[]): number[] => rs.map((r) => r.outcome.wallMs);
  return table(
    ['', ...folders, 'all'],
    [
      row(
        'tasks (YES / NO / MAYBE)',
        (rs) => `${rs.length} (${e(rs, 'YES')} / ${e(rs, 'NO')} / ${e(rs, 'MAYBE')})`,
      ),
      row('correct yes', (rs) => String(n(rs, 'correct yes'))),
      row('correct no', (rs) => String(n(rs, 'correct no'))),
      row('**wrong**', (rs) => String(n(rs, 'wrong'))),
      row('decided an open (MAYBE) task', (rs) => String(n(rs, 'decided open'))),
      row("don't know", (rs) => String(n(rs, "don't know"))),
      row('errors', (rs) => String(n(rs, 'error'))),
      row('decided tasks answered correctly', (rs) =>
        ratio(n(rs, 'correct yes') + n(rs, 'correct no'), e(rs, 'YES') + e(rs, 'NO')),
      ),
      row('median time', (rs) => seconds(median(times(rs)))),
      row('90th percentile time', (rs) => seconds(percentile(times(rs), 90))),
    ],
  );
}

/** A list of the tasks with one judgement, each with what arc said (on one line). */
function listOf(
  suite: string,
  results: readonly Result[],
  detail: (r: Result) => string,
): string[] {
  return results.map((r) => {
    const text = relative(suite, detail(r)).replace(/\s+/g, ' ').trim();
    const said = text.length > 500 ? `${text.slice(0, 499)}…` : text;
    return (
      `- \`${r.task.file}\`: expected ${r.task.expected}, arc ${r.outcome.answer} ` +
      `(${seconds(r.outcome.wallMs)})${said ? ` — ${said}` : ''}`
    );
  });
}

function report(
  suite: string,
  results: readonly Result[],
  settings: { timeoutS: number; jobs: number; selection: string },
): string[] {
  const of = (j: Judgement): Result[] => results.filter((r) => r.judgement === j);
  const wrong = of('wrong');
  const open = of('decided open');
  const unknown = of("don't know");
  const errors = of('error');
  const doc: string[] = [
    '## arc on the Termination Competition (C_Integer)',
    '',
    `Written by \`npm run bench:termcomp\` on ${today()}.`,
    `Machine: ${machine()}.`,
    `Suite: TPDB C_Integer (\`${basename(suite)}\`), ${settings.selection}; expected answers are the`,
    'best verdict any competing tool reached (MAYBE: nobody decided the task).',
    `Each task is one \`arc terminates FILE --semantics math --json --timeout ${settings.timeoutS}\` process`,
    `(entry \`main\`), ${settings.jobs} at a time; times are end to end. A yes on an expected NO or a no`,
    'on an expected YES is wrong; a yes or no on a MAYBE task is listed for checking by hand.',
    'Errors are bad input (exit 2), internal errors (exit 4), crashes and unreadable output; a',
    `process still running ${killAfterMs(settings.timeoutS) / 1000} s after its start is killed and counted as don't know (\`killed\`).`,
    '',
    `### Wrong answers (${wrong.length})`,
    '',
    ...(wrong.length === 0
      ? ['None.']
      : listOf(suite, wrong, (r) => r.outcome.explanation || r.outcome.message)),
    '',
  ];
  if (open.length > 0) {
    doc.push(
      `### Decided open tasks (${open.length})`,
      '',
      ...listOf(suite, open, (r) => r.outcome.explanation),
      '',
    );
  }
  doc.push('### Summary', '', ...summary(results), '');
  if (unknown.length > 0) {
    const groups = countBy(unknown, (r) => reasonGroup(r.outcome));
    const shown = groups.slice(0, TOP_REASONS);
    const rest = groups.slice(TOP_REASONS);
    doc.push(
      `### Why don't know (${plural(unknown.length, 'task')}, ${plural(groups.length, 'distinct reason')})`,
      '',
      ...table(
        ['tasks', 'reason', 'for example'],
        shown.map(([group, count]) => [
          String(count),
          group,
          unknown.find((r) => reasonGroup(r.outcome) === group)?.task.file ?? '',
        ]),
      ),
      ...(rest.length > 0
        ? [
            '',
            `and ${plural(rest.length, 'more reason')} covering ${plural(sum(rest.map(([, c]) => c)), 'task')}.`,
          ]
        : []),
      '',
    );
  }
  if (errors.length > 0) {
    doc.push(
      `### Errors (${errors.length})`,
      '',
      ...listOf(suite, errors, (r) => `${r.outcome.reason}: ${r.outcome.message}`),
      '',
    );
  }
  doc.push(
    '### Every task',
    '',
    ...table(
      ['task', 'expected', 'answer', 'time', 'reason'],
      results.map((r) => [
        r.task.file,
        r.task.expected,
        r.judgement === 'wrong'
          ? `**${r.outcome.answer} (wrong)**`
          : r.judgement === 'decided open'
            ? `${r.outcome.answer} (open task)`
            : r.outcome.answer,
        seconds(r.outcome.wallMs),
        r.outcome.reason
          ? relative(
              suite,
              `${r.outcome.reason}${r.outcome.message ? `: ${r.outcome.message}` : ''}`,
            )
          : '',
      ]),
    ),
    '',
  );
  return doc;
}

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine('termcomp', {
    allowPositionals: true,
    options: {
      timeout: { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string' },
      filter: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  if (positionals.length > 1) usageError('termcomp', 'at most one SUITE_DIR');
  const suite = resolve(
    positionals[0] ?? join(ROOT, '..', 'shared', 'bench', 'termcomp-c-integer'),
  );
  if (!existsSync(join(suite, 'expected.tsv')))
    usageError('termcomp', `no expected.tsv in ${suite}`);
  const timeoutS = timeoutOption('termcomp', values.timeout, 10);
  const jobs = countOption('termcomp', 'jobs', values.jobs, 1);
  const limit = countOption('termcomp', 'limit', values.limit, Number.POSITIVE_INFINITY);
  const out = values.out ?? join(ROOT, 'BENCHMARKS-termcomp.md');
  const all = readTasks(suite);
  const filtered = values.filter ? all.filter((t) => t.file.includes(values.filter ?? '')) : all;
  const tasks = filtered.slice(0, limit);
  if (tasks.length === 0) usageError('termcomp', 'no task matches the selection');
  const selection =
    tasks.length === all.length
      ? `all ${all.length} programs`
      : `${tasks.length} of ${all.length} programs` +
        (values.filter ? ` (paths containing \`${values.filter}\`` : ' (') +
        (tasks.length < filtered.length ? `${values.filter ? ', ' : ''}the first ${limit})` : ')');
  const results = await runPool(
    tasks,
    jobs,
    async (task): Promise<Result> => {
      const outcome = await runCli(
        [
          'terminates',
          join(suite, task.file),
          '--semantics',
          'math',
          '--json',
          '--timeout',
          String(timeoutS),
        ],
        timeoutS,
      );
      return { task, outcome, judgement: judgementOf(task, outcome) };
    },
    ({ task, outcome, judgement }, i) => {
      const tag = outcome.reason ? ` (${outcome.reason})` : '';
      process.stderr.write(
        `[${i + 1}/${tasks.length}] ${task.file}: expected ${task.expected}, ` +
          `arc ${outcome.answer}${tag}, ${judgement}, ${seconds(outcome.wallMs)}\n`,
      );
    },
  );
  writeFileSync(out, report(suite, results, { timeoutS, jobs, selection }).join('\n'));
  const n = (j: Judgement): number => results.filter((r) => r.judgement === j).length;
  const decided = results.filter((r) => r.task.expected !== 'MAYBE').length;
  const times = results.map((r) => r.outcome.wallMs);
  process.stdout.write(
    `termcomp: ${plural(results.length, 'task')}, decided tasks answered correctly ` +
      `${ratio(n('correct yes') + n('correct no'), decided)}: ${n('correct yes')} yes, ` +
      `${n('correct no')} no; ${n('wrong')} wrong, ${n('decided open')} open tasks decided, ` +
      `${n("don't know")} don't know, ${n('error')} errors; median ${seconds(median(times))}, ` +
      `p90 ${seconds(percentile(times, 90))}; wrote ${out}\n`,
  );
}

await main();
