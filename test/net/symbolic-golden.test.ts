/**
 * Golden tests of the symbolic engine on the hand-built snapshots the
 * forwarder's golden tests use (NAT gateway, VPC peering, security-group
 * references, overlapping routes, an ENI without a public IP, NACL
 * shadowing): each checks the verdict and its evidence — for yes the witness
 * packet and the hops of its replay (component ids, translated addresses),
 * for no every blocker (component and reason) and the re-checked proof.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ForwardResult, Hop } from '../../src/net/forward/index.js';
import { formatIpv4, isPrivateIpv4 } from '../../src/core/ip.js';
import type { NetworkModel } from '../../src/net/model.js';
import type { ReachQuery } from '../../src/net/symbolic/query.js';
import { decideReachable, type ReachDecision as ReachAnswer } from '../../src/net/answer.js';
import type { Blocker } from '../../src/net/symbolic/reachable.js';
import { stopSolvers } from '../../src/smt/index.js';
import {
  allowAll,
  eni,
  ip,
  natVpc,
  peeredVpcs,
  publicSubnet,
  sg,
  transitPair,
} from './fixtures.js';

after(() => stopSolvers());

type Accepted = Extract<ForwardResult, { outcome: 'accepted' }>;
type Yes = Extract<ReachAnswer, { answer: 'yes' }>;

function ask(m: NetworkModel, q: ReachQuery): Promise<ReachAnswer> {
  return decideReachable(m, q, { timeoutMs: 20_000 });
}

/** A yes whose witness was replayed to acceptance, its reply too. */
function yes(a: ReachAnswer): Yes {
  assert.equal(a.answer, 'yes', JSON.stringify(a));
  const y = a as Extract<ReachAnswer, { answer: 'yes' }>;
  assert.equal(y.witness.path.outcome, 'accepted');
  const r = y.witness.path as Accepted;
  assert.equal(r.returnTraffic?.outcome, 'accepted', JSON.stringify(r.returnTraffic));
  return y as Yes;
}

/** A no with a re-checked proof; its blockers as `kind:id reason`. */
function no(a: ReachAnswer): readonly Blocker[] {
  assert.equal(a.answer, 'no', JSON.stringify(a));
  const n = a as Extract<ReachAnswer, { answer: 'no' }>;
  assert.match(n.certificate.recheck, /^unsat/);
  assert.match(n.certificate.smtlib, /\(check-sat\)/);
  return n.certificate.blockers;
}

function ids(r: ForwardResult): string[] {
  return r.hops.map((h) => `${h.component.kind}:${h.component.id}`);
}

function hopOf(r: ForwardResult, id: string): Hop {
  const h = r.hops.find((x) => `${x.component.kind}:${x.component.id}` === id);
  assert.ok(h, `${id} not in ${ids(r).join(' ')}`);
  return h;
}

function back(y: Yes): Accepted {
  return y.witness.path.returnTraffic as Accepted;
}

const ipText = (v: number) => formatIpv4(v);

