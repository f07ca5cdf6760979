/** Golden tests of `arc net explain` and `arc net exposed` (net/flows.ts) on hand-built snapshots. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  decideExplain,
  decideExposed,
  gateFirst,
  type ExposedDecision,
} from '../../src/net/answer.js';
import type { Flow, FlowSet } from '../../src/net/gate.js';
import { reaches } from '../../src/net/symbolic/query.js';
import { forward } from '../../src/net/forward/index.js';
import type { NetworkModel } from '../../src/net/model.js';
import { exposed } from '../../src/net/flows.js';
import { recheckUnsat, stopSolvers } from '../../src/smt/index.js';
import { allowAll, eni, ip, publicSubnet } from './fixtures.js';

/** The flows a decision shows: the witness's (yes of explain, no of exposed) or the certificate's. */
function flowsOf<T>(
  d: { witness: FlowSet<T> } | { certificate: FlowSet<T> } | object,
): readonly (Flow & T)[] {
  if ('witness' in d) return d.witness.flows;
  if ('certificate' in d) return d.certificate.flows;
  return [];
}

/** How the flows were checked, in words. */
function checkOf(d: object): string {
  if ('witness' in d) return (d.witness as FlowSet<object>).check;
  if ('certificate' in d) return (d.certificate as FlowSet<object>).check;
  return '';
}

after(() => stopSolvers());

const opts = { timeoutMs: 30_000 };
const fromInternet = { kind: 'internet' } as const;

/** Every flow's packet is delivered by the forwarder, and the flows' texts. */
function texts(m: NetworkModel, flows: readonly Flow[]): string[] {
  for (const f of flows) {
    const r = forward(m, { kind: 'internet' }, f.packet);
    assert.ok(
      reaches(r, () => true),
      `${f.text}: ${JSON.stringify(f.packet)} is not delivered`,
    );
  }
  return flows.map((f) => f.text).sort();
}

