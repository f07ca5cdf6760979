/**
 * `npm run bench:load`: does the same question get the same answer however
 * busy the machine is? (issue 14, item 7.) Written to BENCHMARKS-load.md.
 *
 * Usage: node dist/bench/load.js [--busy N] [--jobs M] [--repeat K]
 *          [--busy-kind arc|spin] [--filter REGEX] [--out FILE]
 *
 * The cases are the article's examples as the tour asks them and every case
 * of the C, loop, Python and termination corpora (bench/load-cases.ts), each
 * one `arc … --json` process with arc's default budget, as a user runs it.
 *
 * 1. Quiet: every case once, one at a time.
 * 2. Loaded: N busy processes start, then the cases run M at a time; with
 *    `--repeat K`, K rounds (the busy processes run throughout).
 *
 * A busy process (`--busy-kind arc`, the default) is a lane of arc runs: it
 * runs the cases one after another, from its own starting point in the list,
 * for as long as the phase lasts. That is the load the issue measured
 * answers changing under — a CI run and other solver runs beside one's own,
 * several arc processes each with its Z3 worker threads, start-up and
 * WebAssembly compilation included — where plain busy loops (`spin`, one
 * `node -e 'for (;;) {}'` each, one runnable thread apiece) only slowed arc
 * down. The lanes always cycle through every case, whatever `--filter`
 * selects, so the load does not depend on the selection.
 *
 * The report lists each case's quiet and loaded answer and time, and the
 * cases whose answer changed: first those decided (yes or no) in under 1 s
 * quietly — the target is none — then the rest, each with arc's reason. The
 * machine's load average at the start and end of each phase, and sampled
 * while it runs, is part of the report: on a shared machine the quiet phase
 * is only as quiet as the machine was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_TIMEOUT_SECONDS } from '../src/api/options.js';
import {
  CLI,
  ROOT,
  countOption,
  killAfterMs,
  machine,
  median,
  parseCommandLine,
  percentile,
  runCli,
  runPool,
  seconds,
  table,
  today,
  usageError,
  type Outcome,
} from './harness.js';
import { collectCases, SUITES, type BenchCase } from './load-cases.js';

const PROGRAM = 'load';

/** A case decided (yes or no) in less than this, quietly, must keep its answer under load. */
const TARGET_MS = 1000;
/** How often the load average is sampled while a phase runs. */
const SAMPLE_MS = 5000;
/** Time the busy processes get to start before the loaded phase's first case. */
const WARM_UP_MS = 3000;

type BusyKind = 'arc' | 'spin';

interface CaseResult {
  readonly c: BenchCase;
  readonly quiet: Outcome;
  /** One outcome per loaded round. */
  readonly loaded: readonly Outcome[];
}

/** The load average at a phase's start and end, and its 1-minute value sampled in between. */
interface LoadRecord {
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly samples: readonly number[];
  readonly wallMs: number;
}

/** Runs `work` and records the load average around and during it. */
async function watchingLoad<T>(work: () => Promise<T>): Promise<{ value: T; load: LoadRecord }> {
  const start = loadavg();
  const samples: number[] = [start[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), SAMPLE_MS);
  const started = performance.now();
  try {
    const value = await work();
    const end = loadavg();
    samples.push(end[0]);
    return { value, load: { start, end, samples, wallMs: performance.now() - started } };
  } finally {
    clearInterval(timer);
  }
}

/**
 * N background processes, each replaced as soon as it ends until `stop`:
 * lanes of arc runs over `cases`, or busy loops.
 */
class BusyProcesses {
  private readonly children = new Set<ChildProcess>();
  private stopped = false;
  /** arc runs the lanes finished. */
  finished = 0;

  constructor(
    private readonly kind: BusyKind,
    private readonly count: number,
    private readonly cases: readonly BenchCase[],
  ) {}

  start(): void {
    for (let lane = 0; lane < this.count; lane++) {
      if (this.kind === 'spin') this.spin();
      else this.lane(Math.floor((lane * this.cases.length) / this.count));
    }
  }

  /** Kills every running busy process (each one this harness started, by its handle). */
  stop(): void {
    this.stopped = true;
    for (const child of this.children) child.kill('SIGKILL');
    this.children.clear();
  }

  /** A busy loop, for the whole phase (replaced should it die). */
  private spin(): void {
    this.spawn([process.execPath, '-e', 'for (;;) {}'], undefined, () => this.spin());
  }

