/** Small hand-written snapshots (describe-* shapes) for the network tests. */
import assert from 'node:assert/strict';
import {
  forward,
  type ForwardResult,
  type Packet,
  type Start,
} from '../../src/net/forward/index.js';
import { parseIpv4 } from '../../src/core/ip.js';
import type { NetworkModel } from '../../src/net/model.js';
import { buildSnapshot } from '../../src/net/snapshot.js';
import { renderDiagnostic } from '../../src/core/diagnostic.js';

export type Doc = Record<string, unknown>;

/** Builds a model from describe-* documents, asserting the loader reports nothing. */
export function model(...docs: Doc[]): NetworkModel {
  const snap = buildSnapshot(docs.map((d, i) => ({ file: `f${i}.json`, text: JSON.stringify(d) })));
  assert.deepEqual(snap.diagnostics.map(renderDiagnostic), []);
  return snap.model;
}

export function ip(text: string): number {
  const v = parseIpv4(text);
  assert.ok(v !== undefined, text);
  return v;
}

export function tcp(src: string, dst: string, dstPort: number, srcPort = 49152): Packet {
  return { srcIp: ip(src), dstIp: ip(dst), protocol: 6, srcPort, dstPort };
}

export function send(m: NetworkModel, start: Start, p: Packet): ForwardResult {
  return forward(m, start, p);
}

