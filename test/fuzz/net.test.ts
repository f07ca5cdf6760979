/**
 * Robustness: generated VPC snapshot directories
 * (test/support/generators/vpc.ts) — consistent ones and broken ones — fed
 * to `net reachable`, `net explain` and `net exposed` in-process, between
 * endpoints the snapshot has, addresses it does not, and the internet, with
 * and without a protocol and port. No input may end in an exception (exit 4)
 * or an internal error or inconsistency; bad input names the file and where
 * in it (a line and column, or a JSON path); `reachable` and `explain` never
 * contradict each other on the same question.
 */
import type { Result } from '../../src/core/answer.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import {
  netExplain,
  netExposed,
  netReachable,
  type NetExplainVerdict,
  type NetExposedVerdict,
  type NetVerdict,
} from '../../src/api/net.js';
import { snapshot, writeSnapshot } from '../support/generators/vpc.js';
import { FUZZ_SEED, Failures, INTERNAL, noThrow, tally } from './support.js';

const COUNT = Number(process.env['ARC_FUZZ_COUNT'] ?? 80);
const dir = mkdtempSync(join(tmpdir(), 'arc-fuzz-net-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const snapshots = fc.sample(snapshot(), { seed: FUZZ_SEED, numRuns: COUNT });
const SERVICES: readonly { protocol?: string; port?: string }[] = [
  {},
  { protocol: 'tcp', port: '22' },
  { protocol: 'udp', port: '53' },
  { protocol: 'icmp' },
  { protocol: 'tcp', port: '1000-2000' },
  { protocol: '50' },
];

function checkVerdict(
  r: Result<NetVerdict | NetExplainVerdict | NetExposedVerdict>,
  context: string,
): string {
  const json = JSON.stringify(r);
  assert.doesNotMatch(
    json,
    INTERNAL,
    `internal error or inconsistency: ${context}\n${json.slice(0, 1500)}`,
  );
  if (r.kind === 'verdict') return r.verdict.answer;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0, `bad input without an error diagnostic: ${context}`);
  for (const d of errors) {
    // A bad question (an endpoint or port that cannot be read) names the option, not a file.
    if (d.code === 'bad-option') continue;
    const at = d.location;
    assert.ok(
      at !== undefined && 'jsonPath' in at && at.file !== '',
      `a snapshot diagnostic without its file: ${d.message} — ${context}`,
    );
    assert.ok(
      at.line !== undefined || at.jsonPath !== '' || d.code === 'empty-snapshot',
      `a snapshot diagnostic with neither a line nor a JSON path: [${d.code}] ${d.message} — ${context}`,
    );
  }
  return 'bad-input';
}

test(`${snapshots.length} generated snapshots (seed ${FUZZ_SEED}) through net reachable, explain and exposed`, async (t) => {
  const answers: string[] = [];
  const failures = new Failures();
  for (const [i, s] of snapshots.entries()) {
    const snapDir = join(dir, `s${i}`);
    writeSnapshot(snapDir, s);
    const what = `snapshot ${i} (${s.kind}${s.note === '' ? '' : `: ${s.note}`}) in ${snapDir}`;
    const ends = [...s.endpoints, 'internet', '10.9.9.9', '8.8.8.8'];
    const from = ends[(i * 7) % ends.length];
    const to = ends[(i * 3 + 1) % ends.length];
    const service = SERVICES[i % SERVICES.length];
    const question = { dir: snapDir, from, to, ...service, timeoutMs: 3000 };
    const context = `${what}: ${JSON.stringify({ from, to, ...service })}\n${JSON.stringify(s.files).slice(0, 3000)}`;
    await failures.check(async () => {
      const reach = await noThrow(`reachable ${context}`, () => netReachable(question));
      const a = checkVerdict(reach, `reachable ${context}`);
      answers.push(`reachable:${a}`);
      if (i % 3 === 0) {
        const explain = await noThrow(`explain ${context}`, () => netExplain(question));
        const b = checkVerdict(explain, `explain ${context}`);
        answers.push(`explain:${b}`);
        assert.ok(
          !(a === 'yes' && b === 'no') && !(a === 'no' && b === 'yes'),
          `reachable says ${a}, explain says ${b}: ${context}`,
        );
      }
      if (i % 3 === 1) {
        const exposed = await noThrow(`exposed ${context}`, () =>
          netExposed({ dir: snapDir, ...service, timeoutMs: 3000 }),
        );
        answers.push(`exposed:${checkVerdict(exposed, `exposed ${context}`)}`);
      }
    });
  }
  t.diagnostic(tally(answers));
  failures.assertNone();
});
