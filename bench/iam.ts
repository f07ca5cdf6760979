/**
 * `npm run bench:iam`: arc policy on the IAM benchmarks under
 * ../shared/bench/iam (or --suite DIR), all checks in one warm process.
 *
 * - check-no-new-access/: AWS's CheckNoNewAccess samples, PASS iff the
 *   candidate allows nothing the reference does not → `checkNoNewAccess`.
 * - s3-public/: the S3 user guide's "meaning of public" examples →
 *   `checkNoPublicAccess` (resource type s3-bucket).
 * - quacky/: the labelled policy pairs (`samples/og/exp_multiple`, whose
 *   `*-output.txt` names the relation of policy 1 to policy 2) →
 *   `comparePolicies`; the mutation pairs of `results/icse21/raw_csv/
 *   mutations/README_s3.csv` (`P1 => P2` SAT means P1 allows a request P2
 *   does not) → `checkNoNewAccess` both ways, for the pairs whose policies
 *   are in this copy (the summary says how many ran and which are missing);
 *   the hand-counted S3 samples
 *   (`samples/manual_s3`): the requests of each domain that the concrete
 *   evaluator allows are counted and compared with the published count.
 * - a batch of generated policies, each checked for public access, for the
 *   throughput of one process.
 *
 * Times are per check, measured around the library call in this process
 * after one warm-up check (Z3 loaded). Writes BENCHMARKS-iam.md.
 *
 * Usage: node dist/bench/iam.js [--suite DIR] [--out FILE] [--batch N] [--timeout S]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  checkNoNewAccess,
  checkNoPublicAccess,
  comparePolicies,
  type PolicyText,
  type PolicyResult,
  type PolicyVerdict,
} from '../src/api/policy.js';
import {
  evaluate,
  hasErrors,
  jsonLocationOf,
  parsePolicy,
  type AccessRequest,
  type PolicyInput,
} from '../src/policy/index.js';
import { stopSolvers } from '../src/smt/index.js';
import { countOption, machine, parseCommandLine, ROOT, timeoutOption, today } from './harness.js';
import { prng } from '../src/core/prng.js';

interface Check {
  readonly suite: string;
  readonly name: string;
  readonly expected: string;
  readonly got: string;
  readonly ms: number;
  readonly note?: string;
}

type Runner = () => Promise<PolicyResult>;

function text(name: string, value: unknown, type?: 'identity' | 'resource'): PolicyText {
  return { name, text: JSON.stringify(value, null, 2), ...(type ? { type } : {}) };
}

function note(v: PolicyVerdict): string | undefined {
  if (v.answer === 'unknown') return v.reason.message;
  return undefined;
}

/** The verdict of a check; bad input becomes a don't-know verdict whose reason lists the diagnostics. */
async function verdictOf(run: Promise<PolicyResult>): Promise<PolicyVerdict> {
  const r = await run;
  if (r.kind === 'verdict') return r.verdict;
  const message = r.diagnostics
    .map((d) => `${jsonLocationOf(d).jsonPath}: ${d.message}`)
    .join('; ');
  return {
    domain: 'policy',
    command: r.command as PolicyVerdict['command'],
    question: '',
    explanation: `bad input: ${message}`,
    answer: 'unknown',
    reason: { code: 'unsupported', message: `bad input: ${message}` },
    diagnostics: r.diagnostics,
    notes: [],
    elapsedMs: 0,
    solverMs: 0,
  };
}

