/** Golden tests of the symbolic reachability engine (every yes is a replayed witness). */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReachQuery } from '../../src/net/symbolic/query.js';
import { decideReachable, type ReachDecision as ReachAnswer } from '../../src/net/answer.js';
import type { NetworkModel } from '../../src/net/model.js';
import { stopSolvers } from '../../src/smt/index.js';
import { allowAll, eni, ip, publicSubnet, transitPair } from './fixtures.js';

after(() => stopSolvers());

function ask(m: NetworkModel, q: ReachQuery): Promise<ReachAnswer> {
  return decideReachable(m, q, { timeoutMs: 20_000 });
}

const web = { kind: 'ip', ip: ip('18.216.80.133') } as const;

describe('arc net reachable (symbolic)', () => {
  const m = publicSubnet({
    enis: [eni('eni-priv', 'subnet-pub', 'vpc-1', '10.0.0.50', ['sg-web'])],
  });

  it('internet -> public IP tcp/22: yes, with a replayed witness path', async () => {
    const a = await ask(m, {
      from: { kind: 'internet' },
      to: web,
      protocol: 6,
      dstPorts: { from: 22, to: 22 },
    });
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer !== 'yes') return;
    assert.equal(a.witness.packet.protocol, 6);
    assert.equal(a.witness.packet.dstPort, 22);
    assert.equal(a.witness.packet.dstIp, ip('18.216.80.133'));
    assert.equal(a.witness.path.outcome, 'accepted');
    assert.deepEqual(
      a.witness.path.hops.map((h) => h.component.kind),
      ['internet', 'internet-gateway', 'network-acl', 'security-group', 'network-interface'],
    );
  });

  it('internet -> public IP tcp/80: no, blocked at the security group', async () => {
    const a = await ask(m, {
      from: { kind: 'internet' },
      to: web,
      protocol: 6,
      dstPorts: { from: 80, to: 80 },
    });
    assert.equal(a.answer, 'no', JSON.stringify(a));
    if (a.answer !== 'no') return;
    assert.ok(a.certificate.blockers.length >= 1);
    const sg = a.certificate.blockers.find((b) => b.component.kind === 'security-group');
    assert.ok(sg, JSON.stringify(a.certificate.blockers));
    assert.match(sg.reason, /security group sg-web on eni-web has no inbound rule for tcp\/80/);
    // What it stops, for every source (not just the replayed packet's).
    assert.deepEqual(sg.packets, [
      'tcp port 80 (source port any) from the internet to 18.216.80.133',
    ]);
    assert.match(a.certificate.recheck, /^unsat/);
  });

  it('any protocol and port from the internet: yes (some packet gets in)', async () => {
    const a = await ask(m, { from: { kind: 'internet' }, to: { kind: 'eni', id: 'eni-web' } });
    assert.equal(a.answer, 'yes', JSON.stringify(a));
  });

  it('an instance without a public IP is not reachable from the internet', async () => {
    const a = await ask(m, { from: { kind: 'internet' }, to: { kind: 'eni', id: 'eni-priv' } });
    assert.equal(a.answer, 'no', JSON.stringify(a));
  });

  it('the web ENI reaches the internet; the private one is stopped at the internet gateway', async () => {
    const yes = await ask(m, { from: { kind: 'eni', id: 'eni-web' }, to: { kind: 'internet' } });
    assert.equal(yes.answer, 'yes', JSON.stringify(yes));
    const no = await ask(m, { from: { kind: 'eni', id: 'eni-priv' }, to: { kind: 'internet' } });
    assert.equal(no.answer, 'no', JSON.stringify(no));
    if (no.answer !== 'no') return;
    assert.ok(
      no.certificate.blockers.some(
        (b) => b.component.kind === 'internet-gateway' && /no public address/.test(b.reason),
      ),
      JSON.stringify(no.certificate.blockers),
    );
  });

  it('a NACL deny rule shadowing an allow is named with its rule number', async () => {
    const m2 = publicSubnet({
      acl: [
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '-1',
          RuleAction: 'allow',
          RuleNumber: 200,
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '6',
          PortRange: { From: 22, To: 22 },
          RuleAction: 'deny',
          RuleNumber: 100,
        },
        ...allowAll(true),
      ],
    });
    const a = await ask(m2, {
      from: { kind: 'internet' },
      to: web,
      protocol: 6,
      dstPorts: { from: 22, to: 22 },
    });
    assert.equal(a.answer, 'no', JSON.stringify(a));
    if (a.answer !== 'no') return;
    assert.ok(
      a.certificate.blockers.some((b) =>
        /network ACL acl-1 rule 100 denies inbound tcp\/22/.test(b.reason),
      ),
      JSON.stringify(a.certificate.blockers),
    );
  });

  it('a host address with no ENI cannot use the internet gateway: no, named by replay', async () => {
    const a = await ask(m, {
      from: { kind: 'ip', ip: ip('10.0.0.92') },
      to: { kind: 'ip', ip: ip('8.8.8.8') },
      protocol: 6,
      dstPorts: { from: 80, to: 80 },
    });
    assert.equal(a.answer, 'no', JSON.stringify(a));
    if (a.answer !== 'no') return;
    assert.match(a.certificate.recheck, /^unsat/);
    assert.ok(
      a.certificate.blockers.some(
        (b) =>
          b.component.kind === 'internet-gateway' &&
          b.component.id === 'igw-1' &&
          /no public address/.test(b.reason) &&
          b.via[0] === 'host:subnet-pub',
      ),
      JSON.stringify(a.certificate.blockers),
    );
  });

  it('a host address with no ENI reaches the web ENI (no security group of its own) and gets the reply', async () => {
    const a = await ask(m, {
      from: { kind: 'ip', ip: ip('10.0.0.92') },
      to: { kind: 'eni', id: 'eni-web' },
      protocol: 6,
      dstPorts: { from: 22, to: 22 },
    });
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer !== 'yes') return;
    assert.deepEqual(a.witness.start, { kind: 'host', subnetId: 'subnet-pub' });
    assert.equal(a.witness.packet.srcIp, ip('10.0.0.92'));
    assert.equal(a.witness.path.hops[0].component.kind, 'host');
    assert.equal(a.witness.path.outcome, 'accepted');
    if (a.witness.path.outcome !== 'accepted') return;
    const back = a.witness.path.returnTraffic;
    assert.equal(back?.outcome, 'accepted', JSON.stringify(back));
    if (back?.outcome === 'accepted') assert.equal(back.destination.kind, 'host');
  });

  it("an address in no subnet and on no ENI gives don't know", async () => {
    const a = await ask(m, {
      from: { kind: 'ip', ip: ip('10.9.0.1') },
      to: { kind: 'internet' },
    });
    assert.equal(a.answer, 'unknown', JSON.stringify(a));
  });

  it("a missing security group gives don't know naming it", async () => {
    const m3 = publicSubnet({
      enis: [eni('eni-x', 'subnet-pub', 'vpc-1', '10.0.0.60', ['sg-gone'], '3.3.3.3')],
    });
    const a = await ask(m3, { from: { kind: 'internet' }, to: { kind: 'eni', id: 'eni-x' } });
    assert.equal(a.answer, 'unknown', JSON.stringify(a));
    if (a.answer !== 'unknown') return;
    assert.match(a.reason.message, /sg-gone/);
  });
});

