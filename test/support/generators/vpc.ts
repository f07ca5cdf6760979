/**
 * Grammar-based generator of AWS VPC snapshot directories (one
 * `describe-*` JSON file per call, as in `../shared/bench/network/*`) for
 * robustness tests: one to three VPCs, each with subnets, route tables
 * (local routes, a default route to an internet gateway, a NAT gateway, a
 * peering connection, a blackhole), network ACLs with numbered allow/deny
 * entries, security groups with CIDR and group-reference rules, network
 * interfaces with and without public addresses, instances in
 * `Reservations`, internet and NAT gateways, peering connections; and broken
 * snapshots: values of the wrong type, missing ids, bad CIDRs and addresses,
 * dangling references, files that are not JSON, unknown top-level keys,
 * empty directories. Each is labelled, together with endpoints to ask about.
 *
 * `fc.sample(arb, { seed, numRuns })` gives the same snapshots on every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type { GeneratedKind } from './c.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };

export interface GeneratedSnapshot {
  /** File name (relative to the snapshot directory) → text. */
  readonly files: Readonly<Record<string, string>>;
  /** Endpoints the snapshot has (instance ids, ENI ids, private and public addresses). */
  readonly endpoints: readonly string[];
  readonly kind: GeneratedKind;
  readonly note: string;
}

function pick<T>(items: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...items);
}

const PROTOCOLS = ['tcp', 'udp', 'icmp', '-1', '6', '17', '1', '50'] as const;
const CIDRS = [
  '0.0.0.0/0',
  '10.0.0.0/8',
  '203.0.113.0/24',
  '198.51.100.7/32',
  '10.1.0.0/16',
] as const;
const PORTS: readonly (readonly [number, number])[] = [
  [22, 22],
  [80, 80],
  [443, 443],
  [0, 65535],
  [1024, 65535],
  [3306, 3306],
];

interface Vpc {
  readonly id: string;
  readonly index: number;
  readonly subnets: number;
  readonly instances: number;
  readonly igw: boolean;
  readonly nat: boolean;
  readonly publicIps: boolean;
}

function sgRule(groups: readonly string[]): fc.Arbitrary<Doc> {
  return fc
    .record({
      p: pick(PROTOCOLS),
      ports: pick(PORTS),
      cidr: pick(CIDRS),
      byGroup: fc.boolean(),
      group: pick(groups),
    })
    .map(({ p, ports: [from, to], cidr, byGroup, group }) => {
      const peers: Doc = byGroup
        ? { UserIdGroupPairs: [{ GroupId: group }], IpRanges: [] }
        : { IpRanges: [{ CidrIp: cidr }] };
      if (p === '-1') return { IpProtocol: '-1', ...peers };
      if (p === 'icmp' || p === '1') return { IpProtocol: p, FromPort: 8, ToPort: -1, ...peers };
      return { IpProtocol: p, FromPort: from, ToPort: to, ...peers };
    });
}

function aclEntry(egress: boolean): fc.Arbitrary<Doc> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: 400 }),
      p: pick(['-1', '6', '17', '1']),
      ports: pick(PORTS),
      cidr: pick(CIDRS),
      allow: fc.boolean(),
    })
    .map(({ n, p, ports: [from, to], cidr, allow }) => ({
      CidrBlock: cidr,
      Egress: egress,
      Protocol: p,
      ...(p === '6' || p === '17' ? { PortRange: { From: from, To: to } } : {}),
      ...(p === '1' ? { IcmpTypeCode: { Type: -1, Code: -1 } } : {}),
      RuleAction: allow ? 'allow' : 'deny',
      RuleNumber: n,
    }));
}

const VPC_SPEC = fc.record({
  subnets: fc.integer({ min: 1, max: 2 }),
  instances: fc.integer({ min: 0, max: 3 }),
  igw: fc.boolean(),
  nat: fc.boolean(),
  publicIps: fc.boolean(),
});