describe('arc net explain (packet sets as ranges)', () => {
  it('internet -> web ENI: SSH from anywhere and HTTPS from one network, nothing else', async () => {
    const m = publicSubnet({
      sgIngress: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: '203.0.113.0/24' }],
        },
      ],
    });
    const a = await decideExplain(
      m,
      { from: fromInternet, to: { kind: 'eni', id: 'eni-web' } },
      opts,
    );
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer !== 'yes') return;
    assert.deepEqual(texts(m, flowsOf(a)), [
      'tcp port 22 (source port any) from the internet to 18.216.80.133',
      'tcp port 443 (source port any) from 203.0.113.0/24 to 18.216.80.133',
    ]);
    assert.match(checkOf(a), /unsat/);
  });

  it('a NACL deny rule shadowing the allow carves its network out of the set', async () => {
    const m = publicSubnet({
      acl: [
        {
          CidrBlock: '198.51.100.0/24',
          Egress: false,
          Protocol: '6',
          PortRange: { From: 22, To: 22 },
          RuleAction: 'deny',
          RuleNumber: 50,
        },
        ...allowAll(false),
        ...allowAll(true),
      ],
    });
    const a = await decideExplain(
      m,
      { from: fromInternet, to: { kind: 'eni', id: 'eni-web' }, protocol: 6 },
      opts,
    );
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer !== 'yes') return;
    assert.deepEqual(texts(m, flowsOf(a)), [
      'tcp port 22 (source port any) from the internet except 198.51.100.0/24 to 18.216.80.133',
    ]);
  });

  it('the reply is part of the set: an egress NACL without ephemeral ports narrows the source ports', async () => {
    const m = publicSubnet({
      acl: [
        ...allowAll(false),
        {
          CidrBlock: '0.0.0.0/0',
          Egress: true,
          Protocol: '6',
          PortRange: { From: 1024, To: 65535 },
          RuleAction: 'allow',
          RuleNumber: 100,
        },
      ],
    });
    const a = await decideExplain(
      m,
      { from: fromInternet, to: { kind: 'eni', id: 'eni-web' } },
      opts,
    );
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer !== 'yes') return;
    assert.deepEqual(texts(m, flowsOf(a)), [
      'tcp port 22 (source port 1024-65535) from the internet to 18.216.80.133',
    ]);
  });

  it('an ENI without a public address: no packet flows (answer no, an empty set, proved)', async () => {
    const m = publicSubnet({
      enis: [eni('eni-priv', 'subnet-pub', 'vpc-1', '10.0.0.50', ['sg-web'])],
    });
    const a = await decideExplain(
      m,
      { from: fromInternet, to: { kind: 'eni', id: 'eni-priv' } },
      opts,
    );
    assert.equal(a.answer, 'no', JSON.stringify(a));
    if (a.answer !== 'no') return;
    assert.deepEqual(flowsOf(a), []);
    assert.match(checkOf(a), /unsat/);
  });

  it('the web ENI to the internet: every flow leaves with its public address', async () => {
    const m = publicSubnet();
    const a = await decideExplain(
      m,
      { from: { kind: 'eni', id: 'eni-web' }, to: fromInternet },
      opts,
    );
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer !== 'yes') return;
    for (const f of flowsOf(a)) {
      assert.equal(f.packet.srcIp, ip('10.0.0.91'));
      assert.match(f.text, /from 10\.0\.0\.91 to the internet$/);
      const r = forward(m, { kind: 'eni', id: 'eni-web' }, f.packet);
      assert.ok(
        reaches(r, (d) => d.kind === 'internet'),
        f.text,
      );
    }
  });

  it("a missing security group: don't know, naming it", async () => {
    const m = publicSubnet({
      enis: [eni('eni-x', 'subnet-pub', 'vpc-1', '10.0.0.60', ['sg-gone'], '3.3.3.3')],
    });
    const a = await decideExplain(
      m,
      { from: fromInternet, to: { kind: 'eni', id: 'eni-x' } },
      opts,
    );
    assert.equal(a.answer, 'unknown', JSON.stringify(a));
    if (a.answer !== 'unknown') return;
    assert.match(a.reason.message, /sg-gone/);
  });
});

