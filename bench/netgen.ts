/**
 * A deterministic generator of AWS VPC snapshots for `arc net` at scale
 * (`bench/net-scale.ts`, test/net/netgen.test.ts): `generateNetwork({
 * instances, vpcs, seed })` returns the `describe-*` documents of a made-up
 * account (file name → JSON object, in the shapes `aws ec2 describe-…
 * --output json` writes and `src/net/snapshot.ts` reads) and `writeNetwork`
 * writes them as a snapshot directory. The same options always give the
 * same bytes (a seeded PRNG; no clock, no Math.random).
 *
 * The layout, per VPC `i` (10.i.0.0/16, two availability zones):
 * - subnets: public-a/b 10.i.0.0/20 and 10.i.16.0/20, app-a/b 10.i.64.0/20
 *   and 10.i.80.0/20, data-a/b 10.i.128.0/20 and 10.i.144.0/20, and for a
 *   VPC attached to the transit gateway tgw-a/b 10.i.240.0/28 and
 *   10.i.240.16/28;
 * - an internet gateway; a NAT gateway in public-a with an Elastic IP (its
 *   ENI listed too, as EC2 lists it);
 * - route tables: the main table (local only; the TGW subnets use it), a
 *   public table (0.0.0.0/0 → igw) and a private table for app and data
 *   (0.0.0.0/0 → nat, the peers' /16 → pcx, 10.0.0.0/8 → tgw when attached);
 * - network ACLs: the default ACL (allow all, used by the TGW subnets), a
 *   public ACL (a blocklisted range denied before the allows, RDP denied at
 *   60 so the RDP allow at 200 is dead, 80/443 from anywhere, 22 from the
 *   office, ephemeral ports back, anything from 10.0.0.0/8) and a private
 *   ACL (5432 from the public subnets denied before the allow of
 *   10.0.0.0/8, ephemeral ports back from anywhere, an explicit deny-all at
 *   130 shadowing an allow of 443 at 140);
 * - security groups: default (itself), web (80/443 from 0.0.0.0/0), ssh (22
 *   from the office), app (8080 from the web group), db (5432 from the app
 *   group, and from the app group of each peered VPC; outbound only to
 *   10.0.0.0/8), monitoring (9100 and ICMP from 10.0.0.0/8);
 * - instances: the first four of a VPC are a bastion (public subnet, an
 *   Elastic IP), a web server (public IP), an app server and a database;
 *   the rest are drawn (web 30 %, app 45 %, db 20 %, bastion 5 %); 80 % of
 *   web servers have a public IP, some app servers a second private address,
 *   2 % of instances are stopped. Each ENI is in NetworkInterfaces and in its
 *   instance's Reservations entry; Elastic IPs are in Addresses.
 *
 * Between VPCs (`networkPlan`): VPC peering between 2k and 2k+1, with routes
 * on both sides, and between 0 and 2 with the route back from 2 missing; a
 * transit gateway with the VPCs i % 3 ≠ 0 attached (TGW subnets, one route
 * table they are associated with and propagate into, a static blackhole
 * route for one quarantined VPC when three or more are attached, and a
 * static route of 192.168.0.0/16 to a VPN attachment — on premises, which
 * arc does not model).
 *
 * Public addresses are drawn at random from a few AWS us-east-2 ranges, as
 * a real account's are (scattered, not consecutive).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NetworkOptions {
  readonly instances: number;
  readonly vpcs: number;
  readonly seed: number;
  /**
   * Give every instance a security group of its own as well (one rule, a
   * port of its own open to the internet): no two interfaces share their
   * filters, the worst case for `exposed`, which shares one packet set per
   * combination of filters.
   */
  readonly ownGroups?: boolean;
}

export type Role = 'bastion' | 'web' | 'app' | 'db';

/** The structure between VPCs, decided by the VPC count alone (no randomness). */
export interface NetworkPlan {
  /** VPC indexes joined by a peering connection; `missingReturnRoute`: the second has no route to the first. */
  readonly peerings: readonly { a: number; b: number; missingReturnRoute: boolean }[];
  /** VPC indexes attached to the transit gateway. */
  readonly tgwAttached: readonly number[];
  /** An attached VPC whose /16 is a blackhole route in the TGW route table (undefined when fewer than 3 are attached). */
  readonly quarantined: number | undefined;
}

export function networkPlan(vpcs: number): NetworkPlan {
  const peerings: { a: number; b: number; missingReturnRoute: boolean }[] = [];
  for (let i = 0; i + 1 < vpcs; i += 2)
    peerings.push({ a: i, b: i + 1, missingReturnRoute: false });
  if (vpcs >= 3) peerings.push({ a: 0, b: 2, missingReturnRoute: true });
  const tgwAttached: number[] = [];
  for (let i = 0; i < vpcs; i++) if (i % 3 !== 0) tgwAttached.push(i);
  const quarantined = tgwAttached.length >= 3 ? tgwAttached[tgwAttached.length - 1] : undefined;
  return { peerings, tgwAttached, quarantined };
}