let done = 0;
async function timed(run: Runner): Promise<{ v: PolicyVerdict; ms: number }> {
  const t0 = performance.now();
  const v = await verdictOf(run());
  const ms = performance.now() - t0;
  done++;
  if (process.env['IAM_PROGRESS'] !== undefined)
    process.stderr.write(
      `[${done}] ${v.answer} ${ms.toFixed(0)} ms ${note(v)?.slice(0, 120) ?? ''}\n`,
    );
  return { v, ms };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

interface NoNewAccessFile {
  readonly policyType: string;
  readonly reference: unknown;
  readonly candidates: readonly { heading: string; expected: string; policy: unknown }[];
}

/**
 * Why arc's answer differs from the label, for each disagreement we have
 * investigated (keyed by check and arc's answer, so that a changed answer
 * shows as not explained). Each was checked by replaying arc's witness and
 * reading the AWS documentation; none is a wrong answer under AWS's
 * documented semantics.
 */
const EXPLAINED: Readonly<Record<string, string>> = {
  'identity-policies__check-access-to-sensitive-resource__cloudformation-stack #1|FAIL':
    'arc is right for the documented semantics (a `*` that ends an ARN segment matches across colons): `arn:aws:cloudformation:us-east-1:123456789012:stack/MySensitiveStack/x:stack/NotMySensitiveStack/y` is allowed by the candidate and denied by the reference. No real stack has such an ARN (names are `[A-Za-z][A-Za-z0-9-]*`, the id a UUID); agreeing needs the resource-type ARN formats with typed components.',
  'identity-policies__check-access-to-sensitive-resource__ecs-task-definition #1|FAIL':
    'Same cause as cloudformation-stack #1: the witness `…task-definition/MySensitiveTaskDefinitionFamilyName:1:task-definition/MyNotSensitiveTaskDefinitionFamilyName:1` fits both patterns; real family names hold no colon.',
  'identity-policies__check-access-to-sensitive-resource__ec2-network-acl #3|PASS':
    "The label is a mistake in AWS's sample: the reference of the sample's .md denies only `acl-sensitive`, the candidate allows only `acl-123456`, so nothing new is allowed. The sample's separate ec2-network-acl.json reference denies `acl-123456`; against it arc answers FAIL, as labelled.",
  'resource-policies__role-trust-policies__allowlist-federated-access-oidc #1|FAIL':
    "The reference names `arn:aws:iam::<ACCOUNT ID>:oidc-provider/MyProvider` literally (the sample says to fill in the account); the candidate trusts account 111111111111's provider, which that reference does not. With the placeholder replaced by 111111111111, arc answers PASS.",
  'resource-policies__role-trust-policies__allowlist-federated-access-saml #1|FAIL':
    'As for the OIDC sample: the reference holds the literal placeholder `<ACCOUNT ID>`; with it replaced, arc answers PASS.',
  'numeric|less-permissive':
    'Policy 1 allows under `s3:max-keys` ≤ 10 or > 10 (…IfExists): every number and an absent key, but not a value that is not a number (`s3:max-keys = "not-a-value"`, which policy 2 allows). Quacky types the key as a number; AWS does not say what a numeric operator does with a non-number (arc: no match, as iam-simulate). Agreeing needs the condition-key types of the catalogue as a domain assumption.',
};

async function noNewAccessSuite(dir: string, timeoutMs: number): Promise<Check[]> {
  if (!existsSync(dir)) return [];
  const out: Check[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const file = readJson(join(dir, f)) as NoNewAccessFile;
    const type = file.policyType === 'RESOURCE_POLICY' ? 'resource' : 'identity';
    for (const [i, c] of file.candidates.entries()) {
      const { v, ms } = await timed(() =>
        checkNoNewAccess(
          [text(`candidate ${i + 1}`, c.policy, type)],
          [text('reference', file.reference, type)],
          { timeoutMs },
        ),
      );
      const got = v.answer === 'yes' ? 'PASS' : v.answer === 'no' ? 'FAIL' : v.answer;
      const n = note(v);
      out.push({
        suite: 'check-no-new-access',
        name: `${basename(f, '.json')} #${i + 1}`,
        expected: c.expected,
        got,
        ms,
        ...(n ? { note: n } : {}),
      });
    }
  }
  return out;
}

async function publicSuite(dir: string, timeoutMs: number): Promise<Check[]> {
  const path = join(dir, 'aws-doc-examples.json');
  if (!existsSync(path)) return [];
  const file = readJson(path) as {
    cases: readonly { name: string; expected: string; policy: unknown }[];
  };
  const out: Check[] = [];
  for (const c of file.cases) {
    const { v, ms } = await timed(() =>
      checkNoPublicAccess(
        [text(c.name, c.policy, 'resource')],
        { resourceType: 's3-bucket' },
        {
          timeoutMs,
        },
      ),
    );
    const got = v.answer === 'yes' ? 'nonPublic' : v.answer === 'no' ? 'public' : v.answer;
    const n = note(v);
    out.push({
      suite: 's3-public',
      name: c.name,
      expected: c.expected,
      got,
      ms,
      ...(n ? { note: n } : {}),
    });
  }
  return out;
}

/** Quacky's relation of policy 1 to policy 2, in arc's words. */
const QUACKY_RELATION: Readonly<Record<string, string>> = {
  'more-permissive': 'more-permissive',
  'less-permissive': 'less-permissive',
  equivalent: 'equivalent',
  incomparable: 'incomparable',
};

async function quackyPairs(dir: string, timeoutMs: number): Promise<Check[]> {
  const base = join(dir, 'samples', 'og', 'exp_multiple');
  if (!existsSync(base)) return [];
  const out: Check[] = [];
  for (const d of readdirSync(base).sort()) {
    const files = readdirSync(join(base, d));
    const outFile = files.find((f) => f.endsWith('-output.txt'));
    const one = files.find((f) => f.endsWith('-1.json'));
    const two = files.find((f) => f.endsWith('-2.json'));
    if (outFile === undefined || one === undefined || two === undefined) continue;
    const label = /"comparison":"([a-z-]+)"/.exec(
      readFileSync(join(base, d, outFile), 'utf8'),
    )?.[1];
    if (label === undefined) continue;
    const { v, ms } = await timed(() =>
      comparePolicies(
        [{ name: one, text: readFileSync(join(base, d, one), 'utf8') }],
        [{ name: two, text: readFileSync(join(base, d, two), 'utf8') }],
        { timeoutMs },
      ),
    );
    const got = v.answer === 'yes' || v.answer === 'no' ? (v.relation ?? v.answer) : v.answer;
    const n = note(v);
    out.push({
      suite: 'quacky pairs',
      name: d,
      expected: QUACKY_RELATION[label] ?? label,
      got,
      ms,
      ...(n ? { note: n } : {}),
    });
  }
  return out;
}

interface MutationSuite {
  readonly checks: Check[];
  /** One line for the summary: how many rows of the CSV ran, and why the others did not. */
  readonly summary: string;
}

/**
 * A sample path of the mutation CSV, resolved in this copy of Quacky. The
 * CSV was written against an older layout: some originals it names under
 * `samples/s3/exp_single/` are now under `samples/s3/exp_multiple/`
 * (`s3_allow_all_except_delete/initial.json`, whose 16 mutants are here).
 */
function quackyPath(dir: string, p: string): string | undefined {
  for (const candidate of [p, p.replace('/exp_single/', '/exp_multiple/')]) {
    const path = join(dir, candidate);
    if (existsSync(path)) return path;
  }
  return undefined;
}

async function quackyMutations(dir: string, timeoutMs: number): Promise<MutationSuite> {
  const relative = join('results', 'icse21', 'raw_csv', 'mutations', 'README_s3.csv');
  const csv = join(dir, relative);
  if (!existsSync(csv)) return { checks: [], summary: `${relative} not found: not run.` };
  const out: Check[] = [];
  const lines = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
  const missing = new Set<string>();
  let skipped = 0;
  for (const line of lines) {
    const cells = line.split(',');
    const [p1, p2, oneToTwo] = cells;
    const twoToOne = cells[9];
    const path1 = quackyPath(dir, p1);
    const path2 = quackyPath(dir, p2);
    if (path1 === undefined || path2 === undefined) {
      skipped++;
      // Name the original when it is missing, else the mutant's folder.
      missing.add(path1 === undefined ? p1 : dirname(p2));
      continue;
    }
    const t1 = { name: basename(p1), text: readFileSync(path1, 'utf8') };
    const t2 = { name: `mutation ${basename(p2)}`, text: readFileSync(path2, 'utf8') };
    // P1 => P2 SAT: some request P1 allows is not allowed by P2, i.e. as a
    // change from P2 to P1, P1 grants new access.
    for (const [label, newer, older, dir2] of [
      [oneToTwo, t1, t2, 'P1 ⊆ P2'],
      [twoToOne, t2, t1, 'P2 ⊆ P1'],
    ] as const) {
      const { v, ms } = await timed(() => checkNoNewAccess([newer], [older], { timeoutMs }));
      const got = v.answer === 'yes' ? 'UNSAT' : v.answer === 'no' ? 'SAT' : v.answer;
      const n = note(v);
      out.push({
        suite: 'quacky mutations',
        name: `${p2.split('/').slice(-3).join('/')} ${dir2}`,
        expected: label,
        got,
        ms,
        ...(n ? { note: n } : {}),
      });
    }
  }
  const summary =
    `${lines.length - skipped} of ${lines.length} pairs of ${relative} run (each both ways)` +
    (skipped === 0
      ? '.'
      : `; ${skipped} skipped because a policy is not in this copy of Quacky (${[...missing].sort().join(', ')}).`);
  return { checks: out, summary };
}

/** A manual_s3 domain: the values of each request dimension to enumerate. */
interface Domain {
  readonly Principal?: readonly string[];
  readonly Resource?: readonly string[];
  readonly Condition?: Readonly<Record<string, readonly string[]>>;
}

/** The published counts (quacky/samples/manual_s3/README.md). */
function publishedCounts(dir: string): Map<string, number> {
  const readme = join(dir, 'samples', 'manual_s3', 'README.md');
  const counts = new Map<string, number>();
  if (!existsSync(readme)) return counts;
  for (const m of readFileSync(readme, 'utf8').matchAll(
    /\|\[(\w+)\/policy\.json\]\([^)]*\)\|(\d+)\|(\d+)\|/g,
  )) {
    counts.set(m[1], Number(m[2]));
  }
  return counts;
}

