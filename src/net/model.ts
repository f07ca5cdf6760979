/**
 * The typed AWS VPC network model that `snapshot.ts` builds from `describe-*`
 * output and the forwarder (`forward/`) interprets.
 *
 * It keeps exactly what decides whether an IPv4 packet gets through, in the
 * vocabulary of the EC2 API (ids are the API's ids, so an explanation can name
 * `rtb-…`, `acl-…`, `sg-…`): VPCs and their CIDR blocks; subnets with their
 * route-table and network-ACL associations (a subnet without an explicit
 * association uses its VPC's main route table / default network ACL, as EC2
 * does — `subnetRouteTable` in forward/route-table.ts and `subnetNetworkAcl` in
 * forward/nacl.ts resolve that); route tables with routes (destination CIDR or
 * prefix list; target; active or blackhole); security groups (IpPermissions /
 * IpPermissionsEgress); network ACLs (numbered entries, both directions); ENIs
 * and instances (private IPs with their public / Elastic IP associations,
 * subnet, groups, source/dest check); internet gateways, NAT gateways, VPC
 * peering connections, transit gateways with their attachments and route
 * tables, gateway VPC endpoints and prefix lists.
 *
 * Every element remembers where it came from (`source`: file and JSON path),
 * so an explanation can point at the snapshot.
 *
 * Not modelled (kept out on purpose, see forward/index.ts for the
 * consequences): IPv6 forwarding (IPv6 blocks are kept as text only),
 * egress-only internet gateways, virtual private gateways / VPN / Direct
 * Connect beyond naming them, gateway route tables (ingress routing), Gateway
 * Load Balancer endpoints, interface endpoint policies, managed prefix list
 * versions, regions and accounts (ids are assumed unique across the snapshot).
 */
import type { Cidr4, Ipv4 } from '../core/ip.js';

/** Where an element was read: the snapshot file and the JSON path inside it. */
export interface SourceRef {
  readonly file: string;
  readonly jsonPath: string;
}

export interface Vpc {
  readonly id: string;
  readonly cidrs: readonly Cidr4[];
  readonly ipv6Cidrs: readonly string[];
  readonly source: SourceRef;
}

export interface Subnet {
  readonly id: string;
  readonly vpcId: string;
  readonly cidr: Cidr4;
  readonly availabilityZone?: string;
  readonly source: SourceRef;
}

/** Where a route sends matching packets. `other` keeps a target arc does not interpret. */
export type RouteTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'igw'; readonly id: string }
  | { readonly kind: 'egress-only-igw'; readonly id: string }
  | { readonly kind: 'vgw'; readonly id: string }
  | { readonly kind: 'nat'; readonly id: string }
  | { readonly kind: 'pcx'; readonly id: string }
  | { readonly kind: 'tgw'; readonly id: string }
  | { readonly kind: 'eni'; readonly id: string }
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'vpce'; readonly id: string }
  | { readonly kind: 'other'; readonly field: string; readonly id: string };

export type RouteDestination =
  | { readonly kind: 'cidr'; readonly cidr: Cidr4 }
  | { readonly kind: 'prefix-list'; readonly id: string }
  | { readonly kind: 'ipv6'; readonly text: string };

export interface Route {
  readonly destination: RouteDestination;
  readonly target: RouteTarget;
  /** `blackhole`: the target is gone (deleted NAT gateway, detached IGW…); matching packets are dropped. */
  readonly state: 'active' | 'blackhole';
  readonly source: SourceRef;
}

export interface RouteTable {
  readonly id: string;
  readonly vpcId: string;
  readonly main: boolean;
  /** Subnets explicitly associated with this table. */
  readonly subnetIds: readonly string[];
  readonly routes: readonly Route[];
  readonly source: SourceRef;
}

/** `all` is protocol `-1`; otherwise an IP protocol number (tcp 6, udp 17, icmp 1, icmpv6 58). */
export type Protocol = 'all' | number;

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** One IpPermission of a security group (all its sources share protocol and ports). */
export interface SecurityGroupRule {
  readonly protocol: Protocol;
  /** TCP/UDP ports; undefined means every port. */
  readonly ports?: PortRange;
  /** ICMP type and code; -1 means any. Undefined means any type and code. */
  readonly icmp?: { readonly type: number; readonly code: number };
  readonly ipv4: readonly Cidr4[];
  readonly ipv6: readonly string[];
  readonly prefixListIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly source: SourceRef;
}

export interface SecurityGroup {
  readonly id: string;
  readonly name?: string;
  readonly vpcId?: string;
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
  readonly source: SourceRef;
}

export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly action: 'allow' | 'deny';
  readonly protocol: Protocol;
  /** Undefined for an IPv6 entry (`ipv6Cidr`), which never matches an IPv4 packet. */
  readonly cidr?: Cidr4;
  readonly ipv6Cidr?: string;
  readonly ports?: PortRange;
  readonly icmp?: { readonly type: number; readonly code: number };
  readonly source: SourceRef;
}

export interface NetworkAcl {
  readonly id: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly subnetIds: readonly string[];
  /** Both directions, in snapshot order; evaluation sorts by rule number. */
  readonly entries: readonly NetworkAclEntry[];
  readonly source: SourceRef;
}

