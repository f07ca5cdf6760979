/**
 * Loads a snapshot of an AWS network: a directory of JSON files, one per
 * `describe-*` call, as written by the AWS CLI (`aws ec2 describe-subnets
 * --output json`) or by a boto3 script (`json.dump(client.describe_subnets(),
 * f, default=str)`, whose timestamps become strings such as
 * `"2020-06-02 18:26:08+00:00"` — harmless, since no timestamp is read).
 *
 * A file is recognised by its top-level keys, never by its name: `Vpcs`,
 * `Subnets`, `RouteTables`, `SecurityGroups`, `NetworkAcls`, `Reservations`,
 * `NetworkInterfaces`, `InternetGateways`, `NatGateways`,
 * `VpcPeeringConnections`, `Addresses`, `TransitGateways`,
 * `TransitGatewayAttachments`, `TransitGatewayRouteTables`,
 * `TransitGatewayVpcAttachments`, `TransitGatewayPropagations`,
 * `TransitGatewayStaticRoutes`, `VpcEndpoints`, `PrefixLists`. Other keys
 * (`NextToken`, `ResponseMetadata`, outputs of other calls) are listed as
 * ignored. Files are read recursively (a region per sub-directory is fine;
 * ids are assumed unique).
 *
 * Bad input never throws: malformed JSON, a value of the wrong type or an
 * unparsable address becomes a `NetDiagnostic` naming the file, the JSON path
 * (`RouteTables[2].Routes[0].DestinationCidrBlock`) and, where known, the
 * line and column; the offending element (route, rule, …) is left out of the
 * model and loading goes on. The only repair made is trivial and announced:
 * trailing commas before `]` / `}` (a byte-order mark is accepted silently).
 * Anything else that is not JSON (e.g. a Python `repr` dump) is an error.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, DiagnosticCode, JsonLocation, Severity } from '../core/diagnostic.js';
import { formatPath, LineIndex, parseJson, type JsonNode, type JsonObject } from '../core/json.js';
import { parseCidr4, parseIpv4, type Cidr4, type Ipv4 } from '../core/ip.js';
import type {
  Instance,
  InternetGateway,
  NatGateway,
  NetworkAcl,
  NetworkAclEntry,
  NetworkInterface,
  NetworkModel,
  PeeringSide,
  PortRange,
  PrefixList,
  PrivateAddress,
  Protocol,
  Route,
  RouteDestination,
  RouteTable,
  RouteTarget,
  SecurityGroup,
  SecurityGroupRule,
  SourceRef,
  Subnet,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  Vpc,
  VpcEndpoint,
  VpcPeering,
} from './model.js';

/** The codes a snapshot can have (arc's one list of diagnostic codes). */
export type NetDiagnosticCode = Extract<
  DiagnosticCode,
  | 'file-unreadable'
  | 'invalid-json'
  | 'repaired-json'
  | 'duplicate-key'
  | 'wrong-type'
  | 'missing-field'
  | 'invalid-value'
  | 'invalid-cidr'
  | 'invalid-ip'
  | 'duplicate-id'
  | 'ignored-key'
  | 'empty-snapshot'
>;

/** A snapshot diagnostic: arc's one diagnostic type, at a JSON path of a snapshot file. */
export type NetDiagnostic = Diagnostic;

/** A diagnostic at `at.jsonPath` of snapshot file `at.file` (relative to the snapshot directory). */
function netDiagnostic(
  code: NetDiagnosticCode,
  severity: Severity,
  message: string,
  at: JsonLocation,
): Diagnostic {
  return { code, severity, message, location: at };
}

export interface SnapshotFile {
  readonly file: string;
  /** Top-level keys that were read into the model. */
  readonly recognised: readonly string[];
  /** Top-level keys that were not (unknown to arc). */
  readonly ignored: readonly string[];
}

export interface Snapshot {
  readonly model: NetworkModel;
  readonly files: readonly SnapshotFile[];
  readonly diagnostics: readonly NetDiagnostic[];
}

export interface SnapshotText {
  readonly file: string;
  readonly text: string;
}

/** Reads every `*.json` file under `dir` (recursively, in name order) and builds the model. */
export function loadSnapshot(dir: string): Snapshot {
  const texts: SnapshotText[] = [];
  const unreadable: NetDiagnostic[] = [];
  const walk = (path: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (e) {
      unreadable.push(unreadableDiag(relative(dir, path) || path, e));
      return;
    }
    for (const name of entries) {
      const full = join(path, name);
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch (e) {
        unreadable.push(unreadableDiag(relative(dir, full), e));
        continue;
      }
      if (isDir) walk(full);
      else if (name.toLowerCase().endsWith('.json')) {
        try {
          texts.push({ file: relative(dir, full), text: readFileSync(full, 'utf8') });
        } catch (e) {
          unreadable.push(unreadableDiag(relative(dir, full), e));
        }
      }
    }
  };
  if (!existsSync(dir)) {
    const d: NetDiagnostic = netDiagnostic(
      'file-unreadable',
      'error',
      'no such snapshot directory',
      { file: dir, jsonPath: '' },
    );
    return { ...buildSnapshot([]), diagnostics: [d] };
  }
  walk(dir);
  const snap = buildSnapshot(texts);
  // The directory, not '.', names an empty snapshot.
  const diagnostics = snap.diagnostics.map((d) =>
    d.code === 'empty-snapshot'
      ? { ...d, location: { file: dir, jsonPath: '' }, message: 'no JSON files in the directory' }
      : d,
  );
  return { ...snap, diagnostics: [...unreadable, ...diagnostics] };
}

function unreadableDiag(file: string, e: unknown): NetDiagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return netDiagnostic('file-unreadable', 'error', message, { file, jsonPath: '' });
}