  /** One arc run after another, from case `next` on, each killed if it overruns as the cases are. */
  private lane(next: number): void {
    const c = this.cases[next % this.cases.length];
    const limitMs = killAfterMs(DEFAULT_TIMEOUT_SECONDS);
    this.spawn([process.execPath, CLI, ...c.args, '--json'], limitMs, () => {
      this.finished++;
      this.lane(next + 1);
    });
  }

  private spawn(argv: readonly string[], limitMs: number | undefined, then: () => void): void {
    if (this.stopped) return;
    const child = spawn(argv[0], argv.slice(1), { stdio: 'ignore' });
    this.children.add(child);
    const timer =
      limitMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), limitMs);
    const ended = (): void => {
      clearTimeout(timer);
      if (!this.children.delete(child) || this.stopped) return;
      then();
    };
    child.on('error', ended);
    child.on('exit', ended);
  }
}

function runCase(c: BenchCase): Promise<Outcome> {
  return runCli([...c.args, '--json'], DEFAULT_TIMEOUT_SECONDS);
}

const decided = (o: Outcome): boolean => o.answer === 'yes' || o.answer === 'no';

/** The cases the target is about: decided in under 1 s quietly. */
const isTarget = (r: CaseResult): boolean => decided(r.quiet) && r.quiet.wallMs < TARGET_MS;

const changed = (r: CaseResult): boolean => r.loaded.some((o) => o.answer !== r.quiet.answer);