function actionsOf(policy: unknown): string[] {
  const out = new Set<string>();
  const statements = (policy as { Statement?: unknown }).Statement;
  for (const s of Array.isArray(statements) ? statements : [statements]) {
    const a = (s as { Action?: unknown }).Action;
    for (const x of Array.isArray(a) ? a : a === undefined ? [] : [a]) out.add(String(x));
  }
  return [...out];
}

interface CountRow {
  readonly name: string;
  readonly published: number;
  readonly counted: number | null;
  readonly domain: number;
  readonly note?: string;
}

/**
 * Counts the requests of the domain the policy allows (the concrete
 * evaluator decides each). The domain's actions are the policy's own (the
 * published counts are over them: e.g. 5 principals × 3 actions = 15).
 * Policies whose `Principal` is not valid IAM (Quacky's own list form, a
 * wildcard inside a name) are reported, not translated.
 */
function manualCounts(dir: string): CountRow[] {
  const base = join(dir, 'samples', 'manual_s3', 'exp_single');
  if (!existsSync(base)) return [];
  const published = publishedCounts(dir);
  const rows: CountRow[] = [];
  for (const d of readdirSync(base).sort()) {
    const policyText = readFileSync(join(base, d, 'policy.json'), 'utf8');
    const domain = readJson(join(base, d, 'domain.json')) as Domain;
    const expected = published.get(d) ?? Number.NaN;
    const parsed = parsePolicy(policyText);
    const resources = domain.Resource ?? ['*'];
    const keys = Object.entries(domain.Condition ?? {});
    const actions = actionsOf(readJson(join(base, d, 'policy.json')));
    const principals = domain.Principal ?? [null];
    const size =
      resources.length *
      actions.length *
      principals.length *
      keys.reduce((n, [, v]) => n * v.length, 1);
    if (parsed.policy === undefined || hasErrors(parsed.diagnostics)) {
      const why = parsed.diagnostics.find((x) => x.severity === 'error');
      rows.push({
        name: d,
        published: expected,
        counted: null,
        domain: size,
        note: `not valid IAM: ${why ? `${jsonLocationOf(why).jsonPath}: ${why.message}` : 'rejected'}`,
      });
      continue;
    }
    const input: PolicyInput = { policy: parsed.policy, type: 'identity' };
    let allowed = 0;
    const contexts: Record<string, string>[] = [{}];
    for (const [key, values] of keys) {
      const next: Record<string, string>[] = [];
      for (const c of contexts) for (const v of values) next.push({ ...c, [key]: v });
      contexts.splice(0, contexts.length, ...next);
    }
    for (const resource of resources)
      for (const action of actions)
        for (const context of contexts) {
          const request: AccessRequest = {
            principal: { kind: 'aws', arn: 'arn:aws:iam::111122223333:user/alice' },
            action,
            resource,
            context,
          };
          if (evaluate([input], request).decision === 'allow') allowed++;
        }
    rows.push({ name: d, published: expected, counted: allowed, domain: size });
  }
  return rows;
}