describe('symbolic: private subnet behind a NAT gateway', () => {
  const m = natVpc();
  const priv = { kind: 'eni', id: 'eni-priv' } as const;

  it('eni-priv -> internet tcp/80: yes, source NAT to the NAT private IP, then to its Elastic IP', async () => {
    const a = yes(
      await ask(m, {
        from: priv,
        to: { kind: 'internet' },
        protocol: 6,
        dstPorts: { from: 80, to: 80 },
      }),
    );
    assert.equal(ipText(a.witness.packet.srcIp), '10.1.1.10');
    assert.equal(a.witness.packet.protocol, 6);
    assert.equal(a.witness.packet.dstPort, 80);
    assert.ok(!isPrivateIpv4(a.witness.packet.dstIp), ipText(a.witness.packet.dstIp));
    assert.notEqual(ipText(a.witness.packet.dstIp), '3.135.127.225');
    assert.deepEqual(a.witness.start, { kind: 'eni', id: 'eni-priv' });
    const r = a.witness.path;
    assert.deepEqual(r.destination, { kind: 'internet' });
    assert.deepEqual(ids(r), [
      'network-interface:eni-priv',
      'security-group:sg-priv',
      'network-acl:acl-n',
      'route-table:rtb-priv',
      'network-acl:acl-n',
      'nat-gateway:nat-1',
      'network-acl:acl-n',
      'route-table:rtb-pub',
      'internet-gateway:igw-n',
      'internet:internet',
    ]);
    assert.match(hopOf(r, 'route-table:rtb-priv').rule, /^0\.0\.0\.0\/0 -> nat-1$/);
    assert.match(hopOf(r, 'route-table:rtb-pub').rule, /^0\.0\.0\.0\/0 -> igw-n$/);
    const nat = hopOf(r, 'nat-gateway:nat-1');
    assert.equal(nat.step, 'source NAT');
    assert.equal(ipText(nat.packet.srcIp), '10.1.250.210');
    assert.equal(nat.packet.dstIp, a.witness.packet.dstIp);
    const igw = hopOf(r, 'internet-gateway:igw-n');
    assert.equal(igw.step, 'source NAT');
    assert.equal(ipText(igw.packet.srcIp), '3.135.127.225');
    assert.equal(igw.packet.dstIp, a.witness.packet.dstIp);
    assert.equal(igw.packet.dstPort, 80);
    // The reply comes back to the Elastic IP, is translated by the IGW and then by the NAT gateway.
    const b = back(a);
    assert.deepEqual(b.destination, { kind: 'network-interface', id: 'eni-priv' });
    assert.equal(ipText(b.hops[0].packet.dstIp), '3.135.127.225');
    assert.equal(ipText(hopOf(b, 'internet-gateway:igw-n').packet.dstIp), '10.1.250.210');
    const natBack = hopOf(b, 'nat-gateway:nat-1');
    assert.equal(natBack.step, 'destination NAT (reply)');
    assert.equal(ipText(natBack.packet.dstIp), '10.1.1.10');
    assert.equal(natBack.packet.dstPort, a.witness.packet.srcPort);
    assert.equal(b.hops[b.hops.length - 1].component.id, 'eni-priv');
  });

  it('eni-priv -> internet icmp: yes through both translations', async () => {
    const a = yes(await ask(m, { from: priv, to: { kind: 'internet' }, protocol: 1 }));
    assert.equal(a.witness.packet.protocol, 1);
    assert.ok(a.witness.packet.icmpType !== undefined && a.witness.packet.icmpType <= 255);
    assert.equal(
      ipText(hopOf(a.witness.path, 'internet-gateway:igw-n').packet.srcIp),
      '3.135.127.225',
    );
    assert.ok(ids(back(a)).includes('nat-gateway:nat-1'));
  });

  it('eni-priv -> internet GRE (protocol 47): no, the NAT gateway translates only TCP, UDP and ICMP', async () => {
    const blockers = no(await ask(m, { from: priv, to: { kind: 'internet' }, protocol: 47 }));
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    const [b] = blockers;
    assert.deepEqual(b.component, { kind: 'nat-gateway', id: 'nat-1' });
    assert.match(b.reason, /NAT gateway nat-1 translates only TCP, UDP and ICMP, not protocol 47/);
    // It got as far as the NAT gateway's subnet (route 0/0 -> nat-1, NACL ingress of subnet-pub).
    assert.deepEqual(b.via, [
      'network-interface:eni-priv',
      'security-group:sg-priv',
      'network-acl:acl-n',
      'route-table:rtb-priv',
      'network-acl:acl-n',
    ]);
  });

  it('internet -> the NAT Elastic IP: no, a NAT gateway accepts no connection started outside', async () => {
    const blockers = no(
      await ask(m, { from: { kind: 'internet' }, to: { kind: 'ip', ip: ip('3.135.127.225') } }),
    );
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    assert.deepEqual(blockers[0].component, { kind: 'nat-gateway', id: 'nat-1' });
    assert.match(blockers[0].reason, /nat-1 accepts no connection started from outside/);
    assert.deepEqual(blockers[0].via, [
      'internet:internet',
      'internet-gateway:igw-n',
      'network-acl:acl-n',
    ]);
  });

  it('internet -> a public IP in the NAT-routed subnet: no, the reply would leave through the NAT gateway', async () => {
    const m2 = natVpc({
      sgs: [
        sg('sg-ssh', 'vpc-n', [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        ]),
      ],
      enis: [eni('eni-x', 'subnet-priv', 'vpc-n', '10.1.1.20', ['sg-ssh'], '3.3.3.3')],
    });
    const blockers = no(
      await ask(m2, {
        from: { kind: 'internet' },
        to: { kind: 'ip', ip: ip('3.3.3.3') },
        protocol: 6,
        dstPorts: { from: 22, to: 22 },
      }),
    );
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    assert.deepEqual(blockers[0].component, { kind: 'nat-gateway', id: 'nat-1' });
    assert.match(blockers[0].reason, /reply routed to NAT gateway nat-1 .* \(asymmetric route\)/);
    // The request got in: the reply was stopped after the route to nat-1.
    const via = blockers[0].via;
    assert.ok(via.includes('network-interface:eni-x') && via.includes('reply'), via.join(' '));
    assert.equal(via[via.length - 1], 'network-acl:acl-n');
  });

  it('internet -> eni-priv (no public IP): no, its private address is not reachable', async () => {
    const blockers = no(await ask(m, { from: { kind: 'internet' }, to: priv }));
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    assert.deepEqual(blockers[0].component, { kind: 'internet', id: 'internet' });
    assert.match(blockers[0].reason, /10\.1\.1\.10 is a private address/);
  });
});

