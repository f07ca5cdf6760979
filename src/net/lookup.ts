/**
 * Indexes over a `NetworkModel`, built on first use and kept per model (a
 * WeakMap keyed by the model object; a model is never changed after
 * `snapshot.ts` builds it). They answer the lookups the forwarder
 * (`forward/`) and the symbolic walker (`symbolic/`) make at every hop — the
 * ENIs of a subnet, the members of a security group, the owner of a public
 * address, a subnet's route table — in time independent of the size of the
 * account, where a scan of every ENI would make one question cost
 * O(instances) per hop.
 *
 * Each index keeps the answer the scan it replaces gave, order included:
 * lists are in the model's iteration order, and where a scan returned the
 * first match (or, for a VPC's main route table and default network ACL,
 * the last one) the index keeps that same element.
 */
import type { Ipv4 } from '../core/ip.js';
import type {
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  NetworkModel,
  RouteTable,
  Subnet,
  TransitGatewayAttachment,
} from './model.js';

/** A public address of the snapshot and what owns it (a NAT gateway or an ENI). */
export interface PublicOwner {
  readonly publicIp: Ipv4;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly privateIp: Ipv4;
  /** The NAT gateway or ENI id. */
  readonly what: string;
}

interface Indexes {
  readonly enisBySubnet: Map<string, NetworkInterface[]>;
  readonly enisByVpc: Map<string, NetworkInterface[]>;
  readonly natsBySubnet: Map<string, NatGateway[]>;
  readonly natsByVpc: Map<string, NatGateway[]>;
  readonly subnetsByVpc: Map<string, Subnet[]>;
  readonly groupMembers: Map<string, NetworkInterface[]>;
  /** First ENI (model order) with the address as a private or public IP. */
  readonly eniByAddress: Map<Ipv4, NetworkInterface>;
  /** Public owners, NAT gateways first, then ENIs; only the first owner of an address. */
  readonly publicOwners: PublicOwner[];
  readonly ownerByPublicIp: Map<Ipv4, PublicOwner>;
  /** Every public address an ENI or NAT gateway of the snapshot has. */
  readonly ownedPublicIps: Set<Ipv4>;
  readonly igwByVpc: Map<string, string>;
  readonly tgwAttachments: Map<string, TransitGatewayAttachment[]>;
  readonly routeTableBySubnet: Map<string, RouteTable>;
  readonly mainRouteTable: Map<string, RouteTable>;
  readonly aclBySubnet: Map<string, NetworkAcl>;
  readonly defaultAcl: Map<string, NetworkAcl>;
}

const cache = new WeakMap<NetworkModel, Indexes>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]);
  else list.push(v);
}

function build(model: NetworkModel): Indexes {
  const enisBySubnet = new Map<string, NetworkInterface[]>();
  const enisByVpc = new Map<string, NetworkInterface[]>();
  const groupMembers = new Map<string, NetworkInterface[]>();
  const eniByAddress = new Map<Ipv4, NetworkInterface>();
  for (const eni of model.networkInterfaces.values()) {
    push(enisBySubnet, eni.subnetId, eni);
    push(enisByVpc, eni.vpcId, eni);
    for (const g of new Set(eni.securityGroupIds)) push(groupMembers, g, eni);
    for (const a of eni.addresses) {
      if (!eniByAddress.has(a.privateIp)) eniByAddress.set(a.privateIp, eni);
      if (a.publicIp !== undefined && !eniByAddress.has(a.publicIp))
        eniByAddress.set(a.publicIp, eni);
    }
  }
  const natsBySubnet = new Map<string, NatGateway[]>();
  const natsByVpc = new Map<string, NatGateway[]>();
  for (const nat of model.natGateways.values()) {
    push(natsBySubnet, nat.subnetId, nat);
    push(natsByVpc, nat.vpcId, nat);
  }
  const subnetsByVpc = new Map<string, Subnet[]>();
  for (const s of model.subnets.values()) push(subnetsByVpc, s.vpcId, s);
  const all: PublicOwner[] = [];
  const ownedPublicIps = new Set<Ipv4>();
  for (const nat of model.natGateways.values())
    for (const a of nat.addresses) {
      if (a.publicIp !== undefined) ownedPublicIps.add(a.publicIp);
      if (a.publicIp !== undefined && a.privateIp !== undefined)
        all.push({
          publicIp: a.publicIp,
          vpcId: nat.vpcId,
          subnetId: nat.subnetId,
          privateIp: a.privateIp,
          what: nat.id,
        });
    }
  for (const eni of model.networkInterfaces.values())
    for (const a of eni.addresses)
      if (a.publicIp !== undefined) {
        ownedPublicIps.add(a.publicIp);
        all.push({
          publicIp: a.publicIp,
          vpcId: eni.vpcId,
          subnetId: eni.subnetId,
          privateIp: a.privateIp,
          what: eni.id,
        });
      }
  const ownerByPublicIp = new Map<Ipv4, PublicOwner>();
  const publicOwners: PublicOwner[] = [];
  for (const o of all)
    if (!ownerByPublicIp.has(o.publicIp)) {
      ownerByPublicIp.set(o.publicIp, o);
      publicOwners.push(o);
    }
  const igwByVpc = new Map<string, string>();
  for (const g of model.internetGateways.values())
    for (const v of g.vpcIds) if (!igwByVpc.has(v)) igwByVpc.set(v, g.id);
  const tgwAttachments = new Map<string, TransitGatewayAttachment[]>();
  for (const a of model.transitGatewayAttachments.values())
    push(tgwAttachments, a.transitGatewayId, a);
  const routeTableBySubnet = new Map<string, RouteTable>();
  const mainRouteTable = new Map<string, RouteTable>();
  for (const t of model.routeTables.values()) {
    for (const s of t.subnetIds) if (!routeTableBySubnet.has(s)) routeTableBySubnet.set(s, t);
    if (t.main) mainRouteTable.set(t.vpcId, t);
  }
  const aclBySubnet = new Map<string, NetworkAcl>();
  const defaultAcl = new Map<string, NetworkAcl>();
  for (const a of model.networkAcls.values()) {
    for (const s of a.subnetIds) if (!aclBySubnet.has(s)) aclBySubnet.set(s, a);
    if (a.isDefault) defaultAcl.set(a.vpcId, a);
  }
  return {
    enisBySubnet,
    enisByVpc,
    natsBySubnet,
    natsByVpc,
    subnetsByVpc,
    groupMembers,
    eniByAddress,
    publicOwners,
    ownerByPublicIp,
    ownedPublicIps,
    igwByVpc,
    tgwAttachments,
    routeTableBySubnet,
    mainRouteTable,
    aclBySubnet,
    defaultAcl,
  };
}

