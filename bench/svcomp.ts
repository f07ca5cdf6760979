/**
 * `npm run bench:svcomp`: arc on SV-COMP tasks (sv-benchmarks), scored with
 * SV-COMP's scheme, written to BENCHMARKS-svcomp.md.
 *
 * Usage: node dist/bench/svcomp.js [SUITE_DIR] [--timeout S] [--out FILE]
 *          [--properties unreach-call,no-overflow] [--jobs N]
 *
 * SUITE_DIR holds `tasks.tsv` (task, input, property, expected, data_model,
 * note) and the inputs at the paths it names. `unreach-call` is checked with
 * `--property assertions` (reach_error / __VERIFIER_error never called),
 * `no-overflow` with `--property no-overflow`; the entry is `main`. Each task
 * runs in a fresh CLI process with the task's data model; a process that
 * outlives its solver budget by a wide margin is killed and counted unknown.
 * Apart from times (and the machine and date lines), the output depends only
 * on the answers.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** The SV-COMP properties in scope, and the arc property group that checks each. */
const ARC_PROPERTY: Readonly<Record<string, string>> = {
  'unreach-call': 'assertions',
  'no-overflow': 'no-overflow',
};

interface Task {
  readonly task: string;
  readonly input: string;
  readonly property: string;
  readonly expected: boolean;
  readonly dataModel: 'ILP32' | 'LP64';
}

interface Outcome {
  /** `true` (arc said yes), `false` (arc said no), or `unknown`. */
  readonly answer: 'true' | 'false' | 'unknown' | 'error';
  readonly reason: string;
  readonly message: string;
  readonly wallMs: number;
}

type Judgement = 'correct' | 'wrong' | 'unknown';

interface Result {
  readonly task: Task;
  readonly outcome: Outcome;
  readonly judgement: Judgement;
  readonly score: number;
}

/** tasks.tsv's data_model column: `ILP32`, `LP64`, or a note meaning the ILP32 default. */
function dataModelOf(field: string): 'ILP32' | 'LP64' {
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
    CLI,
    'prove',
    join(suite, task.input),
    '--property',
    ARC_PROPERTY[task.property],
    '--data-model',
    task.dataModel,
    '--timeout',
    String(timeoutS),
    '--json',
  ];
  // The solver budget bounds the search, not start-up, re-check and replay.
  const killAfterMs = (timeoutS * 4 + 30) * 1000;
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (killed) {
        done({
          answer: 'unknown',
          reason: 'killed',
          message: `no answer after ${killAfterMs / 1000} s`,
          wallMs,
        });
        return;
      }
      try {
        const parsed = JSON.parse(stdout) as {
          answer?: string;
          reason?: { code?: string; message?: string } | null;
        };
        const answer =
          parsed.answer === 'yes' ? 'true' : parsed.answer === 'no' ? 'false' : 'unknown';
        done({
          answer,
          reason: parsed.reason?.code ?? '',
          message: parsed.reason?.message ?? '',
          wallMs,
        });
      } catch {
        const first = (stderr.trim().split('\n')[0] ?? '').trim();
        done({ answer: 'error', reason: `exit ${code ?? 'signal'}`, message: first, wallMs });
      }
    });
  });
}

/** SV-COMP scoring: +2 correct true, +1 correct false, −32 wrong true, −16 wrong false. */
function judge(task: Task, outcome: Outcome): { judgement: Judgement; score: number } {
  if (outcome.answer !== 'true' && outcome.answer !== 'false') {
    return { judgement: 'unknown', score: 0 };
  }
  const said = outcome.answer === 'true';
  if (said === task.expected) return { judgement: 'correct', score: said ? 2 : 1 };
  return { judgement: 'wrong', score: said ? -32 : -16 };
}