describe('arc net reachable (symbolic) through a transit gateway', () => {
  it('eni-1 -> eni-2 tcp/22 over propagated routes: yes, witness replayed both ways', async () => {
    const a = await ask(transitPair(), {
      from: { kind: 'eni', id: 'eni-1' },
      to: { kind: 'eni', id: 'eni-2' },
      protocol: 6,
      dstPorts: { from: 22, to: 22 },
    });
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer !== 'yes' || a.witness.path.outcome !== 'accepted') return;
    const kinds = a.witness.path.hops.map((h) => `${h.component.kind}:${h.component.id}`);
    assert.ok(kinds.includes('transit-gateway-route-table:tgw-rtb-1'), kinds.join(' '));
    assert.ok(kinds.includes('transit-gateway-attachment:att-2'), kinds.join(' '));
    assert.equal(a.witness.path.returnTraffic?.outcome, 'accepted');
  });

  it('a static blackhole route of the same prefix: no, named at the TGW route table', async () => {
    const m = transitPair([
      { DestinationCidrBlock: '10.30.0.0/16', State: 'blackhole', Type: 'static' },
    ]);
    const a = await ask(m, {
      from: { kind: 'eni', id: 'eni-1' },
      to: { kind: 'eni', id: 'eni-2' },
      protocol: 6,
      dstPorts: { from: 22, to: 22 },
    });
    assert.equal(a.answer, 'no', JSON.stringify(a));
    if (a.answer !== 'no') return;
    assert.ok(
      a.certificate.blockers.some(
        (b) =>
          b.component.kind === 'transit-gateway-route-table' &&
          b.component.id === 'tgw-rtb-1' &&
          /blackhole/.test(b.reason),
      ),
      JSON.stringify(a.certificate.blockers),
    );
  });

  it('a TGW route back to the VPC it came from: no, a forwarding loop (as the forwarder finds)', async () => {
    const m = transitPair([
      {
        DestinationCidrBlock: '10.99.0.0/16',
        State: 'active',
        Type: 'static',
        TransitGatewayAttachments: [{ TransitGatewayAttachmentId: 'att-1' }],
      },
    ]);
    const a = await ask(m, {
      from: { kind: 'eni', id: 'eni-1' },
      to: { kind: 'ip', ip: ip('10.99.0.1') },
      protocol: 6,
      dstPorts: { from: 22, to: 22 },
    });
    assert.equal(a.answer, 'no', JSON.stringify(a));
    if (a.answer !== 'no') return;
    assert.ok(
      a.certificate.blockers.some(
        (b) => b.component.id === 'loop' && /forwarding loop/.test(b.reason),
      ),
      JSON.stringify(a.certificate.blockers),
    );
  });

  it("no route, but a VPN attachment propagates into the table: don't know naming it", async () => {
    const m = transitPair([], [{ TransitGatewayAttachmentId: 'att-vpn', State: 'enabled' }]);
    const a = await ask(m, {
      from: { kind: 'eni', id: 'eni-1' },
      to: { kind: 'ip', ip: ip('10.99.0.1') },
      protocol: 6,
      dstPorts: { from: 22, to: 22 },
    });
    assert.equal(a.answer, 'unknown', JSON.stringify(a));
    if (a.answer !== 'unknown') return;
    assert.match(a.reason.message, /att-vpn \(vpn\)/);
  });
});