describe('symbolic: an ENI without a public IP behind an internet gateway', () => {
  it('-> internet: no, stopped at the IGW only (the 0.0.0.0/0 route leaves no "no route" case)', async () => {
    const m = publicSubnet({
      enis: [eni('eni-priv', 'subnet-pub', 'vpc-1', '10.0.0.50', ['sg-web'])],
    });
    const blockers = no(
      await ask(m, { from: { kind: 'eni', id: 'eni-priv' }, to: { kind: 'internet' } }),
    );
    assert.deepEqual(
      blockers.map((b) => [`${b.component.kind}:${b.component.id}`, b.reason]),
      [
        [
          'internet-gateway:igw-1',
          'internet gateway igw-1 has no public address for 10.0.0.50 (no public or Elastic IP is associated with it)',
        ],
      ],
    );
    assert.deepEqual(blockers[0].via, [
      'network-interface:eni-priv',
      'security-group:sg-web',
      'network-acl:acl-1',
      'route-table:rtb-pub',
    ]);
  });
});

describe('symbolic: VPC peering', () => {
  const app = { kind: 'eni', id: 'eni-app' } as const;
  const b = { kind: 'eni', id: 'eni-b' } as const;
  const tcp443 = { protocol: 6, dstPorts: { from: 443, to: 443 } } as const;
  const routeBack = [{ DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: 'pcx-1' }];

  it('no route back in vpc-b: no — the request arrives at eni-b, the reply has no route', async () => {
    const blockers = no(await ask(peeredVpcs([]), { from: app, to: b, ...tcp443 }));
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    const [x] = blockers;
    assert.deepEqual(x.component, { kind: 'route-table', id: 'rtb-b' });
    assert.equal(x.reason, 'route table rtb-b has no route to 10.0.1.10');
    // The request went through the peering and was received; the reply was stopped.
    const reply = x.via.indexOf('reply');
    assert.ok(reply > 0, x.via.join(' '));
    assert.deepEqual(x.via.slice(0, reply), [
      'network-interface:eni-app',
      'security-group:sg-app',
      'network-acl:acl-a',
      'route-table:rtb-a',
      'vpc-peering:pcx-1',
      'network-acl:acl-b',
      'security-group:sg-b',
      'network-interface:eni-b',
    ]);
    assert.deepEqual(x.via.slice(reply + 1), [
      'network-interface:eni-b',
      'security-group:sg-b',
      'network-acl:acl-b',
    ]);
  });

  it('no route back in vpc-b: eni-b -> eni-app is stopped at once, at rtb-b', async () => {
    const blockers = no(await ask(peeredVpcs([]), { from: b, to: app }));
    assert.deepEqual(
      blockers.map((x) => [x.component.id, x.reason, x.via.includes('reply')]),
      [['rtb-b', 'route table rtb-b has no route to 10.0.1.10', false]],
    );
  });

  it('routes on both sides: yes, through pcx-1 both ways', async () => {
    const a = yes(await ask(peeredVpcs(routeBack), { from: app, to: b, ...tcp443 }));
    assert.equal(ipText(a.witness.packet.srcIp), '10.0.1.10');
    assert.equal(ipText(a.witness.packet.dstIp), '10.1.1.10');
    assert.equal(a.witness.packet.protocol, 6);
    assert.equal(a.witness.packet.dstPort, 443);
    assert.deepEqual(a.witness.path.destination, { kind: 'network-interface', id: 'eni-b' });
    assert.deepEqual(ids(a.witness.path), [
      'network-interface:eni-app',
      'security-group:sg-app',
      'network-acl:acl-a',
      'route-table:rtb-a',
      'vpc-peering:pcx-1',
      'network-acl:acl-b',
      'security-group:sg-b',
      'network-interface:eni-b',
    ]);
    assert.equal(hopOf(a.witness.path, 'route-table:rtb-a').rule, '10.1.0.0/16 -> pcx-1');
    assert.equal(hopOf(a.witness.path, 'vpc-peering:pcx-1').rule, 'vpc-a -> vpc-b');
    assert.match(hopOf(a.witness.path, 'security-group:sg-b').rule, /from 10\.0\.0\.0\/8/);
    // No translation across a peering.
    for (const h of a.witness.path.hops) assert.equal(h.packet.srcIp, a.witness.packet.srcIp);
    const r = back(a);
    assert.deepEqual(r.destination, { kind: 'network-interface', id: 'eni-app' });
    assert.equal(hopOf(r, 'route-table:rtb-b').rule, '10.0.0.0/16 -> pcx-1');
    assert.equal(hopOf(r, 'vpc-peering:pcx-1').rule, 'vpc-b -> vpc-a');
  });

  it('not transitive: 10.2.0.5 is routed to pcx-1 by vpc-a but is not in vpc-b — no', async () => {
    const blockers = no(
      await ask(peeredVpcs(routeBack), {
        from: app,
        to: { kind: 'ip', ip: ip('10.2.0.5') },
        ...tcp443,
      }),
    );
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    assert.deepEqual(blockers[0].component, { kind: 'vpc-peering', id: 'pcx-1' });
    assert.equal(blockers[0].reason, '10.2.0.5 is not in vpc-b; VPC peering is not transitive');
    assert.equal(blockers[0].via[blockers[0].via.length - 1], 'route-table:rtb-a');
  });
});