/** What the generator made of one instance (for choosing questions). */
export interface GeneratedInstance {
  readonly id: string;
  readonly eniId: string;
  readonly vpc: number;
  readonly vpcId: string;
  readonly role: Role;
  readonly subnetId: string;
  readonly privateIp: string;
  readonly publicIp?: string;
  readonly running: boolean;
}

export interface GeneratedNetwork {
  /** File name → describe-* document. */
  readonly files: Record<string, unknown>;
  readonly instances: readonly GeneratedInstance[];
  readonly vpcIds: readonly string[];
  readonly plan: NetworkPlan;
}

const REGION = 'us-east-2';
const ACCOUNT = '123456789012';
const OFFICE = '203.0.113.0/24';
const BLOCKLISTED = '198.51.100.0/24';
const ON_PREM = '192.168.0.0/16';
const CREATED = '2026-11-02 09:14:27+00:00';
/** Ranges AWS hands out in us-east-2 (public addresses are drawn from these). */
const PUBLIC_RANGES: readonly [number, number][] = [
  [3, 12],
  [3, 128],
  [18, 188],
  [18, 216],
  [52, 14],
];

/** splitmix32: a small, well-mixed seeded PRNG. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }
  /** A float in [0, 1). */
  float(): number {
    return this.next() / 2 ** 32;
  }
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
}

function dotted(n: number): string {
  return [24, 16, 8, 0].map((s) => String((n >>> s) & 0xff)).join('.');
}

