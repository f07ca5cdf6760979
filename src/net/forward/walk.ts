/**
 * One traversal of the concrete forwarder: the hops so far, whether it is a
 * reply, the NAT gateways' translations, and how it ends. Every component
 * (security-group.ts, nacl.ts, route-table.ts, internet-gateway.ts,
 * nat-gateway.ts, peering.ts, transit-gateway.ts) takes a `Walk`, records a
 * hop for what lets the packet through, and ends the walk with `drop`,
 * `missing` or `accept`; the walker (index.ts) supplies the two moves that
 * connect them, `leaveSubnet` and `arrive`.
 *
 * Guarantees: a walk ends exactly once, with the hops recorded so far; it
 * never takes more than `MAX_STEPS` subnet crossings (a routing loop is a
 * drop). Mirrored by ../symbolic/walk.ts (`SymWalk`, the path state).
 */
import { cidr4Contains, type Ipv4 } from '../../core/ip.js';
import { subnetsOfVpc } from '../lookup.js';
import type { NetworkInterface, NetworkModel, SourceRef, Subnet } from '../model.js';
import type { Packet } from './packet.js';

/** Where a packet starts. `host` is an address of a subnet with no ENI in the snapshot (no security group). */
export type Start =
  | { readonly kind: 'eni'; readonly id: string }
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'host'; readonly subnetId: string }
  | { readonly kind: 'internet' };

export type ComponentKind =
  | 'internet'
  | 'host'
  | 'instance'
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'subnet'
  | 'route-table'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'vpc-peering'
  | 'transit-gateway'
  | 'transit-gateway-attachment'
  | 'transit-gateway-route-table'
  | 'vpc-endpoint';

export interface ComponentRef {
  readonly kind: ComponentKind;
  readonly id: string;
}

export interface Hop {
  readonly component: ComponentRef;
  /** What the component did: `egress`, `ingress`, `route`, `source NAT`, … */
  readonly step: string;
  /** The rule or route that let the packet through, in words. */
  readonly rule: string;
  /** Where that rule is in the snapshot, when it is one element. */
  readonly source?: SourceRef;
  /** The header as it leaves this hop (after any translation). */
  readonly packet: Packet;
}

export type Destination =
  | { readonly kind: 'network-interface'; readonly id: string }
  | { readonly kind: 'host'; readonly subnetId: string; readonly ip: Ipv4 }
  | { readonly kind: 'internet' }
  | { readonly kind: 'vpc-endpoint'; readonly id: string };

export type ForwardResult =
  | {
      readonly outcome: 'accepted';
      readonly hops: readonly Hop[];
      readonly destination: Destination;
      /** The reply forwarded back (absent for the reply itself and for AWS services). */
      readonly returnTraffic?: ForwardResult;
    }
  | {
      readonly outcome: 'dropped';
      readonly hops: readonly Hop[];
      readonly component: ComponentRef;
      readonly reason: string;
      readonly source?: SourceRef;
    }
  | {
      readonly outcome: 'missing';
      readonly hops: readonly Hop[];
      readonly component: ComponentRef;
      /** What the snapshot lacks (or arc does not model) that the answer depends on. */
      readonly missing: string;
    };

/** NAT gateway id → the private source it translated (set going out, read by replies). */
export type NatBindings = Map<string, { srcIp: Ipv4; srcPort?: number }>;

/** The most subnet crossings one walk makes before it is called a forwarding loop. */
export const MAX_STEPS = 64;

class Stop {
  constructor(readonly result: ForwardResult) {}
}

export function eniRef(eni: NetworkInterface): ComponentRef {
  return { kind: 'network-interface', id: eni.id };
}

/** One traversal: the hops so far, whether it is a reply, and NAT state. */
export abstract class Walk {
  readonly hops: Hop[] = [];
  private steps = 0;

  constructor(
    readonly model: NetworkModel,
    /** A reply of an accepted connection: stateful components let it through. */
    readonly reply: boolean,
    readonly natBindings: NatBindings,
    /** For a reply to a `host` start: the host's address. */
    readonly hostIp: Ipv4 | undefined,
  ) {}

  /** Follows the packet from `start` to the end of the walk. */
  run(start: Start, packet: Packet): ForwardResult {
    try {
      return this.begin(start, packet);
    } catch (e) {
      if (e instanceof Stop) return e.result;
      throw e;
    }
  }

  /** The first hop from `start` (index.ts). */
  protected abstract begin(start: Start, packet: Packet): never;

  /** A packet inside `subnet` heading elsewhere (index.ts). */
  abstract leaveSubnet(subnet: Subnet, p: Packet): never;

  /** A packet reaching `subnet` from `fromSubnetId` (undefined for a gateway) (index.ts). */
  abstract arrive(subnet: Subnet, p: Packet, fromSubnetId: string | undefined): never;

  hop(
    component: ComponentRef,
    step: string,
    rule: string,
    packet: Packet,
    source?: SourceRef,
  ): void {
    this.hops.push(
      source === undefined
        ? { component, step, rule, packet }
        : { component, step, rule, packet, source },
    );
  }

  drop(component: ComponentRef, reason: string, source?: SourceRef): never {
    throw new Stop(
      source === undefined
        ? { outcome: 'dropped', hops: this.hops, component, reason }
        : { outcome: 'dropped', hops: this.hops, component, reason, source },
    );
  }

  missing(component: ComponentRef, what: string): never {
    throw new Stop({ outcome: 'missing', hops: this.hops, component, missing: what });
  }

  accept(destination: Destination): never {
    throw new Stop({ outcome: 'accepted', hops: this.hops, destination });
  }

  subnet(id: string, from: ComponentRef): Subnet {
    const s = this.model.subnets.get(id);
    return s ?? this.missing(from, `subnet ${id} is not in the snapshot`);
  }

  /** The first subnet (model order) of the VPC that contains `ip`. */
  subnetOf(vpcId: string, ip: Ipv4): Subnet | undefined {
    for (const s of subnetsOfVpc(this.model, vpcId)) if (cidr4Contains(s.cidr, ip)) return s;
    return undefined;
  }

  step(): void {
    if (++this.steps > MAX_STEPS)
      this.drop({ kind: 'internet', id: 'loop' }, `forwarding loop: more than ${MAX_STEPS} hops`);
  }
}
