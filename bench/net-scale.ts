/**
 * `npm run bench:net-scale`: `arc net reachable` on generated networks
 * (bench/netgen.ts) of 100 instances in 10 VPCs, 1,000 in 30 and 10,000 in
 * 100, in one warm process. For each size: the time to load the snapshot
 * directory, then the time of each question (`reachable` of
 * src/net/symbolic/reachable.ts on the loaded model; the median of --repeat runs), its
 * answer and the number of paths enumerated. Writes BENCHMARKS-net-scale.md
 * with the growth from one size to the next.
 *
 * Usage: node dist/bench/net-scale.js [--sizes 100/10,1000/30,10000/100]
 *   [--repeat N] [--seed N] [--timeout S] [--out FILE] [--keep DIR]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIpv4 } from '../src/core/ip.js';
import { decideExposed } from '../src/net/answer.js';
import type { NetworkModel } from '../src/net/model.js';
import { loadSnapshot } from '../src/net/snapshot.js';
import type { ReachQuery } from '../src/net/symbolic/query.js';
import { decideReachable, type ReachDecision as ReachAnswer } from '../src/net/answer.js';
import { stopSolvers } from '../src/smt/index.js';
import {
  countOption,
  machine,
  parseCommandLine,
  ROOT,
  timeoutOption,
  today,
  usageError,
} from './harness.js';
import { writeNetwork, type GeneratedInstance, type GeneratedNetwork } from './netgen.js';

interface Size {
  readonly instances: number;
  readonly vpcs: number;
}

interface Question {
  /** The same at every size (no ids). */
  readonly label: string;
  /** With the ids of this network. */
  readonly name: string;
  readonly query: ReachQuery;
  readonly expected: 'yes' | 'no';
}

interface Measured {
  readonly label: string;
  readonly name: string;
  readonly expected: string;
  readonly answer: string;
  readonly ms: number;
  readonly paths: number;
  readonly solverMs: number;
}

interface SizeResult {
  readonly size: Size;
  readonly files: number;
  readonly mb: number;
  readonly loadMs: number;
  /** The first call of the first question (it also builds the model's lookup indexes). */
  readonly firstMs: number;
  readonly enis: number;
  readonly questions: readonly Measured[];
  readonly exposed?: ExposedTiming;
  /** `exposed` when every instance also has a security group of its own. */
  readonly exposedOwn: ExposedTiming;
}

// ------------------------------------------------------------ the `exposed` hook

export interface ExposedTiming {
  readonly ms: number;
  /** What the analysis reported, in a few words (e.g. `37 exposed services`). */
  readonly summary: string;
}

/**
 * `exposed` (src/net/flows.ts) on the loaded model: every interface from the
 * internet, packet sets, the batched Z3 certificate and one replayed packet
 * per finding.
 */
export async function measureExposed(
  model: NetworkModel,
  timeoutMs: number,
): Promise<ExposedTiming> {
  const t0 = performance.now();
  const a = await decideExposed(model, { timeoutMs });
  const ms = performance.now() - t0;
  const findings = a.answer === 'no' ? a.witness.flows : [];
  const enis = new Set(findings.map((f) => f.networkInterface)).size;
  return {
    ms,
    summary: `answer ${a.answer}: ${enis} of ${a.interfaces} interfaces exposed, ${findings.length} findings, ${a.undecided.length} undecided; ${a.classes} packet sets; solver ${fmt(a.solverMs)} ms`,
  };
}

// ------------------------------------------------------------ questions

function pick(
  net: GeneratedNetwork,
  what: string,
  ok: (i: GeneratedInstance) => boolean,
): GeneratedInstance {
  const found = net.instances.find((i) => i.running && ok(i));
  if (found === undefined) throw new Error(`the generated network has no ${what}`);
  return found;
}

const ip = (text: string) => {
  const v = parseIpv4(text);
  if (v === undefined) throw new Error(`bad address ${text}`);
  return v;
};