function ipOf(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** Unique AWS-looking ids (`vpc-0a1b…`, 17 hex digits) and public addresses. */
class Ids {
  private readonly used = new Set<string>();
  private readonly usedIps = new Set<number>();
  constructor(private readonly rng: Rng) {}

  id(prefix: string): string {
    for (;;) {
      let hex = '0';
      for (let i = 0; i < 16; i++) hex += (this.rng.next() & 15).toString(16);
      const id = `${prefix}-${hex}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  publicIp(): string {
    for (;;) {
      const [a, b] = PUBLIC_RANGES[this.rng.int(PUBLIC_RANGES.length)];
      // b..b+3 covers the /14s; last octet 1..254.
      const ip = ipOf(a, b + this.rng.int(4), this.rng.int(256), 1 + this.rng.int(254));
      if (!this.usedIps.has(ip)) {
        this.usedIps.add(ip);
        return dotted(ip);
      }
    }
  }
}

type Json = Record<string, unknown>;

const tags = (name: string, extra: Record<string, string> = {}): Json[] => [
  { Key: 'Name', Value: name },
  ...Object.entries(extra).map(([Key, Value]) => ({ Key, Value })),
];

interface SubnetInfo {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly base: number;
  readonly az: string;
  next: number;
}

interface VpcInfo {
  readonly index: number;
  readonly id: string;
  readonly cidr: string;
  readonly subnets: Record<string, SubnetInfo>;
  readonly sg: Record<'default' | 'web' | 'ssh' | 'app' | 'db' | 'monitoring', string>;
  readonly igw: string;
  readonly nat: string;
  readonly natEni: string;
  readonly natPrivateIp: string;
  readonly natPublicIp: string;
  readonly natAllocation: string;
  readonly rtbMain: string;
  readonly rtbPublic: string;
  readonly rtbPrivate: string;
  readonly aclDefault: string;
  readonly aclPublic: string;
  readonly aclPrivate: string;
  readonly tgwAttachment?: string;
}

const sgRule = (
  protocol: string,
  from: number,
  to: number,
  sources: { cidrs?: string[]; groups?: string[] },
): Json => ({
  IpProtocol: protocol,
  ...(protocol === '-1' ? {} : { FromPort: from, ToPort: to }),
  IpRanges: (sources.cidrs ?? []).map((c) => ({ CidrIp: c })),
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: (sources.groups ?? []).map((g) => ({ GroupId: g, UserId: ACCOUNT })),
});

const allOut = (): Json[] => [sgRule('-1', 0, 0, { cidrs: ['0.0.0.0/0'] })];

const aclEntry = (
  n: number,
  egress: boolean,
  action: 'allow' | 'deny',
  protocol: string,
  cidr: string,
  ports?: [number, number],
): Json => ({
  CidrBlock: cidr,
  Egress: egress,
  Protocol: protocol,
  RuleAction: action,
  RuleNumber: n,
  ...(ports === undefined ? {} : { PortRange: { From: ports[0], To: ports[1] } }),
});

/** The final `*` entries EC2 lists in every ACL (rule 32767, deny all). */
const finalDeny = (): Json[] => [
  aclEntry(32767, true, 'deny', '-1', '0.0.0.0/0'),
  aclEntry(32767, false, 'deny', '-1', '0.0.0.0/0'),
];

const route = (cidr: string, target: Json, origin = 'CreateRoute'): Json => ({
  DestinationCidrBlock: cidr,
  ...target,
  Origin: origin,
  State: 'active',
});

/** The describe-* documents of a generated network, with what was generated. */
export function generate(opts: NetworkOptions): GeneratedNetwork {
  const { instances: total, vpcs: vpcCount, seed } = opts;
  if (!Number.isInteger(vpcCount) || vpcCount < 1 || vpcCount > 200)
    throw new Error('vpcs must be an integer from 1 to 200');
  if (!Number.isInteger(total) || total < 0) throw new Error('instances must be an integer ≥ 0');
  const rng = new Rng(seed);
  const ids = new Ids(rng);
  const plan = networkPlan(vpcCount);
  const attached = new Set(plan.tgwAttached);
  const tgwId = ids.id('tgw');
  const tgwRtb = ids.id('tgw-rtb');
  const azs = [`${REGION}a`, `${REGION}b`];

  // ------------------------------------------------------------ VPCs and their parts
  const vpcs: VpcInfo[] = [];
  for (let i = 0; i < vpcCount; i++) {
    const sub = (name: string, c: number, d: number, prefix: number, az: string): SubnetInfo => ({
      id: ids.id('subnet'),
      name,
      cidr: `10.${i}.${c}.${d}/${prefix}`,
      base: ipOf(10, i, c, d),
      az,
      next: 4, // AWS reserves the first four addresses of a subnet.
    });
    const subnets: Record<string, SubnetInfo> = {
      'public-a': sub('public-a', 0, 0, 20, azs[0]),
      'public-b': sub('public-b', 16, 0, 20, azs[1]),
      'app-a': sub('app-a', 64, 0, 20, azs[0]),
      'app-b': sub('app-b', 80, 0, 20, azs[1]),
      'data-a': sub('data-a', 128, 0, 20, azs[0]),
      'data-b': sub('data-b', 144, 0, 20, azs[1]),
    };
    if (attached.has(i)) {
      subnets['tgw-a'] = sub('tgw-a', 240, 0, 28, azs[0]);
      subnets['tgw-b'] = sub('tgw-b', 240, 16, 28, azs[1]);
    }
    const natAddr = subnets['public-a'];
    const natPrivateIp = dotted(natAddr.base + natAddr.next++);
    vpcs.push({
      index: i,
      id: ids.id('vpc'),
      cidr: `10.${i}.0.0/16`,
      subnets,
      sg: {
        default: ids.id('sg'),
        web: ids.id('sg'),
        ssh: ids.id('sg'),
        app: ids.id('sg'),
        db: ids.id('sg'),
        monitoring: ids.id('sg'),
      },
      igw: ids.id('igw'),
      nat: ids.id('nat'),
      natEni: ids.id('eni'),
      natPrivateIp,
      natPublicIp: ids.publicIp(),
      natAllocation: ids.id('eipalloc'),
      rtbMain: ids.id('rtb'),
      rtbPublic: ids.id('rtb'),
      rtbPrivate: ids.id('rtb'),
      aclDefault: ids.id('acl'),
      aclPublic: ids.id('acl'),
      aclPrivate: ids.id('acl'),
      ...(attached.has(i) ? { tgwAttachment: ids.id('tgw-attach') } : {}),
    });
  }
  const peeringIds = plan.peerings.map(() => ids.id('pcx'));
  const vpnAttachment = ids.id('tgw-attach');

  /** Peerings of VPC i: the peer and whether i has a route to it. */
  const peersOf = (i: number): { peer: number; pcx: string; routed: boolean }[] =>
    plan.peerings.flatMap((p, k) =>
      p.a === i
        ? [{ peer: p.b, pcx: peeringIds[k], routed: true }]
        : p.b === i
          ? [{ peer: p.a, pcx: peeringIds[k], routed: !p.missingReturnRoute }]
          : [],
    );

  const vpcDocs = vpcs.map((v) => ({
    CidrBlock: v.cidr,
    DhcpOptionsId: 'dopt-0a1b2c3d',
    State: 'available',
    VpcId: v.id,
    OwnerId: ACCOUNT,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [
      {
        AssociationId: `${v.id.replace('vpc-', 'vpc-cidr-assoc-')}`,
        CidrBlock: v.cidr,
        CidrBlockState: { State: 'associated' },
      },
    ],
    IsDefault: false,
    Tags: tags(`vpc-${String(v.index).padStart(3, '0')}`),
  }));

  const subnetDocs = vpcs.flatMap((v) =>
    Object.values(v.subnets).map((s) => ({
      AvailabilityZone: s.az,
      AvailabilityZoneId: s.az.endsWith('a') ? 'use2-az1' : 'use2-az2',
      AvailableIpAddressCount: 4091,
      CidrBlock: s.cidr,
      DefaultForAz: false,
      MapPublicIpOnLaunch: s.name.startsWith('public'),
      State: 'available',
      SubnetId: s.id,
      VpcId: v.id,
      OwnerId: ACCOUNT,
      Ipv6CidrBlockAssociationSet: [],
      Tags: tags(`vpc-${v.index}-${s.name}`, { Tier: s.name.split('-')[0] }),
      SubnetArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${s.id}`,
    })),
  );

  const routeTableDocs = vpcs.flatMap((v) => {
    const local = route(v.cidr, { GatewayId: 'local' }, 'CreateRouteTable');
    const assoc = (rtb: string, names: string[]) =>
      names.map((n) => ({
        Main: false,
        RouteTableAssociationId: `rtbassoc-${v.subnets[n].id.slice(7)}`,
        RouteTableId: rtb,
        SubnetId: v.subnets[n].id,
        AssociationState: { State: 'associated' },
      }));
    const peerRoutes = peersOf(v.index)
      .filter((p) => p.routed)
      .map((p) => route(vpcs[p.peer].cidr, { VpcPeeringConnectionId: p.pcx }));
    return [
      {
        RouteTableId: v.rtbMain,
        VpcId: v.id,
        OwnerId: ACCOUNT,
        Associations: [
          {
            Main: true,
            RouteTableAssociationId: `rtbassoc-${v.rtbMain.slice(4)}`,
            RouteTableId: v.rtbMain,
            AssociationState: { State: 'associated' },
          },
        ],
        Routes: [local],
        PropagatingVgws: [],
        Tags: tags(`vpc-${v.index}-main`),
      },
      {
        RouteTableId: v.rtbPublic,
        VpcId: v.id,
        OwnerId: ACCOUNT,
        Associations: assoc(v.rtbPublic, ['public-a', 'public-b']),
        Routes: [local, route('0.0.0.0/0', { GatewayId: v.igw })],
        PropagatingVgws: [],
        Tags: tags(`vpc-${v.index}-public`),
      },
      {
        RouteTableId: v.rtbPrivate,
        VpcId: v.id,
        OwnerId: ACCOUNT,
        Associations: assoc(v.rtbPrivate, ['app-a', 'app-b', 'data-a', 'data-b']),
        Routes: [
          local,
          ...peerRoutes,
          ...(attached.has(v.index) ? [route('10.0.0.0/8', { TransitGatewayId: tgwId })] : []),
          route('0.0.0.0/0', { NatGatewayId: v.nat }),
        ],
        PropagatingVgws: [],
        Tags: tags(`vpc-${v.index}-private`),
      },
    ];
  });

  const aclDocs = vpcs.flatMap((v) => {
    const assoc = (acl: string, names: string[]) =>
      names
        .filter((n) => v.subnets[n] !== undefined)
        .map((n) => ({
          NetworkAclAssociationId: `aclassoc-${v.subnets[n].id.slice(7)}`,
          NetworkAclId: acl,
          SubnetId: v.subnets[n].id,
        }));
    const publicIn = [
      aclEntry(50, false, 'deny', '-1', BLOCKLISTED),
      aclEntry(60, false, 'deny', '6', '0.0.0.0/0', [3389, 3389]),
      aclEntry(100, false, 'allow', '6', '0.0.0.0/0', [80, 80]),
      aclEntry(110, false, 'allow', '6', '0.0.0.0/0', [443, 443]),
      aclEntry(120, false, 'allow', '6', OFFICE, [22, 22]),
      aclEntry(130, false, 'allow', '6', '0.0.0.0/0', [1024, 65535]),
      aclEntry(140, false, 'allow', '17', '0.0.0.0/0', [1024, 65535]),
      aclEntry(150, false, 'allow', '-1', '10.0.0.0/8'),
      aclEntry(200, false, 'allow', '6', '0.0.0.0/0', [3389, 3389]),
    ];
    const privateIn = [
      aclEntry(90, false, 'deny', '6', `10.${v.index}.0.0/19`, [5432, 5432]),
      aclEntry(100, false, 'allow', '-1', '10.0.0.0/8'),
      aclEntry(110, false, 'allow', '6', '0.0.0.0/0', [1024, 65535]),
      aclEntry(120, false, 'allow', '17', '0.0.0.0/0', [1024, 65535]),
      aclEntry(130, false, 'deny', '-1', '0.0.0.0/0'),
      aclEntry(140, false, 'allow', '6', '0.0.0.0/0', [443, 443]),
    ];
    const allowOut = aclEntry(100, true, 'allow', '-1', '0.0.0.0/0');
    return [
      {
        NetworkAclId: v.aclDefault,
        VpcId: v.id,
        IsDefault: true,
        OwnerId: ACCOUNT,
        Associations: assoc(v.aclDefault, ['tgw-a', 'tgw-b']),
        Entries: [allowOut, aclEntry(100, false, 'allow', '-1', '0.0.0.0/0'), ...finalDeny()],
        Tags: [],
      },
      {
        NetworkAclId: v.aclPublic,
        VpcId: v.id,
        IsDefault: false,
        OwnerId: ACCOUNT,
        Associations: assoc(v.aclPublic, ['public-a', 'public-b']),
        Entries: [allowOut, ...publicIn, ...finalDeny()],
        Tags: tags(`vpc-${v.index}-public`),
      },
      {
        NetworkAclId: v.aclPrivate,
        VpcId: v.id,
        IsDefault: false,
        OwnerId: ACCOUNT,
        Associations: assoc(v.aclPrivate, ['app-a', 'app-b', 'data-a', 'data-b']),
        Entries: [allowOut, ...privateIn, ...finalDeny()],
        Tags: tags(`vpc-${v.index}-private`),
      },
    ];
  });

  const ownGroups: Json[] = [];
  const sgDocs = vpcs.flatMap((v) => {
    const group = (key: keyof VpcInfo['sg'], name: string, ingress: Json[], egress = allOut()) => ({
      Description: `${name} of vpc-${v.index}`,
      GroupName: name,
      GroupId: v.sg[key],
      OwnerId: ACCOUNT,
      VpcId: v.id,
      IpPermissions: ingress,
      IpPermissionsEgress: egress,
      Tags: tags(`vpc-${v.index}-${name}`),
    });
    const peerApps = peersOf(v.index).map((p) => vpcs[p.peer].sg.app);
    return [
      group('default', 'default', [sgRule('-1', 0, 0, { groups: [v.sg.default] })]),
      group('web', 'web', [
        sgRule('tcp', 80, 80, { cidrs: ['0.0.0.0/0'] }),
        sgRule('tcp', 443, 443, { cidrs: ['0.0.0.0/0'] }),
      ]),
      group('ssh', 'ssh', [sgRule('tcp', 22, 22, { cidrs: [OFFICE] })]),
      group('app', 'app', [sgRule('tcp', 8080, 8080, { groups: [v.sg.web] })]),
      group(
        'db',
        'db',
        [sgRule('tcp', 5432, 5432, { groups: [v.sg.app, ...peerApps] })],
        [sgRule('-1', 0, 0, { cidrs: ['10.0.0.0/8'] })],
      ),
      group('monitoring', 'monitoring', [
        sgRule('tcp', 9100, 9100, { cidrs: ['10.0.0.0/8'] }),
        sgRule('icmp', -1, -1, { cidrs: ['10.0.0.0/8'] }),
      ]),
    ];
  });

  const igwDocs = vpcs.map((v) => ({
    InternetGatewayId: v.igw,
    OwnerId: ACCOUNT,
    Attachments: [{ State: 'available', VpcId: v.id }],
    Tags: tags(`vpc-${v.index}-igw`),
  }));

  const natDocs = vpcs.map((v) => ({
    CreateTime: CREATED,
    NatGatewayAddresses: [
      {
        AllocationId: v.natAllocation,
        NetworkInterfaceId: v.natEni,
        PrivateIp: v.natPrivateIp,
        PublicIp: v.natPublicIp,
        IsPrimary: true,
        Status: 'succeeded',
      },
    ],
    NatGatewayId: v.nat,
    State: 'available',
    SubnetId: v.subnets['public-a'].id,
    VpcId: v.id,
    ConnectivityType: 'public',
    Tags: tags(`vpc-${v.index}-nat`),
  }));

  // ------------------------------------------------------------ instances
  const addresses: Json[] = vpcs.map((v) => ({
    AllocationId: v.natAllocation,
    AssociationId: `eipassoc-${v.natAllocation.slice(9)}`,
    Domain: 'vpc',
    NetworkInterfaceId: v.natEni,
    NetworkInterfaceOwnerId: ACCOUNT,
    PrivateIpAddress: v.natPrivateIp,
    PublicIp: v.natPublicIp,
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: REGION,
  }));
  const enis: Json[] = vpcs.map((v) => ({
    Association: {
      AllocationId: v.natAllocation,
      IpOwnerId: ACCOUNT,
      PublicIp: v.natPublicIp,
    },
    AvailabilityZone: v.subnets['public-a'].az,
    Description: `Interface for NAT Gateway ${v.nat}`,
    Groups: [],
    InterfaceType: 'nat_gateway',
    NetworkInterfaceId: v.natEni,
    OwnerId: ACCOUNT,
    PrivateIpAddress: v.natPrivateIp,
    PrivateIpAddresses: [
      {
        Association: { AllocationId: v.natAllocation, IpOwnerId: ACCOUNT, PublicIp: v.natPublicIp },
        Primary: true,
        PrivateIpAddress: v.natPrivateIp,
      },
    ],
    RequesterManaged: true,
    SourceDestCheck: false,
    Status: 'in-use',
    SubnetId: v.subnets['public-a'].id,
    VpcId: v.id,
  }));
  const generated: GeneratedInstance[] = [];
  const reservations: Json[] = [];
  let pending: Json[] = [];
  let reservationSize = 1 + rng.int(4);
  const flush = () => {
    if (pending.length === 0) return;
    reservations.push({
      Groups: [],
      Instances: pending,
      OwnerId: ACCOUNT,
      ReservationId: ids.id('r'),
    });
    pending = [];
    reservationSize = 1 + rng.int(4);
  };
  const perVpc = Math.floor(total / vpcCount);
  const extra = total % vpcCount;
  for (const v of vpcs) {
    const n = perVpc + (v.index < extra ? 1 : 0);
    for (let k = 0; k < n; k++) {
      const roll = rng.float();
      const role: Role =
        k === 0
          ? 'bastion'
          : k === 1
            ? 'web'
            : k === 2
              ? 'app'
              : k === 3
                ? 'db'
                : roll < 0.3
                  ? 'web'
                  : roll < 0.75
                    ? 'app'
                    : roll < 0.95
                      ? 'db'
                      : 'bastion';
      const side = rng.chance(0.5) ? 'a' : 'b';
      const tier =
        role === 'web' || role === 'bastion' ? 'public' : role === 'app' ? 'app' : 'data';
      const subnet = v.subnets[`${tier}-${side}`];
      const privateIp = dotted(subnet.base + subnet.next++);
      const secondIp =
        role === 'app' && rng.chance(0.05) ? dotted(subnet.base + subnet.next++) : undefined;
      const elastic = role === 'bastion';
      const publicIp =
        elastic || (role === 'web' && k === 1) || (role === 'web' && rng.chance(0.8));
      const pub = publicIp ? ids.publicIp() : undefined;
      const allocation = elastic ? ids.id('eipalloc') : undefined;
      const groups =
        role === 'web'
          ? rng.chance(0.1)
            ? [v.sg.web, v.sg.ssh, v.sg.monitoring]
            : [v.sg.web, v.sg.monitoring]
          : role === 'bastion'
            ? [v.sg.ssh, v.sg.monitoring]
            : role === 'app'
              ? [v.sg.app, v.sg.monitoring]
              : [v.sg.db, v.sg.monitoring];
      const running = k < 4 || !rng.chance(0.02);
      const instanceId = ids.id('i');
      const eniId = ids.id('eni');
      const association =
        pub === undefined
          ? {}
          : {
              Association: {
                IpOwnerId: elastic ? ACCOUNT : 'amazon',
                PublicDnsName: `ec2-${pub.replace(/\./g, '-')}.${REGION}.compute.amazonaws.com`,
                PublicIp: pub,
                ...(allocation === undefined ? {} : { AllocationId: allocation }),
              },
            };
      const privateAddresses = [
        {
          ...association,
          Primary: true,
          PrivateDnsName: `ip-${privateIp.replace(/\./g, '-')}.${REGION}.compute.internal`,
          PrivateIpAddress: privateIp,
        },
        ...(secondIp === undefined
          ? []
          : [
              {
                Primary: false,
                PrivateDnsName: `ip-${secondIp.replace(/\./g, '-')}.${REGION}.compute.internal`,
                PrivateIpAddress: secondIp,
              },
            ]),
      ];
      if (opts.ownGroups === true) {
        const own = ids.id('sg');
        const port = 10000 + (ownGroups.length % 50000);
        ownGroups.push({
          Description: `own group of an instance in vpc-${v.index}`,
          GroupName: `own-${ownGroups.length}`,
          GroupId: own,
          OwnerId: ACCOUNT,
          VpcId: v.id,
          IpPermissions: [sgRule('tcp', port, port, { cidrs: ['0.0.0.0/0'] })],
          IpPermissionsEgress: allOut(),
          Tags: tags(`own-${ownGroups.length}`),
        });
        groups.push(own);
      }
      const groupRefs = groups.map((g) => ({
        GroupId: g,
        GroupName:
          g === v.sg.web
            ? 'web'
            : g === v.sg.ssh
              ? 'ssh'
              : g === v.sg.app
                ? 'app'
                : g === v.sg.db
                  ? 'db'
                  : g === v.sg.monitoring
                    ? 'monitoring'
                    : `own-${ownGroups.length - 1}`,
      }));
      const attachment = {
        AttachTime: CREATED,
        AttachmentId: `eni-attach-${eniId.slice(4)}`,
        DeleteOnTermination: true,
        DeviceIndex: 0,
        Status: 'attached',
      };
      const eniBody = {
        ...association,
        Description: '',
        Groups: groupRefs,
        InterfaceType: 'interface',
        Ipv6Addresses: [],
        NetworkInterfaceId: eniId,
        OwnerId: ACCOUNT,
        PrivateDnsName: `ip-${privateIp.replace(/\./g, '-')}.${REGION}.compute.internal`,
        PrivateIpAddress: privateIp,
        PrivateIpAddresses: privateAddresses,
        SourceDestCheck: true,
        Status: 'in-use',
        SubnetId: subnet.id,
        VpcId: v.id,
      };
      enis.push({
        ...eniBody,
        Attachment: { ...attachment, InstanceId: instanceId, InstanceOwnerId: ACCOUNT },
        AvailabilityZone: subnet.az,
        RequesterManaged: false,
      });
      if (allocation !== undefined && pub !== undefined)
        addresses.push({
          AllocationId: allocation,
          AssociationId: `eipassoc-${allocation.slice(9)}`,
          Domain: 'vpc',
          InstanceId: instanceId,
          NetworkInterfaceId: eniId,
          NetworkInterfaceOwnerId: ACCOUNT,
          PrivateIpAddress: privateIp,
          PublicIp: pub,
          PublicIpv4Pool: 'amazon',
          NetworkBorderGroup: REGION,
        });
      pending.push({
        AmiLaunchIndex: pending.length,
        ImageId: 'ami-0fb653ca2d3203ac1',
        InstanceId: instanceId,
        InstanceType: role === 'db' ? 'r6g.large' : 't3.medium',
        LaunchTime: CREATED,
        Placement: { AvailabilityZone: subnet.az, GroupName: '', Tenancy: 'default' },
        PrivateDnsName: `ip-${privateIp.replace(/\./g, '-')}.${REGION}.compute.internal`,
        PrivateIpAddress: privateIp,
        ...(pub === undefined ? {} : { PublicIpAddress: pub }),
        State: running ? { Code: 16, Name: 'running' } : { Code: 80, Name: 'stopped' },
        SubnetId: subnet.id,
        VpcId: v.id,
        NetworkInterfaces: [{ ...eniBody, Attachment: attachment }],
        SecurityGroups: groupRefs,
        SourceDestCheck: true,
        Tags: tags(`vpc-${v.index}-${role}-${k}`, { Role: role }),
      });
      generated.push({
        id: instanceId,
        eniId,
        vpc: v.index,
        vpcId: v.id,
        role,
        subnetId: subnet.id,
        privateIp,
        ...(pub === undefined ? {} : { publicIp: pub }),
        running,
      });
      if (pending.length >= reservationSize) flush();
    }
  }
  flush();

  // ------------------------------------------------------------ between VPCs
  const peeringDocs = plan.peerings.map((p, k) => {
    const side = (i: number) => ({
      CidrBlock: vpcs[i].cidr,
      CidrBlockSet: [{ CidrBlock: vpcs[i].cidr }],
      OwnerId: ACCOUNT,
      PeeringOptions: {
        AllowDnsResolutionFromRemoteVpc: false,
        AllowEgressFromLocalClassicLinkToRemoteVpc: false,
        AllowEgressFromLocalVpcToRemoteClassicLink: false,
      },
      VpcId: vpcs[i].id,
      Region: REGION,
    });
    return {
      AccepterVpcInfo: side(p.b),
      RequesterVpcInfo: side(p.a),
      Status: { Code: 'active', Message: 'Active' },
      VpcPeeringConnectionId: peeringIds[k],
      Tags: tags(`vpc-${p.a}-to-vpc-${p.b}`),
    };
  });

  const attachedVpcs = vpcs.filter((v) => v.tgwAttachment !== undefined);
  const files: Record<string, unknown> = {
    'Vpcs.json': { Vpcs: vpcDocs },
    'Subnets.json': { Subnets: subnetDocs },
    'RouteTables.json': { RouteTables: routeTableDocs },
    'NetworkAcls.json': { NetworkAcls: aclDocs },
    'SecurityGroups.json': { SecurityGroups: [...sgDocs, ...ownGroups] },
    'InternetGateways.json': { InternetGateways: igwDocs },
    'NatGateways.json': { NatGateways: natDocs },
    'Addresses.json': { Addresses: addresses },
    'NetworkInterfaces.json': { NetworkInterfaces: enis },
    'Reservations.json': { Reservations: reservations },
    'VpcPeeringConnections.json': { VpcPeeringConnections: peeringDocs },
  };
  if (attachedVpcs.length > 0) {
    files['TransitGateways.json'] = {
      TransitGateways: [
        {
          TransitGatewayId: tgwId,
          TransitGatewayArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:transit-gateway/${tgwId}`,
          State: 'available',
          OwnerId: ACCOUNT,
          CreationTime: CREATED,
          Options: {
            AmazonSideAsn: 64512,
            AutoAcceptSharedAttachments: 'disable',
            DefaultRouteTableAssociation: 'enable',
            AssociationDefaultRouteTableId: tgwRtb,
            DefaultRouteTablePropagation: 'enable',
            PropagationDefaultRouteTableId: tgwRtb,
            VpnEcmpSupport: 'enable',
            DnsSupport: 'enable',
          },
          Tags: tags('core'),
        },
      ],
    };
    files['TransitGatewayAttachments.json'] = {
      TransitGatewayAttachments: [
        ...attachedVpcs.map((v) => ({
          TransitGatewayAttachmentId: v.tgwAttachment,
          TransitGatewayId: tgwId,
          TransitGatewayOwnerId: ACCOUNT,
          ResourceOwnerId: ACCOUNT,
          ResourceType: 'vpc',
          ResourceId: v.id,
          State: 'available',
          Association: { TransitGatewayRouteTableId: tgwRtb, State: 'associated' },
          CreationTime: CREATED,
          Tags: tags(`core-vpc-${v.index}`),
        })),
        {
          TransitGatewayAttachmentId: vpnAttachment,
          TransitGatewayId: tgwId,
          TransitGatewayOwnerId: ACCOUNT,
          ResourceOwnerId: ACCOUNT,
          ResourceType: 'vpn',
          ResourceId: 'vpn-0c0ffee0c0ffee000',
          State: 'available',
          Association: { TransitGatewayRouteTableId: tgwRtb, State: 'associated' },
          CreationTime: CREATED,
          Tags: tags('core-on-premises'),
        },
      ],
    };
    files['TransitGatewayVpcAttachments.json'] = {
      TransitGatewayVpcAttachments: attachedVpcs.map((v) => ({
        TransitGatewayAttachmentId: v.tgwAttachment,
        TransitGatewayId: tgwId,
        VpcId: v.id,
        VpcOwnerId: ACCOUNT,
        State: 'available',
        SubnetIds: [v.subnets['tgw-a'].id, v.subnets['tgw-b'].id],
        CreationTime: CREATED,
        Options: { DnsSupport: 'enable', Ipv6Support: 'disable' },
        Tags: tags(`core-vpc-${v.index}`),
      })),
    };
    files['TransitGatewayRouteTables.json'] = {
      TransitGatewayRouteTables: [
        {
          TransitGatewayRouteTableId: tgwRtb,
          TransitGatewayId: tgwId,
          State: 'available',
          DefaultAssociationRouteTable: true,
          DefaultPropagationRouteTable: true,
          CreationTime: CREATED,
          Tags: tags('core'),
        },
      ],
    };
    files['TransitGatewayPropagations.json'] = {
      TransitGatewayPropagations: [
        {
          TransitGatewayRouteTableId: tgwRtb,
          TransitGatewayRouteTablePropagations: attachedVpcs.map((v) => ({
            TransitGatewayAttachmentId: v.tgwAttachment,
            ResourceId: v.id,
            ResourceType: 'vpc',
            State: 'enabled',
          })),
        },
      ],
    };
    const q = plan.quarantined;
    files['TransitGatewayStaticRoutes.json'] = {
      TransitGatewayStaticRoutes: [
        {
          TransitGatewayRouteTableId: tgwRtb,
          Routes: [
            {
              DestinationCidrBlock: ON_PREM,
              TransitGatewayAttachments: [
                {
                  TransitGatewayAttachmentId: vpnAttachment,
                  ResourceId: 'vpn-0c0ffee0c0ffee000',
                  ResourceType: 'vpn',
                },
              ],
              Type: 'static',
              State: 'active',
            },
            ...(q === undefined
              ? []
              : [{ DestinationCidrBlock: vpcs[q].cidr, Type: 'static', State: 'blackhole' }]),
          ],
          AdditionalRoutesAvailable: false,
        },
      ],
    };
  }
  return { files, instances: generated, vpcIds: vpcs.map((v) => v.id), plan };
}

/** The describe-* documents of a generated network: file name → JSON object. */
export function generateNetwork(opts: NetworkOptions): Record<string, unknown> {
  return generate(opts).files;
}

/** Writes a generated network as a snapshot directory (one JSON file per describe call). */
export function writeNetwork(dir: string, opts: NetworkOptions): GeneratedNetwork {
  const net = generate(opts);
  mkdirSync(dir, { recursive: true });
  for (const [name, doc] of Object.entries(net.files))
    writeFileSync(join(dir, name), JSON.stringify(doc, null, 1) + '\n');
  return net;
}