describe('symbolic: security-group references', () => {
  const m = peeredVpcs([]);
  const db = { kind: 'eni', id: 'eni-db' } as const;

  it('a member of the referenced group (eni-app in sg-app) -> eni-db, any protocol: yes, only tcp/5432', async () => {
    const a = yes(await ask(m, { from: { kind: 'eni', id: 'eni-app' }, to: db }));
    // sg-db admits nothing else, so the solver must find exactly that hole.
    assert.equal(a.witness.packet.protocol, 6);
    assert.equal(a.witness.packet.dstPort, 5432);
    assert.equal(ipText(a.witness.packet.srcIp), '10.0.1.10');
    assert.equal(ipText(a.witness.packet.dstIp), '10.0.2.20');
    assert.deepEqual(ids(a.witness.path), [
      'network-interface:eni-app',
      'security-group:sg-app',
      'network-acl:acl-a',
      'route-table:rtb-a',
      'network-acl:acl-a',
      'security-group:sg-db',
      'network-interface:eni-db',
    ]);
    const rule = hopOf(a.witness.path, 'security-group:sg-db');
    assert.equal(rule.step, 'ingress');
    assert.equal(rule.rule, 'tcp/5432 from members of sg-app (eni-app)');
    assert.equal(rule.source?.jsonPath, 'SecurityGroups[2].IpPermissions[0]');
  });

  it('a non-member (eni-other in sg-other) -> eni-db tcp/5432: no, at sg-db', async () => {
    const blockers = no(
      await ask(m, {
        from: { kind: 'eni', id: 'eni-other' },
        to: db,
        protocol: 6,
        dstPorts: { from: 5432, to: 5432 },
      }),
    );
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    assert.deepEqual(blockers[0].component, { kind: 'security-group', id: 'sg-db' });
    assert.equal(
      blockers[0].reason,
      'security group sg-db on eni-db has no inbound rule for tcp/5432 from 10.0.1.11',
    );
  });

  it('a non-member, any protocol and port: no, and sg-db is the only blocker', async () => {
    const blockers = no(await ask(m, { from: { kind: 'eni', id: 'eni-other' }, to: db }));
    assert.deepEqual(
      blockers.map((x) => `${x.component.kind}:${x.component.id}`),
      ['security-group:sg-db'],
    );
    assert.match(blockers[0].reason, /^security group sg-db on eni-db has no inbound rule for /);
  });
});