export interface PrivateAddress {
  readonly privateIp: Ipv4;
  /** The public or Elastic IP associated with this private address, if any. */
  readonly publicIp?: Ipv4;
  readonly primary: boolean;
}

export interface NetworkInterface {
  readonly id: string;
  readonly subnetId: string;
  readonly vpcId: string;
  readonly addresses: readonly PrivateAddress[];
  readonly securityGroupIds: readonly string[];
  readonly sourceDestCheck: boolean;
  readonly instanceId?: string;
  /** `interface`, `nat_gateway`, `transit_gateway`, `vpc_endpoint`, … as EC2 reports it. */
  readonly interfaceType: string;
  readonly source: SourceRef;
}

export interface Instance {
  readonly id: string;
  readonly state?: string;
  readonly subnetId?: string;
  readonly vpcId?: string;
  /** Its network interfaces, primary (device index 0) first. */
  readonly networkInterfaceIds: readonly string[];
  readonly source: SourceRef;
}

export interface InternetGateway {
  readonly id: string;
  /** VPCs it is attached to (attachment state `available` or `attached`). */
  readonly vpcIds: readonly string[];
  readonly source: SourceRef;
}

export interface NatGateway {
  readonly id: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly state: string;
  readonly connectivityType: 'public' | 'private';
  readonly addresses: readonly {
    readonly privateIp?: Ipv4;
    readonly publicIp?: Ipv4;
    readonly networkInterfaceId?: string;
  }[];
  readonly source: SourceRef;
}

export interface PeeringSide {
  readonly vpcId: string;
  readonly cidrs: readonly Cidr4[];
  readonly ownerId?: string;
  readonly region?: string;
}

export interface VpcPeering {
  readonly id: string;
  /** `active`, `pending-acceptance`, `deleted`, … */
  readonly status: string;
  readonly requester: PeeringSide;
  readonly accepter: PeeringSide;
  readonly source: SourceRef;
}

export interface TransitGateway {
  readonly id: string;
  readonly state: string;
  readonly defaultAssociationRouteTableId?: string;
  readonly defaultPropagationRouteTableId?: string;
  readonly source: SourceRef;
}

export interface TransitGatewayAttachment {
  readonly id: string;
  readonly transitGatewayId: string;
  /** `vpc`, `vpn`, `direct-connect-gateway`, `peering`, `connect`, … */
  readonly resourceType: string;
  readonly resourceId?: string;
  readonly state: string;
  /** The TGW route table this attachment is associated with (lookups for packets it brings in). */
  readonly associatedRouteTableId?: string;
  /** For VPC attachments: the subnets holding the attachment's interfaces. */
  readonly subnetIds: readonly string[];
  readonly source: SourceRef;
}

export interface TransitGatewayRoute {
  readonly destination: Cidr4;
  readonly attachmentIds: readonly string[];
  readonly state: 'active' | 'blackhole';
  readonly type: 'static' | 'propagated';
  readonly source: SourceRef;
}

export interface TransitGatewayRouteTable {
  readonly id: string;
  readonly transitGatewayId: string;
  /** Attachments whose routes propagate into this table (state `enabled`). */
  readonly propagationAttachmentIds: readonly string[];
  /** Static (and any explicitly listed) routes; propagated VPC routes are derived from propagations. */
  readonly routes: readonly TransitGatewayRoute[];
  readonly source: SourceRef;
}

export interface VpcEndpoint {
  readonly id: string;
  readonly vpcId: string;
  /** `Gateway`, `Interface`, `GatewayLoadBalancer`. */
  readonly type: string;
  readonly serviceName?: string;
  readonly routeTableIds: readonly string[];
  readonly networkInterfaceIds: readonly string[];
  readonly source: SourceRef;
}

export interface PrefixList {
  readonly id: string;
  readonly name?: string;
  readonly cidrs: readonly Cidr4[];
  readonly source: SourceRef;
}

export interface NetworkModel {
  readonly vpcs: ReadonlyMap<string, Vpc>;
  readonly subnets: ReadonlyMap<string, Subnet>;
  readonly routeTables: ReadonlyMap<string, RouteTable>;
  readonly securityGroups: ReadonlyMap<string, SecurityGroup>;
  readonly networkAcls: ReadonlyMap<string, NetworkAcl>;
  readonly networkInterfaces: ReadonlyMap<string, NetworkInterface>;
  readonly instances: ReadonlyMap<string, Instance>;
  readonly internetGateways: ReadonlyMap<string, InternetGateway>;
  readonly natGateways: ReadonlyMap<string, NatGateway>;
  readonly vpcPeerings: ReadonlyMap<string, VpcPeering>;
  readonly transitGateways: ReadonlyMap<string, TransitGateway>;
  readonly transitGatewayAttachments: ReadonlyMap<string, TransitGatewayAttachment>;
  readonly transitGatewayRouteTables: ReadonlyMap<string, TransitGatewayRouteTable>;
  readonly vpcEndpoints: ReadonlyMap<string, VpcEndpoint>;
  readonly prefixLists: ReadonlyMap<string, PrefixList>;
}
