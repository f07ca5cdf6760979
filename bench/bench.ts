/**
 * `npm run bench`: end-to-end CLI time (a fresh `node` process per run, so
 * cold start included) and solver time for the article's examples and for the
 * project's corpus, median of N runs, written to BENCHMARKS.md.
 *
 * Usage: node dist/bench/bench.js [--runs N] [--out FILE] [--corpus DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { cCorpusCases } from './load-cases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

interface Sample {
  readonly wallMs: number;
  readonly solverMs: number;
  readonly answer: string;
  readonly exit: number | null;
}

interface Row {
  readonly name: string;
  readonly args: readonly string[];
  readonly expected?: string;
}

function runOnce(args: readonly string[]): Sample {
  const started = performance.now();
  const child = spawnSync(process.execPath, [CLI, ...args, '--json'], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  let answer = 'error';
  let solverMs = Number.NaN;
  try {
    const parsed = JSON.parse(child.stdout) as { answer?: string; solverMs?: number };
    answer = parsed.answer ?? 'error';
    solverMs = parsed.solverMs ?? Number.NaN;
  } catch {
    answer = `exit ${child.status ?? 'signal'}`;
  }
  return { wallMs, solverMs, answer, exit: child.status };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(row: Row, runs: number): { wall: number; solver: number; answer: string } {
  const samples = Array.from({ length: runs }, () => runOnce(row.args));
  const answers = new Set(samples.map((s) => s.answer));
  return {
    wall: median(samples.map((s) => s.wallMs)),
    solver: median(samples.map((s) => s.solverMs)),
    answer: [...answers].join('/'),
  };
}

function articleRows(): Row[] {
  const shared = join(ROOT, '..', 'shared', 'article');
  const dir = existsSync(join(shared, 'f.c')) ? shared : join(ROOT, 'examples');
  return [
    {
      name: 'f.c: f returns true',
      args: ['prove', join(dir, 'f.c'), '--function', 'f', '--returns-true'],
      expected: 'yes',
    },
    { name: 'g.c: g free of UB', args: ['prove', join(dir, 'g.c'), '--function', 'g'] },
    { name: 'g2.c: g2 free of UB', args: ['prove', join(dir, 'g2.c'), '--function', 'g2'] },
    { name: 'h.c: h free of UB', args: ['prove', join(dir, 'h.c'), '--function', 'h'] },
    {
      name: 'g.c: g terminates',
      args: ['terminates', join(dir, 'g.c'), '--function', 'g'],
      expected: 'yes',
    },
    {
      name: 'g2.c: g2 terminates',
      args: ['terminates', join(dir, 'g2.c'), '--function', 'g2'],
      expected: 'no',
    },
    {
      name: 'h.c: h terminates',
      args: ['terminates', join(dir, 'h.c'), '--function', 'h'],
      expected: 'unknown',
    },
  ];
}

/**
 * The summary of a suite report written by `bench:termcomp` or `bench:svcomp`
 * (from its first `### HEADING…` to the next heading), or a line saying how
 * to produce it.
 */
function suiteSummary(file: string, heading: string, command: string): string {
  const path = join(ROOT, file);
  const missing = `Not measured yet: run \`${command}\` (writes ${file}).`;
  if (!existsSync(path)) return missing;
  const text = readFileSync(path, 'utf8');
  const written = /^Written by .*$/m.exec(text)?.[0] ?? '';
  const start = text.indexOf(`### ${heading}`);
  if (start < 0) return missing;
  const end = text.indexOf('\n### ', start + 1);
  const body = text.slice(text.indexOf('\n', start) + 1, end < 0 ? undefined : end).trim();
  return [
    `From [${file}](${file}) (${written.replace(/^Written by /, 'written by ').replace(/\.$/, '')}):`,
    '',
    body,
  ].join('\n');
}

/** A corpus folder's cases, as the load benchmark and the tests read their headers. */
function corpusRows(suite: 'corpus' | 'loops', dir?: string): Row[] {
  return cCorpusCases(suite, dir).map((c) => ({
    name: basename(c.file),
    args: c.args,
    expected: c.expected,
  }));
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  return `${cpu}, ${cpus().length} cores, ${gib} GiB, Linux ${release()}, Node ${process.version}`;
}

function table(rows: readonly Row[], runs: number, label: string): { text: string; wrong: number } {
  const lines = [
    `| ${label} | expected | answer | end to end (median) | solver (median) |`,
    '|---|---|---|---|---|',
  ];
  let wrong = 0;
  for (const row of rows) {
    const m = measure(row, runs);
    if (row.expected !== undefined && m.answer !== row.expected) wrong++;
    lines.push(
      `| ${row.name} | ${row.expected ?? '—'} | ${m.answer} | ${m.wall.toFixed(0)} ms | ${m.solver.toFixed(1)} ms |`,
    );
    process.stderr.write(`${row.name}: ${m.answer} ${m.wall.toFixed(0)} ms\n`);
  }
  return { text: lines.join('\n'), wrong };
}

interface TestingRun {
  readonly callsPerSecond: number;
  readonly estimatedExhaustiveSeconds: number;
  readonly engine: string;
}

/** One `arc test` run of f: the measured speed of testing on this machine. */
function measureTesting(fPath: string): TestingRun | null {
  const child = spawnSync(
    process.execPath,
    [CLI, 'test', fPath, '--function', 'f', '--returns-true', '--budget', '2', '--json'],
    { encoding: 'utf8' },
  );
  try {
    return JSON.parse(child.stdout) as TestingRun;
  } catch {
    return null;
  }
}