type Path = readonly (string | number)[];

/** Collects the elements of every file, then links them (Elastic IPs, instance ENIs). */
class Builder {
  readonly vpcs = new Map<string, Vpc>();
  readonly subnets = new Map<string, Subnet>();
  readonly routeTables = new Map<string, RouteTable>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly networkAcls = new Map<string, NetworkAcl>();
  readonly networkInterfaces = new Map<string, NetworkInterface>();
  /** ENIs described inside Reservations; those of a NetworkInterfaces file take precedence. */
  readonly instanceEnis = new Map<string, NetworkInterface>();
  readonly instances = new Map<string, Instance>();
  readonly internetGateways = new Map<string, InternetGateway>();
  readonly natGateways = new Map<string, NatGateway>();
  readonly vpcPeerings = new Map<string, VpcPeering>();
  readonly transitGateways = new Map<string, TransitGateway>();
  readonly tgwAttachments = new Map<string, TransitGatewayAttachment>();
  readonly tgwVpcAttachmentSubnets = new Map<string, string[]>();
  readonly tgwRouteTables = new Map<string, TransitGatewayRouteTable>();
  readonly tgwPropagations = new Map<string, string[]>();
  readonly tgwStaticRoutes = new Map<string, TransitGatewayRoute[]>();
  readonly vpcEndpoints = new Map<string, VpcEndpoint>();
  readonly prefixLists = new Map<string, PrefixList>();
  readonly elasticIps: {
    publicIp: Ipv4;
    privateIp?: Ipv4;
    eniId?: string;
    instanceId?: string;
  }[] = [];
  readonly diagnostics: NetDiagnostic[] = [];
}

/** Reads values of one file, reporting problems with their JSON paths. */
class Reader {
  constructor(
    readonly file: string,
    private readonly lines: LineIndex,
    private readonly out: NetDiagnostic[],
  ) {}

  report(
    code: NetDiagnosticCode,
    severity: Severity,
    message: string,
    path: Path,
    node?: JsonNode,
  ): void {
    const at = { file: this.file, jsonPath: formatPath(path) };
    const position = node !== undefined && node.start >= 0 ? this.lines.position(node.start) : {};
    this.out.push(netDiagnostic(code, severity, message, { ...at, ...position }));
  }

  src(path: Path): SourceRef {
    return { file: this.file, jsonPath: formatPath(path) };
  }

  obj(node: JsonNode, path: Path): JsonObject | undefined {
    if (node.kind === 'object') return node;
    this.report('wrong-type', 'error', `expected an object, found ${describe(node)}`, path, node);
    return undefined;
  }

  get(o: JsonObject, key: string): JsonNode | undefined {
    const m = o.members.find((x) => x.key === key);
    return m === undefined || m.value.kind === 'null' ? undefined : m.value;
  }

  str(o: JsonObject, key: string, path: Path, required = false): string | undefined {
    const v = this.get(o, key);
    if (v === undefined) {
      if (required) this.missing(o, key, path);
      return undefined;
    }
    if (v.kind === 'string') return v.value;
    this.report(
      'wrong-type',
      'error',
      `expected a string, found ${describe(v)}`,
      [...path, key],
      v,
    );
    return undefined;
  }

  /** An integer; numeric strings are accepted (NACL `Protocol` is one). */
  int(o: JsonObject, key: string, path: Path, required = false): number | undefined {
    const v = this.get(o, key);
    if (v === undefined) {
      if (required) this.missing(o, key, path);
      return undefined;
    }
    const text = v.kind === 'number' ? v.raw : v.kind === 'string' ? v.value : undefined;
    if (text !== undefined && /^-?[0-9]+$/.test(text.trim())) return Number(text.trim());
    this.report(
      'wrong-type',
      'error',
      `expected an integer, found ${describe(v)}`,
      [...path, key],
      v,
    );
    return undefined;
  }

  bool(o: JsonObject, key: string, path: Path): boolean | undefined {
    const v = this.get(o, key);
    if (v === undefined) return undefined;
    if (v.kind === 'boolean') return v.value;
    this.report(
      'wrong-type',
      'error',
      `expected true or false, found ${describe(v)}`,
      [...path, key],
      v,
    );
    return undefined;
  }

  /** The items of an array member (missing → none), each with its path. */
  arr(o: JsonObject, key: string, path: Path): { node: JsonNode; path: Path }[] {
    const v = this.get(o, key);
    if (v === undefined) return [];
    if (v.kind !== 'array') {
      this.report(
        'wrong-type',
        'error',
        `expected an array, found ${describe(v)}`,
        [...path, key],
        v,
      );
      return [];
    }
    return v.items.map((node, i) => ({ node, path: [...path, key, i] }));
  }

  /** The object items of an array member; other items are reported and skipped. */
  objs(o: JsonObject, key: string, path: Path): { o: JsonObject; path: Path }[] {
    const out: { o: JsonObject; path: Path }[] = [];
    for (const item of this.arr(o, key, path)) {
      const obj = this.obj(item.node, item.path);
      if (obj !== undefined) out.push({ o: obj, path: item.path });
    }
    return out;
  }

  /** String items of an array member (e.g. `SubnetIds`). */
  strs(o: JsonObject, key: string, path: Path): string[] {
    const out: string[] = [];
    for (const item of this.arr(o, key, path)) {
      if (item.node.kind === 'string') out.push(item.node.value);
      else
        this.report(
          'wrong-type',
          'error',
          `expected a string, found ${describe(item.node)}`,
          item.path,
          item.node,
        );
    }
    return out;
  }