describe('arc net exposed', () => {
  const m = publicSubnet({
    sgIngress: [
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '192.0.2.0/24' }] },
    ],
    enis: [
      eni('eni-priv', 'subnet-pub', 'vpc-1', '10.0.0.50', ['sg-web']),
      eni('eni-pub2', 'subnet-pub', 'vpc-1', '10.0.0.51', ['sg-web'], '3.3.3.4'),
    ],
  });

  it('lists each exposed interface with its packets and a replayed witness; private ones are not', async () => {
    const a = await decideExposed(m, opts);
    assert.equal(a.answer, 'no', JSON.stringify(a.undecided));
    assert.equal(a.interfaces, 3);
    assert.deepEqual(
      flowsOf(a)
        .map((f) => `${f.networkInterface}: ${f.text}`)
        .sort(),
      [
        'eni-pub2: tcp port 22 (source port any) from the internet to 3.3.3.4',
        'eni-pub2: udp port 53 (source port any) from 192.0.2.0/24 to 3.3.3.4',
        'eni-web: tcp port 22 (source port any) from the internet to 18.216.80.133',
        'eni-web: udp port 53 (source port any) from 192.0.2.0/24 to 18.216.80.133',
      ],
    );
    for (const f of flowsOf(a)) {
      assert.equal(f.vpc, 'vpc-1');
      assert.equal(f.path.outcome, 'accepted');
      const r = forward(m, { kind: 'internet' }, f.packet);
      assert.ok(reaches(r, (d) => d.kind === 'network-interface' && d.id === f.networkInterface));
    }
    assert.deepEqual(a.undecided, []);
    // The two public interfaces share their filters: one packet set (and the private one's empty set).
    assert.equal(a.classes, 2);
    assert.match(checkOf(a), /unsat/);
  });

  it('restricted to tcp/80: nothing is exposed (answer yes, proved for every interface)', async () => {
    const a = await decideExposed(m, { ...opts, protocol: 6, dstPorts: { from: 80, to: 80 } });
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    assert.deepEqual(flowsOf(a), []);
    assert.match(checkOf(a), /unsat/);
  });

  it('restricted to udp: only the DNS finding remains', async () => {
    const a = await decideExposed(m, { ...opts, protocol: 17 });
    assert.deepEqual(
      flowsOf(a)
        .map((f) => f.networkInterface)
        .sort(),
      ['eni-pub2', 'eni-web'],
    );
    assert.ok(flowsOf(a).every((f) => f.packet.protocol === 17 && f.packet.dstPort === 53));
  });

  it('an interface whose security group is missing is undecided, the others still answered', async () => {
    const m2 = publicSubnet({
      enis: [eni('eni-x', 'subnet-pub', 'vpc-1', '10.0.0.60', ['sg-gone'], '3.3.3.3')],
    });
    const a = await decideExposed(m2, { ...opts, protocol: 6, dstPorts: { from: 80, to: 80 } });
    assert.equal(a.answer, 'unknown', JSON.stringify(a));
    assert.deepEqual(
      a.undecided.map((u) => u.networkInterface),
      ['eni-x'],
    );
    assert.match(a.undecided[0].reason, /sg-gone/);
  });

  it('one certificate query per interface or one per batch: the same findings', async () => {
    const one = await decideExposed(m, { ...opts, batch: 1 });
    const many = await decideExposed(m, opts);
    assert.deepEqual(
      flowsOf(one).map((f) => f.text),
      flowsOf(many).map((f) => f.text),
    );
    assert.match(
      checkOf(one),
      /2 interface\(s\) in 2 queries, solved by the gate alone, 1 with no path from the internet/,
    );
  });

  it('a claim whose queries fail the gate is decided again with the engine solving them; any other outcome stands', async () => {
    const seen = { undecided: [], interfaces: 1, classes: 1, solverMs: 0 };
    const failed: ExposedDecision = {
      answer: 'unknown',
      reason: { code: 'recheck-failed', message: 'forged' },
      ...seen,
    };
    const timeout: ExposedDecision = {
      answer: 'unknown',
      reason: { code: 'timeout', message: 'out of time' },
      ...seen,
    };
    const calls: boolean[] = [];
    const decide =
      (first: ExposedDecision) =>
      (solve: boolean): Promise<ExposedDecision> => {
        calls.push(solve);
        return Promise.resolve(solve ? timeout : first);
      };
    assert.equal(await gateFirst(decide(failed)), timeout);
    assert.deepEqual(calls, [false, true]);
    calls.length = 0;
    const real = await decideExposed(m, opts);
    assert.equal(await gateFirst(decide(real)), real);
    assert.equal(await gateFirst(decide(timeout)), timeout);
    assert.deepEqual(calls, [false, false]);
  });

  it('the engine solving its queries itself or leaving them to the gate: the same claim, every query unsat', async () => {
    const unchecked = await exposed(m, { ...opts, batch: 1, solve: false });
    const checked = await exposed(m, { ...opts, batch: 1, solve: true });
    assert.equal(unchecked.solverMs, 0);
    assert.ok(checked.solverMs > 0);
    assert.deepEqual(unchecked.claim.queries, checked.claim.queries);
    assert.deepEqual(
      unchecked.claim.flows.map((f) => f.claim.text),
      checked.claim.flows.map((f) => f.claim.text),
    );
    assert.equal(unchecked.claim.queries.length, 2);
    for (const q of unchecked.claim.queries)
      assert.equal((await recheckUnsat(q, opts.timeoutMs)).status, 'unsat');
    assert.match(checked.claim.check, /in 2 queries shown unsat/);
  });
});