function testingEstimate(fWallMs: number, measured: TestingRun | null): string {
  const calls = 2n ** 64n;
  const seconds = Number(calls) / 430e6;
  const years = seconds / (365.25 * 24 * 3600);
  const ratio = seconds / (fWallMs / 1000);
  return [
    `Exhaustive testing of f: 2^64 = 18,446,744,073,709,551,616 calls (the article quotes`,
    `18,446,744,065,119,617,025 = UINT_MAX²); at the article's 430 million calls/s that is`,
    `${seconds.toExponential(3)} s ≈ ${years.toFixed(0)} years. arc's proof, end to end: ${fWallMs.toFixed(0)} ms,`,
    `a ratio of about ${ratio.toExponential(2)}.`,
    measured === null
      ? 'The testing baseline (`arc test`) could not be measured on this machine.'
      : `Measured here, \`arc test\` (${measured.engine} build) runs f ${Math.round(measured.callsPerSecond).toLocaleString('en-US')} times a second: ` +
        `exhaustive testing would take ${(measured.estimatedExhaustiveSeconds / (365 * 24 * 3600)).toFixed(0)} years, ` +
        `${(measured.estimatedExhaustiveSeconds / (fWallMs / 1000)).toExponential(2)} times arc's proof.`,
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, out: { type: 'string' }, corpus: { type: 'string' } },
  });
  const runs = Math.max(5, Number(values.runs ?? 5));
  const out = values.out ?? join(ROOT, 'BENCHMARKS.md');
  const article = articleRows();
  const fWall = measure(article[0], runs).wall;
  const a = table(article, runs, 'article example');
  const c = table(corpusRows('corpus', values.corpus), runs, 'corpus case');
  const loops = table(corpusRows('loops'), runs, 'loop program');
  const doc = [
    '# arc benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machine()}.`,
    `Each figure is the median of ${runs} runs. "End to end" is a fresh \`node dist/src/cli/main.js prove|terminates … --json\``,
    'process per run (cold start: Node, WebAssembly Z3 and tree-sitter initialisation included);',
    '"solver" is the time inside solver queries (initialisation and warm-up excluded).',
    '',
    'Targets (issue 2): f proved with solver time under 50 ms, end to end under 1.5 s.',
    '',
    '## The article',
    '',
    a.text,
    '',
    testingEstimate(fWall, measureTesting(article[0].args[1])),
    '',
    '## The corpus (test/corpus/cases)',
    '',
    c.text,
    '',
    `Answers that differ from the expected one: ${a.wrong + c.wrong}.`,
    '',
    '## The loop corpus (test/corpus/loops)',
    '',
    'Programs whose loops no bounded unrolling covers (issue 4): each yes needs a loop invariant,',
    'some no answers need a thousand iterations or more. Default budget (10 s).',
    '',
    loops.text,
    '',
    `Answers that differ from the expected one: ${loops.wrong} (don't know counts as different).`,
    '',
    '## SV-COMP unreach-call and no-overflow (issue 4)',
    '',
    'Targets with 10 s per task: zero wrong answers, at least 75% of the non-recursive tasks',
    'answered correctly, median time under 2 s.',
    '',
    '### unreach-call',
    '',
    suiteSummary('BENCHMARKS-svcomp.md', 'unreach-call (', 'npm run bench:svcomp'),
    '',
    '### no-overflow',
    '',
    suiteSummary('BENCHMARKS-svcomp.md', 'no-overflow (', 'npm run bench:svcomp'),
    '',
    '## AWS IAM and S3 policies (issue 5)',
    '',
    'Targets: 100% agreement with the labels (every disagreement explained), median under',
    '50 ms and 99th percentile under 200 ms per check in a warm process.',
    '',
    suiteSummary('BENCHMARKS-iam.md', 'Summary', 'npm run bench:iam'),
    '',
    "Every disagreement is explained in BENCHMARKS-iam.md (arc's witness replayed, the AWS",
    "documentation read): in none is arc's answer wrong for the policies as written. Two labels",
    'assume real resource-name formats (a `*` ending an ARN segment matches across colons), one',
    "label is a mistake in AWS's sample, two references hold the literal placeholder",
    '`<ACCOUNT ID>`, and Quacky types `s3:max-keys` as a number.',
    '',
    '## AWS VPC networks (issue 6)',
    '',
    suiteSummary('BENCHMARKS-net.md', 'Summary', 'npm run bench:net'),
    '',
    'Generated networks (targets: one reachable question under 1 s at 10,000 instances,',
    '`exposed` under 30 s, growth close to linear):',
    '',
    suiteSummary('BENCHMARKS-net-scale.md', 'Summary', 'npm run bench:net-scale'),
    '',
    '## Under load (issue 14)',
    '',
    'Target: with 2 busy processes and 4 cases at a time on this 2-core machine, no case that',
    'decides (yes or no) in under 1 s quietly changes its answer.',
    '',
    suiteSummary('BENCHMARKS-load.md', 'Summary', 'npm run bench:load'),
    '',
    '## Termination suites (issue 3)',
    '',
    'Targets with 10 s per task: zero wrong answers, at least 85% of the decided TermComp',
    'programs answered correctly, median time under 1 s.',
    '',
    '### Termination Competition, C_Integer',
    '',
    suiteSummary('BENCHMARKS-termcomp.md', 'Summary', 'npm run bench:termcomp'),
    '',
    '### SV-COMP termination tasks',
    '',
    suiteSummary('BENCHMARKS-svcomp.md', 'termination (', 'npm run bench:svcomp'),
    '',
  ].join('\n');
  writeFileSync(out, doc);
  process.stderr.write(`wrote ${out}\n`);
}

main();