  cidr(o: JsonObject, key: string, path: Path, required = false): Cidr4 | undefined {
    const s = this.str(o, key, path, required);
    if (s === undefined) return undefined;
    const c = parseCidr4(s.trim());
    if (c === undefined)
      this.report(
        'invalid-cidr',
        'error',
        `${JSON.stringify(s)} is not an IPv4 CIDR block`,
        [...path, key],
        this.get(o, key),
      );
    return c;
  }

  ip(o: JsonObject, key: string, path: Path, required = false): Ipv4 | undefined {
    const s = this.str(o, key, path, required);
    if (s === undefined) return undefined;
    const ip = parseIpv4(s.trim());
    if (ip === undefined)
      this.report(
        'invalid-ip',
        'error',
        `${JSON.stringify(s)} is not an IPv4 address`,
        [...path, key],
        this.get(o, key),
      );
    return ip;
  }

  private missing(o: JsonObject, key: string, path: Path): void {
    this.report('missing-field', 'error', `missing required field ${key}`, path, o);
  }
}

function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return `the string ${JSON.stringify(node.value.length > 40 ? node.value.slice(0, 40) + '…' : node.value)}`;
    case 'number':
      return `the number ${node.raw}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
  }
}

function put<T extends { id: string; source: SourceRef }>(
  r: Reader,
  map: Map<string, T>,
  item: T,
  path: Path,
): void {
  const prev = map.get(item.id);
  if (prev !== undefined)
    r.report(
      'duplicate-id',
      'warning',
      `${item.id} is described again (first in ${prev.source.file} at ${prev.source.jsonPath}); the later description is used`,
      path,
    );
  map.set(item.id, item);
}

/** `-1`/`all` → 'all'; names and numbers → an IP protocol number. */
function protocolOf(r: Reader, o: JsonObject, key: string, path: Path): Protocol | undefined {
  const v = r.get(o, key);
  if (v === undefined) {
    r.report('missing-field', 'error', `missing required field ${key}`, path, o);
    return undefined;
  }
  const text = (v.kind === 'string' ? v.value : v.kind === 'number' ? v.raw : '')
    .trim()
    .toLowerCase();
  const named: Record<string, Protocol> = {
    '-1': 'all',
    all: 'all',
    tcp: 6,
    udp: 17,
    icmp: 1,
    icmpv6: 58,
  };
  if (text in named) return named[text];
  if (/^[0-9]+$/.test(text) && Number(text) <= 255) return Number(text);
  r.report('invalid-value', 'error', `${describe(v)} is not an IP protocol`, [...path, key], v);
  return undefined;
}

const TOP_LEVEL: Record<string, (b: Builder, r: Reader, node: JsonNode, path: Path) => void> = {
  Vpcs: each(readVpc),
  Subnets: each(readSubnet),
  RouteTables: each(readRouteTable),
  SecurityGroups: each(readSecurityGroup),
  NetworkAcls: each(readNetworkAcl),
  Reservations: each(readReservation),
  NetworkInterfaces: each((b, r, o, path) => {
    const eni = readEni(r, o, path, undefined);
    if (eni !== undefined) put(r, b.networkInterfaces, eni, path);
  }),
  InternetGateways: each(readInternetGateway),
  NatGateways: each(readNatGateway),
  VpcPeeringConnections: each(readPeering),
  Addresses: each(readAddress),
  TransitGateways: each(readTransitGateway),
  TransitGatewayAttachments: each(readTgwAttachment),
  TransitGatewayVpcAttachments: each(readTgwVpcAttachment),
  TransitGatewayRouteTables: each(readTgwRouteTable),
  TransitGatewayPropagations: each(readTgwPropagations),
  TransitGatewayStaticRoutes: each(readTgwStaticRoutes),
  VpcEndpoints: each(readVpcEndpoint),
  PrefixLists: each(readPrefixList),
};

function each(
  f: (b: Builder, r: Reader, o: JsonObject, path: Path) => void,
): (b: Builder, r: Reader, node: JsonNode, path: Path) => void {
  return (b, r, node, path) => {
    if (node.kind !== 'array') {
      r.report('wrong-type', 'error', `expected an array, found ${describe(node)}`, path, node);
      return;
    }
    node.items.forEach((item, i) => {
      const o = r.obj(item, [...path, i]);
      if (o !== undefined) f(b, r, o, [...path, i]);
    });
  };
}

function readVpc(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'VpcId', path, true);
  if (id === undefined) return;
  const cidrs: Cidr4[] = [];
  const primary = r.cidr(o, 'CidrBlock', path);
  if (primary !== undefined) cidrs.push(primary);
  for (const a of r.objs(o, 'CidrBlockAssociationSet', path)) {
    const state = r.get(a.o, 'CidrBlockState');
    const st =
      state !== undefined && state.kind === 'object'
        ? r.str(state, 'State', [...a.path, 'CidrBlockState'])
        : undefined;
    if (st !== undefined && st !== 'associated') continue;
    const c = r.cidr(a.o, 'CidrBlock', a.path);
    if (
      c !== undefined &&
      !cidrs.some((x) => x.address === c.address && x.prefixLength === c.prefixLength)
    )
      cidrs.push(c);
  }
  const ipv6Cidrs = r
    .objs(o, 'Ipv6CidrBlockAssociationSet', path)
    .map((a) => r.str(a.o, 'Ipv6CidrBlock', a.path))
    .filter((x): x is string => x !== undefined);
  put(r, b.vpcs, { id, cidrs, ipv6Cidrs, source: r.src(path) }, path);
}

function readSubnet(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'SubnetId', path, true);
  const vpcId = r.str(o, 'VpcId', path, true);
  const cidr = r.cidr(o, 'CidrBlock', path, true);
  if (id === undefined || vpcId === undefined || cidr === undefined) return;
  const availabilityZone = r.str(o, 'AvailabilityZone', path);
  put(r, b.subnets, { id, vpcId, cidr, availabilityZone, source: r.src(path) }, path);
}

const ROUTE_TARGETS: readonly [string, (id: string) => RouteTarget | undefined][] = [
  ['NatGatewayId', (id) => ({ kind: 'nat', id })],
  ['TransitGatewayId', (id) => ({ kind: 'tgw', id })],
  ['VpcPeeringConnectionId', (id) => ({ kind: 'pcx', id })],
  ['NetworkInterfaceId', (id) => ({ kind: 'eni', id })],
  ['InstanceId', (id) => ({ kind: 'instance', id })],
  ['EgressOnlyInternetGatewayId', (id) => ({ kind: 'egress-only-igw', id })],
  ['LocalGatewayId', (id) => ({ kind: 'other', field: 'LocalGatewayId', id })],
  ['CarrierGatewayId', (id) => ({ kind: 'other', field: 'CarrierGatewayId', id })],
  ['CoreNetworkArn', (id) => ({ kind: 'other', field: 'CoreNetworkArn', id })],
  [
    'GatewayId',
    (id) =>
      id === 'local'
        ? { kind: 'local' }
        : id.startsWith('igw-')
          ? { kind: 'igw', id }
          : id.startsWith('vgw-')
            ? { kind: 'vgw', id }
            : id.startsWith('vpce-')
              ? { kind: 'vpce', id }
              : { kind: 'other', field: 'GatewayId', id },
  ],
];

function readRoute(r: Reader, o: JsonObject, path: Path): Route | undefined {
  let destination: RouteDestination | undefined;
  if (r.get(o, 'DestinationCidrBlock') !== undefined) {
    const cidr = r.cidr(o, 'DestinationCidrBlock', path);
    if (cidr === undefined) return undefined;
    destination = { kind: 'cidr', cidr };
  } else if (r.get(o, 'DestinationPrefixListId') !== undefined) {
    const id = r.str(o, 'DestinationPrefixListId', path);
    if (id === undefined) return undefined;
    destination = { kind: 'prefix-list', id };
  } else if (r.get(o, 'DestinationIpv6CidrBlock') !== undefined) {
    const text = r.str(o, 'DestinationIpv6CidrBlock', path);
    if (text === undefined) return undefined;
    destination = { kind: 'ipv6', text };
  } else {
    r.report('missing-field', 'error', 'route has no destination', path, o);
    return undefined;
  }
  let target: RouteTarget | undefined;
  for (const [field, make] of ROUTE_TARGETS) {
    const id = r.str(o, field, path);
    if (id !== undefined) {
      target = make(id);
      // An instance route also names the instance's ENI: the ENI is the precise target.
      if (field === 'InstanceId' && r.get(o, 'NetworkInterfaceId') !== undefined) continue;
      break;
    }
  }
  if (target === undefined) {
    r.report('missing-field', 'error', 'route has no target', path, o);
    return undefined;
  }
  const stateText = r.str(o, 'State', path);
  const state = stateText === 'blackhole' ? 'blackhole' : 'active';
  return { destination, target, state, source: r.src(path) };
}

function readRouteTable(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'RouteTableId', path, true);
  const vpcId = r.str(o, 'VpcId', path, true);
  if (id === undefined || vpcId === undefined) return;
  let main = false;
  const subnetIds: string[] = [];
  for (const a of r.objs(o, 'Associations', path)) {
    if (r.bool(a.o, 'Main', a.path) === true) main = true;
    const subnet = r.str(a.o, 'SubnetId', a.path);
    if (subnet !== undefined) subnetIds.push(subnet);
  }
  const routes = r
    .objs(o, 'Routes', path)
    .map((x) => readRoute(r, x.o, x.path))
    .filter((x): x is Route => x !== undefined);
  put(r, b.routeTables, { id, vpcId, main, subnetIds, routes, source: r.src(path) }, path);
}

function readSgRule(r: Reader, o: JsonObject, path: Path): SecurityGroupRule | undefined {
  const protocol = protocolOf(r, o, 'IpProtocol', path);
  if (protocol === undefined) return undefined;
  const from = r.int(o, 'FromPort', path);
  const to = r.int(o, 'ToPort', path);
  let ports: PortRange | undefined;
  let icmp: { type: number; code: number } | undefined;
  if (protocol === 6 || protocol === 17) {
    if (from !== undefined && to !== undefined && !(from === -1 && to === -1)) ports = { from, to };
  } else if (protocol === 1 || protocol === 58) {
    if (from !== undefined) icmp = { type: from, code: to ?? -1 };
  }
  const ipv4: Cidr4[] = [];
  for (const x of r.objs(o, 'IpRanges', path)) {
    const c = r.cidr(x.o, 'CidrIp', x.path, true);
    if (c !== undefined) ipv4.push(c);
  }
  const ipv6 = r
    .objs(o, 'Ipv6Ranges', path)
    .map((x) => r.str(x.o, 'CidrIpv6', x.path))
    .filter((x): x is string => x !== undefined);
  const prefixListIds = r
    .objs(o, 'PrefixListIds', path)
    .map((x) => r.str(x.o, 'PrefixListId', x.path, true))
    .filter((x): x is string => x !== undefined);
  const groupIds = r
    .objs(o, 'UserIdGroupPairs', path)
    .map((x) => r.str(x.o, 'GroupId', x.path, true))
    .filter((x): x is string => x !== undefined);
  return { protocol, ports, icmp, ipv4, ipv6, prefixListIds, groupIds, source: r.src(path) };
}

function readSecurityGroup(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'GroupId', path, true);
  if (id === undefined) return;
  const rules = (key: string): SecurityGroupRule[] =>
    r
      .objs(o, key, path)
      .map((x) => readSgRule(r, x.o, x.path))
      .filter((x): x is SecurityGroupRule => x !== undefined);
  put(
    r,
    b.securityGroups,
    {
      id,
      name: r.str(o, 'GroupName', path),
      vpcId: r.str(o, 'VpcId', path),
      ingress: rules('IpPermissions'),
      egress: rules('IpPermissionsEgress'),
      source: r.src(path),
    },
    path,
  );
}

function readAclEntry(r: Reader, o: JsonObject, path: Path): NetworkAclEntry | undefined {
  const ruleNumber = r.int(o, 'RuleNumber', path, true);
  const egress = r.bool(o, 'Egress', path);
  const actionText = r.str(o, 'RuleAction', path, true);
  const protocol = protocolOf(r, o, 'Protocol', path);
  if (ruleNumber === undefined || actionText === undefined || protocol === undefined)
    return undefined;
  if (egress === undefined) {
    r.report('missing-field', 'error', 'missing required field Egress', path, o);
    return undefined;
  }
  if (actionText !== 'allow' && actionText !== 'deny') {
    r.report(
      'invalid-value',
      'error',
      `RuleAction must be allow or deny, not ${JSON.stringify(actionText)}`,
      [...path, 'RuleAction'],
      r.get(o, 'RuleAction'),
    );
    return undefined;
  }
  const cidr = r.get(o, 'CidrBlock') !== undefined ? r.cidr(o, 'CidrBlock', path) : undefined;
  const ipv6Cidr = r.str(o, 'Ipv6CidrBlock', path);
  if (cidr === undefined && ipv6Cidr === undefined) {
    if (r.get(o, 'CidrBlock') === undefined)
      r.report('missing-field', 'error', 'entry has neither CidrBlock nor Ipv6CidrBlock', path, o);
    return undefined;
  }
  let ports: PortRange | undefined;
  const pr = r.get(o, 'PortRange');
  if (pr !== undefined && (protocol === 6 || protocol === 17)) {
    const p = r.obj(pr, [...path, 'PortRange']);
    const from = p && r.int(p, 'From', [...path, 'PortRange'], true);
    const to = p && r.int(p, 'To', [...path, 'PortRange'], true);
    if (from === undefined || to === undefined) return undefined;
    ports = { from, to };
  }
  let icmp: { type: number; code: number } | undefined;
  const tc = r.get(o, 'IcmpTypeCode');
  if (tc !== undefined && (protocol === 1 || protocol === 58)) {
    const p = r.obj(tc, [...path, 'IcmpTypeCode']);
    if (p === undefined) return undefined;
    icmp = {
      type: r.int(p, 'Type', [...path, 'IcmpTypeCode']) ?? -1,
      code: r.int(p, 'Code', [...path, 'IcmpTypeCode']) ?? -1,
    };
  }
  return {
    ruleNumber,
    egress,
    action: actionText,
    protocol,
    cidr,
    ipv6Cidr,
    ports,
    icmp,
    source: r.src(path),
  };
}

function readNetworkAcl(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'NetworkAclId', path, true);
  const vpcId = r.str(o, 'VpcId', path, true);
  if (id === undefined || vpcId === undefined) return;
  const subnetIds = r
    .objs(o, 'Associations', path)
    .map((a) => r.str(a.o, 'SubnetId', a.path))
    .filter((x): x is string => x !== undefined);
  const entries = r
    .objs(o, 'Entries', path)
    .map((x) => readAclEntry(r, x.o, x.path))
    .filter((x): x is NetworkAclEntry => x !== undefined);
  put(
    r,
    b.networkAcls,
    {
      id,
      vpcId,
      isDefault: r.bool(o, 'IsDefault', path) ?? false,
      subnetIds,
      entries,
      source: r.src(path),
    },
    path,
  );
}

/** An ENI from `NetworkInterfaces` or from an instance's `NetworkInterfaces` (same shape). */
function readEni(
  r: Reader,
  o: JsonObject,
  path: Path,
  instanceId: string | undefined,
): NetworkInterface | undefined {
  const id = r.str(o, 'NetworkInterfaceId', path, true);
  const subnetId = r.str(o, 'SubnetId', path, true);
  const vpcId = r.str(o, 'VpcId', path, true);
  if (id === undefined || subnetId === undefined || vpcId === undefined) return undefined;
  const addresses: PrivateAddress[] = [];
  for (const a of r.objs(o, 'PrivateIpAddresses', path)) {
    const privateIp = r.ip(a.o, 'PrivateIpAddress', a.path, true);
    if (privateIp === undefined) continue;
    const assoc = r.get(a.o, 'Association');
    const ao = assoc && r.obj(assoc, [...a.path, 'Association']);
    const publicIp = ao && r.ip(ao, 'PublicIp', [...a.path, 'Association']);
    addresses.push({ privateIp, publicIp, primary: r.bool(a.o, 'Primary', a.path) ?? false });
  }
  const primaryIp = r.ip(o, 'PrivateIpAddress', path);
  if (primaryIp !== undefined && !addresses.some((a) => a.privateIp === primaryIp)) {
    const assoc = r.get(o, 'Association');
    const ao = assoc && r.obj(assoc, [...path, 'Association']);
    addresses.unshift({
      privateIp: primaryIp,
      publicIp: ao && r.ip(ao, 'PublicIp', [...path, 'Association']),
      primary: true,
    });
  }
  const securityGroupIds = r
    .objs(o, 'Groups', path)
    .map((g) => r.str(g.o, 'GroupId', g.path, true))
    .filter((x): x is string => x !== undefined);
  const att = r.get(o, 'Attachment');
  const attO = att && r.obj(att, [...path, 'Attachment']);
  return {
    id,
    subnetId,
    vpcId,
    addresses,
    securityGroupIds,
    sourceDestCheck: r.bool(o, 'SourceDestCheck', path) ?? true,
    instanceId: instanceId ?? (attO && r.str(attO, 'InstanceId', [...path, 'Attachment'])),
    interfaceType: r.str(o, 'InterfaceType', path) ?? 'interface',
    source: r.src(path),
  };
}

function readReservation(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  for (const inst of r.objs(o, 'Instances', path)) {
    const id = r.str(inst.o, 'InstanceId', inst.path, true);
    if (id === undefined) continue;
    const st = r.get(inst.o, 'State');
    const stO = st && r.obj(st, [...inst.path, 'State']);
    const enis: { eni: NetworkInterface; index: number }[] = [];
    for (const n of r.objs(inst.o, 'NetworkInterfaces', inst.path)) {
      const eni = readEni(r, n.o, n.path, id);
      if (eni === undefined) continue;
      const att = r.get(n.o, 'Attachment');
      const attO = att && r.obj(att, [...n.path, 'Attachment']);
      const index = (attO && r.int(attO, 'DeviceIndex', [...n.path, 'Attachment'])) ?? enis.length;
      enis.push({ eni, index });
    }
    enis.sort((x, y) => x.index - y.index);
    for (const { eni } of enis) b.instanceEnis.set(eni.id, eni);
    put(
      r,
      b.instances,
      {
        id,
        state: stO && r.str(stO, 'Name', [...inst.path, 'State']),
        subnetId: r.str(inst.o, 'SubnetId', inst.path),
        vpcId: r.str(inst.o, 'VpcId', inst.path),
        networkInterfaceIds: enis.map((e) => e.eni.id),
        source: r.src(inst.path),
      },
      inst.path,
    );
  }
}

function readInternetGateway(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'InternetGatewayId', path, true);
  if (id === undefined) return;
  const vpcIds: string[] = [];
  for (const a of r.objs(o, 'Attachments', path)) {
    const state = r.str(a.o, 'State', a.path);
    const vpc = r.str(a.o, 'VpcId', a.path, true);
    if (vpc !== undefined && (state === undefined || state === 'available' || state === 'attached'))
      vpcIds.push(vpc);
  }
  put(r, b.internetGateways, { id, vpcIds, source: r.src(path) }, path);
}

function readNatGateway(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'NatGatewayId', path, true);
  const vpcId = r.str(o, 'VpcId', path, true);
  const subnetId = r.str(o, 'SubnetId', path, true);
  if (id === undefined || vpcId === undefined || subnetId === undefined) return;
  const addresses = r.objs(o, 'NatGatewayAddresses', path).map((a) => ({
    privateIp: r.ip(a.o, 'PrivateIp', a.path),
    publicIp: r.ip(a.o, 'PublicIp', a.path),
    networkInterfaceId: r.str(a.o, 'NetworkInterfaceId', a.path),
  }));
  put(
    r,
    b.natGateways,
    {
      id,
      vpcId,
      subnetId,
      state: r.str(o, 'State', path) ?? 'available',
      connectivityType: r.str(o, 'ConnectivityType', path) === 'private' ? 'private' : 'public',
      addresses,
      source: r.src(path),
    },
    path,
  );
}

function readPeeringSide(
  r: Reader,
  o: JsonObject,
  key: string,
  path: Path,
): PeeringSide | undefined {
  const v = r.get(o, key);
  if (v === undefined) {
    r.report('missing-field', 'error', `missing required field ${key}`, path, o);
    return undefined;
  }
  const p = [...path, key];
  const s = r.obj(v, p);
  if (s === undefined) return undefined;
  const vpcId = r.str(s, 'VpcId', p, true);
  if (vpcId === undefined) return undefined;
  const cidrs: Cidr4[] = [];
  const primary = r.cidr(s, 'CidrBlock', p);
  if (primary !== undefined) cidrs.push(primary);
  for (const c of r.objs(s, 'CidrBlockSet', p)) {
    const x = r.cidr(c.o, 'CidrBlock', c.path);
    if (
      x !== undefined &&
      !cidrs.some((y) => y.address === x.address && y.prefixLength === x.prefixLength)
    )
      cidrs.push(x);
  }
  return { vpcId, cidrs, ownerId: r.str(s, 'OwnerId', p), region: r.str(s, 'Region', p) };
}

function readPeering(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'VpcPeeringConnectionId', path, true);
  const requester = readPeeringSide(r, o, 'RequesterVpcInfo', path);
  const accepter = readPeeringSide(r, o, 'AccepterVpcInfo', path);
  if (id === undefined || requester === undefined || accepter === undefined) return;
  const st = r.get(o, 'Status');
  const stO = st && r.obj(st, [...path, 'Status']);
  const status = (stO && r.str(stO, 'Code', [...path, 'Status'])) ?? 'active';
  put(r, b.vpcPeerings, { id, status, requester, accepter, source: r.src(path) }, path);
}

function readAddress(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const publicIp = r.ip(o, 'PublicIp', path, true);
  if (publicIp === undefined) return;
  b.elasticIps.push({
    publicIp,
    privateIp: r.ip(o, 'PrivateIpAddress', path),
    eniId: r.str(o, 'NetworkInterfaceId', path),
    instanceId: r.str(o, 'InstanceId', path),
  });
}

function readTransitGateway(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'TransitGatewayId', path, true);
  if (id === undefined) return;
  const opt = r.get(o, 'Options');
  const optO = opt && r.obj(opt, [...path, 'Options']);
  const op = [...path, 'Options'];
  put(
    r,
    b.transitGateways,
    {
      id,
      state: r.str(o, 'State', path) ?? 'available',
      defaultAssociationRouteTableId:
        optO && r.str(optO, 'DefaultRouteTableAssociation', op) === 'enable'
          ? r.str(optO, 'AssociationDefaultRouteTableId', op)
          : undefined,
      defaultPropagationRouteTableId:
        optO && r.str(optO, 'DefaultRouteTablePropagation', op) === 'enable'
          ? r.str(optO, 'PropagationDefaultRouteTableId', op)
          : undefined,
      source: r.src(path),
    },
    path,
  );
}

function readTgwAttachment(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'TransitGatewayAttachmentId', path, true);
  const tgw = r.str(o, 'TransitGatewayId', path, true);
  if (id === undefined || tgw === undefined) return;
  const assoc = r.get(o, 'Association');
  const assocO = assoc && r.obj(assoc, [...path, 'Association']);
  const assocState = assocO && r.str(assocO, 'State', [...path, 'Association']);
  put(
    r,
    b.tgwAttachments,
    {
      id,
      transitGatewayId: tgw,
      resourceType: r.str(o, 'ResourceType', path) ?? 'vpc',
      resourceId: r.str(o, 'ResourceId', path),
      state: r.str(o, 'State', path) ?? 'available',
      associatedRouteTableId:
        assocO && (assocState === undefined || assocState === 'associated')
          ? r.str(assocO, 'TransitGatewayRouteTableId', [...path, 'Association'])
          : undefined,
      subnetIds: [],
      source: r.src(path),
    },
    path,
  );
}

function readTgwVpcAttachment(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'TransitGatewayAttachmentId', path, true);
  const tgw = r.str(o, 'TransitGatewayId', path, true);
  const vpcId = r.str(o, 'VpcId', path, true);
  if (id === undefined || tgw === undefined || vpcId === undefined) return;
  b.tgwVpcAttachmentSubnets.set(id, r.strs(o, 'SubnetIds', path));
  if (!b.tgwAttachments.has(id))
    b.tgwAttachments.set(id, {
      id,
      transitGatewayId: tgw,
      resourceType: 'vpc',
      resourceId: vpcId,
      state: r.str(o, 'State', path) ?? 'available',
      subnetIds: [],
      source: r.src(path),
    });
}

function readTgwRouteTable(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'TransitGatewayRouteTableId', path, true);
  const tgw = r.str(o, 'TransitGatewayId', path, true);
  if (id === undefined || tgw === undefined) return;
  put(
    r,
    b.tgwRouteTables,
    {
      id,
      transitGatewayId: tgw,
      propagationAttachmentIds: [],
      routes: [],
      source: r.src(path),
    },
    path,
  );
}

function readTgwPropagations(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const table = r.str(o, 'TransitGatewayRouteTableId', path, true);
  if (table === undefined) return;
  const list = b.tgwPropagations.get(table) ?? [];
  for (const p of r.objs(o, 'TransitGatewayRouteTablePropagations', path)) {
    const att = r.str(p.o, 'TransitGatewayAttachmentId', p.path, true);
    const state = r.str(p.o, 'State', p.path);
    if (att !== undefined && (state === undefined || state === 'enabled')) list.push(att);
  }
  b.tgwPropagations.set(table, list);
}

function readTgwStaticRoutes(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const table = r.str(o, 'TransitGatewayRouteTableId', path, true);
  if (table === undefined) return;
  const list = b.tgwStaticRoutes.get(table) ?? [];
  for (const x of r.objs(o, 'Routes', path)) {
    const destination = r.cidr(x.o, 'DestinationCidrBlock', x.path, true);
    if (destination === undefined) continue;
    const attachmentIds = r
      .objs(x.o, 'TransitGatewayAttachments', x.path)
      .map((a) => r.str(a.o, 'TransitGatewayAttachmentId', a.path))
      .filter((s): s is string => s !== undefined);
    list.push({
      destination,
      attachmentIds,
      state: r.str(x.o, 'State', x.path) === 'blackhole' ? 'blackhole' : 'active',
      type: r.str(x.o, 'Type', x.path) === 'propagated' ? 'propagated' : 'static',
      source: r.src(x.path),
    });
  }
  b.tgwStaticRoutes.set(table, list);
}

function readVpcEndpoint(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'VpcEndpointId', path, true);
  const vpcId = r.str(o, 'VpcId', path, true);
  if (id === undefined || vpcId === undefined) return;
  put(
    r,
    b.vpcEndpoints,
    {
      id,
      vpcId,
      type: r.str(o, 'VpcEndpointType', path) ?? 'Gateway',
      serviceName: r.str(o, 'ServiceName', path),
      routeTableIds: r.strs(o, 'RouteTableIds', path),
      networkInterfaceIds: r.strs(o, 'NetworkInterfaceIds', path),
      source: r.src(path),
    },
    path,
  );
}

function readPrefixList(b: Builder, r: Reader, o: JsonObject, path: Path): void {
  const id = r.str(o, 'PrefixListId', path, true);
  if (id === undefined) return;
  const cidrs: Cidr4[] = [];
  for (const item of r.arr(o, 'Cidrs', path)) {
    if (item.node.kind !== 'string') {
      r.report(
        'wrong-type',
        'error',
        `expected a string, found ${describe(item.node)}`,
        item.path,
        item.node,
      );
      continue;
    }
    const c = parseCidr4(item.node.value);
    if (c !== undefined) cidrs.push(c);
    else if (!item.node.value.includes(':'))
      r.report(
        'invalid-cidr',
        'error',
        `${JSON.stringify(item.node.value)} is not a CIDR block`,
        item.path,
        item.node,
      );
  }
  // get-managed-prefix-list-entries style entries, when a dump merged them in.
  for (const e of r.objs(o, 'Entries', path)) {
    const s = r.str(e.o, 'Cidr', e.path);
    const c = s === undefined ? undefined : parseCidr4(s);
    if (c !== undefined) cidrs.push(c);
  }
  put(
    r,
    b.prefixLists,
    { id, name: r.str(o, 'PrefixListName', path), cidrs, source: r.src(path) },
    path,
  );
}

/** Replaces commas that directly precede `]` or `}` (outside strings) by spaces, keeping offsets. */
function dropTrailingCommas(text: string): string | undefined {
  const out = text.split('');
  let changed = false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === ']' || text[j] === '}') {
        out[i] = ' ';
        changed = true;
      }
    }
  }
  return changed ? out.join('') : undefined;
}

/** Builds the model from file texts (the pure core of `loadSnapshot`). */
export function buildSnapshot(texts: readonly SnapshotText[]): Snapshot {
  const b = new Builder();
  const files: SnapshotFile[] = [];
  for (const { file, text } of texts) {
    const lines = new LineIndex(text);
    const r = new Reader(file, lines, b.diagnostics);
    let parsed = parseJson(text);
    if (!parsed.ok) {
      const repaired = dropTrailingCommas(text);
      const second = repaired === undefined ? undefined : parseJson(repaired);
      const { line, col, message } = parsed.error;
      if (second !== undefined && second.ok) {
        b.diagnostics.push(
          netDiagnostic(
            'repaired-json',
            'warning',
            `not strict JSON (${message}); read after removing trailing commas`,
            { file: file, jsonPath: '', line, col },
          ),
        );
        parsed = second;
      } else {
        const python = /'[A-Za-z]+'\s*:|\b(True|False|None)\b|datetime\.datetime\(/.test(text);
        b.diagnostics.push(
          netDiagnostic(
            'invalid-json',
            'error',
            `not JSON: ${message}${python ? ' (this looks like a Python repr; dump with json.dump(response, f, default=str))' : ''}`,
            { file: file, jsonPath: '', line, col },
          ),
        );
        files.push({ file, recognised: [], ignored: [] });
        continue;
      }
    }
    for (const d of parsed.duplicates)
      b.diagnostics.push(
        netDiagnostic(
          'duplicate-key',
          'warning',
          `duplicate key ${JSON.stringify(d.key)}; the first value is used`,
          { file: file, jsonPath: d.path, ...lines.position(d.offset) },
        ),
      );
    const root = parsed.value;
    if (root.kind !== 'object') {
      r.report(
        'wrong-type',
        'error',
        `expected an object with keys such as "Subnets", found ${describe(root)}`,
        [],
        root,
      );
      files.push({ file, recognised: [], ignored: [] });
      continue;
    }
    const recognised: string[] = [];
    const ignored: string[] = [];
    for (const m of root.members) {
      const handler = Object.hasOwn(TOP_LEVEL, m.key) ? TOP_LEVEL[m.key] : undefined;
      if (handler === undefined) {
        ignored.push(m.key);
        continue;
      }
      recognised.push(m.key);
      handler(b, r, m.value, [m.key]);
    }
    if (recognised.length === 0)
      b.diagnostics.push(
        netDiagnostic(
          'ignored-key',
          'note',
          `no recognised top-level key (found ${ignored.map((k) => JSON.stringify(k)).join(', ') || 'none'}); file ignored`,
          { file: file, jsonPath: '' },
        ),
      );
    files.push({ file, recognised, ignored });
  }
  if (texts.length === 0)
    b.diagnostics.push(
      netDiagnostic('empty-snapshot', 'error', 'no JSON files in the snapshot', {
        file: '.',
        jsonPath: '',
      }),
    );
  return { model: link(b), files, diagnostics: b.diagnostics };
}

/** Second pass: instance ENIs, Elastic IPs, TGW subnets, propagations and static routes. */
function link(b: Builder): NetworkModel {
  const enis = new Map<string, NetworkInterface>(b.instanceEnis);
  for (const [id, eni] of b.networkInterfaces) {
    const fromInstance = b.instanceEnis.get(id);
    enis.set(
      id,
      fromInstance !== undefined && eni.instanceId === undefined
        ? { ...eni, instanceId: fromInstance.instanceId }
        : eni,
    );
  }
  for (const eip of b.elasticIps) {
    let eniId = eip.eniId;
    if (eniId === undefined && eip.instanceId !== undefined)
      eniId = b.instances.get(eip.instanceId)?.networkInterfaceIds[0];
    const eni = eniId === undefined ? undefined : enis.get(eniId);
    if (eni === undefined) continue;
    const addresses = eni.addresses.map((a) =>
      (eip.privateIp === undefined ? a.primary : a.privateIp === eip.privateIp)
        ? { ...a, publicIp: eip.publicIp }
        : a,
    );
    enis.set(eni.id, { ...eni, addresses });
  }
  const attachments = new Map<string, TransitGatewayAttachment>();
  for (const [id, a] of b.tgwAttachments)
    attachments.set(id, { ...a, subnetIds: b.tgwVpcAttachmentSubnets.get(id) ?? a.subnetIds });
  const tgwTables = new Map<string, TransitGatewayRouteTable>();
  for (const [id, t] of b.tgwRouteTables)
    tgwTables.set(id, {
      ...t,
      propagationAttachmentIds: b.tgwPropagations.get(id) ?? [],
      routes: b.tgwStaticRoutes.get(id) ?? [],
    });
  return {
    vpcs: b.vpcs,
    subnets: b.subnets,
    routeTables: b.routeTables,
    securityGroups: b.securityGroups,
    networkAcls: b.networkAcls,
    networkInterfaces: enis,
    instances: b.instances,
    internetGateways: b.internetGateways,
    natGateways: b.natGateways,
    vpcPeerings: b.vpcPeerings,
    transitGateways: b.transitGateways,
    transitGatewayAttachments: attachments,
    transitGatewayRouteTables: tgwTables,
    vpcEndpoints: b.vpcEndpoints,
    prefixLists: b.prefixLists,
  };
}