/** The describe-* documents of a consistent snapshot, by file name. */
function validSnapshotDocs(): fc.Arbitrary<{
  docs: Record<string, Doc>;
  endpoints: string[];
}> {
  return fc
    .tuple(fc.array(VPC_SPEC, { minLength: 1, maxLength: 3 }), fc.boolean())
    .chain(([specs, peer]) => {
      const vpcs: Vpc[] = specs.map((s, i) => ({ ...s, id: `vpc-${i}`, index: i }));
      const groups = vpcs.flatMap((v) => [`sg-${v.index}a`, `sg-${v.index}b`]);
      const rules = fc.array(sgRule(groups), { minLength: 0, maxLength: 3 });
      const entries = fc.tuple(
        fc.array(aclEntry(false), { minLength: 0, maxLength: 3 }),
        fc.array(aclEntry(true), { minLength: 0, maxLength: 3 }),
      );
      return fc
        .tuple(
          fc.array(fc.tuple(rules, rules), { minLength: groups.length, maxLength: groups.length }),
          fc.array(fc.tuple(entries, fc.boolean()), {
            minLength: vpcs.length,
            maxLength: vpcs.length,
          }),
          fc.array(fc.constantFrom('igw', 'nat', 'peer', 'blackhole', 'none'), {
            minLength: vpcs.length,
            maxLength: vpcs.length,
          }),
        )
        .map(([sgRules, acls, defaults]) =>
          build(vpcs, groups, sgRules, acls, defaults, peer && vpcs.length > 1),
        );
    });
}

