/** Golden tests of the concrete forwarder on hand-written snapshots. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { forward, type ForwardResult } from '../../src/net/forward/index.js';
import { formatIpv4 } from '../../src/core/ip.js';
import {
  acl,
  allowAll,
  eni,
  model,
  natVpc,
  peeredVpcs,
  publicSubnet,
  rtb,
  send,
  sg,
  subnet,
  tcp,
  transitPair,
  vpc,
  ip,
} from './fixtures.js';

function accepted(r: ForwardResult): Extract<ForwardResult, { outcome: 'accepted' }> {
  assert.equal(r.outcome, 'accepted', JSON.stringify(r, null, 1));
  return r as Extract<ForwardResult, { outcome: 'accepted' }>;
}

function dropped(r: ForwardResult, kind: string, id: string, reason: RegExp): void {
  assert.equal(r.outcome, 'dropped', JSON.stringify(r, null, 1));
  if (r.outcome !== 'dropped') return;
  assert.equal(r.component.kind, kind);
  assert.equal(r.component.id, id);
  assert.match(r.reason, reason);
}

function kinds(r: ForwardResult): string[] {
  return r.hops.map((h) => `${h.component.kind}:${h.component.id}`);
}

describe('public subnet with an internet gateway', () => {
  const m = publicSubnet();

  it('internet -> public IP tcp/22 is allowed by the security group, with destination NAT', () => {
    const r = accepted(send(m, { kind: 'internet' }, tcp('8.8.8.8', '18.216.80.133', 22)));
    assert.deepEqual(r.destination, { kind: 'network-interface', id: 'eni-web' });
    assert.deepEqual(kinds(r), [
      'internet:internet',
      'internet-gateway:igw-1',
      'network-acl:acl-1',
      'security-group:sg-web',
      'network-interface:eni-web',
    ]);
    const igw = r.hops[1];
    assert.equal(igw.step, 'destination NAT');
    assert.equal(formatIpv4(igw.packet.dstIp), '10.0.0.91');
    assert.match(r.hops[3].rule, /tcp\/22 from 0\.0\.0\.0\/0/);
    assert.equal(r.hops[3].source?.jsonPath, 'SecurityGroups[0].IpPermissions[0]');
    // The reply goes back out through the IGW, translated to the public IP again.
    const back = accepted(r.returnTraffic as ForwardResult);
    assert.deepEqual(back.destination, { kind: 'internet' });
    const last = back.hops[back.hops.length - 1].packet;
    assert.equal(formatIpv4(last.srcIp), '18.216.80.133');
    assert.equal(last.srcPort, 22);
  });

  it('internet -> public IP tcp/80 is dropped at the security group', () => {
    const r = send(m, { kind: 'internet' }, tcp('8.8.8.8', '18.216.80.133', 80));
    dropped(
      r,
      'security-group',
      'sg-web',
      /security group sg-web on eni-web has no inbound rule for tcp\/80 from 8\.8\.8\.8/,
    );
    assert.equal(formatIpv4(r.hops[1].packet.dstIp), '10.0.0.91');
  });

  it('the instance reaches 8.8.8.8 with source NAT to its public IP', () => {
    const r = accepted(send(m, { kind: 'eni', id: 'eni-web' }, tcp('10.0.0.91', '8.8.8.8', 443)));
    assert.deepEqual(r.destination, { kind: 'internet' });
    const nat = r.hops.find((h) => h.component.kind === 'internet-gateway');
    assert.equal(nat?.step, 'source NAT');
    assert.equal(formatIpv4(nat?.packet.srcIp ?? 0), '18.216.80.133');
    assert.match(
      r.hops.find((h) => h.component.kind === 'route-table')?.rule ?? '',
      /0\.0\.0\.0\/0 -> igw-1/,
    );
    assert.equal(accepted(r.returnTraffic as ForwardResult).destination.kind, 'network-interface');
  });

  it('private and unknown public addresses are not reachable from the internet', () => {
    dropped(
      send(m, { kind: 'internet' }, tcp('8.8.8.8', '10.0.0.91', 22)),
      'internet',
      'internet',
      /private address/,
    );
    dropped(
      send(m, { kind: 'internet' }, tcp('8.8.8.8', '54.191.107.23', 22)),
      'internet',
      'internet',
      /no resource in the snapshot owns/,
    );
  });

  it('an ENI without a public IP cannot use the internet gateway', () => {
    const m2 = publicSubnet({
      enis: [eni('eni-nopub', 'subnet-pub', 'vpc-1', '10.0.0.50', ['sg-web'])],
    });
    dropped(
      send(m2, { kind: 'eni', id: 'eni-nopub' }, tcp('10.0.0.50', '8.8.8.8', 80)),
      'internet-gateway',
      'igw-1',
      /no public address for 10\.0\.0\.50/,
    );
    // Same for a host of the subnet that has no ENI in the snapshot.
    dropped(
      send(m2, { kind: 'host', subnetId: 'subnet-pub' }, tcp('10.0.0.92', '8.8.8.8', 80)),
      'internet-gateway',
      'igw-1',
      /no public address/,
    );
  });

  it('a spoofed source address is dropped by the source/destination check', () => {
    dropped(
      send(m, { kind: 'eni', id: 'eni-web' }, tcp('10.0.0.99', '8.8.8.8', 80)),
      'network-interface',
      'eni-web',
      /source\/destination check/,
    );
  });
});

describe('network ACLs', () => {
  it('a deny rule shadows a later allow (rule-number order, not file order)', () => {
    const m = publicSubnet({
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
    const r = send(m, { kind: 'internet' }, tcp('8.8.8.8', '18.216.80.133', 22));
    dropped(
      r,
      'network-acl',
      'acl-1',
      /network ACL acl-1 rule 100 denies inbound tcp\/22 from 8\.8\.8\.8/,
    );
    if (r.outcome === 'dropped') assert.equal(r.source?.jsonPath, 'NetworkAcls[0].Entries[1]');
    // Another port is let through by rule 200.
    dropped(
      send(m, { kind: 'internet' }, tcp('8.8.8.8', '18.216.80.133', 80)),
      'security-group',
      'sg-web',
      /tcp\/80/,
    );
  });

  it('without a matching entry the final implicit deny applies', () => {
    const m = publicSubnet({ acl: [...allowAll(true)] });
    dropped(
      send(m, { kind: 'internet' }, tcp('8.8.8.8', '18.216.80.133', 22)),
      'network-acl',
      'acl-1',
      /rule \* \(the final implicit deny\)/,
    );
  });

  it('stateless: the reply is checked again (no egress rule for ephemeral ports)', () => {
    const m = publicSubnet({
      acl: [
        ...allowAll(false),
        {
          CidrBlock: '0.0.0.0/0',
          Egress: true,
          Protocol: '6',
          PortRange: { From: 80, To: 80 },
          RuleAction: 'allow',
          RuleNumber: 100,
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: true,
          Protocol: '-1',
          RuleAction: 'deny',
          RuleNumber: 32767,
        },
      ],
    });
    const r = accepted(send(m, { kind: 'internet' }, tcp('8.8.8.8', '18.216.80.133', 22, 50000)));
    dropped(
      r.returnTraffic as ForwardResult,
      'network-acl',
      'acl-1',
      /rule 32767 denies outbound tcp\/50000 to 8\.8\.8\.8 \(return traffic\)/,
    );
  });
});

describe('routes', () => {
  const m = publicSubnet({
    routes: [
      { DestinationCidrBlock: '8.8.8.0/24', NatGatewayId: 'nat-deleted', State: 'blackhole' },
      { DestinationCidrBlock: '8.8.8.8/32', GatewayId: 'igw-1', State: 'active' },
    ],
  });
  const from = { kind: 'eni', id: 'eni-web' } as const;

  it('the longest prefix wins over overlapping routes', () => {
    const r = accepted(send(m, from, tcp('10.0.0.91', '8.8.8.8', 443)));
    assert.match(
      r.hops.find((h) => h.component.kind === 'route-table')?.rule ?? '',
      /8\.8\.8\.8\/32 -> igw-1/,
    );
    accepted(send(m, from, tcp('10.0.0.91', '1.1.1.1', 443)));
  });

  it('a blackhole route drops', () => {
    dropped(
      send(m, from, tcp('10.0.0.91', '8.8.8.9', 443)),
      'route-table',
      'rtb-pub',
      /8\.8\.8\.0\/24 -> nat-deleted is a blackhole/,
    );
  });

  it('no route drops, naming the table and the address', () => {
    const m2 = model(
      { Vpcs: [vpc('vpc-1', '10.0.0.0/16')] },
      { Subnets: [subnet('subnet-a', 'vpc-1', '10.0.0.0/24')] },
      {
        RouteTables: [
          rtb(
            'rtb-main',
            'vpc-1',
            [],
            [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }],
            true,
          ),
        ],
      },
      { NetworkAcls: [acl('acl-d', 'vpc-1', [], [...allowAll(true), ...allowAll(false)], true)] },
      { SecurityGroups: [sg('sg-a', 'vpc-1', [])] },
      { NetworkInterfaces: [eni('eni-a', 'subnet-a', 'vpc-1', '10.0.0.5', ['sg-a'])] },
    );
    const r = send(m2, { kind: 'eni', id: 'eni-a' }, tcp('10.0.0.5', '8.8.8.8', 80));
    dropped(r, 'route-table', 'rtb-main', /route table rtb-main has no route to 8\.8\.8\.8/);
    // The main table and default ACL were used: the subnet has no explicit association.
    assert.match(
      r.hops.find((h) => h.component.kind === 'route-table')?.step ?? 'route (main table of vpc-1)',
      /main table of vpc-1/,
    );
  });

  it('a subnet whose route table is not in the snapshot gives missing, not a guess', () => {
    const m2 = model(
      { Subnets: [subnet('subnet-a', 'vpc-1', '10.0.0.0/24')] },
      { NetworkAcls: [acl('acl-d', 'vpc-1', [], [...allowAll(true), ...allowAll(false)], true)] },
      { SecurityGroups: [sg('sg-a', 'vpc-1', [])] },
      { NetworkInterfaces: [eni('eni-a', 'subnet-a', 'vpc-1', '10.0.0.5', ['sg-a'])] },
    );
    const r = send(m2, { kind: 'eni', id: 'eni-a' }, tcp('10.0.0.5', '8.8.8.8', 80));
    assert.equal(r.outcome, 'missing');
    if (r.outcome === 'missing') assert.match(r.missing, /route table of subnet-a/);
  });
});

describe('private subnet behind a NAT gateway', () => {
  const m = natVpc();

  it('outbound works, both ways, through the NAT gateway and the internet gateway', () => {
    const r = accepted(send(m, { kind: 'eni', id: 'eni-priv' }, tcp('10.1.1.10', '8.8.8.8', 80)));
    const nat = r.hops.find((h) => h.component.kind === 'nat-gateway');
    assert.equal(formatIpv4(nat?.packet.srcIp ?? 0), '10.1.250.210');
    const igw = r.hops.find((h) => h.component.kind === 'internet-gateway');
    assert.equal(formatIpv4(igw?.packet.srcIp ?? 0), '3.135.127.225');
    const back = accepted(r.returnTraffic as ForwardResult);
    assert.deepEqual(back.destination, { kind: 'network-interface', id: 'eni-priv' });
    assert.ok(kinds(back).includes('nat-gateway:nat-1'));
    assert.equal(formatIpv4(back.hops[back.hops.length - 1].packet.dstIp), '10.1.1.10');
  });

  it('unsolicited inbound to the NAT public IP is dropped at the NAT gateway', () => {
    dropped(
      send(m, { kind: 'internet' }, tcp('8.8.8.8', '3.135.127.225', 80)),
      'nat-gateway',
      'nat-1',
      /accepts no connection started from outside/,
    );
  });

  it('GRE (protocol 47) is dropped at the NAT gateway', () => {
    const p = { srcIp: ip('10.1.1.10'), dstIp: ip('8.8.8.8'), protocol: 47 };
    dropped(
      send(m, { kind: 'eni', id: 'eni-priv' }, p),
      'nat-gateway',
      'nat-1',
      /only TCP, UDP and ICMP, not protocol 47/,
    );
  });

  it('a reply routed into the NAT gateway (asymmetric route) is dropped there', () => {
    // eni-x has a public IP but sits in the private subnet, whose default route is nat-1: the
    // request from the internet comes in through the IGW, the reply would go out through the
    // NAT gateway and reach the client from 3.135.127.225 instead of 3.3.3.3.
    const m2 = natVpc({
      sgs: [
        sg('sg-ssh', 'vpc-n', [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        ]),
      ],
      enis: [eni('eni-x', 'subnet-priv', 'vpc-n', '10.1.1.20', ['sg-ssh'], '3.3.3.3')],
    });
    const r = accepted(send(m2, { kind: 'internet' }, tcp('8.8.8.8', '3.3.3.3', 22)));
    assert.deepEqual(r.destination, { kind: 'network-interface', id: 'eni-x' });
    dropped(r.returnTraffic as ForwardResult, 'nat-gateway', 'nat-1', /asymmetric route/);
    // eni-x's own connections out still use the NAT gateway.
    accepted(send(m2, { kind: 'eni', id: 'eni-x' }, tcp('10.1.1.20', '8.8.8.8', 443)));
  });

  it('ICMP echo goes out and the echo reply comes back', () => {
    const p = {
      srcIp: ip('10.1.1.10'),
      dstIp: ip('8.8.8.8'),
      protocol: 1,
      icmpType: 8,
      icmpCode: 0,
    };
    const r = accepted(send(m, { kind: 'eni', id: 'eni-priv' }, p));
    const back = accepted(r.returnTraffic as ForwardResult);
    assert.equal(back.hops[0].packet.icmpType, 0);
  });
});

describe('VPC peering and security group references', () => {
  const docs = peeredVpcs;

  it('without a route back on one side, the request arrives but the reply has no route', () => {
    const m = docs([]);
    const r = accepted(send(m, { kind: 'eni', id: 'eni-app' }, tcp('10.0.1.10', '10.1.1.10', 443)));
    assert.ok(kinds(r).includes('vpc-peering:pcx-1'));
    dropped(r.returnTraffic as ForwardResult, 'route-table', 'rtb-b', /no route to 10\.0\.1\.10/);
    dropped(
      send(m, { kind: 'eni', id: 'eni-b' }, tcp('10.1.1.10', '10.0.1.10', 443)),
      'route-table',
      'rtb-b',
      /no route/,
    );
  });

  it('with routes on both sides both directions work', () => {
    const m = docs([{ DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: 'pcx-1' }]);
    const r = accepted(send(m, { kind: 'eni', id: 'eni-app' }, tcp('10.0.1.10', '10.1.1.10', 443)));
    accepted(r.returnTraffic as ForwardResult);
  });

  it('peering is not transitive', () => {
    const m = docs([]);
    dropped(
      send(m, { kind: 'eni', id: 'eni-app' }, tcp('10.0.1.10', '10.2.0.5', 443)),
      'vpc-peering',
      'pcx-1',
      /not transitive/,
    );
  });

  it('a security group reference admits members of the group only', () => {
    const m = docs([]);
    const r = accepted(
      send(m, { kind: 'eni', id: 'eni-app' }, tcp('10.0.1.10', '10.0.2.20', 5432)),
    );
    assert.match(
      r.hops.find((h) => h.component.id === 'sg-db')?.rule ?? '',
      /members of sg-app \(eni-app\)/,
    );
    // Crossing subnets: egress of subnet-a and ingress of subnet-a2 (same ACL, checked twice).
    assert.equal(r.hops.filter((h) => h.component.kind === 'network-acl').length, 2);
    dropped(
      send(m, { kind: 'eni', id: 'eni-other' }, tcp('10.0.1.11', '10.0.2.20', 5432)),
      'security-group',
      'sg-db',
      /no inbound rule for tcp\/5432 from 10\.0\.1\.11/,
    );
  });

  it('inside one subnet no network ACL is evaluated', () => {
    const m = docs([]);
    const r = send(m, { kind: 'eni', id: 'eni-app' }, tcp('10.0.1.10', '10.0.1.11', 22));
    dropped(r, 'security-group', 'sg-other', /no inbound rule/);
    assert.ok(!kinds(r).some((k) => k.startsWith('network-acl') || k.startsWith('route-table')));
  });

  it('forward() does not check the reply when asked not to', () => {
    const m = docs([]);
    const r = accepted(
      forward(m, { kind: 'eni', id: 'eni-app' }, tcp('10.0.1.10', '10.1.1.10', 443), {
        checkReturn: false,
      }),
    );
    assert.equal(r.returnTraffic, undefined);
  });
});

describe('transit gateway', () => {
  const m = transitPair;

  it('routes between attached VPCs by propagated routes, both ways', () => {
    const r = accepted(
      send(m([]), { kind: 'eni', id: 'eni-1' }, tcp('10.20.1.5', '10.30.1.5', 22)),
    );
    assert.ok(kinds(r).includes('transit-gateway-route-table:tgw-rtb-1'));
    assert.match(
      r.hops.find((h) => h.component.kind === 'transit-gateway-route-table')?.rule ?? '',
      /10\.30\.0\.0\/16 -> att-2/,
    );
    accepted(r.returnTraffic as ForwardResult);
  });

  it('a static blackhole route wins over a propagated route of the same prefix', () => {
    const bh = [{ DestinationCidrBlock: '10.30.0.0/16', State: 'blackhole', Type: 'static' }];
    dropped(
      send(m(bh), { kind: 'eni', id: 'eni-1' }, tcp('10.20.1.5', '10.30.1.5', 22)),
      'transit-gateway-route-table',
      'tgw-rtb-1',
      /blackhole/,
    );
  });

  it('routes a VPN attachment would propagate are missing, not guessed', () => {
    const r = send(
      m([], [{ TransitGatewayAttachmentId: 'att-vpn', State: 'enabled' }]),
      { kind: 'eni', id: 'eni-1' },
      tcp('10.20.1.5', '10.99.0.1', 22),
    );
    assert.equal(r.outcome, 'missing');
    if (r.outcome === 'missing') assert.match(r.missing, /att-vpn \(vpn\)/);
    dropped(
      send(m([]), { kind: 'eni', id: 'eni-1' }, tcp('10.20.1.5', '10.99.0.1', 22)),
      'transit-gateway-route-table',
      'tgw-rtb-1',
      /no route to 10\.99\.0\.1/,
    );
  });
});