/** The questions asked of every size (the same roles and VPC indexes at every size). */
export function questions(net: GeneratedNetwork): Question[] {
  const plan = net.plan;
  const web = pick(net, 'public web server', (i) => i.role === 'web' && i.publicIp !== undefined);
  const db0 = pick(net, 'database in VPC 0', (i) => i.role === 'db' && i.vpc === 0);
  const good = plan.peerings.find((p) => !p.missingReturnRoute);
  const bad = plan.peerings.find((p) => p.missingReturnRoute);
  const tgw = plan.tgwAttached.filter((v) => v !== plan.quarantined);
  const out: Question[] = [
    {
      label: 'internet → a web server (public IP) tcp/443',
      name: `internet → web ${web.id} (public IP) tcp/443`,
      query: {
        from: { kind: 'internet' },
        to: { kind: 'instance', id: web.id },
        protocol: 6,
        dstPorts: { from: 443, to: 443 },
      },
      expected: 'yes',
    },
    {
      label: 'internet → a database (private) tcp/5432',
      name: `internet → db ${db0.id} (private) tcp/5432`,
      query: {
        from: { kind: 'internet' },
        to: { kind: 'instance', id: db0.id },
        protocol: 6,
        dstPorts: { from: 5432, to: 5432 },
      },
      expected: 'no',
    },
    {
      label: 'a web server → internet tcp/443',
      name: `web ${web.id} → internet tcp/443`,
      query: {
        from: { kind: 'instance', id: web.id },
        to: { kind: 'internet' },
        protocol: 6,
        dstPorts: { from: 443, to: 443 },
      },
      expected: 'yes',
    },
  ];
  if (good !== undefined) {
    const app = pick(net, 'app server', (i) => i.role === 'app' && i.vpc === good.a);
    const db = pick(net, 'database', (i) => i.role === 'db' && i.vpc === good.b);
    out.push({
      label: `app (VPC ${good.a}) → db (VPC ${good.b}) tcp/5432 over peering`,
      name: `app ${app.id} → db ${db.id} tcp/5432`,
      query: {
        from: { kind: 'instance', id: app.id },
        to: { kind: 'instance', id: db.id },
        protocol: 6,
        dstPorts: { from: 5432, to: 5432 },
      },
      expected: 'yes',
    });
  }
  if (bad !== undefined) {
    const app = pick(net, 'app server', (i) => i.role === 'app' && i.vpc === bad.a);
    const db = pick(net, 'database', (i) => i.role === 'db' && i.vpc === bad.b);
    out.push({
      label: `app (VPC ${bad.a}) → db (VPC ${bad.b}) tcp/5432, peering without the route back`,
      name: `app ${app.id} → db ${db.id} tcp/5432`,
      query: {
        from: { kind: 'instance', id: app.id },
        to: { kind: 'instance', id: db.id },
        protocol: 6,
        dstPorts: { from: 5432, to: 5432 },
      },
      expected: 'no',
    });
  }
  if (tgw.length >= 2) {
    const [a, b] = [tgw[0], tgw[tgw.length - 1]];
    const src = pick(net, 'app server', (i) => i.role === 'app' && i.vpc === a);
    const dst = pick(net, 'app server', (i) => i.role === 'app' && i.vpc === b);
    out.push({
      label: `app (VPC ${a}) → app (last attached VPC, not peered) tcp/9100 over the transit gateway`,
      name: `app ${src.privateIp} (VPC ${a}) → app ${dst.id} (VPC ${b}) tcp/9100`,
      query: {
        from: { kind: 'ip', ip: ip(src.privateIp) },
        to: { kind: 'instance', id: dst.id },
        protocol: 6,
        dstPorts: { from: 9100, to: 9100 },
      },
      expected: 'yes',
    });
  }
  if (plan.quarantined !== undefined && tgw.length >= 1) {
    const src = pick(net, 'app server', (i) => i.role === 'app' && i.vpc === tgw[0]);
    const dst = pick(net, 'app server', (i) => i.role === 'app' && i.vpc === plan.quarantined);
    out.push({
      label: `app (VPC ${tgw[0]}) → app (quarantined VPC: a TGW blackhole route) tcp/9100`,
      name: `app ${src.id} → app ${dst.id} (VPC ${plan.quarantined}) tcp/9100`,
      query: {
        from: { kind: 'instance', id: src.id },
        to: { kind: 'instance', id: dst.id },
        protocol: 6,
        dstPorts: { from: 9100, to: 9100 },
      },
      expected: 'no',
    });
  }
  return out;
}

// ------------------------------------------------------------ running

function parseSizes(text: string): Size[] {
  return text.split(',').map((part) => {
    const m = /^\s*(\d+)\/(\d+)\s*$/.exec(part);
    if (m === null)
      usageError('bench/net-scale', `--sizes: expected INSTANCES/VPCS, got '${part}'`);
    return { instances: Number(m[1]), vpcs: Number(m[2]) };
  });
}

async function ask(model: NetworkModel, q: ReachQuery, timeoutMs: number): Promise<ReachAnswer> {
  return decideReachable(model, q, { timeoutMs });
}