function build(
  vpcs: readonly Vpc[],
  groups: readonly string[],
  sgRules: readonly (readonly [Doc[], Doc[]])[],
  acls: readonly (readonly [readonly [Doc[], Doc[]], boolean])[],
  defaults: readonly string[],
  peer: boolean,
): { docs: Record<string, Doc>; endpoints: string[] } {
  const subnets: Doc[] = [];
  const routeTables: Doc[] = [];
  const networkAcls: Doc[] = [];
  const enis: Doc[] = [];
  const instances: Doc[] = [];
  const igws: Doc[] = [];
  const nats: Doc[] = [];
  const endpoints: string[] = [];
  const cidr = (v: Vpc) => `10.${v.index}.0.0/16`;
  for (const v of vpcs) {
    const subnetIds = Array.from({ length: v.subnets }, (_, s) => `subnet-${v.index}${s}`);
    subnetIds.forEach((id, s) =>
      subnets.push({
        SubnetId: id,
        VpcId: v.id,
        CidrBlock: `10.${v.index}.${s}.0/24`,
        AvailabilityZone: 'us-east-2a',
      }),
    );
    if (v.igw)
      igws.push({
        InternetGatewayId: `igw-${v.index}`,
        Attachments: [{ State: 'available', VpcId: v.id }],
      });
    if (v.nat)
      nats.push({
        NatGatewayId: `nat-${v.index}`,
        VpcId: v.id,
        SubnetId: subnetIds[0],
        State: 'available',
        NatGatewayAddresses: [
          { PrivateIp: `10.${v.index}.0.200`, PublicIp: `198.51.100.${10 + v.index}` },
        ],
      });
    const routes: Doc[] = [{ DestinationCidrBlock: cidr(v), GatewayId: 'local', State: 'active' }];
    const d = defaults[v.index];
    if (d === 'igw' && v.igw)
      routes.push({
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: `igw-${v.index}`,
        State: 'active',
      });
    if (d === 'nat' && v.nat)
      routes.push({
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: `nat-${v.index}`,
        State: 'active',
      });
    if (d === 'blackhole')
      routes.push({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-gone', State: 'blackhole' });
    if (peer && d === 'peer')
      for (const other of vpcs)
        if (other !== v)
          routes.push({
            DestinationCidrBlock: cidr(other),
            VpcPeeringConnectionId: 'pcx-1',
            State: 'active',
          });
    routeTables.push({
      RouteTableId: `rtb-${v.index}`,
      VpcId: v.id,
      Associations: [
        { Main: true, RouteTableId: `rtb-${v.index}` },
        ...subnetIds.map((s) => ({ Main: false, RouteTableId: `rtb-${v.index}`, SubnetId: s })),
      ],
      Routes: routes,
    });
    const [[ingress, egress], allowAll] = acls[v.index];
    const allow = (egress: boolean): Doc[] =>
      allowAll
        ? [
            {
              CidrBlock: '0.0.0.0/0',
              Egress: egress,
              Protocol: '-1',
              RuleAction: 'allow',
              RuleNumber: 1000,
            },
          ]
        : [];
    networkAcls.push({
      NetworkAclId: `acl-${v.index}`,
      VpcId: v.id,
      IsDefault: true,
      Associations: subnetIds.map((s) => ({ NetworkAclId: `acl-${v.index}`, SubnetId: s })),
      Entries: [
        ...ingress.filter((e, i) => ingress.findIndex((x) => x.RuleNumber === e.RuleNumber) === i),
        ...egress.filter((e, i) => egress.findIndex((x) => x.RuleNumber === e.RuleNumber) === i),
        ...allow(false),
        ...allow(true),
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '-1',
          RuleAction: 'deny',
          RuleNumber: 32767,
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
    for (let k = 0; k < v.instances; k++) {
      const subnet = k % v.subnets;
      const ip = `10.${v.index}.${subnet}.${10 + k}`;
      const pub = v.publicIps ? `203.0.113.${10 * v.index + k + 1}` : undefined;
      const assoc: Doc =
        pub === undefined ? {} : { Association: { PublicIp: pub, IpOwnerId: 'amazon' } };
      const eniId = `eni-${v.index}${k}`;
      const instanceId = `i-${v.index}${k}`;
      const sg = `sg-${v.index}${k % 2 === 0 ? 'a' : 'b'}`;
      const eni: Doc = {
        NetworkInterfaceId: eniId,
        SubnetId: `subnet-${v.index}${subnet}`,
        VpcId: v.id,
        PrivateIpAddress: ip,
        ...assoc,
        PrivateIpAddresses: [{ PrivateIpAddress: ip, Primary: true, ...assoc }],
        Groups: [{ GroupId: sg }],
        SourceDestCheck: true,
        InterfaceType: 'interface',
        Attachment: { InstanceId: instanceId, DeviceIndex: 0, Status: 'attached' },
      };
      enis.push(eni);
      instances.push({
        InstanceId: instanceId,
        VpcId: v.id,
        SubnetId: `subnet-${v.index}${subnet}`,
        PrivateIpAddress: ip,
        NetworkInterfaces: [eni],
      });
      endpoints.push(instanceId, eniId, ip, ...(pub === undefined ? [] : [pub]));
    }
  }
  const securityGroups = groups.map((g, i) => ({
    GroupId: g,
    GroupName: g,
    VpcId: `vpc-${g.slice(3, -1)}`,
    IpPermissions: sgRules[i][0],
    IpPermissionsEgress:
      sgRules[i][1].length === 0
        ? [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]
        : sgRules[i][1],
  }));
  const docs: Record<string, Doc> = {
    'Vpcs.json': {
      Vpcs: vpcs.map((v) => ({
        VpcId: v.id,
        CidrBlock: cidr(v),
        CidrBlockAssociationSet: [{ CidrBlock: cidr(v), CidrBlockState: { State: 'associated' } }],
      })),
    },
    'Subnets.json': { Subnets: subnets },
    'RouteTables.json': { RouteTables: routeTables },
    'NetworkAcls.json': { NetworkAcls: networkAcls },
    'SecurityGroups.json': { SecurityGroups: securityGroups },
    'NetworkInterfaces.json': { NetworkInterfaces: enis },
    'Reservations.json': { Reservations: [{ Instances: instances }] },
    'InternetGateways.json': { InternetGateways: igws },
  };
  if (nats.length > 0) docs['NatGateways.json'] = { NatGateways: nats };
  if (peer)
    docs['VpcPeeringConnections.json'] = {
      VpcPeeringConnections: [
        {
          VpcPeeringConnectionId: 'pcx-1',
          Status: { Code: 'active' },
          RequesterVpcInfo: {
            VpcId: vpcs[0].id,
            CidrBlock: cidr(vpcs[0]),
            OwnerId: '111122223333',
          },
          AccepterVpcInfo: { VpcId: vpcs[1].id, CidrBlock: cidr(vpcs[1]), OwnerId: '111122223333' },
        },
      ],
    };
  return { docs, endpoints };
}

/** Breakages of a snapshot's documents. */
const SNAPSHOT_BREAKAGES: readonly (readonly [
  string,
  (docs: Record<string, Doc>) => Record<string, Json>,
])[] = [
  ['Vpcs not a list', (d) => ({ ...d, 'Vpcs.json': { Vpcs: 'vpc-0' } })],
  ['VpcId missing', (d) => ({ ...d, 'Vpcs.json': { Vpcs: [{ CidrBlock: '10.0.0.0/16' }] } })],
  [
    'VpcId a number',
    (d) => ({ ...d, 'Vpcs.json': { Vpcs: [{ VpcId: 7, CidrBlock: '10.0.0.0/16' }] } }),
  ],
  [
    'bad VPC CIDR',
    (d) => ({ ...d, 'Vpcs.json': { Vpcs: [{ VpcId: 'vpc-0', CidrBlock: '10.0.0.0/33' }] } }),
  ],
  [
    'bad subnet CIDR',
    (d) => editList(d, 'Subnets.json', 'Subnets', (s) => ({ ...s, CidrBlock: '10.0.0.300/24' })),
  ],
  [
    'subnet of an unknown VPC',
    (d) => editList(d, 'Subnets.json', 'Subnets', (s) => ({ ...s, VpcId: 'vpc-nowhere' })),
  ],
  [
    'route to nothing',
    (d) =>
      editList(d, 'RouteTables.json', 'RouteTables', (r) => ({
        ...r,
        Routes: [{ DestinationCidrBlock: '0.0.0.0/0', State: 'active' }],
      })),
  ],
  [
    'route with a bad CIDR',
    (d) =>
      editList(d, 'RouteTables.json', 'RouteTables', (r) => ({
        ...r,
        Routes: [{ DestinationCidrBlock: 'everywhere', GatewayId: 'local' }],
      })),
  ],
  [
    'route to an unknown gateway',
    (d) =>
      editList(d, 'RouteTables.json', 'RouteTables', (r) => ({
        ...r,
        Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-unknown', State: 'active' }],
      })),
  ],
  [
    'Routes an object',
    (d) => editList(d, 'RouteTables.json', 'RouteTables', (r) => ({ ...r, Routes: { a: 1 } })),
  ],
  [
    'ACL entry without a number',
    (d) =>
      editList(d, 'NetworkAcls.json', 'NetworkAcls', (a) => ({
        ...a,
        Entries: [{ CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow' }],
      })),
  ],
  [
    'ACL entry odd action',
    (d) =>
      editList(d, 'NetworkAcls.json', 'NetworkAcls', (a) => ({
        ...a,
        Entries: [
          {
            CidrBlock: '0.0.0.0/0',
            Egress: false,
            Protocol: '-1',
            RuleAction: 'maybe',
            RuleNumber: 1,
          },
        ],
      })),
  ],
  [
    'ACL protocol a word',
    (d) =>
      editList(d, 'NetworkAcls.json', 'NetworkAcls', (a) => ({
        ...a,
        Entries: [
          {
            CidrBlock: '0.0.0.0/0',
            Egress: true,
            Protocol: 'tcp-ish',
            RuleAction: 'allow',
            RuleNumber: 2,
          },
        ],
      })),
  ],
  [
    'ACL port range reversed',
    (d) =>
      editList(d, 'NetworkAcls.json', 'NetworkAcls', (a) => ({
        ...a,
        Entries: [
          {
            CidrBlock: '0.0.0.0/0',
            Egress: false,
            Protocol: '6',
            PortRange: { From: 90, To: 80 },
            RuleAction: 'allow',
            RuleNumber: 3,
          },
        ],
      })),
  ],
  [
    'SG rule ports out of range',
    (d) =>
      editList(d, 'SecurityGroups.json', 'SecurityGroups', (g) => ({
        ...g,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 70000, ToPort: -5, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        ],
      })),
  ],
  [
    'SG rule bad CIDR',
    (d) =>
      editList(d, 'SecurityGroups.json', 'SecurityGroups', (g) => ({
        ...g,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '1.2.3/8' }] },
        ],
      })),
  ],
  [
    'SG rule references an unknown group',
    (d) =>
      editList(d, 'SecurityGroups.json', 'SecurityGroups', (g) => ({
        ...g,
        IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-unknown' }] }],
      })),
  ],
  [
    'SG rule IPv6 only',
    (d) =>
      editList(d, 'SecurityGroups.json', 'SecurityGroups', (g) => ({
        ...g,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
        ],
      })),
  ],
  [
    'SG rule prefix list',
    (d) =>
      editList(d, 'SecurityGroups.json', 'SecurityGroups', (g) => ({
        ...g,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 443,
            ToPort: 443,
            PrefixListIds: [{ PrefixListId: 'pl-123' }],
          },
        ],
      })),
  ],
  [
    'ENI bad address',
    (d) =>
      editList(d, 'NetworkInterfaces.json', 'NetworkInterfaces', (e) => ({
        ...e,
        PrivateIpAddress: '10.0.0.999',
        PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.999', Primary: true }],
      })),
  ],
  [
    'ENI in an unknown subnet',
    (d) =>
      editList(d, 'NetworkInterfaces.json', 'NetworkInterfaces', (e) => ({
        ...e,
        SubnetId: 'subnet-nowhere',
      })),
  ],
  [
    'ENI of an unknown group',
    (d) =>
      editList(d, 'NetworkInterfaces.json', 'NetworkInterfaces', (e) => ({
        ...e,
        Groups: [{ GroupId: 'sg-nowhere' }],
      })),
  ],
  [
    'ENI Groups a string',
    (d) =>
      editList(d, 'NetworkInterfaces.json', 'NetworkInterfaces', (e) => ({
        ...e,
        Groups: 'sg-0a',
      })),
  ],
  ['duplicate VPC id', (d) => ({ ...d, 'Vpcs2.json': d['Vpcs.json'] })],
  [
    'Reservations not a list',
    (d) => ({ ...d, 'Reservations.json': { Reservations: { Instances: [] } } }),
  ],
  ['unknown top-level key', (d) => ({ ...d, 'Other.json': { LoadBalancers: [], NextToken: 'x' } })],
  ['top-level list', (d) => ({ ...d, 'List.json': [1, 2, 3] })],
  ['top-level null', (d) => ({ ...d, 'Null.json': null })],
  ['everything removed', () => ({})],
  ['only gateways', (d) => ({ 'InternetGateways.json': d['InternetGateways.json'] })],
  [
    'transit gateway without its tables',
    (d) => ({
      ...d,
      'TransitGateways.json': {
        TransitGateways: [{ TransitGatewayId: 'tgw-1', State: 'available' }],
      },
      'TransitGatewayAttachments.json': {
        TransitGatewayAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-att-1',
            TransitGatewayId: 'tgw-1',
            ResourceType: 'vpn',
            ResourceId: 'vpn-1',
            State: 'available',
          },
        ],
      },
    }),
  ],
];

