/** `arc net reachable` through the built binary: exit codes and `--json` on the shared snapshot. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { runCli } from './run-cli.js';

const DIR = '/work/shared/bench/network/test-public-subnet/aws_configs';
const skip = existsSync(DIR) ? false : `${DIR} is absent`;

describe('arc net reachable', () => {
  it('internet -> 18.216.80.133 tcp/22: yes (exit 0) with the path', { skip }, () => {
    const r = runCli([
      'net',
      'reachable',
      DIR,
      '--from',
      'internet',
      '--to',
      '18.216.80.133',
      '--protocol',
      'tcp',
      '--port',
      '22',
    ]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Answer {4}yes/);
    assert.match(
      r.stdout,
      /security-group sg-09ccba6656672061b: ingress — tcp\/22 from 0\.0\.0\.0\/0/,
    );
  });

  it(
    'internet -> 18.216.80.133 tcp/80: no (exit 1), blocked at the security group, --json',
    { skip },
    () => {
      const r = runCli([
        'net',
        'reachable',
        DIR,
        '--from',
        'internet',
        '--to',
        '18.216.80.133',
        '--protocol',
        'tcp',
        '--port',
        '80',
        '--json',
      ]);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const v = JSON.parse(r.stdout) as {
        answer: string;
        blocked: { component: { kind: string }; reason: string }[];
        proof: { recheck: string };
        packet: unknown;
      };
      assert.equal(v.answer, 'no');
      assert.equal(v.packet, null);
      assert.ok(v.blocked.length > 0);
      for (const b of v.blocked) {
        assert.equal(b.component.kind, 'security-group');
        assert.match(b.reason, /has no inbound rule for tcp\/80/);
      }
      assert.match(v.proof.recheck, /^unsat/);
    },
  );

  it('bad input exits 2: a missing directory, a bad endpoint, a bad port', () => {
    const missing = runCli([
      'net',
      'reachable',
      '/nonexistent-arc-net',
      '--from',
      'internet',
      '--to',
      '1.2.3.4',
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /file-unreadable|empty-snapshot/);
    const endpoint = runCli(['net', 'reachable', DIR, '--from', 'nowhere', '--to', '1.2.3.4']);
    assert.equal(endpoint.code, 2);
    const port = runCli([
      'net',
      'reachable',
      DIR,
      '--from',
      'internet',
      '--to',
      '1.2.3.4',
      '--port',
      '70000',
    ]);
    assert.equal(port.code, 2);
    const usage = runCli(['net', 'reachable', DIR]);
    assert.equal(usage.code, 2);
  });
});