describe('symbolic: overlapping routes', () => {
  // 8.8.8.0/24 is a blackhole inside 0.0.0.0/0 -> igw-1, and 8.8.8.8/32 -> igw-1 inside that.
  const m = publicSubnet({
    routes: [
      { DestinationCidrBlock: '8.8.8.0/24', NatGatewayId: 'nat-deleted', State: 'blackhole' },
      { DestinationCidrBlock: '8.8.8.8/32', GatewayId: 'igw-1', State: 'active' },
    ],
  });
  const web = { kind: 'eni', id: 'eni-web' } as const;
  const tcp443 = { protocol: 6, dstPorts: { from: 443, to: 443 } } as const;

  it('8.8.8.8: the /32 wins over the blackhole /24 — yes, with source NAT to the public IP', async () => {
    const a = yes(await ask(m, { from: web, to: { kind: 'ip', ip: ip('8.8.8.8') }, ...tcp443 }));
    assert.equal(ipText(a.witness.packet.srcIp), '10.0.0.91');
    assert.equal(ipText(a.witness.packet.dstIp), '8.8.8.8');
    assert.deepEqual(ids(a.witness.path), [
      'network-interface:eni-web',
      'security-group:sg-web',
      'network-acl:acl-1',
      'route-table:rtb-pub',
      'internet-gateway:igw-1',
      'internet:internet',
    ]);
    assert.equal(hopOf(a.witness.path, 'route-table:rtb-pub').rule, '8.8.8.8/32 -> igw-1');
    assert.equal(
      ipText(hopOf(a.witness.path, 'internet-gateway:igw-1').packet.srcIp),
      '18.216.80.133',
    );
  });

  it('8.8.8.9: the blackhole /24 wins over 0.0.0.0/0 — no, named with its route', async () => {
    const blockers = no(
      await ask(m, { from: web, to: { kind: 'ip', ip: ip('8.8.8.9') }, ...tcp443 }),
    );
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    assert.deepEqual(blockers[0].component, { kind: 'route-table', id: 'rtb-pub' });
    assert.equal(
      blockers[0].reason,
      'route table rtb-pub route 8.8.8.0/24 -> nat-deleted is a blackhole',
    );
  });

  it('1.1.1.1: only 0.0.0.0/0 matches — yes', async () => {
    const a = yes(await ask(m, { from: web, to: { kind: 'ip', ip: ip('1.1.1.1') }, ...tcp443 }));
    assert.equal(hopOf(a.witness.path, 'route-table:rtb-pub').rule, '0.0.0.0/0 -> igw-1');
  });

  it('every other address blackholed by two /1 routes: the witness to the internet is the one /32 hole', async () => {
    const m2 = publicSubnet({
      routes: [
        { DestinationCidrBlock: '0.0.0.0/1', NatGatewayId: 'nat-deleted', State: 'blackhole' },
        { DestinationCidrBlock: '128.0.0.0/1', NatGatewayId: 'nat-deleted', State: 'blackhole' },
        { DestinationCidrBlock: '8.8.8.8/32', GatewayId: 'igw-1', State: 'active' },
      ],
    });
    const a = yes(await ask(m2, { from: web, to: { kind: 'internet' } }));
    assert.equal(ipText(a.witness.packet.dstIp), '8.8.8.8');
    assert.equal(hopOf(a.witness.path, 'route-table:rtb-pub').rule, '8.8.8.8/32 -> igw-1');
    // 8.8.8.9 falls in 0.0.0.0/1.
    const blockers = no(
      await ask(m2, { from: web, to: { kind: 'ip', ip: ip('8.8.8.9') }, ...tcp443 }),
    );
    assert.deepEqual(
      blockers.map((x) => x.reason),
      ['route table rtb-pub route 0.0.0.0/1 -> nat-deleted is a blackhole'],
    );
  });
});

