/**
 * `npm run bench:peer`: arc on the CBMC and ESBMC regression cases about C
 * memory (arrays, pointers, structs, the heap, strings, function pointers,
 * recursion, and integer programs as a control), written to
 * BENCHMARKS-peer.md, with the per-case results in BENCHMARKS-peer.tsv.
 *
 * Usage: node dist/bench/peer.js [SUITE_DIR] [--timeout S] [--jobs N]
 *          [--filter SUBSTRING] [--out FILE.md]
 *
 * SUITE_DIR (default ../shared/bench/peer-regression) holds `manifest.tsv`
 * (case, main, expected, options, checks, topic) and the programs. Each case
 * is one `arc prove FILE --function main --property G… --timeout S
 * --data-model LP64 --malloc-may-fail|--malloc-never-fails [--max-unwind N]
 * --undefined-functions-pure --json` process, its `checks` mapped to the options
 * as bench/peer-cases.ts says. `--filter` keeps the cases whose name or topic
 * contains SUBSTRING. The TSV is written next to the report (FILE with .tsv
 * for .md). A process that outlives its budget by a wide margin is killed
 * and counted as don't know. Apart from times (and the machine and date
 * lines), the output depends only on the answers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import {
  arcArgs,
  caseFile,
  judge,
  loadManifest,
  mapChecks,
  markdownReport,
  notRun,
  tsvReport,
  type PeerCase,
  type PeerResult,
} from './peer-cases.js';
import {
  ROOT,
  countOption,
  killAfterMs,
  machine,
  median,
  parseCommandLine,
  percentile,
  ratio,
  runCli,
  runPool,
  seconds,
  timeoutOption,
  today,
  usageError,
} from './harness.js';

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine('peer', {
    allowPositionals: true,
    options: {
      timeout: { type: 'string' },
      jobs: { type: 'string' },
      filter: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (positionals.length > 1) usageError('peer', 'at most one SUITE_DIR');
  const suite = resolve(positionals[0] ?? join(ROOT, '..', 'shared', 'bench', 'peer-regression'));
  if (!existsSync(join(suite, 'manifest.tsv'))) usageError('peer', `no manifest.tsv in ${suite}`);
  const timeoutS = timeoutOption('peer', values.timeout, 10);
  const jobs = countOption('peer', 'jobs', values.jobs, 1);
  const out = resolve(values.out ?? join(ROOT, 'BENCHMARKS-peer.md'));
  const tsv = `${out.replace(/\.md$/, '')}.tsv`;
  let all: PeerCase[];
  try {
    all = loadManifest(suite);
  } catch (e) {
    usageError('peer', e instanceof Error ? e.message : String(e));
  }
  const filter = values.filter;
  const cases =
    filter === undefined
      ? all
      : all.filter((c) => c.name.includes(filter) || c.topic.includes(filter));
  if (cases.length === 0) usageError('peer', 'no case matches the selection');

  const results = await runPool(
    cases,
    jobs,
    async (c): Promise<PeerResult> => {
      const options = mapChecks(c.checks, readFileSync(caseFile(suite, c), 'utf8'));
      if (options.properties.length === 0) return notRun(c, options);
      const outcome = await runCli(arcArgs(caseFile(suite, c), options, timeoutS), timeoutS);
      return { case: c, options, outcome, ...judge(c, options, outcome) };
    },
    (r, i) => {
      const why = r.reason ? ` (${r.reason.slice(0, 120)})` : '';
      process.stderr.write(
        `[${i + 1}/${cases.length}] ${r.case.name}: expected ${r.case.expected}, ` +
          `arc ${r.outcome.answer}, ${r.judgement}${why}, ${seconds(r.outcome.wallMs)}\n`,
      );
    },
  );

  const report = markdownReport(results, {
    date: today(),
    machine: machine(),
    command: ['npm run bench:peer', ...(process.argv.length > 2 ? ['--'] : [])]
      .concat(process.argv.slice(2))
      .join(' '),
    suite: relative(ROOT, suite) || '.',
    suiteDir: suite,
    suiteCases: all.length,
    ...(filter === undefined ? {} : { filter }),
    timeoutS,
    jobs,
    killAfterS: killAfterMs(timeoutS) / 1000,
    tsvName: basename(tsv),
  });
  writeFileSync(out, `${report}\n`);
  writeFileSync(tsv, tsvReport(results, suite));
  const n = (j: PeerResult['judgement']): number => results.filter((r) => r.judgement === j).length;
  const times = results.map((r) => r.outcome.wallMs);
  process.stdout.write(
    `peer: ${cases.length} of ${all.length} cases: ${n('correct')} correct, ${n('wrong')} wrong, ` +
      `${n("don't know")} don't know; right ${ratio(n('correct'), all.length)} of the suite; ` +
      `median ${seconds(median(times))}, p90 ${seconds(percentile(times, 90))}; wrote ${out} and ${tsv}\n`,
  );
}

await main();