export const allowAll = (egress: boolean): Doc[] => [
  { CidrBlock: '0.0.0.0/0', Egress: egress, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
  { CidrBlock: '0.0.0.0/0', Egress: egress, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
];

export function vpc(id: string, cidr: string): Doc {
  return {
    VpcId: id,
    CidrBlock: cidr,
    CidrBlockAssociationSet: [{ CidrBlock: cidr, CidrBlockState: { State: 'associated' } }],
  };
}

export function subnet(id: string, vpcId: string, cidr: string, az = 'us-east-2a'): Doc {
  return { SubnetId: id, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az };
}

export function acl(
  id: string,
  vpcId: string,
  subnets: string[],
  entries: Doc[],
  isDefault = false,
): Doc {
  return {
    NetworkAclId: id,
    VpcId: vpcId,
    IsDefault: isDefault,
    Associations: subnets.map((s) => ({ NetworkAclId: id, SubnetId: s })),
    Entries: entries,
  };
}

export function rtb(
  id: string,
  vpcId: string,
  subnets: string[],
  routes: Doc[],
  main = false,
): Doc {
  return {
    RouteTableId: id,
    VpcId: vpcId,
    Associations: [
      ...(main ? [{ Main: true, RouteTableId: id }] : []),
      ...subnets.map((s) => ({ Main: false, RouteTableId: id, SubnetId: s })),
    ],
    Routes: routes,
  };
}

export function sg(
  id: string,
  vpcId: string,
  ingress: Doc[],
  egress: Doc[] = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
): Doc {
  return {
    GroupId: id,
    GroupName: id,
    VpcId: vpcId,
    IpPermissions: ingress,
    IpPermissionsEgress: egress,
  };
}

export function eni(
  id: string,
  subnetId: string,
  vpcId: string,
  privateIp: string,
  groups: string[],
  publicIp?: string,
): Doc {
  const assoc =
    publicIp === undefined ? {} : { Association: { PublicIp: publicIp, IpOwnerId: 'amazon' } };
  return {
    NetworkInterfaceId: id,
    SubnetId: subnetId,
    VpcId: vpcId,
    PrivateIpAddress: privateIp,
    ...assoc,
    PrivateIpAddresses: [{ PrivateIpAddress: privateIp, Primary: true, ...assoc }],
    Groups: groups.map((g) => ({ GroupId: g })),
    SourceDestCheck: true,
    InterfaceType: 'interface',
    Attachment: { AttachTime: '2019-08-06 23:40:11+00:00', DeviceIndex: 0 },
  };
}

type PublicExtra = { acl?: Doc[]; routes?: Doc[]; enis?: Doc[]; sgIngress?: Doc[] };

/** One VPC, one public subnet with an IGW, an instance with a public IP allowing SSH. */
export function publicSubnet(extra: PublicExtra = {}): NetworkModel {
  return model(...publicSubnetDocs(extra));
}

/** The describe-* documents of `publicSubnet`. */
export function publicSubnetDocs(extra: PublicExtra = {}): Doc[] {
  return [
    { Vpcs: [vpc('vpc-1', '10.0.0.0/16')] },
    { Subnets: [subnet('subnet-pub', 'vpc-1', '10.0.0.0/24')] },
    {
      RouteTables: [
        rtb(
          'rtb-pub',
          'vpc-1',
          ['subnet-pub'],
          [
            { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
            { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
            ...(extra.routes ?? []),
          ],
        ),
        rtb(
          'rtb-main',
          'vpc-1',
          [],
          [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }],
          true,
        ),
      ],
    },
    {
      NetworkAcls: [
        acl(
          'acl-1',
          'vpc-1',
          ['subnet-pub'],
          extra.acl ?? [...allowAll(true), ...allowAll(false)],
          true,
        ),
      ],
    },
    {
      InternetGateways: [
        { InternetGatewayId: 'igw-1', Attachments: [{ State: 'available', VpcId: 'vpc-1' }] },
      ],
    },
    {
      SecurityGroups: [
        sg(
          'sg-web',
          'vpc-1',
          extra.sgIngress ?? [
            { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          ],
        ),
      ],
    },
    {
      NetworkInterfaces: [
        eni('eni-web', 'subnet-pub', 'vpc-1', '10.0.0.91', ['sg-web'], '18.216.80.133'),
        ...(extra.enis ?? []),
      ],
    },
  ];
}

/** Two VPCs (10.20/16 with eni-1 at 10.20.1.5, 10.30/16 with eni-2 at 10.30.1.5) joined by transit gateway tgw-1 (propagated routes; a VPN attachment att-vpn). */
export function transitPair(
  staticRoutes: Doc[] = [],
  extraPropagations: Doc[] = [],
  /** The destination vpc-1's route table sends to tgw-1. */
  vpc1ToTgw = '10.0.0.0/8',
): NetworkModel {
  return model(
    { Vpcs: [vpc('vpc-1', '10.20.0.0/16'), vpc('vpc-2', '10.30.0.0/16')] },
    { Subnets: [subnet('s-1', 'vpc-1', '10.20.1.0/24'), subnet('s-2', 'vpc-2', '10.30.1.0/24')] },
    {
      RouteTables: [
        rtb(
          'rtb-1',
          'vpc-1',
          [],
          [
            { DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local' },
            { DestinationCidrBlock: vpc1ToTgw, TransitGatewayId: 'tgw-1' },
          ],
          true,
        ),
        rtb(
          'rtb-2',
          'vpc-2',
          [],
          [
            { DestinationCidrBlock: '10.30.0.0/16', GatewayId: 'local' },
            { DestinationCidrBlock: '10.0.0.0/8', TransitGatewayId: 'tgw-1' },
          ],
          true,
        ),
      ],
    },
    {
      NetworkAcls: [
        acl('acl-1', 'vpc-1', [], [...allowAll(true), ...allowAll(false)], true),
        acl('acl-2', 'vpc-2', [], [...allowAll(true), ...allowAll(false)], true),
      ],
    },
    {
      SecurityGroups: [
        sg('sg-any', 'vpc-1', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }]),
      ],
    },
    {
      NetworkInterfaces: [
        eni('eni-1', 's-1', 'vpc-1', '10.20.1.5', ['sg-any']),
        eni('eni-2', 's-2', 'vpc-2', '10.30.1.5', ['sg-any']),
      ],
    },
    { TransitGateways: [{ TransitGatewayId: 'tgw-1', State: 'available', Options: {} }] },
    {
      TransitGatewayAttachments: [
        {
          TransitGatewayAttachmentId: 'att-1',
          TransitGatewayId: 'tgw-1',
          ResourceType: 'vpc',
          ResourceId: 'vpc-1',
          State: 'available',
          Association: { State: 'associated', TransitGatewayRouteTableId: 'tgw-rtb-1' },
        },
        {
          TransitGatewayAttachmentId: 'att-2',
          TransitGatewayId: 'tgw-1',
          ResourceType: 'vpc',
          ResourceId: 'vpc-2',
          State: 'available',
          Association: { State: 'associated', TransitGatewayRouteTableId: 'tgw-rtb-1' },
        },
        {
          TransitGatewayAttachmentId: 'att-vpn',
          TransitGatewayId: 'tgw-1',
          ResourceType: 'vpn',
          ResourceId: 'vpn-1',
          State: 'available',
        },
      ],
    },
    {
      TransitGatewayVpcAttachments: [
        {
          TransitGatewayAttachmentId: 'att-1',
          TransitGatewayId: 'tgw-1',
          VpcId: 'vpc-1',
          SubnetIds: ['s-1'],
          State: 'available',
        },
        {
          TransitGatewayAttachmentId: 'att-2',
          TransitGatewayId: 'tgw-1',
          VpcId: 'vpc-2',
          SubnetIds: ['s-2'],
          State: 'available',
        },
      ],
    },
    {
      TransitGatewayRouteTables: [
        { TransitGatewayRouteTableId: 'tgw-rtb-1', TransitGatewayId: 'tgw-1' },
      ],
    },
    {
      TransitGatewayPropagations: [
        {
          TransitGatewayRouteTableId: 'tgw-rtb-1',
          TransitGatewayRouteTablePropagations: [
            { TransitGatewayAttachmentId: 'att-1', State: 'enabled' },
            { TransitGatewayAttachmentId: 'att-2', State: 'enabled' },
            ...extraPropagations,
          ],
        },
      ],
    },
    {
      TransitGatewayStaticRoutes: [
        { TransitGatewayRouteTableId: 'tgw-rtb-1', Routes: staticRoutes },
      ],
    },
  );
}

/**
 * One VPC (10.1/16): a public subnet (10.1.250/24, route 0/0 -> igw-n) holding
 * NAT gateway nat-1 (10.1.250.210, Elastic IP 3.135.127.225) and a private
 * subnet (10.1.1/24, route 0/0 -> nat-1) with eni-priv (10.1.1.10, sg-priv: no
 * inbound rule, all outbound).
 */
export function natVpc(extra: { enis?: Doc[]; sgs?: Doc[] } = {}): NetworkModel {
  return model(
    { Vpcs: [vpc('vpc-n', '10.1.0.0/16')] },
    {
      Subnets: [
        subnet('subnet-pub', 'vpc-n', '10.1.250.0/24'),
        subnet('subnet-priv', 'vpc-n', '10.1.1.0/24'),
      ],
    },
    {
      RouteTables: [
        rtb(
          'rtb-pub',
          'vpc-n',
          ['subnet-pub'],
          [
            { DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local' },
            { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-n' },
          ],
        ),
        rtb(
          'rtb-priv',
          'vpc-n',
          ['subnet-priv'],
          [
            { DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local' },
            { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' },
          ],
        ),
      ],
    },
    {
      NetworkAcls: [
        acl(
          'acl-n',
          'vpc-n',
          ['subnet-pub', 'subnet-priv'],
          [...allowAll(true), ...allowAll(false)],
          true,
        ),
      ],
    },
    {
      InternetGateways: [
        { InternetGatewayId: 'igw-n', Attachments: [{ State: 'available', VpcId: 'vpc-n' }] },
      ],
    },
    {
      NatGateways: [
        {
          CreateTime: '2020-03-03 01:21:01+00:00',
          NatGatewayId: 'nat-1',
          State: 'available',
          SubnetId: 'subnet-pub',
          VpcId: 'vpc-n',
          NatGatewayAddresses: [
            { PrivateIp: '10.1.250.210', PublicIp: '3.135.127.225', NetworkInterfaceId: 'eni-nat' },
          ],
        },
      ],
    },
    { SecurityGroups: [sg('sg-priv', 'vpc-n', []), ...(extra.sgs ?? [])] },
    {
      NetworkInterfaces: [
        eni('eni-priv', 'subnet-priv', 'vpc-n', '10.1.1.10', ['sg-priv']),
        {
          ...eni('eni-nat', 'subnet-pub', 'vpc-n', '10.1.250.210', [], '3.135.127.225'),
          InterfaceType: 'nat_gateway',
        },
        ...(extra.enis ?? []),
      ],
    },
  );
}

/**
 * Two VPCs joined by active peering pcx-1: vpc-a (10.0/16; eni-app 10.0.1.10
 * in sg-app, eni-other 10.0.1.11 in sg-other, eni-db 10.0.2.20 in sg-db which
 * admits tcp/5432 from members of sg-app) routes 10.1/16 and 10.2/16 to pcx-1;
 * vpc-b (10.1/16; eni-b 10.1.1.10, sg-b admits all from 10/8) has a local
 * route plus `routesB`.
 */
export function peeredVpcs(routesB: Doc[]): NetworkModel {
  return model(
    { Vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')] },
    {
      Subnets: [
        subnet('subnet-a', 'vpc-a', '10.0.1.0/24'),
        subnet('subnet-a2', 'vpc-a', '10.0.2.0/24'),
        subnet('subnet-b', 'vpc-b', '10.1.1.0/24'),
      ],
    },
    {
      RouteTables: [
        rtb(
          'rtb-a',
          'vpc-a',
          [],
          [
            { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
            { DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: 'pcx-1' },
            { DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: 'pcx-1' },
          ],
          true,
        ),
        rtb(
          'rtb-b',
          'vpc-b',
          [],
          [{ DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local' }, ...routesB],
          true,
        ),
      ],
    },
    {
      NetworkAcls: [
        acl('acl-a', 'vpc-a', [], [...allowAll(true), ...allowAll(false)], true),
        acl('acl-b', 'vpc-b', [], [...allowAll(true), ...allowAll(false)], true),
      ],
    },
    {
      VpcPeeringConnections: [
        {
          VpcPeeringConnectionId: 'pcx-1',
          Status: { Code: 'active', Message: 'Active' },
          RequesterVpcInfo: {
            VpcId: 'vpc-a',
            CidrBlock: '10.0.0.0/16',
            CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }],
          },
          AccepterVpcInfo: { VpcId: 'vpc-b', CidrBlock: '10.1.0.0/16' },
        },
      ],
    },
    {
      SecurityGroups: [
        sg('sg-app', 'vpc-a', []),
        sg('sg-other', 'vpc-a', []),
        sg('sg-db', 'vpc-a', [
          {
            IpProtocol: 'tcp',
            FromPort: 5432,
            ToPort: 5432,
            UserIdGroupPairs: [{ GroupId: 'sg-app', UserId: '1' }],
          },
        ]),
        sg('sg-b', 'vpc-b', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }]),
      ],
    },
    {
      NetworkInterfaces: [
        eni('eni-app', 'subnet-a', 'vpc-a', '10.0.1.10', ['sg-app']),
        eni('eni-other', 'subnet-a', 'vpc-a', '10.0.1.11', ['sg-other']),
        eni('eni-db', 'subnet-a2', 'vpc-a', '10.0.2.20', ['sg-db']),
        eni('eni-b', 'subnet-b', 'vpc-b', '10.1.1.10', ['sg-b']),
      ],
    },
  );
}