async function runAll(
  suite: string,
  tasks: readonly Task[],
  timeoutS: number,
  jobs: number,
): Promise<Result[]> {
  const results: Result[] = new Array<Result>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      const outcome = await runTask(suite, task, timeoutS);
      results[i] = { task, outcome, ...judge(task, outcome) };
      const tag = outcome.reason ? ` (${outcome.reason})` : '';
      process.stderr.write(
        `[${i + 1}/${tasks.length}] ${task.input} ${task.property}: expected ${task.expected}, arc ${outcome.answer}${tag}, ${(outcome.wallMs / 1000).toFixed(1)} s\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  return `${cpu}, ${cpus().length} cores, ${gib} GiB, Linux ${release()}, Node ${process.version}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Table cells must not break the Markdown table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function summary(property: string, results: readonly Result[]): string[] {
  const count = (j: Judgement, expected?: boolean): number =>
    results.filter(
      (r) => r.judgement === j && (expected === undefined || r.task.expected === expected),
    ).length;
  const score = results.reduce((s, r) => s + r.score, 0);
  const times = results.map((r) => r.outcome.wallMs);
  const best = results.reduce((s, r) => s + (r.task.expected ? 2 : 1), 0);
  return [
    `### ${property} (${results.length} tasks: ${results.filter((r) => r.task.expected).length} true, ${results.filter((r) => !r.task.expected).length} false)`,
    '',
    '| | expected true | expected false | all |',
    '|---|---|---|---|',
    `| correct | ${count('correct', true)} | ${count('correct', false)} | ${count('correct')} |`,
    `| wrong | ${count('wrong', true)} | ${count('wrong', false)} | ${count('wrong')} |`,
    `| unknown | ${count('unknown', true)} | ${count('unknown', false)} | ${count('unknown')} |`,
    '',
    `Score ${score} (of ${best} possible). Time per task: median ${seconds(median(times))}, total ${seconds(times.reduce((a, b) => a + b, 0))}.`,
    '',
  ];
}

/** Unknowns grouped by reason code, most frequent first, ties by name. */
function unknownBreakdown(results: readonly Result[]): string[] {
  const groups = new Map<string, number>();
  for (const r of results) {
    if (r.judgement !== 'unknown') continue;
    const key = r.outcome.reason || '(none)';
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  if (groups.size === 0) return [];
  const sorted = [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ['Unknowns by reason: ' + sorted.map(([k, n]) => `${k} ${n}`).join(', ') + '.', ''];
}

function taskTable(results: readonly Result[]): string[] {
  const lines = [
    '| task | expected | arc | judgement | reason | time |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const reason =
      r.judgement === 'unknown'
        ? cell(`${r.outcome.reason}${r.outcome.message ? `: ${shorten(r.outcome.message)}` : ''}`)
        : '';
    lines.push(
      `| ${cell(r.task.input)} (${r.task.dataModel}) | ${r.task.expected} | ${r.outcome.answer} | ${r.judgement} | ${reason} | ${seconds(r.outcome.wallMs)} |`,
    );
  }
  return lines;
}

/** Messages carry absolute paths of the suite; keep the part after `c/`. */
function shorten(message: string): string {
  return message.replace(/\S*\/(c\/[^\s:]+)/g, '$1');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      timeout: { type: 'string' },
      out: { type: 'string' },
      properties: { type: 'string' },
      jobs: { type: 'string' },
    },
  });
  const suite = resolve(positionals[0] ?? join(ROOT, '..', 'shared', 'bench', 'svcomp'));
  if (!existsSync(join(suite, 'tasks.tsv'))) {
    process.stderr.write(`svcomp: no tasks.tsv in ${suite}\n`);
    process.exit(2);
  }
  const timeoutS = Number(values.timeout ?? 10);
  if (!(timeoutS > 0)) {
    process.stderr.write(`svcomp: --timeout must be a positive number of seconds\n`);
    process.exit(2);
  }
  const jobs = Math.max(1, Math.floor(Number(values.jobs ?? 1)) || 1);
  const properties = (values.properties ?? 'unreach-call,no-overflow')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknownProps = properties.filter((p) => !(p in ARC_PROPERTY));
  if (unknownProps.length > 0) {
    process.stderr.write(`svcomp: unsupported properties: ${unknownProps.join(', ')}\n`);
    process.exit(2);
  }
  const out = values.out ?? join(ROOT, 'BENCHMARKS-svcomp.md');
  const tasks = readTasks(suite, new Set(properties));
  const results = await runAll(suite, tasks, timeoutS, jobs);
  const doc: string[] = [
    '## arc on SV-COMP tasks',
    '',
    `Written by \`npm run bench:svcomp\` on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machine()}.`,
    `Suite: the sv-benchmarks tasks listed in \`tasks.tsv\` (${tasks.length} checks of ${properties.join(', ')}).`,
    `Each task is one \`arc prove FILE --property P --data-model M --timeout ${timeoutS} --json\` process`,
    `(\`unreach-call\` → \`--property assertions\`, \`no-overflow\` → \`--property no-overflow\`),`,
    `${jobs} at a time; times are end to end. Scoring as in SV-COMP: +2 correct true, +1 correct false,`,
    '−32 wrong true, −16 wrong false, 0 unknown.',
    '',
  ];
  for (const property of properties) {
    const mine = results.filter((r) => r.task.property === property);
    doc.push(...summary(property, mine), ...unknownBreakdown(mine));
  }
  for (const property of properties) {
    const mine = results.filter((r) => r.task.property === property);
    doc.push(`### ${property}: every task`, '', ...taskTable(mine), '');
  }
  writeFileSync(out, doc.join('\n'));
  process.stderr.write(`wrote ${out}\n`);
}

await main();
