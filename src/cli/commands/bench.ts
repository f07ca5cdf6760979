/**
 * `arc bench DIR`: runs the SV-COMP task definitions (`.yml`) under DIR with
 * this build of arc, one CLI process per check, and scores the answers as
 * SV-COMP does. Exit codes: 0 when no answer is wrong, 1 when at least one
 * is, 2 for bad input (a missing DIR, no task definitions, a malformed .yml:
 * nothing is run then).
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_SV_PROPERTIES,
  loadSuite,
  progressLine,
  runChecks,
  SV_PROPERTIES,
  type SvProperty,
} from '../bench/svcomp-tasks.js';
import { jsonReport, markdownReport, type SuiteRun } from '../bench/svcomp-report.js';
import { EXIT_BAD_INPUT } from '../../core/answer.js';
import {
  flag,
  numberOption,
  parseCommandArgs,
  stringList,
  stringOption,
  UsageError,
} from '../common.js';
import { BENCH_USAGE } from '../usage.js';

const OPTIONS = {
  timeout: { type: 'string' },
  jobs: { type: 'string' },
  property: { type: 'string', multiple: true },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXIT_BENCH_OK = 0;
const EXIT_BENCH_WRONG = 1;

export async function runBench(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('bench', args, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new UsageError(
      `bench: expected exactly one directory of task definitions, got ${parsed.positionals.length}`,
    );
  }
  const dir = resolve(parsed.positionals[0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`bench: no such directory: ${parsed.positionals[0]}`);
  }
  const timeoutS = numberOption(parsed, 'timeout') ?? 10;
  if (!(timeoutS > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  const jobs = numberOption(parsed, 'jobs') ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError('--jobs must be a positive integer');
  const properties = selectedProperties(stringList(parsed, 'property'));
  const out = stringOption(parsed, 'out');
  if (out !== undefined && !existsSync(dirname(resolve(out)))) {
    throw new UsageError(`--out: the directory ${dirname(out)} does not exist`);
  }

  const suite = loadSuite(dir, new Set(properties));
  if (suite.taskFiles.length === 0) {
    process.stderr.write(`arc: bench: no .yml task definitions under ${parsed.positionals[0]}\n`);
    return EXIT_BAD_INPUT;
  }
  if (suite.errors.length > 0) {
    for (const e of suite.errors) process.stderr.write(`${e.render()}\n`);
    process.stderr.write(
      `arc: bench: ${suite.errors.length} of ${suite.taskFiles.length} task definitions cannot be read; nothing was run\n`,
    );
    return EXIT_BAD_INPUT;
  }

  const total = suite.checks.length;
  const results = await runChecks(suite.checks, {
    timeoutS,
    jobs,
    onResult: (result, i) => process.stderr.write(progressLine(result, i, total)),
  });
  const run: SuiteRun = {
    suite: dir,
    properties,
    timeoutS,
    jobs,
    taskFiles: suite.taskFiles.length,
    results,
    skipped: suite.skipped,
  };
  const markdown = markdownReport(run);
  if (flag(parsed, 'json')) process.stdout.write(`${JSON.stringify(jsonReport(run), null, 2)}\n`);
  else process.stdout.write(`${markdown}\n`);
  if (out !== undefined) {
    await writeFile(out, `${markdown}\n`);
    process.stderr.write(`arc: bench: wrote ${out}\n`);
  }
  return results.some((r) => r.judgement === 'wrong') ? EXIT_BENCH_WRONG : EXIT_BENCH_OK;
}

/**
 * `--property` values (repeatable, or comma-separated), any of SV_PROPERTIES;
 * unreach-call, no-overflow and termination when none is given (the memory
 * properties valid-memsafety and valid-memcleanup are opt-in).
 */
function selectedProperties(values: readonly string[]): SvProperty[] {
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const unknown = names.filter((n) => !(SV_PROPERTIES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `bench: unknown --property ${unknown.join(', ')} (known: ${SV_PROPERTIES.join(', ')})`,
    );
  }
  return names.length === 0
    ? [...DEFAULT_SV_PROPERTIES]
    : SV_PROPERTIES.filter((p) => names.includes(p));
}
