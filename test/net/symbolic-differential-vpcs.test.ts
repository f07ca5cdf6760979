/**
 * Differential test in random multi-VPC networks: two or three VPCs with
 * random subnets, ENIs (some with public IPs), internet gateways (some
 * detached), a NAT gateway, VPC peerings (some pending), security groups with
 * CIDR and group-reference rules, route tables with overlapping prefixes and
 * blackholes, and network ACLs with random entries. Questions go ENI -> ENI,
 * ENI -> internet and internet -> ENI with random protocol and port
 * constraints. For each, the symbolic answer must agree with the concrete
 * forwarder:
 * - yes: the witness satisfies the question and is delivered by `forward`,
 *   its reply too (the engine replays it already; checked again here);
 * - no: none of a few hundred packets of the question, sampled from the
 *   addresses and ports the rules talk about (rule ports and their
 *   neighbours, CIDR boundaries, the snapshot's public IPs), is delivered.
 * Seeds are fixed; both answers must occur often enough for the test to mean
 * something (the counts are printed as test diagnostics).
 */
import { appendFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describePacket, forward, type Packet } from '../../src/net/forward/index.js';
import { cidr4Contains, formatIpv4, NON_PUBLIC } from '../../src/core/ip.js';
import type { NetworkModel } from '../../src/net/model.js';
import { reaches, resolveEndpoints, type ReachQuery } from '../../src/net/symbolic/query.js';
import { decideReachable, type ReachDecision as ReachAnswer } from '../../src/net/answer.js';
import { stopSolvers } from '../../src/smt/index.js';
import { acl, eni, ip, model, rtb, sg, subnet, vpc, type Doc } from './fixtures.js';

after(() => stopSolvers());

// ---------------------------------------------------------------- a seeded generator

/** mulberry32: small, deterministic, good enough for test data. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** One of `xs` by weight. */
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((a, [, w]) => a + w, 0);
    let r = this.next() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1][0];
  }
}

const PORT_RANGES: readonly [number, number][] = [
  [22, 22],
  [80, 80],
  [443, 443],
  [20, 25],
  [1024, 65535],
  [0, 65535],
];
const SG_CIDRS = [
  '0.0.0.0/0',
  '10.0.0.0/8',
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.1.1.0/24',
  '10.0.1.10/32',
  '8.8.8.0/24',
  '8.0.0.0/8',
  '54.0.0.0/8',
  '52.0.0.200/32',
];
const ACL_CIDRS = [
  '0.0.0.0/0',
  '0.0.0.0/0',
  '10.0.0.0/8',
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.2.0.0/16',
  '10.0.1.0/24',
  '10.1.1.0/24',
  '8.8.8.0/24',
  '8.0.0.0/8',
  '0.0.0.0/1',
  '128.0.0.0/1',
];

const NAT_PRIVATE = '10.0.1.200';
const NAT_PUBLIC = '52.0.0.200';

interface Net {
  readonly model: NetworkModel;
  /** ENIs a question may start or end at (not the NAT gateway's). */
  readonly enis: readonly { id: string; publicIp?: string }[];
  /** The VPC letters of each peering connection. */
  readonly peerings: readonly (readonly [string, string])[];
  /** ENIs in a subnet whose default route is the NAT gateway. */
  readonly natClients: readonly string[];
  readonly summary: string;
}

function sgRule(rng: Rng, groups: readonly string[], egress: boolean): Doc {
  const proto = rng.weighted<string>([
    ['tcp', 4],
    ['udp', 1],
    ['-1', 2],
    ['icmp', 1],
  ]);
  const peer: Doc =
    rng.chance(0.3) && groups.length > 0
      ? { UserIdGroupPairs: [{ GroupId: rng.pick(groups), UserId: '1' }] }
      : {
          IpRanges: [
            { CidrIp: egress ? rng.pick(['0.0.0.0/0', ...SG_CIDRS]) : rng.pick(SG_CIDRS) },
          ],
        };
  if (proto === '-1') return { IpProtocol: '-1', ...peer };
  if (proto === 'icmp')
    return { IpProtocol: 'icmp', FromPort: rng.pick([8, -1, 0]), ToPort: -1, ...peer };
  const [from, to] = rng.pick(PORT_RANGES);
  return { IpProtocol: proto, FromPort: from, ToPort: to, ...peer };
}