function editList(
  docs: Record<string, Doc>,
  file: string,
  key: string,
  f: (d: Doc) => Doc,
): Record<string, Json> {
  const doc = docs[file];
  const list = doc?.[key];
  if (!Array.isArray(list) || list.length === 0) return docs;
  return { ...docs, [file]: { ...doc, [key]: [f(list[0] as Doc), ...list.slice(1)] } };
}

/** Textual breakages of one file. */
const SNAPSHOT_TEXT_BREAKAGES: readonly (readonly [
  string,
  (text: string, at: number) => string,
])[] = [
  ['truncated JSON', (t, at) => t.slice(0, at % Math.max(1, t.length))],
  ['trailing commas', (t) => t.replace(/\]\s*\}\s*$/, '],}')],
  ['Python repr', (t) => t.replace(/"/g, "'").replace(/true/g, 'True')],
  ['empty file', () => ''],
  ['NUL bytes', () => '\u0000\u0000'],
  ['byte-order mark', (t) => `\ufeff${t}`],
  ['duplicate key', (t) => t.replace(/^\{/, '{"Vpcs": [],')],
];

function render(docs: Record<string, Json>, pretty: boolean): Record<string, string> {
  return Object.fromEntries(
    Object.entries(docs).map(([f, d]) => [f, JSON.stringify(d, null, pretty ? 1 : 0)]),
  );
}

export function validSnapshot(): fc.Arbitrary<GeneratedSnapshot> {
  return fc
    .tuple(validSnapshotDocs(), fc.boolean(), fc.boolean())
    .map(([{ docs, endpoints }, pretty, nested]) => {
      const files = render(docs, pretty);
      return {
        // A region per sub-directory is allowed too.
        files: nested
          ? Object.fromEntries(Object.entries(files).map(([f, t]) => [`us-east-2/${f}`, t]))
          : files,
        endpoints,
        kind: 'valid' as const,
        note: nested ? 'in a sub-directory' : '',
      };
    });
}

export function brokenSnapshot(): fc.Arbitrary<GeneratedSnapshot> {
  return fc.oneof(
    fc
      .tuple(validSnapshotDocs(), pick(SNAPSHOT_BREAKAGES))
      .map(([{ docs, endpoints }, [note, broken]]) => ({
        files: render(broken(docs), true),
        endpoints,
        kind: 'malformed' as const,
        note,
      })),
    fc
      .tuple(
        validSnapshotDocs(),
        pick(SNAPSHOT_TEXT_BREAKAGES),
        fc.nat({ max: 100_000 }),
        fc.nat({ max: 100 }),
      )
      .map(([{ docs, endpoints }, [note, broken], at, which]) => {
        const files = render(docs, true);
        const names = Object.keys(files).sort();
        const name = names[which % names.length];
        return {
          files: { ...files, [name]: broken(files[name], at) },
          endpoints,
          kind: 'malformed' as const,
          note: `${note} (${name})`,
        };
      }),
  );
}

/** Any generated snapshot: valid or broken. */
export function snapshot(): fc.Arbitrary<GeneratedSnapshot> {
  return fc.oneof(
    { weight: 3, arbitrary: validSnapshot() },
    { weight: 2, arbitrary: brokenSnapshot() },
  );
}

/** Writes a snapshot's files under `dir`. */
export function writeSnapshot(dir: string, s: GeneratedSnapshot): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(s.files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