function indexes(model: NetworkModel): Indexes {
  let ix = cache.get(model);
  if (ix === undefined) {
    ix = build(model);
    cache.set(model, ix);
  }
  return ix;
}

const none: readonly never[] = [];

/** The ENIs in a subnet, in model order. */
export function enisInSubnet(model: NetworkModel, subnetId: string): readonly NetworkInterface[] {
  return indexes(model).enisBySubnet.get(subnetId) ?? none;
}

/** The ENIs in a VPC, in model order. */
export function enisInVpc(model: NetworkModel, vpcId: string): readonly NetworkInterface[] {
  return indexes(model).enisByVpc.get(vpcId) ?? none;
}

/** The NAT gateways in a subnet, in model order. */
export function natsInSubnet(model: NetworkModel, subnetId: string): readonly NatGateway[] {
  return indexes(model).natsBySubnet.get(subnetId) ?? none;
}

/** The NAT gateways of a VPC, in model order. */
export function natsInVpc(model: NetworkModel, vpcId: string): readonly NatGateway[] {
  return indexes(model).natsByVpc.get(vpcId) ?? none;
}

/** The subnets of a VPC, in model order. */
export function subnetsOfVpc(model: NetworkModel, vpcId: string): readonly Subnet[] {
  return indexes(model).subnetsByVpc.get(vpcId) ?? none;
}

/** The ENIs a security group is attached to, in model order. */
export function securityGroupMembers(
  model: NetworkModel,
  groupId: string,
): readonly NetworkInterface[] {
  return indexes(model).groupMembers.get(groupId) ?? none;
}

/** The first ENI (model order) that has `ip` as a private or a public address. */
export function eniWithAddress(model: NetworkModel, ip: Ipv4): NetworkInterface | undefined {
  return indexes(model).eniByAddress.get(ip);
}

/** Every owned public address with its owner (NAT gateways first; the first owner of an address only). */
export function publicOwners(model: NetworkModel): readonly PublicOwner[] {
  return indexes(model).publicOwners;
}

/** The owner of a public address (the first, as `publicOwners` orders them). */
export function ownerOfPublicIp(model: NetworkModel, ip: Ipv4): PublicOwner | undefined {
  return indexes(model).ownerByPublicIp.get(ip);
}

/** Every public address an ENI or a NAT gateway of the snapshot has. */
export function ownedPublicIps(model: NetworkModel): ReadonlySet<Ipv4> {
  return indexes(model).ownedPublicIps;
}

/** The first internet gateway (model order) attached to a VPC. */
export function internetGatewayOf(model: NetworkModel, vpcId: string): string | undefined {
  return indexes(model).igwByVpc.get(vpcId);
}

/** The attachments of a transit gateway, in model order. */
export function transitGatewayAttachmentsOf(
  model: NetworkModel,
  tgwId: string,
): readonly TransitGatewayAttachment[] {
  return indexes(model).tgwAttachments.get(tgwId) ?? none;
}

/** The first route table (model order) explicitly associated with a subnet. */
export function associatedRouteTable(
  model: NetworkModel,
  subnetId: string,
): RouteTable | undefined {
  return indexes(model).routeTableBySubnet.get(subnetId);
}

/** A VPC's main route table (the last one marked main, as a scan keeping the latest would). */
export function mainRouteTable(model: NetworkModel, vpcId: string): RouteTable | undefined {
  return indexes(model).mainRouteTable.get(vpcId);
}

/** The first network ACL (model order) associated with a subnet. */
export function associatedNetworkAcl(
  model: NetworkModel,
  subnetId: string,
): NetworkAcl | undefined {
  return indexes(model).aclBySubnet.get(subnetId);
}

/** A VPC's default network ACL (the last one marked default). */
export function defaultNetworkAcl(model: NetworkModel, vpcId: string): NetworkAcl | undefined {
  return indexes(model).defaultAcl.get(vpcId);
}
