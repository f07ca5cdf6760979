/**
 * `npm run bench:svcomp`: arc on SV-COMP tasks (sv-benchmarks), scored with
 * SV-COMP's scheme, written to BENCHMARKS-svcomp.md.
 *
 * Usage: node dist/bench/svcomp.js [SUITE_DIR] [--timeout S] [--out FILE]
 *          [--properties unreach-call,no-overflow,termination] [--jobs N]
 *
 * `--properties` takes any of unreach-call, no-overflow, termination,
 * valid-memsafety, valid-memcleanup (default: the first three; the memory
 * properties are opt-in), e.g. for the memory tasks:
 *
 *     npm run bench:svcomp -- ../shared/bench/svcomp-memory \
 *       --properties unreach-call,valid-memsafety,valid-memcleanup --out BENCHMARKS-svcomp-memory.md
 *
 * SUITE_DIR (default ../shared/bench/svcomp) holds the task definitions
 * (`.yml`, found recursively) and the programs they name. Reading the tasks,
 * running each check in a fresh CLI process and scoring are those of
 * `arc bench` (src/cli/bench/svcomp-tasks.ts): `unreach-call` is checked with
 * `arc prove --property assertions` (reach_error / __VERIFIER_error never
 * called), `no-overflow` with `arc prove --property no-overflow`,
 * `termination` with `arc terminates` (C semantics), `valid-memsafety` with
 * `arc prove --property valid-deref --property valid-free --property
 * valid-pointer-arith --property valid-call --property valid-memtrack`,
 * `valid-memcleanup` with `arc prove --property valid-memcleanup`, every
 * prove with `--malloc-never-fails` (SV-COMP: malloc never returns
 * NULL); the entry is `main`, the data model the task's. A false on a
 * `valid-memsafety` task with a subproperty is correct only for a violation
 * of that subproperty. A process that outlives its budget by a wide margin
 * is killed and counted unknown. Apart from times (and the machine and date
 * lines), the output depends only on the answers.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { markdownReport } from '../src/cli/bench/svcomp-report.js';
import {
  DEFAULT_SV_PROPERTIES,
  loadSuite,
  progressLine,
  runChecks,
  summarize,
  SV_PROPERTIES,
  type SvProperty,
} from '../src/cli/bench/svcomp-tasks.js';
import {
  ROOT,
  countOption,
  machine,
  parseCommandLine,
  timeoutOption,
  today,
  usageError,
} from './harness.js';

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
  const suiteDir = resolve(positionals[0] ?? join(ROOT, '..', 'shared', 'bench', 'svcomp'));
  if (!existsSync(suiteDir)) usageError('svcomp', `no suite directory ${suiteDir}`);
  const timeoutS = timeoutOption('svcomp', values.timeout, 10);
  const jobs = countOption('svcomp', 'jobs', values.jobs, 1);
  const names = (values.properties ?? DEFAULT_SV_PROPERTIES.join(','))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknownProps = names.filter((p) => !(SV_PROPERTIES as readonly string[]).includes(p));
  if (unknownProps.length > 0) {
    usageError(
      'svcomp',
      `unsupported properties: ${unknownProps.join(', ')} (known: ${SV_PROPERTIES.join(', ')})`,
    );
  }
  const properties = SV_PROPERTIES.filter((p) => names.includes(p));
  const out = values.out ?? join(ROOT, 'BENCHMARKS-svcomp.md');
  const suite = loadSuite(suiteDir, new Set<SvProperty>(properties));
  if (suite.taskFiles.length === 0) usageError('svcomp', `no .yml task definitions in ${suiteDir}`);
  if (suite.errors.length > 0) {
    for (const e of suite.errors) process.stderr.write(`${e.render()}\n`);
    usageError('svcomp', `${suite.errors.length} task definitions cannot be read`);
  }
  const total = suite.checks.length;
  const results = await runChecks(suite.checks, {
    timeoutS,
    jobs,
    onResult: (result, i) => process.stderr.write(progressLine(result, i, total)),
  });
  const preamble = [
    `Written by \`npm run bench:svcomp\` on ${today()}.`,
    `Machine: ${machine()}.`,
    `Suite: the sv-benchmarks task definitions under the suite folder (${suite.taskFiles.length} .yml files, ` +
      `${total} checks of ${properties.join(', ')}; ${suite.skipped.length} other properties skipped).`,
  ];
  const report = markdownReport(
    {
      suite: suiteDir,
      properties,
      timeoutS,
      jobs,
      taskFiles: suite.taskFiles.length,
      results,
      skipped: suite.skipped,
    },
    preamble,
  );
  writeFileSync(out, `${report}\n`);
  const line = properties.map((p) => {
    const s = summarize(p, results);
    const wrong = s.wrongTrue + s.wrongFalse;
    const correct = s.correctTrue + s.correctFalse;
    return `${p}: ${correct} correct, ${wrong} wrong, ${s.unknown} unknown, score ${s.score}`;
  });
  process.stdout.write(`svcomp: ${line.join('; ')}\n`);
  process.stderr.write(`wrote ${out}\n`);
}

await main();