describe('symbolic: a NACL deny shadowing an allow', () => {
  const m = publicSubnet({
    sgIngress: [
      { IpProtocol: 'tcp', FromPort: 20, ToPort: 25, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ],
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
  const to = { kind: 'ip', ip: ip('18.216.80.133') } as const;

  it('tcp/22: no, rule 100 denies it before rule 200 allows it', async () => {
    const blockers = no(
      await ask(m, { from: { kind: 'internet' }, to, protocol: 6, dstPorts: { from: 22, to: 22 } }),
    );
    assert.equal(blockers.length, 1, JSON.stringify(blockers));
    assert.deepEqual(blockers[0].component, { kind: 'network-acl', id: 'acl-1' });
    assert.match(blockers[0].reason, /^network ACL acl-1 rule 100 denies inbound tcp\/22 from /);
    // Stopped on the way in: nothing after the NACL (a filter's `via` ends with the filter itself).
    assert.deepEqual(blockers[0].via.slice(0, 2), ['internet:internet', 'internet-gateway:igw-1']);
    assert.ok(
      !blockers[0].via.some((v) => v.startsWith('security-group')),
      blockers[0].via.join(' '),
    );
  });

  it('tcp/20-25: yes, with a witness port other than 22, let in by rule 200', async () => {
    const a = yes(
      await ask(m, { from: { kind: 'internet' }, to, protocol: 6, dstPorts: { from: 20, to: 25 } }),
    );
    assert.ok(
      a.witness.packet.dstPort !== undefined && a.witness.packet.dstPort !== 22,
      String(a.witness.packet.dstPort),
    );
    assert.ok(a.witness.packet.dstPort >= 20 && a.witness.packet.dstPort <= 25);
    assert.match(
      hopOf(a.witness.path, 'network-acl:acl-1').rule,
      /^rule 200 allows all traffic from 0\.0\.0\.0\/0/,
    );
    assert.equal(ipText(hopOf(a.witness.path, 'internet-gateway:igw-1').packet.dstIp), '10.0.0.91');
  });
});

describe('symbolic: a catch-all transit gateway route', () => {
  it('a static 0.0.0.0/0 blackhole covers every destination: no, not "don\'t know" for the VPN propagation', async () => {
    // vpc-1 sends everything to tgw-1; tgw-rtb-1 has a static 0.0.0.0/0 blackhole and a
    // propagation from a VPN attachment whose routes the snapshot cannot tell. Those routes
    // cannot matter: no prefix is shorter than /0 and the static route wins a /0 tie.
    const m = transitPair(
      [{ DestinationCidrBlock: '0.0.0.0/0', State: 'blackhole', Type: 'static' }],
      [{ TransitGatewayAttachmentId: 'att-vpn', State: 'enabled' }],
      '0.0.0.0/0',
    );
    const blockers = no(
      await ask(m, { from: { kind: 'eni', id: 'eni-1' }, to: { kind: 'internet' } }),
    );
    assert.deepEqual(
      blockers.map((x) => [`${x.component.kind}:${x.component.id}`, x.reason]),
      [
        [
          'transit-gateway-route-table:tgw-rtb-1',
          'transit gateway route table tgw-rtb-1 route 0.0.0.0/0 is a blackhole',
        ],
      ],
    );
  });
});
