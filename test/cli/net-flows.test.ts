/** `arc net explain` and `arc net exposed` through the built binary, on a snapshot written to a temporary directory. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eni, publicSubnetDocs } from '../net/fixtures.js';
import { runCli } from './run-cli.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-net-flows-'));
  const docs = publicSubnetDocs({
    enis: [eni('eni-priv', 'subnet-pub', 'vpc-1', '10.0.0.50', ['sg-web'])],
  });
  docs.forEach((d, i) => writeFileSync(join(dir, `describe-${i}.json`), JSON.stringify(d)));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('arc net exposed / explain (CLI)', () => {
  it('exposed: no (exit 1), the web interface on tcp/22 with a witness, --json', () => {
    const r = runCli(['net', 'exposed', dir, '--json']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const v = JSON.parse(r.stdout) as {
      answer: string;
      witness: {
        flows: {
          networkInterface: string;
          instance: string | null;
          text: string;
          packet: { dstPort: number; header: string };
          path: { outcome: string; hops: unknown[] };
        }[];
        check: string;
      };
      interfaces: number;
    };
    assert.equal(v.answer, 'no');
    assert.equal(v.interfaces, 2);
    const findings = v.witness.flows;
    assert.deepEqual(
      findings.map((f) => [f.networkInterface, f.text]),
      [['eni-web', 'tcp port 22 (source port any) from the internet to 18.216.80.133']],
    );
    assert.equal(findings[0].packet.dstPort, 22);
    assert.equal(findings[0].path.outcome, 'accepted');
    assert.match(v.witness.check, /unsat/);
    assert.match(v.witness.check, /re-checked unsat in a fresh Z3 context/);
  });

  it('exposed --protocol tcp --port 80: yes (exit 0), nothing exposed', () => {
    const r = runCli(['net', 'exposed', dir, '--protocol', 'tcp', '--port', '80']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Answer {4}yes/);
    assert.match(r.stdout, /none of the 2 network interface\(s\) can be reached/);
  });

  it('explain: the ranges in words, with an example packet each', () => {
    const r = runCli(['net', 'explain', dir, '--from', 'internet', '--to', 'eni-web']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /Packets {3}tcp port 22 \(source port any\) from the internet to 18\.216\.80\.133/,
    );
    assert.match(r.stdout, /e\.g\. tcp .* -> 18\.216\.80\.133:22/);
  });

  it('bad input: exposed with --from, a bad --port, an unknown subcommand (exit 2, no stack trace)', () => {
    for (const args of [
      ['net', 'exposed', dir, '--from', 'internet'],
      ['net', 'exposed', dir, '--port', '99999'],
      ['net', 'explain', dir, '--from', 'nowhere', '--to', 'eni-web'],
      ['net', 'explode', dir],
    ]) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /);
    }
  });
});