async function runSize(
  size: Size,
  seed: number,
  repeat: number,
  timeoutMs: number,
  keep: string | undefined,
): Promise<SizeResult> {
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'arc-net-scale-'));
  const target = keep === undefined ? dir : join(dir, `${size.instances}-${size.vpcs}`);
  try {
    const net = writeNetwork(target, { ...size, seed });
    const bytes = Object.values(net.files).reduce<number>(
      (n, d) => n + JSON.stringify(d, null, 1).length + 1,
      0,
    );
    const t0 = performance.now();
    const snap = loadSnapshot(target);
    const loadMs = performance.now() - t0;
    const errors = snap.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0)
      throw new Error(`the generated snapshot has ${errors.length} errors: ${errors[0].message}`);
    const measured: Measured[] = [];
    let firstMs = NaN;
    for (const q of questions(net)) {
      const runs: { ms: number; a: ReachAnswer }[] = [];
      for (let r = 0; r < repeat; r++) {
        const t = performance.now();
        const a = await ask(snap.model, q.query, timeoutMs);
        runs.push({ ms: performance.now() - t, a });
        if (Number.isNaN(firstMs)) firstMs = runs[0].ms;
      }
      // The median run (its time and its solver time).
      const mid = [...runs].sort((x, y) => x.ms - y.ms)[Math.floor((runs.length - 1) / 2)];
      const answers = new Set(runs.map((r) => r.a.answer));
      measured.push({
        label: q.label,
        name: q.name,
        expected: q.expected,
        answer: answers.size === 1 ? mid.a.answer : [...answers].join('/'),
        ms: mid.ms,
        paths: mid.a.paths,
        solverMs: mid.a.solverMs,
      });
      process.stdout.write(
        `${size.instances}/${size.vpcs}: ${q.label}: ${q.name}: ${mid.a.answer} (expected ${q.expected}) ${mid.ms.toFixed(0)} ms, ${mid.a.paths} paths\n`,
      );
    }
    const exposed = await measureExposed(snap.model, timeoutMs);
    // The worst case for exposed: every instance with a security group of its own.
    const ownDir = join(target, 'own-groups');
    writeNetwork(ownDir, { ...size, seed, ownGroups: true });
    const own = loadSnapshot(ownDir);
    const exposedOwn = await measureExposed(own.model, timeoutMs);
    return {
      size,
      files: Object.keys(net.files).length,
      mb: bytes / 1e6,
      loadMs,
      firstMs,
      enis: snap.model.networkInterfaces.size,
      questions: measured,
      ...(exposed === undefined ? {} : { exposed }),
      exposedOwn,
    };
  } finally {
    if (keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** The growth from one size to the next: time ratio against instance ratio. */
function growth(a: number, b: number, na: number, nb: number): string {
  if (!(a > 0) || !(b > 0)) return '–';
  const k = Math.log(b / a) / Math.log(nb / na);
  return `×${(b / a).toFixed(1)} (n^${k.toFixed(2)})`;
}

function report(results: readonly SizeResult[], seed: number, repeat: number): string {
  const sizes = results.map((r) => `${r.size.instances.toLocaleString('en-US')} / ${r.size.vpcs}`);
  const names = [...new Set(results.flatMap((r) => r.questions.map((q) => q.label)))];
  const head = `| | ${sizes.join(' | ')} |${results.length > 1 ? ' growth |' : ''}`;
  const rule = `|---|${results.map(() => '---|').join('')}${results.length > 1 ? '---|' : ''}`;
  const growthCells = (vals: number[]): string =>
    results.length > 1
      ? ` ${vals
          .slice(1)
          .map((v, i) =>
            growth(vals[i], v, results[i].size.instances, results[i + 1].size.instances),
          )
          .join(', ')} |`
      : '';
  const rows: string[] = [
    `| snapshot (files, MB) | ${results.map((r) => `${r.files}, ${r.mb.toFixed(1)}`).join(' | ')} |${results.length > 1 ? ' |' : ''}`,
    `| network interfaces | ${results.map((r) => r.enis).join(' | ')} |${results.length > 1 ? ' |' : ''}`,
    `| load (ms) | ${results.map((r) => fmt(r.loadMs)).join(' | ')} |${growthCells(results.map((r) => r.loadMs))}`,
    `| first question, building the lookup indexes (ms) | ${results.map((r) => fmt(r.firstMs)).join(' | ')} |${growthCells(results.map((r) => r.firstMs))}`,
  ];
  names.forEach((name) => {
    const qs = results.map((r) => r.questions.find((q) => q.label === name));
    const cells = qs.map((q) =>
      q === undefined
        ? '–'
        : `${q.answer === q.expected ? q.answer : `**${q.answer}** (expected ${q.expected})`}, ${fmt(q.ms)} ms (solver ${fmt(q.solverMs)}), ${q.paths} ${q.paths === 1 ? 'path' : 'paths'}`,
    );
    rows.push(`| ${name} | ${cells.join(' | ')} |${growthCells(qs.map((q) => q?.ms ?? NaN))}`);
  });
  rows.push(
    `| exposed | ${results.map((r) => (r.exposed === undefined ? 'not measured' : `${fmt(r.exposed.ms)} ms (${r.exposed.summary})`)).join(' | ')} |${results.length > 1 ? (results.every((r) => r.exposed !== undefined) ? growthCells(results.map((r) => r.exposed?.ms ?? NaN)) : ' |') : ''}`,
  );
  rows.push(
    `| exposed, every instance with a security group of its own | ${results.map((r) => `${fmt(r.exposedOwn.ms)} ms (${r.exposedOwn.summary})`).join(' | ')} |${growthCells(results.map((r) => r.exposedOwn.ms))}`,
  );
  const slowest = Math.max(...(results[results.length - 1]?.questions.map((q) => q.ms) ?? [0]));
  const wrong = results.flatMap((r) => r.questions).filter((q) => q.answer !== q.expected).length;
  const last = results[results.length - 1];
  const exposedLast =
    last?.exposed === undefined
      ? 'not measured'
      : `${fmt(last.exposed.ms)} ms at ${last.size.instances.toLocaleString('en-US')} instances (target 30 s), ${fmt(last.exposedOwn.ms)} ms when every instance has a security group of its own`;
  return [
    '## arc net reachable and exposed on generated networks',
    '',
    `Written by \`npm run bench:net-scale\` on ${today()}.`,
    `Machine: ${machine()}; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} when it ended (the machine is shared, so times vary by run).`,
    `Networks from bench/netgen.ts (seed ${seed}): per VPC public, app, data (and transit gateway)`,
    'subnets in two zones, an internet gateway, a NAT gateway with an Elastic IP, main, public and',
    'private route tables, three network ACLs with deny entries shadowing allows, six security',
    'groups (web, ssh, app and db by group reference, monitoring, default); VPC peering between',
    'pairs (one without the route back), a transit gateway with propagated routes, a blackhole',
    'and a VPN route.',
    '',
    `One warm process (Z3 loaded by a first question); each time is one \`reachable\` call on the`,
    `loaded model (enumerate paths, solve, replay the witness or re-check the proof and name the`,
    `blockers), the median of ${repeat} runs (solver: the part of that run spent in Z3). Load is \`loadSnapshot\` of the directory (read and parse`,
    'every file, build the model). Growth: the time ratio from one size to the next, and the',
    'exponent k of n^k it amounts to (k = 1 is linear in the number of instances).',
    '`exposed` is one run of every interface from the internet: paths, packet sets (interfaces',
    'with the same filters share one), the batched Z3 certificate on two solver lanes, and one',
    'replayed packet per finding.',
    '',
    '### Summary',
    '',
    `Slowest reachable question at the largest size: ${fmt(slowest)} ms (target 1 s); answers different from the`,
    `generator's intent: ${wrong}. exposed: ${exposedLast}.`,
    '',
    '### Every size',
    '',
    head,
    rule,
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseCommandLine('bench/net-scale', {
    options: {
      sizes: { type: 'string' },
      repeat: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'string' },
    },
  });
  const sizes = parseSizes(values.sizes ?? '100/10,1000/30,10000/100');
  const repeat = countOption('bench/net-scale', 'repeat', values.repeat, 5);
  const seed = countOption('bench/net-scale', 'seed', values.seed, 20261203);
  const timeoutMs = timeoutOption('bench/net-scale', values.timeout, 30) * 1000;
  const out = values.out ?? join(ROOT, 'BENCHMARKS-net-scale.md');
  // Warm-up: load Z3 and JIT the engine on a small network (not reported).
  await runSize({ instances: 20, vpcs: 3 }, seed, 3, timeoutMs, undefined);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await runSize(size, seed, repeat, timeoutMs, values.keep));
  writeFileSync(out, report(results, seed, repeat));
  process.stdout.write(`wrote ${out}\n`);
  stopSolvers();
}

await main();
