/** `arc net reachable` through the built binary: exit codes and `--json` on the shared snapshot. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
        domain: string;
        answer: string;
        certificate: {
          blockers: { component: { kind: string }; reason: string }[];
          recheck: string;
          smtlib: string;
        };
        witness: unknown;
      };
      assert.equal(v.domain, 'net');
      assert.equal(v.answer, 'no');
      assert.equal(v.witness, null);
      assert.ok(v.certificate.blockers.length > 0);
      for (const b of v.certificate.blockers) {
        assert.equal(b.component.kind, 'security-group');
        assert.match(b.reason, /has no inbound rule for tcp\/80/);
      }
      assert.match(v.certificate.recheck, /^unsat/);
      assert.match(v.certificate.smtlib, /\(check-sat\)/);
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

describe('arc net reachable: bad input in the snapshot and the arguments', () => {
  const root = mkdtempSync(join(tmpdir(), 'arc-net-bad-'));
  const snapshot = (name: string, files: Record<string, string>): string => {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  };
  const vpcs = JSON.stringify({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] });
  const malformed = snapshot('malformed', {
    'vpcs.json': vpcs,
    'subnets.json': '{\n  "Subnets": [\n    { "SubnetId": "s-1",, "VpcId": "vpc-1" }\n  ]\n}\n',
  });
  const wrongType = snapshot('wrong-type', {
    'vpcs.json': vpcs,
    'subnets.json':
      '{\n  "Subnets": [\n    { "SubnetId": "s-1", "VpcId": "vpc-1", "CidrBlock": 42 }\n  ]\n}\n',
  });
  const good = snapshot('good', { 'vpcs.json': vpcs });
  const reach = (dir: string, ...rest: string[]) =>
    runCli(['net', 'reachable', dir, '--from', 'internet', '--to', '1.2.3.4', ...rest]);

  function assertNoStackTrace(r: { stdout: string; stderr: string }): void {
    const text = r.stdout + r.stderr;
    assert.doesNotMatch(text, /\n\s+at .*:\d+:\d+\)?/, 'printed a stack trace');
    assert.doesNotMatch(text, /internal error|TypeError|ReferenceError/);
  }

  it('malformed JSON: exit 2, the file, line and column of the error, no stack trace', () => {
    const r = reach(malformed);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    // Line 3 is `    { "SubnetId": "s-1",, …`: the second comma is column 25.
    assert.match(r.stderr, /^subnets\.json:3:25: error: not JSON: .*\[invalid-json\]$/m);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(r.stdout, '', 'bad input is not an answer: nothing on stdout');
    assertNoStackTrace(r);
  });

  it('malformed JSON with --json: answer bad-input and the diagnostic as data', () => {
    const r = reach(malformed, '--json');
    assert.equal(r.code, 2, r.stdout + r.stderr);
    const v = JSON.parse(r.stdout) as {
      answer: string;
      command: string;
      diagnostics: { code: string; severity: string; location: Record<string, unknown> }[];
    };
    assert.equal(v.answer, 'bad-input');
    assert.equal(v.command, 'net reachable');
    assert.deepEqual(
      v.diagnostics.map((d) => [
        d.location['file'],
        d.location['line'],
        d.location['col'],
        d.code,
        d.severity,
      ]),
      [['subnets.json', 3, 25, 'invalid-json', 'error']],
    );
    assertNoStackTrace(r);
  });

  it('a wrong-typed field: exit 2, its JSON path and position', () => {
    const r = reach(wrongType);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(
      r.stderr,
      /^subnets\.json:3:57: error: expected a string, found the number 42 at Subnets\[0\]\.CidrBlock \[wrong-type\]$/m,
    );
    assertNoStackTrace(r);
  });

  it('endpoint text that is no endpoint: exit 2, naming the text and the accepted forms', () => {
    for (const [flag, text] of [
      ['--from', 'nowhere'],
      ['--to', '300.1.1.1'],
      ['--to', 'sg-123'],
    ]) {
      const args = ['net', 'reachable', good, '--from', 'internet', '--to', '1.2.3.4'];
      args[args.indexOf(flag) + 1] = text;
      const r = runCli(args);
      assert.equal(r.code, 2, `${text}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '', 'bad input is not an answer: nothing on stdout');
      assert.ok(
        r.stderr.includes(
          `expected an instance id (i-…), a network interface id (eni-…), an IPv4 address or 'internet', got '${text}'`,
        ),
        r.stderr,
      );
      assertNoStackTrace(r);
    }
  });

  it("a well-formed id the snapshot lacks is not bad input: don't know (exit 3), naming it", () => {
    const r = runCli(['net', 'reachable', good, '--from', 'eni-0abc', '--to', '1.2.3.4']);
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stdout, /Answer {4}don't know/);
    assert.match(r.stdout, /network interface eni-0abc is not in the snapshot/);
  });

  it('a bad --port, --source-port or --protocol: exit 2, naming the option and the value', () => {
    const cases: [string[], RegExp][] = [
      [['--port', '70000'], /--port must be N or N-M with 0 <= N <= M <= 65535, got '70000'/],
      [['--port', '80-22'], /--port must be .*, got '80-22'/],
      [['--port', 'http'], /--port must be .*, got 'http'/],
      [['--port=-1'], /--port must be .*, got '-1'/],
      [['--source-port', '99999'], /--source-port must be .*, got '99999'/],
      [
        ['--protocol', 'tcpp'],
        /--protocol must be tcp, udp, icmp, -1 or a number 0-255, got 'tcpp'/,
      ],
      [['--protocol', '256'], /--protocol must be .*, got '256'/],
    ];
    for (const [extra, message] of cases) {
      const r = reach(good, ...extra);
      assert.equal(r.code, 2, `${extra.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /\[bad-option\]/);
      assertNoStackTrace(r);
    }
  });

  it('a missing or empty directory: exit 2, naming it, no stack trace', () => {
    const missing = join(root, 'no-such-dir');
    const r = reach(missing);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.ok(r.stderr.includes(`${missing}: error: `), r.stderr);
    assert.match(r.stderr, /\[file-unreadable\]/);
    assertNoStackTrace(r);
    const empty = reach(snapshot('empty', {}));
    assert.equal(empty.code, 2, empty.stdout + empty.stderr);
    assert.match(empty.stderr, /empty: error: no JSON files in the directory \[empty-snapshot\]/);
    assertNoStackTrace(empty);
  });

  it('usage errors: exit 2 with one line on stderr', () => {
    for (const args of [
      ['net', 'reachable', good, '--from', 'internet'],
      ['net', 'reachable', good, good, '--from', 'internet', '--to', '1.2.3.4'],
      ['net', 'reachable', good, '--from', 'internet', '--to', '1.2.3.4', '--timeout', 'soon'],
      ['net', 'unreachable', good],
    ]) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^arc: .+\n$/, args.join(' '));
      assertNoStackTrace(r);
    }
  });
});