function aclEntries(rng: Rng, egress: boolean): Doc[] {
  const out: Doc[] = [];
  const used = new Set<number>();
  for (let i = rng.chance(0.5) ? rng.int(1, 2) : 0; i > 0; i--) {
    const n = rng.int(1, 300);
    if (used.has(n)) continue;
    used.add(n);
    const p = rng.weighted<string>([
      ['6', 4],
      ['17', 1],
      ['-1', 2],
      ['1', 1],
    ]);
    const [from, to] = rng.pick(PORT_RANGES);
    out.push({
      CidrBlock: rng.pick(ACL_CIDRS),
      Egress: egress,
      Protocol: p,
      ...(p === '6' || p === '17' ? { PortRange: { From: from, To: to } } : {}),
      ...(p === '1' ? { IcmpTypeCode: { Type: rng.pick([8, -1]), Code: -1 } } : {}),
      RuleAction: rng.chance(0.6) ? 'allow' : 'deny',
      RuleNumber: n,
    });
  }
  if (rng.chance(0.92))
    out.push({
      CidrBlock: '0.0.0.0/0',
      Egress: egress,
      Protocol: '-1',
      RuleAction: 'allow',
      RuleNumber: 1000,
    });
  return out;
}

function randomNetwork(rng: Rng): Net {
  const letters = rng.chance(0.5) ? ['a', 'b'] : ['a', 'b', 'c'];
  const n = (x: string) => letters.indexOf(x);
  const cidr16 = (x: string) => `10.${n(x)}.0.0/16`;
  const vpcs: Doc[] = [];
  const subnets: Doc[] = [];
  const tables: Doc[] = [];
  const acls: Doc[] = [];
  const igws: Doc[] = [];
  const natGws: Doc[] = [];
  const groups: Doc[] = [];
  const interfaces: Doc[] = [];
  const peerings: Doc[] = [];
  const enis: { id: string; publicIp?: string }[] = [];
  const natClients: string[] = [];
  const summary: string[] = [];
  const defaultRoute = new Map<string, string>();

  const pcx: { id: string; x: string; y: string }[] = [];
  const pairs: [string, string, number][] = [
    ['a', 'b', 0.8],
    ['b', 'c', 0.7],
    ['a', 'c', 0.3],
  ];
  for (const [x, y, p] of pairs) {
    if (!letters.includes(y) || !rng.chance(p)) continue;
    const id = `pcx-${x}${y}`;
    const active = rng.chance(0.9);
    pcx.push({ id, x, y });
    peerings.push({
      VpcPeeringConnectionId: id,
      Status: active ? { Code: 'active' } : { Code: 'pending-acceptance' },
      RequesterVpcInfo: { VpcId: `vpc-${x}`, CidrBlock: cidr16(x) },
      AccepterVpcInfo: { VpcId: `vpc-${y}`, CidrBlock: cidr16(y) },
    });
    summary.push(`${id}${active ? '' : ' (pending)'}`);
  }
  const allGroups = letters.flatMap((x) => [`sg-${x}1`, `sg-${x}2`]);
  const withNat = rng.chance(0.75);

  for (const x of letters) {
    const v = `vpc-${x}`;
    vpcs.push(vpc(v, cidr16(x)));
    const subs = [1];
    if (rng.chance(0.6) || (x === 'a' && withNat)) subs.push(2);
    for (const s of subs)
      subnets.push(subnet(`s-${x}${s}`, v, `10.${n(x)}.${s}.0/24`, s === 1 ? 'az-1' : 'az-2'));
    const hasIgw = rng.chance(0.9) || (x === 'a' && withNat);
    const igw = `igw-${x}`;
    if (hasIgw) {
      const attached = rng.chance(0.9);
      igws.push({
        InternetGatewayId: igw,
        Attachments: attached ? [{ State: 'available', VpcId: v }] : [],
      });
      summary.push(`${igw}${attached ? '' : ' (detached)'}`);
    }
    const nat = x === 'a' && withNat;
    if (nat) {
      const available = rng.chance(0.9);
      natGws.push({
        NatGatewayId: 'nat-a',
        State: available ? 'available' : 'failed',
        SubnetId: 's-a1',
        VpcId: v,
        NatGatewayAddresses: [
          { PrivateIp: NAT_PRIVATE, PublicIp: NAT_PUBLIC, NetworkInterfaceId: 'eni-nat' },
        ],
      });
      interfaces.push({
        ...eni('eni-nat', 's-a1', v, NAT_PRIVATE, [], NAT_PUBLIC),
        InterfaceType: 'nat_gateway',
      });
      summary.push(`nat-a${available ? '' : ' (failed)'}`);
    }

    // Route tables: the main one, and each subnet its own with some probability (the NAT
    // gateway's subnet always, so that a route to the NAT gateway never serves its own subnet).
    const explicit = subs.filter((s) => (nat && s === 1) || rng.chance(0.4));
    const tableSpecs: { id: string; subnets: string[]; main: boolean }[] = [
      { id: `rtb-${x}`, subnets: [], main: true },
      ...explicit.map((s) => ({ id: `rtb-${x}${s}`, subnets: [`s-${x}${s}`], main: false })),
    ];
    for (const t of tableSpecs) {
      const natSubnetTable = nat && t.subnets.includes('s-a1');
      const routes = new Map<string, Doc>();
      const add = (dest: string, target: Doc, blackhole = false) => {
        if (!routes.has(dest))
          routes.set(dest, {
            DestinationCidrBlock: dest,
            ...target,
            State: blackhole ? 'blackhole' : 'active',
          });
      };
      add(cidr16(x), { GatewayId: 'local' });
      const defaults: [string, number][] = [['none', 1]];
      if (hasIgw) defaults.push(['igw', 6]);
      if (nat && !natSubnetTable) defaults.push(['nat', 14]);
      defaults.push(['blackhole', 0.5]);
      const d = rng.weighted(defaults);
      const served = t.main
        ? subs.filter((s) => !explicit.includes(s)).map((s) => `s-${x}${s}`)
        : t.subnets;
      for (const sub of served) defaultRoute.set(sub, d);
      if (d === 'igw') add('0.0.0.0/0', { GatewayId: igw });
      if (d === 'nat') add('0.0.0.0/0', { NatGatewayId: 'nat-a' });
      if (d === 'blackhole') add('0.0.0.0/0', { NatGatewayId: 'nat-gone' }, true);
      if (rng.chance(0.3)) add('8.8.8.0/24', { NatGatewayId: 'nat-gone' }, true);
      if (hasIgw && rng.chance(0.3)) add('8.8.8.8/32', { GatewayId: igw });
      if (rng.chance(0.15)) add(`10.${n(x)}.2.0/24`, { NatGatewayId: 'nat-gone' }, true);
      for (const p of pcx) {
        if (p.x !== x && p.y !== x) continue;
        const other = p.x === x ? p.y : p.x;
        const mode = rng.weighted<string>([
          ['none', 1],
          ['/16', 6],
          ['/16 + blackhole /24', 1],
          ['/24', 1],
          ['blackhole /16 + /24', 1],
        ]);
        const c24 = `10.${n(other)}.1.0/24`;
        if (mode === '/16 + blackhole /24') add(c24, { VpcPeeringConnectionId: p.id }, true);
        if (mode === '/24' || mode === 'blackhole /16 + /24')
          add(c24, { VpcPeeringConnectionId: p.id });
        if (mode.startsWith('/16')) add(cidr16(other), { VpcPeeringConnectionId: p.id });
        if (mode === 'blackhole /16 + /24')
          add(cidr16(other), { VpcPeeringConnectionId: p.id }, true);
        // Not transitive: the third VPC's block sent to this peering.
        const third = letters.find((l) => l !== x && l !== other);
        if (third !== undefined && rng.chance(0.2))
          add(cidr16(third), { VpcPeeringConnectionId: p.id });
      }
      tables.push(rtb(t.id, v, t.subnets, [...routes.values()], t.main));
    }

    // Network ACLs: the default one, and a second one for subnet 2 sometimes.
    const own2 = subs.includes(2) && rng.chance(0.3);
    acls.push(
      acl(
        `acl-${x}`,
        v,
        subs.filter((s) => !(own2 && s === 2)).map((s) => `s-${x}${s}`),
        [...aclEntries(rng, false), ...aclEntries(rng, true)],
        true,
      ),
    );
    if (own2)
      acls.push(
        acl(`acl-${x}2`, v, [`s-${x}2`], [...aclEntries(rng, false), ...aclEntries(rng, true)]),
      );

    for (const g of [`sg-${x}1`, `sg-${x}2`]) {
      const ingress = Array.from({ length: rng.int(0, 3) }, () => sgRule(rng, allGroups, false));
      // Often one broad rule too, else nearly every answer is no.
      if (rng.chance(0.7))
        ingress.unshift(
          rng.pick<Doc>([
            { IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
            { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
            { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          ]),
        );
      const egress = rng.chance(0.8)
        ? undefined
        : Array.from({ length: rng.int(0, 2) }, () => sgRule(rng, allGroups, true));
      if (egress !== undefined && rng.chance(0.4))
        egress.push({
          IpProtocol: 'tcp',
          FromPort: 0,
          ToPort: 65535,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        });
      groups.push(egress === undefined ? sg(g, v, ingress) : sg(g, v, ingress, egress));
    }

    for (const s of subs)
      for (let k = 0, count = rng.int(1, 2); k < count; k++) {
        const id = `eni-${x}${s}${k}`;
        const privateIp = `10.${n(x)}.${s}.${10 + k}`;
        // Public IPs mostly where the default route is the internet gateway.
        const publicIp = rng.chance(defaultRoute.get(`s-${x}${s}`) === 'igw' ? 0.75 : 0.2)
          ? `54.${n(x)}.${s}.${10 + k}`
          : undefined;
        const sgs = rng.chance(0.3)
          ? [`sg-${x}1`, `sg-${x}2`]
          : [rng.pick([`sg-${x}1`, `sg-${x}2`])];
        interfaces.push(eni(id, `s-${x}${s}`, v, privateIp, sgs, publicIp));
        enis.push(publicIp === undefined ? { id } : { id, publicIp });
        if (defaultRoute.get(`s-${x}${s}`) === 'nat') natClients.push(id);
      }
  }
  const m = model(
    { Vpcs: vpcs },
    { Subnets: subnets },
    { RouteTables: tables },
    { NetworkAcls: acls },
    { InternetGateways: igws },
    { NatGateways: natGws },
    { SecurityGroups: groups },
    { NetworkInterfaces: interfaces },
    { VpcPeeringConnections: peerings },
  );
  return {
    model: m,
    enis,
    natClients,
    peerings: pcx.map((p) => [p.x, p.y] as const),
    summary: `${letters.length} VPCs; ${summary.join(', ')}`,
  };
}

type Kind = 'eni->eni' | 'eni->internet' | 'internet->eni';

/** The ends of the TCP/UDP port ranges of the snapshot's security-group rules and NACL entries. */
function ruleEdges(m: NetworkModel): number[] {
  const out = new Set<number>([22]);
  for (const g of m.securityGroups.values())
    for (const r of [...g.ingress, ...g.egress])
      if (r.ports !== undefined) out.add(r.ports.from).add(r.ports.to);
  for (const a of m.networkAcls.values())
    for (const e of a.entries) if (e.ports !== undefined) out.add(e.ports.from).add(e.ports.to);
  return [...out].sort((x, y) => x - y);
}

/** The questions each network is asked (ENI -> ENI three times, once into a peered VPC if there is one). */
const PLAN: readonly (Kind | 'eni->peer')[] = [
  'eni->peer',
  'eni->eni',
  'eni->eni',
  'eni->internet',
  'internet->eni',
];

function randomQuestion(
  rng: Rng,
  net: Net,
  planned: Kind | 'eni->peer',
): { kind: Kind; q: ReachQuery } {
  const kind: Kind = planned === 'eni->peer' ? 'eni->eni' : planned;
  const protocol = rng.weighted<number | undefined>([
    [undefined, 0.3],
    [6, 0.35],
    [17, 0.15],
    [1, 0.1],
    [47, 0.05],
  ]);
  let dstPorts: { from: number; to: number } | undefined;
  if (protocol === 6 || protocol === 17 || (protocol === undefined && rng.chance(0.3))) {
    const r = rng.weighted<string>([
      ['none', 0.4],
      ['one', 0.4],
      ['range', 0.2],
    ]);
    if (r === 'one') {
      // Often an end of a port range some rule of the snapshot names, where an off-by-one would show.
      const p = rng.chance(0.6)
        ? rng.pick(ruleEdges(net.model))
        : rng.pick([22, 80, 443, 1024, 50000]);
      dstPorts = { from: p, to: p };
    }
    if (r === 'range') {
      const [from, to] = rng.pick([
        [20, 25],
        [1000, 2000],
        [0, 1023],
      ]);
      dstPorts = { from, to };
    }
  }
  const anyEni = () => ({ kind: 'eni', id: rng.pick(net.enis).id }) as const;
  let from: ReachQuery['from'];
  let to: ReachQuery['to'];
  if (kind === 'eni->eni') {
    from = anyEni();
    const src = from.id;
    const others = net.enis.filter((e) => e.id !== src);
    const vpcOf = (id: string) => id.slice(4, 5); // eni-<vpc letter><subnet><n>
    const peered = (x: string, y: string) =>
      net.peerings.some(([a, b]) => (a === x && b === y) || (a === y && b === x));
    const across = others.filter((e) => peered(vpcOf(src), vpcOf(e.id)));
    to = {
      kind: 'eni',
      id: rng.pick(planned === 'eni->peer' && across.length > 0 ? across : others).id,
    };
  } else if (kind === 'eni->internet') {
    from =
      net.natClients.length > 0 && rng.chance(0.75)
        ? { kind: 'eni', id: rng.pick(net.natClients) }
        : anyEni();
    to = { kind: 'internet' };
  } else {
    from = { kind: 'internet' };
    const pub = net.enis.filter((e) => e.publicIp !== undefined);
    to = pub.length > 0 && rng.chance(0.95) ? { kind: 'eni', id: rng.pick(pub).id } : anyEni();
  }
  return {
    kind,
    q: {
      from,
      to,
      ...(protocol !== undefined ? { protocol } : {}),
      ...(dstPorts !== undefined ? { dstPorts } : {}),
    },
  };
}

// ---------------------------------------------------------------- the concrete side

/** Addresses on the internet that the rules' CIDRs make interesting (boundaries and neighbours). */
const INTERNET_IPS = [
  '8.8.8.8',
  '8.8.8.9',
  '8.8.8.7',
  '8.8.8.0',
  '8.8.8.255',
  '8.8.7.255',
  '8.8.9.0',
  '8.0.0.0',
  '8.255.255.255',
  '7.255.255.255',
  '9.0.0.0',
  '1.1.1.1',
  '127.255.255.254',
  '128.0.0.0',
  '128.0.0.1',
  '200.1.2.3',
  '54.0.0.1',
  '54.9.9.9',
  '52.0.0.200',
  '52.0.0.201',
].map(ip);
const DST_PORTS = [
  0, 19, 20, 21, 22, 23, 25, 26, 79, 80, 81, 442, 443, 444, 999, 1000, 1023, 1024, 1025, 2000, 2001,
  50000, 65535,
];
const SRC_PORTS = [0, 22, 80, 443, 1023, 1024, 50000, 65535];
const ICMP_TYPES = [0, 3, 8, 255];
const ICMP_CODES = [0, 1, 255];

/** A host on the internet, as the question means it: public, and owned by nothing in the snapshot. */
function internetHost(m: NetworkModel, a: number): boolean {
  if (NON_PUBLIC.some((c) => cidr4Contains(c, a))) return false;
  for (const e of m.networkInterfaces.values())
    if (e.addresses.some((x) => x.publicIp === a)) return false;
  for (const n of m.natGateways.values())
    if (n.addresses.some((x) => x.publicIp === a)) return false;
  return true;
}

function endpointIps(m: NetworkModel, e: ReachQuery['from'], side: 'src' | 'dst'): number[] {
  if (e.kind === 'internet') return INTERNET_IPS.filter((a) => internetHost(m, a));
  assert.equal(e.kind, 'eni');
  const x = m.networkInterfaces.get((e as { id: string }).id);
  assert.ok(x);
  return x.addresses.flatMap((a) =>
    side === 'src' || a.publicIp === undefined ? [a.privateIp] : [a.privateIp, a.publicIp],
  );
}

const inRange = (r: { from: number; to: number } | undefined, v: number) =>
  r === undefined || (r.from <= v && v <= r.to);

/** Candidate packets of a question: every combination of the interesting values the question allows. */
function candidates(m: NetworkModel, q: ReachQuery): Packet[] {
  const srcs = endpointIps(m, q.from, 'src');
  const dsts = endpointIps(m, q.to, 'dst');
  const protos = q.protocol !== undefined ? [q.protocol] : [6, 17, 1, 47];
  const out: Packet[] = [];
  for (const srcIp of srcs)
    for (const dstIp of dsts)
      for (const protocol of protos) {
        if (protocol === 6 || protocol === 17) {
          for (const dstPort of DST_PORTS.filter((p) => inRange(q.dstPorts, p)))
            for (const srcPort of SRC_PORTS) out.push({ srcIp, dstIp, protocol, srcPort, dstPort });
        } else if (protocol === 1) {
          // The engine's header keeps the ICMP code in the destination-port field.
          const codes = [...new Set([...ICMP_CODES, q.dstPorts?.from ?? 0])].filter(
            (c) => c <= 255 && inRange(q.dstPorts, c),
          );
          for (const icmpType of ICMP_TYPES)
            for (const icmpCode of codes) out.push({ srcIp, dstIp, protocol, icmpType, icmpCode });
        } else if (inRange(q.dstPorts, 0)) out.push({ srcIp, dstIp, protocol });
      }
  return out;
}

/** Up to `n` distinct candidates, in a seeded random order (all of them when there are fewer). */
function sample(rng: Rng, xs: Packet[], n: number): Packet[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

/** Does the witness belong to the question (protocol, ports, endpoints)? */
function witnessFits(m: NetworkModel, q: ReachQuery, p: Packet): string | undefined {
  if (q.protocol !== undefined && p.protocol !== q.protocol) return 'protocol';
  const dport =
    p.protocol === 6 || p.protocol === 17 ? p.dstPort : p.protocol === 1 ? p.icmpCode : 0;
  if (dport === undefined || !inRange(q.dstPorts, dport)) return 'destination port';
  if (
    q.from.kind === 'internet'
      ? !internetHost(m, p.srcIp)
      : !endpointIps(m, q.from, 'src').includes(p.srcIp)
  )
    return 'source address';
  if (
    q.to.kind === 'internet'
      ? !internetHost(m, p.dstIp)
      : !endpointIps(m, q.to, 'dst').includes(p.dstIp)
  )
    return 'destination address';
  return undefined;
}

function questionText(q: ReachQuery): string {
  const end = (e: ReachQuery['from']) =>
    e.kind === 'internet' ? 'internet' : e.kind === 'ip' ? formatIpv4(e.ip) : e.id;
  const ports = q.dstPorts ? ` ports ${q.dstPorts.from}-${q.dstPorts.to}` : '';
  return `${end(q.from)} -> ${end(q.to)} protocol ${q.protocol ?? 'any'}${ports}`;
}

// ---------------------------------------------------------------- the test

// DIFF_NETWORKS and DIFF_FIRST_SEED run a longer or different sweep by hand; DIFF_TRACE=file
// appends one line per question (time, answer, blockers or witness path).
const NETWORKS = Number(process.env['DIFF_NETWORKS'] ?? 32);
const FIRST_SEED = Number(process.env['DIFF_FIRST_SEED'] ?? 1);
const QUESTIONS = PLAN.length;
const SAMPLES = 300;

describe('symbolic vs concrete (random multi-VPC networks)', () => {
  it(`${NETWORKS} networks x ${QUESTIONS} questions: yes iff some sampled packet is delivered`, async (t) => {
    const counts = new Map<string, number>();
    const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
    /** How many no answers name a blocker of each component kind. */
    const blockerKinds = new Map<string, number>();
    /** How many witnesses (request or reply) pass a component of each kind. */
    const hopKinds = new Map<string, number>();
    const tally = (m: Map<string, number>, keys: Iterable<string>) => {
      for (const k of new Set(keys)) m.set(k, (m.get(k) ?? 0) + 1);
    };
    const show = (m: Map<string, number>) =>
      [...m]
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    for (let seed = FIRST_SEED; seed < FIRST_SEED + NETWORKS; seed++) {
      const rng = new Rng(seed * 7919);
      const net = randomNetwork(rng);
      for (let i = 0; i < QUESTIONS; i++) {
        const { kind, q } = randomQuestion(rng, net, PLAN[i]);
        const where = `seed ${seed} question ${i} (${net.summary}): ${questionText(q)}`;
        const t0 = performance.now();
        const a: ReachAnswer = await decideReachable(net.model, q, { timeoutMs: 30_000 });
        if (process.env['DIFF_TRACE'])
          appendFileSync(
            process.env['DIFF_TRACE'],
            `${(performance.now() - t0).toFixed(0)} ms ${a.answer} paths ${a.paths} ${where} || ${a.answer === 'no' ? a.certificate.blockers.map((b) => b.reason).join(' | ') : a.answer === 'yes' ? a.witness.path.hops.map((h) => h.component.id).join(' ') : ''}\n`,
          );
        assert.notEqual(a.answer, 'unknown', `${where}: ${JSON.stringify(a)}`);
        bump(`${kind} ${a.answer}`);
        bump(a.answer);
        const resolved = resolveEndpoints(net.model, q);
        assert.ok(typeof resolved !== 'string', where);
        if (a.answer === 'yes') {
          const bad = witnessFits(net.model, q, a.witness.packet);
          assert.equal(
            bad,
            undefined,
            `${where}: the witness ${describePacket(a.witness.packet)} has the wrong ${bad}`,
          );
          const r = forward(net.model, a.witness.start, a.witness.packet);
          assert.ok(
            reaches(r, resolved.accepts),
            `${where}: witness ${describePacket(a.witness.packet)} not delivered`,
          );
          const back = r.outcome === 'accepted' ? (r.returnTraffic?.hops ?? []) : [];
          tally(
            hopKinds,
            [...r.hops, ...back].map((h) => h.component.kind),
          );
          continue;
        }
        if (a.answer !== 'no') continue;
        assert.match(a.certificate.recheck, /^unsat/, where);
        tally(
          blockerKinds,
          a.certificate.blockers.map((b) => b.component.kind),
        );
        const packets = sample(rng, candidates(net.model, q), SAMPLES);
        assert.ok(packets.length > 0, `${where}: no candidate packet`);
        let requestOnly = false;
        for (const p of packets) {
          const start = resolved.sources.find((s) => s.ip === p.srcIp)?.start ?? resolved.start;
          const r = forward(net.model, start, p);
          assert.ok(
            !reaches(r, resolved.accepts),
            `${where}: symbolic says no but ${describePacket(p)} is delivered: ${JSON.stringify(r.hops.map((h) => `${h.component.kind}:${h.component.id}`))}`,
          );
          if (r.outcome === 'accepted' && resolved.accepts(r.destination)) requestOnly = true;
        }
        // A no where the request gets there and only the reply is stopped.
        if (requestOnly) bump('no (reply stopped)');
      }
    }
    const c = (k: string) => counts.get(k) ?? 0;
    t.diagnostic(`answers: ${show(counts)}`);
    t.diagnostic(`no answers naming a blocker of kind: ${show(blockerKinds)}`);
    t.diagnostic(`witnesses passing a component of kind: ${show(hopKinds)}`);
    // Not vacuous: both answers, for every kind of question, and replies that are stopped.
    const total = NETWORKS * QUESTIONS;
    assert.ok(c('yes') >= total / 5 && c('no') >= total / 5, JSON.stringify([...counts]));
    for (const k of ['eni->eni', 'eni->internet', 'internet->eni'])
      assert.ok(c(`${k} yes`) >= 5 && c(`${k} no`) >= 5, `${k}: ${JSON.stringify([...counts])}`);
    assert.ok(c('no (reply stopped)') >= 3, JSON.stringify([...counts]));
    for (const k of ['nat-gateway', 'vpc-peering', 'internet-gateway'])
      assert.ok((hopKinds.get(k) ?? 0) >= 2, `${k}: ${show(hopKinds)}`);
    for (const k of ['route-table', 'security-group', 'network-acl'])
      assert.ok((blockerKinds.get(k) ?? 0) >= 2, `${k}: ${show(blockerKinds)}`);
  });
});
