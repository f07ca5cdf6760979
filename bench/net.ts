/**
 * `npm run bench:net`: `arc net reachable` on the snapshots of
 * ../shared/bench/network (or --suite DIR), against the answers their
 * README records (Batfish's own tests and the pybatfish notebook), in one
 * warm process. Writes BENCHMARKS-net.md.
 *
 * Usage: node dist/bench/net.js [--suite DIR] [--out FILE] [--timeout S]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { netReachable, type NetVerdict } from '../src/api/net.js';
import { stopSolvers } from '../src/smt/index.js';
import { machine, parseCommandLine, ROOT, timeoutOption, today } from './harness.js';

interface Case {
  readonly snapshot: string;
  readonly from: string;
  readonly to: string;
  readonly protocol?: string;
  readonly port?: string;
  readonly expected: 'yes' | 'no';
  /** What the README says, in short. */
  readonly says: string;
}

const PUBLIC = 'test-public-subnet/aws_configs';
const NAT = 'test-nat-gateway/aws_configs';
const HYBRID = 'pybatfish-hybrid-cloud/aws_configs/us-east-2';

/** The README's expected answers, one question each. */
const CASES: readonly Case[] = [
  {
    snapshot: PUBLIC,
    from: 'internet',
    to: '18.216.80.133',
    protocol: 'tcp',
    port: '80',
    expected: 'no',
    says: 'blocked at the instance security group',
  },
  {
    snapshot: PUBLIC,
    from: 'internet',
    to: '18.216.80.133',
    protocol: 'tcp',
    port: '22',
    expected: 'yes',
    says: 'SSH allowed from 0.0.0.0/0',
  },
  {
    snapshot: PUBLIC,
    from: 'internet',
    to: '10.0.0.91',
    expected: 'no',
    says: 'a private address',
  },
  {
    snapshot: PUBLIC,
    from: 'internet',
    to: '54.191.107.23',
    expected: 'no',
    says: 'a public address of nothing here',
  },
  {
    snapshot: PUBLIC,
    from: 'i-06669a407b2ef3ae5',
    to: '8.8.8.8',
    expected: 'yes',
    says: 'out through the internet gateway, source NAT',
  },
  {
    snapshot: PUBLIC,
    from: '10.0.0.92',
    to: '8.8.8.8',
    protocol: 'tcp',
    port: '80',
    expected: 'no',
    says: 'no public address for the host',
  },
  {
    snapshot: NAT,
    from: 'i-0a128d26e59be60f3',
    to: '8.8.8.8',
    protocol: 'tcp',
    port: '80',
    expected: 'yes',
    says: 'through the NAT gateway',
  },
  {
    snapshot: NAT,
    from: 'internet',
    to: '3.135.127.225',
    expected: 'no',
    says: "unsolicited, to the NAT gateway's public IP",
  },
  {
    snapshot: NAT,
    from: 'i-0a128d26e59be60f3',
    to: '8.8.8.8',
    protocol: '47',
    expected: 'no',
    says: 'GRE is not translated by NAT gateways',
  },
  {
    snapshot: HYBRID,
    from: 'internet',
    to: 'i-01602d9efaed4409a',
    expected: 'yes',
    says: 'east2_public is reachable from the internet',
  },
  {
    snapshot: HYBRID,
    from: 'internet',
    to: 'i-04cd3db5124a05ee6',
    expected: 'no',
    says: 'east2_private is not',
  },
  {
    snapshot: HYBRID,
    from: 'internet',
    to: 'i-01602d9efaed4409a',
    protocol: 'tcp',
    port: '3306',
    expected: 'yes',
    says: 'TCP other than SSH: 3306',
  },
  {
    snapshot: HYBRID,
    from: 'i-04cd3db5124a05ee6',
    to: 'i-01602d9efaed4409a',
    protocol: 'tcp',
    port: '22',
    expected: 'yes',
    says: 'through the transit gateway',
  },
];

function note(v: NetVerdict): string {
  switch (v.answer) {
    case 'yes':
      return `${v.witness.path.hops.length} hops`;
    case 'no':
      return v.certificate.blockers.map((b) => b.reason).join('; ');
    default:
      return v.explanation;
  }
}

async function main(): Promise<void> {
  const { values } = parseCommandLine('bench/net', {
    options: {
      suite: { type: 'string' },
      out: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const suite = values.suite ?? join(ROOT, '..', 'shared', 'bench', 'network');
  const out = values.out ?? join(ROOT, 'BENCHMARKS-net.md');
  const timeoutMs = timeoutOption('bench/net', values.timeout, 10) * 1000;
  const rows: string[] = [];
  let right = 0;
  let unknown = 0;
  let ran = 0;
  for (const [i, c] of CASES.entries()) {
    const dir = join(suite, c.snapshot);
    if (!existsSync(dir)) continue;
    // The first question also loads Z3; it is asked twice and timed the second time.
    const ask = async (): Promise<NetVerdict> => {
      const r = await netReachable({
        dir,
        from: c.from,
        to: c.to,
        ...(c.protocol ? { protocol: c.protocol } : {}),
        ...(c.port ? { port: c.port } : {}),
        timeoutMs,
      });
      if (r.kind === 'bad-input') throw new Error(`bad input: ${JSON.stringify(r.diagnostics)}`);
      return r.verdict;
    };
    if (i === 0) await ask();
    const t0 = performance.now();
    const v = await ask();
    const ms = performance.now() - t0;
    ran++;
    if (v.answer === c.expected) right++;
    if (v.answer === 'unknown') unknown++;
    const what = `${c.from} → ${c.to}${c.protocol ? ` ${c.protocol}` : ''}${c.port ? `/${c.port}` : ''}`;
    rows.push(
      `| ${c.snapshot.split('/')[0]} | ${what} | ${c.expected} (${c.says}) | ${v.answer} | ${ms.toFixed(0)} ms | ${note(v).replace(/\|/g, '\\|').slice(0, 240)} |`,
    );
  }
  const text = [
    '## arc net on the VPC snapshots',
    '',
    `Written by \`npm run bench:net\` on ${today()}.`,
    `Machine: ${machine()}.`,
    'One warm process (Z3 loaded by a first question); each time is one library call',
    '(load the snapshot, enumerate paths, solve, replay the witness or re-check the proof).',
    '',
    '### Summary',
    '',
    `${right} of ${ran} questions answered as the snapshots' README records; ${unknown} don't know; ${ran - right - unknown} different.`,
    'Generated networks of 100 to 10,000 instances: BENCHMARKS-net-scale.md (npm run bench:net-scale).',
    '',
    '### Every question',
    '',
    '| snapshot | question | expected | arc | time | note |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
  stopSolvers();
}

await main();
