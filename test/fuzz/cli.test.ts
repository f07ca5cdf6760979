/**
 * Robustness through the command line: a modest number of `arc` processes
 * on generated inputs (C, Python, policies, snapshots) and on malformed
 * command lines, two at a time. Every run must exit 0, 1, 2 or 3 — never 4
 * — with no stack trace and no internal error, and exit 2 must come with a
 * located diagnostic (`file:line:col:` for code, a file and JSON path for
 * policies and snapshots, an `arc:` usage line for a bad command line).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { malformedCProgram, unsupportedCProgram, validCProgram } from '../support/generators/c.js';
import { brokenPolicy, validPolicy } from '../support/generators/policy.js';
import { malformedPythonProgram, validPythonProgram } from '../support/generators/python.js';
import { brokenSnapshot, validSnapshot, writeSnapshot } from '../support/generators/vpc.js';
import { FUZZ_SEED, Failures, checkCliRun, runCli, tally } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-fuzz-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

type Kind = 'code' | 'json' | 'usage';
interface Run {
  readonly args: readonly string[];
  readonly kind: Kind;
  readonly what: string;
}

const sample = <T>(arb: fc.Arbitrary<T>, n: number): T[] =>
  fc.sample(arb, { seed: FUZZ_SEED, numRuns: n });
const small = { maxStatementDepth: 2, maxExpressionDepth: 2 };

function runs(): Run[] {
  const out: Run[] = [];
  const cs = [
    ...sample(validCProgram(small), 2),
    ...sample(unsupportedCProgram(small), 1),
    ...sample(malformedCProgram(small), 2),
  ];
  const proveFlags: readonly (readonly string[])[] = [
    ['--json'],
    ['--property', 'no-overflow', '--returns-true'],
    ['--semantics', 'math'],
    ['--data-model', 'ILP32', '--property', 'no-undefined-behaviour'],
    ['--engine', 'bmc', '--max-unwind', '4'],
  ];
  cs.forEach((p, i) => {
    const file = write(`c${i}.c`, p.text);
    const what = `C ${p.kind}${p.note === '' ? '' : ` (${p.note})`}\n${p.text}`;
    const flags = proveFlags[i % proveFlags.length];
    out.push({
      args: ['prove', file, '--function', p.entry, '--timeout', '2', ...flags],
      kind: 'code',
      what,
    });
    if (i % 2 === 0)
      out.push({
        args: ['terminates', file, '--function', p.entry, '--timeout', '2'],
        kind: 'code',
        what,
      });
    out.push({ args: ['ir', file, '--function', p.entry], kind: 'code', what });
  });
  const py = [...sample(validPythonProgram(2, 2), 1), ...sample(malformedPythonProgram(), 1)];
  py.forEach((p, i) => {
    const file = write(`p${i}.py`, p.text);
    const what = `Python ${p.kind}${p.note === '' ? '' : ` (${p.note})`}\n${p.text}`;
    out.push({
      args: ['prove', file, '--function', p.entry, '--timeout', '2', '--json'],
      kind: 'code',
      what,
    });
    out.push({
      args: ['terminates', file, '--function', p.entry, '--timeout', '2'],
      kind: 'code',
      what,
    });
    out.push({ args: ['ir', file], kind: 'code', what });
  });
  const policies = [...sample(validPolicy(), 3), ...sample(brokenPolicy(), 3)];
  const pfile = policies.map((p, i) => write(`policy${i}.json`, p.text));
  const pwhat = (i: number) =>
    `policy ${policies[i].kind} (${policies[i].note})\n${policies[i].text.slice(0, 800)}`;
  for (let i = 0; i < policies.length; i++) {
    const next = pfile[(i + 1) % pfile.length];
    const pick: readonly (readonly string[])[] = [
      ['check-no-public-access', pfile[i], '--resource-type', 's3-bucket'],
      [
        'check-access-not-granted',
        pfile[i],
        '--action',
        's3:GetObject,iam:PassRole',
        '--resource',
        'arn:aws:s3:::bucket/*',
      ],
      ['check-no-new-access', pfile[i], '--existing', next],
      ['compare', pfile[i], next, '--json'],
      [
        'can',
        pfile[i],
        '--principal',
        'anonymous',
        '--action',
        's3:GetObject',
        '--resource',
        'arn:aws:s3:::bucket/k',
        '--context',
        'aws:SourceIp=203.0.113.9',
      ],
    ];
    out.push({
      args: ['policy', ...pick[i % pick.length], '--timeout', '3'],
      kind: 'json',
      what: pwhat(i),
    });
  }
  const snaps = [...sample(validSnapshot(), 2), ...sample(brokenSnapshot(), 2)];
  snaps.forEach((s, i) => {
    const sdir = join(dir, `snap${i}`);
    writeSnapshot(sdir, s);
    const what = `snapshot ${s.kind} (${s.note})`;
    const from = s.endpoints[0] ?? 'internet';
    const to = s.endpoints[s.endpoints.length - 1] ?? '10.0.0.1';
    out.push({
      args: [
        'net',
        'reachable',
        sdir,
        '--from',
        from,
        '--to',
        to,
        '--protocol',
        'tcp',
        '--port',
        '22',
      ],
      kind: 'json',
      what,
    });
    if (i % 2 === 0)
      out.push({
        args: ['net', 'explain', sdir, '--from', 'internet', '--to', to],
        kind: 'json',
        what,
      });
    else out.push({ args: ['net', 'exposed', sdir, '--json'], kind: 'json', what });
  });
  // Malformed command lines.
  const c0 = join(dir, 'c0.c');
  const usage: readonly (readonly string[])[] = [
    ['prove', join(dir, 'missing.c'), '--function', 'f'],
    ['prove', c0, '--function'],
    ['prove', c0, '--timeout', 'soon'],
    ['prove', c0, '--data-model', 'LP128'],
    ['prove', c0, '--property', 'no-such-property'],
    ['prove', c0, '--max-unwind', '-3'],
    ['terminates', c0, '--semantics', 'real'],
    ['terminates', c0, c0],
    ['ir'],
    ['policy', 'check-access-not-granted', pfile[0]],
    ['policy', 'can', pfile[0], '--principal', 'robot:r2', '--action', 'a:b', '--resource', '*'],
    ['policy', 'frobnicate', pfile[0]],
    ['net', 'reachable', join(dir, 'snap0'), '--from', 'the moon', '--to', 'internet'],
    [
      'net',
      'reachable',
      join(dir, 'snap0'),
      '--from',
      'internet',
      '--to',
      'internet',
      '--port',
      '99999',
    ],
    ['net', 'exposed', join(dir, 'no-such-dir')],
    ['frobnicate'],
  ];
  for (const args of usage) out.push({ args, kind: 'usage', what: 'malformed command line' });
  return out;
}

test(`arc on generated inputs and malformed command lines (seed ${FUZZ_SEED}): exit 0-3, located bad input`, async (t) => {
  const all = runs();
  const failures = new Failures();
  const codes: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < all.length) {
      const r = all[next++];
      const run = await runCli(r.args);
      await failures.check(() => {
        const context = `arc ${r.args.join(' ')}\n${r.what}`;
        codes.push(`${r.args[0]}:${checkCliRun(run, context, r.kind)}`);
      });
    }
  };
  await Promise.all([worker(), worker()]);
  t.diagnostic(`${all.length} processes; exit codes: ${tally(codes)}`);
  failures.assertNone();
});