/** Messages name files by absolute path; name them as the report's reader sees them. */
function relative(text: string): string {
  return text
    .split(ROOT)
    .join('')
    .split(`${resolve(ROOT, '..')}/`)
    .join('../');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function answerText(o: Outcome): string {
  return o.reason ? `${o.answer} (${o.reason})` : o.answer;
}

/** An outcome with its time and, for don't know and errors, arc's reason in full. */
function outcomeDetail(o: Outcome): string {
  const why = o.answer === 'unknown' || o.answer === 'error' ? o.message : '';
  const text = `${o.answer} in ${seconds(o.wallMs)}${o.reason ? ` (${o.reason}${why ? `: ${why}` : ''})` : ''}`;
  return relative(text).replace(/\s+/g, ' ').trim();
}

function changedLine(r: CaseResult): string {
  const rounds =
    r.loaded.length === 1
      ? `loaded ${outcomeDetail(r.loaded[0])}`
      : r.loaded.map((o, i) => `loaded round ${i + 1}: ${outcomeDetail(o)}`).join('; ');
  return (
    `- \`${r.c.id}\` (\`arc ${relative(r.c.args.join(' '))}\`, expected ${r.c.expected}): ` +
    `quiet ${outcomeDetail(r.quiet)}; ${rounds}`
  );
}

function loadLine(label: string, load: LoadRecord): string {
  const f = (xs: readonly number[]): string => xs.map((x) => x.toFixed(2)).join(', ');
  const s = load.samples;
  return (
    `${label} took ${(load.wallMs / 60_000).toFixed(1)} min; load average (1, 5, 15 min) ` +
    `${f(load.start)} at its start and ${f(load.end)} at its end; the 1-minute load, ` +
    `sampled every ${SAMPLE_MS / 1000} s, was ${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)} ` +
    `(median ${median(s).toFixed(2)}).`
  );
}

/** Per case, the median over the loaded rounds of loaded time / quiet time. */
function slowdown(r: CaseResult): number {
  return median(r.loaded.map((o) => o.wallMs / r.quiet.wallMs));
}

function summaryTable(results: readonly CaseResult[]): string[] {
  const groups: [string, CaseResult[]][] = [
    ['decided in under 1 s quietly (target: 0 changed)', results.filter(isTarget)],
    ['decided in 1 s or more quietly', results.filter((r) => decided(r.quiet) && !isTarget(r))],
    ["don't know or error quietly", results.filter((r) => !decided(r.quiet))],
    ['all', [...results]],
  ];
  const times = (rs: readonly CaseResult[], pick: (r: CaseResult) => number[]): string =>
    rs.length === 0 ? '—' : seconds(median(rs.flatMap(pick)));
  return table(
    [
      'cases',
      'count',
      'answer changed',
      'quiet median',
      'loaded median',
      'loaded 90th pct.',
      'median slowdown',
    ],
    groups.map(([label, rs]) => [
      label,
      String(rs.length),
      String(rs.filter(changed).length),
      times(rs, (r) => [r.quiet.wallMs]),
      times(rs, (r) => r.loaded.map((o) => o.wallMs)),
      rs.length === 0
        ? '—'
        : seconds(
            percentile(
              rs.flatMap((r) => r.loaded.map((o) => o.wallMs)),
              90,
            ),
          ),
      rs.length === 0 ? '—' : `${median(rs.map(slowdown)).toFixed(1)}×`,
    ]),
  );
}

interface Settings {
  readonly busy: number;
  readonly busyKind: BusyKind;
  readonly jobs: number;
  readonly repeat: number;
  readonly filter: string | undefined;
  readonly total: number;
}

function report(
  results: readonly CaseResult[],
  settings: Settings,
  quietLoad: LoadRecord,
  loadedLoad: LoadRecord,
  busyRuns: number,
): string[] {
  const target = results.filter((r) => isTarget(r) && changed(r));
  const rest = results.filter((r) => !isTarget(r) && changed(r));
  const unexpected = results.filter(
    (r) => r.quiet.answer !== r.c.expected && !(r.c.gap && r.quiet.answer === 'unknown'),
  );
  const perSuite = SUITES.map((s) => [s, results.filter((r) => r.c.suite === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  const busyText =
    settings.busy === 0
      ? 'no busy process'
      : settings.busyKind === 'arc'
        ? `${plural(settings.busy, 'busy process', 'busy processes')}, each a lane of arc runs over all ${settings.total} cases in turn ` +
          `(the same command lines, from its own starting point; ${busyRuns} runs finished during the phase)`
        : `${plural(settings.busy, 'busy process', 'busy processes')}, each \`node -e 'for (;;) {}'\``;
  return [
    '## arc under load (issue 14)',
    '',
    `Written by \`npm run bench:load\` on ${today()}.`,
    `Machine: ${machine()}.`,
    `Cases: ${results.length} (${perSuite})` +
      (settings.filter === undefined ? '' : `, the ids matching \`${settings.filter}\``) +
      '; each is one `arc … --json` process (`node dist/src/cli/main.js`) with the default budget ' +
      `(${DEFAULT_TIMEOUT_SECONDS} s), killed ${killAfterMs(DEFAULT_TIMEOUT_SECONDS) / 1000} s after its start ` +
      "(counted as don't know, `killed`); times are end to end.",
    'Phase 1, quiet: one case at a time, nothing else started by the benchmark.',
    `Phase 2, loaded: ${busyText}, and the cases ${settings.jobs} at a time` +
      (settings.repeat === 1 ? '.' : `, ${settings.repeat} rounds (a change in any round counts).`),
    `Target: no case decided (yes or no) in under ${TARGET_MS / 1000} s in phase 1 changes its answer in phase 2.`,
    '',
    '### Summary',
    '',
    `Answers changed under load: **${target.length}** of the ${results.filter(isTarget).length} cases decided in under 1 s ` +
      `quietly (target 0), ${rest.length} of the other ${results.length - results.filter(isTarget).length}.`,
    '',
    ...summaryTable(results),
    '',
    `- ${loadLine('Phase 1 (quiet)', quietLoad)}`,
    `- ${loadLine('Phase 2 (loaded)', loadedLoad)}`,
    '',
    `### Changed answers, decided in under 1 s quietly (${target.length}; the target is none)`,
    '',
    ...(target.length === 0 ? ['None.'] : target.map(changedLine)),
    '',
    `### Other changed answers (${rest.length})`,
    '',
    ...(rest.length === 0 ? ['None.'] : rest.map(changedLine)),
    '',
    `### Quiet answers other than the expected one (${unexpected.length})`,
    '',
    'The corpus tests give each case 20 to 60 s; here every case has the default budget, so a case',
    "that needs more is don't know in both phases. A known gap (`gap:` header) answered don't know is",
    'not listed.',
    '',
    ...(unexpected.length === 0
      ? ['None.']
      : unexpected.map(
          (r) => `- \`${r.c.id}\`: expected ${r.c.expected}, ${outcomeDetail(r.quiet)}`,
        )),
    '',
    '### Every case',
    '',
    ...table(
      ['case', 'expected', 'quiet', 'quiet time', 'loaded', 'loaded time'],
      results.map((r) => [
        r.c.id,
        r.c.expected,
        answerText(r.quiet),
        seconds(r.quiet.wallMs),
        r.loaded
          .map((o) => (o.answer === r.quiet.answer ? answerText(o) : `**${answerText(o)}**`))
          .join(' / '),
        r.loaded.map((o) => seconds(o.wallMs)).join(' / '),
      ]),
    ),
    '',
  ];
}

/** A count option that may be 0 (`--busy 0`: concurrency alone). */
function countOrZero(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usageError(PROGRAM, `--${name} must be a whole number`);
  return n;
}

/** A progress line per finished case; in the loaded phase, marking a changed answer. */
function progress(
  phase: string,
  cases: readonly BenchCase[],
  quiet?: readonly Outcome[],
): (o: Outcome, i: number) => void {
  return (o, i) => {
    const before = quiet?.[i];
    const mark =
      before !== undefined && before.answer !== o.answer ? ` CHANGED from ${before.answer}` : '';
    process.stderr.write(
      `[${phase} ${i + 1}/${cases.length}] ${cases[i].id}: ${answerText(o)}, ${seconds(o.wallMs)}${mark}\n`,
    );
  };
}

/** The `--filter` expression. */
function filterOption(value: string | undefined): RegExp | undefined {
  try {
    return value === undefined ? undefined : new RegExp(value);
  } catch (e) {
    return usageError(PROGRAM, `--filter: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseCommandLine(PROGRAM, {
    options: {
      busy: { type: 'string' },
      'busy-kind': { type: 'string' },
      jobs: { type: 'string' },
      repeat: { type: 'string' },
      filter: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const busy = countOrZero('busy', values.busy, 2);
  const jobs = countOption(PROGRAM, 'jobs', values.jobs, 4);
  const repeat = countOption(PROGRAM, 'repeat', values.repeat, 1);
  const busyKind = values['busy-kind'] ?? 'arc';
  if (busyKind !== 'arc' && busyKind !== 'spin')
    usageError(PROGRAM, '--busy-kind must be arc or spin');
  const filter = filterOption(values.filter);
  const out = values.out ?? join(ROOT, 'BENCHMARKS-load.md');
  const all = collectCases();
  const cases = filter === undefined ? all : all.filter((c) => filter.test(c.id));
  if (cases.length === 0) usageError(PROGRAM, 'no case matches --filter');

  const quiet = await watchingLoad(() => runPool(cases, 1, runCase, progress('quiet', cases)));

  const lanes = new BusyProcesses(busyKind, busy, all);
  const stopOnSignal = (): void => {
    lanes.stop();
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const loaded = await watchingLoad(async () => {
    lanes.start();
    await new Promise((done) => setTimeout(done, WARM_UP_MS));
    const rounds: Outcome[][] = [];
    for (let k = 0; k < repeat; k++) {
      const phase = repeat === 1 ? 'loaded' : `loaded ${k + 1}/${repeat}`;
      rounds.push(await runPool(cases, jobs, runCase, progress(phase, cases, quiet.value)));
    }
    return rounds;
  }).finally(() => lanes.stop());
  process.off('SIGINT', stopOnSignal);
  process.off('SIGTERM', stopOnSignal);

  const results: CaseResult[] = cases.map((c, i) => ({
    c,
    quiet: quiet.value[i],
    loaded: loaded.value.map((round) => round[i]),
  }));
  const settings: Settings = {
    busy,
    busyKind,
    jobs,
    repeat,
    filter: values.filter,
    total: all.length,
  };
  writeFileSync(out, report(results, settings, quiet.load, loaded.load, lanes.finished).join('\n'));
  const target = results.filter(isTarget);
  const changedTarget = target.filter(changed);
  const changedRest = results.filter((r) => !isTarget(r) && changed(r));
  const l = (x: LoadRecord): string => `${x.start[0].toFixed(1)}→${x.end[0].toFixed(1)}`;
  process.stdout.write(
    `load: ${results.length} cases; answers changed under load (${busy} busy ${busyKind}, ` +
      `${jobs} at a time${repeat > 1 ? `, ${repeat} rounds` : ''}): ${changedTarget.length} of ` +
      `${target.length} decided in under 1 s quietly (target 0)` +
      `${changedTarget.length > 0 ? ` [${changedTarget.map((r) => r.c.id).join(', ')}]` : ''}, ` +
      `${changedRest.length} of the other ${results.length - target.length}` +
      `${changedRest.length > 0 ? ` [${changedRest.map((r) => r.c.id).join(', ')}]` : ''}; ` +
      `1-min load quiet ${l(quiet.load)}, loaded ${l(loaded.load)}; wrote ${out}\n`,
  );
}

await main();