function generatedPolicy(next: () => number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const principals: unknown[] = [
    '*',
    { AWS: '*' },
    { AWS: 'arn:aws:iam::111122223333:root' },
    { AWS: '444455556666' },
    { AWS: 'arn:aws:iam::111122223333:role/Reader' },
    { Service: 'cloudtrail.amazonaws.com' },
  ];
  const actions = ['s3:GetObject', 's3:PutObject', 's3:*', 's3:Get*', 's3:ListBucket', '*'];
  const resources = [
    'arn:aws:s3:::bucket/*',
    'arn:aws:s3:::bucket',
    'arn:aws:s3:::bucket/public/*',
    '*',
  ];
  const conditions: unknown[] = [
    undefined,
    { StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } },
    { StringLike: { 'aws:SourceVpc': 'vpc-*' } },
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
    { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
    { Bool: { 'aws:SecureTransport': 'true' } },
    { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:111122223333:trail/*' } },
  ];
  const statements = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => {
    const condition = pick(conditions);
    return {
      Sid: `S${i}`,
      Effect: next() < 0.8 ? 'Allow' : 'Deny',
      Principal: pick(principals),
      Action: pick(actions),
      Resource: pick(resources),
      ...(condition === undefined ? {} : { Condition: condition }),
    };
  });
  return { Version: '2012-10-17', Statement: statements };
}

async function batch(
  n: number,
  timeoutMs: number,
): Promise<{ answers: Map<string, number>; ms: number; times: number[] }> {
  const next = prng(20261203);
  const answers = new Map<string, number>();
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const policy = generatedPolicy(next);
    const { v, ms } = await timed(() =>
      checkNoPublicAccess(
        [text(`generated ${i}`, policy, 'resource')],
        { account: '111122223333', resourceType: 's3-bucket' },
        { timeoutMs },
      ),
    );
    times.push(ms);
    answers.set(v.answer, (answers.get(v.answer) ?? 0) + 1);
  }
  return { answers, ms: performance.now() - t0, times };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function fmt(ms: number): string {
  return Number.isNaN(ms) ? '—' : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

function agreementTable(checks: readonly Check[]): string[] {
  const suites = [...new Set(checks.map((c) => c.suite))];
  const lines = [
    "| suite | checks | agree | disagree | don't know | median | 99th percentile |",
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of suites) {
    const cs = checks.filter((c) => c.suite === s);
    const agree = cs.filter((c) => c.got === c.expected).length;
    const unknown = cs.filter((c) => c.got === 'unknown' || c.got === 'bad-input').length;
    const times = cs.map((c) => c.ms);
    lines.push(
      `| ${s} | ${cs.length} | ${agree} | ${cs.length - agree - unknown} | ${unknown} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 99))} |`,
    );
  }
  const all = checks.map((c) => c.ms);
  const agree = checks.filter((c) => c.got === c.expected).length;
  const unknown = checks.filter((c) => c.got === 'unknown' || c.got === 'bad-input').length;
  lines.push(
    `| all | ${checks.length} | ${agree} | ${checks.length - agree - unknown} | ${unknown} | ${fmt(percentile(all, 50))} | ${fmt(percentile(all, 99))} |`,
  );
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseCommandLine('bench/iam', {
    options: {
      suite: { type: 'string' },
      out: { type: 'string' },
      batch: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const suite = values.suite ?? join(ROOT, '..', 'shared', 'bench', 'iam');
  const out = values.out ?? join(ROOT, 'BENCHMARKS-iam.md');
  const batchSize = countOption('bench/iam', 'batch', values.batch, 1000);
  const timeoutMs = timeoutOption('bench/iam', values.timeout, 10) * 1000;

  // Warm-up: Z3 loaded, the code paths compiled.
  await checkNoPublicAccess(
    [
      text(
        'warm-up',
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
        },
        'resource',
      ),
    ],
    {},
    { timeoutMs },
  );

  const checks = [
    ...(await noNewAccessSuite(join(suite, 'check-no-new-access'), timeoutMs)),
    ...(await publicSuite(join(suite, 's3-public'), timeoutMs)),
    ...(await quackyPairs(join(suite, 'quacky'), timeoutMs)),
  ];
  const mutations = await quackyMutations(join(suite, 'quacky'), timeoutMs);
  checks.push(...mutations.checks);
  const counts = manualCounts(join(suite, 'quacky'));
  const b = await batch(batchSize, timeoutMs);
  stopSolvers();

  const differing = checks.filter((c) => c.got !== c.expected);
  const doc = [
    '## arc policy on the IAM benchmarks',
    '',
    `Written by \`npm run bench:iam\` on ${today()}.`,
    `Machine: ${machine()}.`,
    'All checks run in one process (warm: Z3 loaded by one check before the clock starts); each',
    'time is one library call (parse, encode, solve, replay the witness or re-check the proof).',
    '',
    '### Summary',
    '',
    ...agreementTable(checks),
    '',
    `Quacky mutations: ${mutations.summary}`,
    '',
    `Hand-counted S3 samples (quacky/samples/manual_s3): ${counts.filter((r) => r.counted === r.published).length} of ${counts.length} counted exactly as published; ${counts.filter((r) => r.counted === null).length} not valid IAM (listed below).`,
    '',
    `Batch: ${batchSize} generated bucket policies checked for public access in one process: ${(b.ms / 1000).toFixed(1)} s, ${(batchSize / (b.ms / 1000)).toFixed(0)} checks/s (median ${fmt(percentile(b.times, 50))}, 99th percentile ${fmt(percentile(b.times, 99))}); answers ${[...b.answers].map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    '',
    '### Answers that differ from the label',
    '',
    differing.length === 0
      ? 'None.'
      : [
          '| suite | check | label | arc | note |',
          '|---|---|---|---|---|',
          ...differing.map(
            (c) =>
              `| ${c.suite} | ${c.name} | ${c.expected} | ${c.got} | ${(c.note ?? EXPLAINED[`${c.name}|${c.got}`] ?? 'not explained yet').replace(/\|/g, '\\|')} |`,
          ),
        ].join('\n'),
    '',
    '### Hand-counted S3 samples',
    '',
    "| policy | domain size | published count | counted by arc's evaluator | note |",
    '|---|---|---|---|---|',
    ...counts.map(
      (r) =>
        `| ${r.name} | ${r.domain} | ${r.published} | ${r.counted ?? '—'} | ${(r.note ?? '').replace(/\|/g, '\\|')} |`,
    ),
    '',
    '### Every check',
    '',
    '| suite | check | label | arc | time |',
    '|---|---|---|---|---|',
    ...checks.map((c) => `| ${c.suite} | ${c.name} | ${c.expected} | ${c.got} | ${fmt(c.ms)} |`),
    '',
  ].join('\n');
  writeFileSync(out, doc);
  process.stderr.write(`wrote ${out}\n`);
}

await main();
