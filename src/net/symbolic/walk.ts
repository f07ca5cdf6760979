/**
 * Mirrors ../forward/walk.ts: the state of one symbolic walk and how it
 * ends. Where the forwarder's `Walk` records hops and throws its end, a
 * `SymWalk` returns the paths a walk splits into (`Paths`), each with the
 * conditions a packet must meet to take it: a `branch` chooses the path (a
 * longest-prefix match, which address is addressed, …), a `filter` is a
 * component letting the packet through.
 *
 * Guarantees: `fork` and `firstMatch` split a path on mutually exclusive,
 * exhaustive conditions given in the forwarder's order, so every packet
 * takes exactly one of the paths a walk returns; a path ends as the
 * forwarder's walk does for the packets that take it (accepted, dropped or
 * missing), and after `MAX_STEPS` subnet crossings as a forwarding loop.
 * The component files (security-group.ts, …) take a `SymWalk` as their
 * concrete twins take a `Walk`; the walker (index.ts) supplies
 * `leaveSubnet`, `arrive` and `accepted`.
 */
import { conjunction, falseTerm, not, trueTerm, type Term } from '../../smt/index.js';
import { MAX_STEPS, type ComponentRef, type Destination } from '../forward/walk.js';
import { subnetsOfVpc } from '../lookup.js';
import type { NetworkModel, Subnet } from '../model.js';
import { inCidr, type SymPacket } from './packet.js';

/** One condition on a path: a `branch` chooses the path, a `filter` is a component letting the packet through. */
export interface PathStep {
  readonly kind: 'branch' | 'filter';
  readonly term: Term;
  readonly component: ComponentRef;
  /** For a filter: what stops a packet here, in words. */
  readonly what: string;
  /** How many components the path had passed when this step was recorded. */
  readonly at: number;
}

export type PathEnd =
  | { readonly kind: 'accepted'; readonly destination: Destination }
  | { readonly kind: 'dropped'; readonly component: ComponentRef; readonly reason: string }
  | { readonly kind: 'missing'; readonly component: ComponentRef; readonly missing: string };

export interface SymPath {
  readonly steps: readonly PathStep[];
  /** The components passed, in order (`kind:id`), for explanations. */
  readonly via: readonly string[];
  readonly end: PathEnd;
}

export interface State {
  readonly steps: PathStep[];
  readonly via: string[];
  readonly reply: boolean;
  readonly nat: Map<string, { srcIp: Term; sport: Term }>;
  readonly hostIp: Term | undefined;
  /** When the walk started at a `host`: its address (the reply's `hostIp`). */
  readonly hostStart: Term | undefined;
  /** Attachment subnets entered from a transit gateway on this path, with the header then (a repeat is a loop). */
  readonly tgwEntered: Map<string, SymPacket>;
  count: number;
}

export function clone(st: State): State {
  return {
    ...st,
    steps: [...st.steps],
    via: [...st.via],
    nat: new Map(st.nat),
    tgwEntered: new Map(st.tgwEntered),
  };
}

export type Paths = SymPath[];

export abstract class SymWalk {
  constructor(
    readonly model: NetworkModel,
    /** Simplifies a branch condition under the question's constraint (assume.ts). */
    readonly assume: (t: Term) => Term = (t) => t,
    /** The header variables holding the internet side's address (public, owned by nothing here). */
    readonly internetSide: ReadonlySet<Term> = new Set(),
  ) {}

  /** A packet inside `subnet` heading elsewhere (index.ts). */
  abstract leaveSubnet(st: State, subnet: Subnet, p: SymPacket): Paths;

  /** A packet reaching `subnet` from subnet `from` (undefined for a gateway) (index.ts). */
  abstract arrive(st: State, subnet: Subnet, p: SymPacket, from: string | undefined): Paths;

  /** Accepted at `dest`, then the reply (index.ts). */
  abstract accepted(st: State, dest: Destination, p: SymPacket): Paths;

  end(st: State, end: PathEnd): Paths {
    return [{ steps: st.steps, via: st.via, end }];
  }
  drop(st: State, component: ComponentRef, reason: string): Paths {
    return this.end(st, { kind: 'dropped', component, reason });
  }
  missing(st: State, component: ComponentRef, missing: string): Paths {
    return this.end(st, { kind: 'missing', component, missing });
  }
  pass(st: State, c: ComponentRef): void {
    st.via.push(`${c.kind}:${c.id}`);
  }
  filter(st: State, term: Term, component: ComponentRef, what: string): void {
    if (term === trueTerm) return;
    st.steps.push({ kind: 'filter', term, component, what, at: st.via.length });
  }

  /** Forks on mutually exclusive, exhaustive conditions (given in the forwarder's order). */
  fork(st: State, cases: readonly { cond: Term; run: (s: State) => Paths }[]): Paths {
    const out: Paths = [];
    for (const c0 of cases) {
      const c = { ...c0, cond: this.assume(c0.cond) };
      if (c.cond === falseTerm) continue;
      const s = clone(st);
      if (c.cond !== trueTerm)
        s.steps.push({
          kind: 'branch',
          term: c.cond,
          component: { kind: 'internet', id: '' },
          what: '',
          at: s.via.length,
        });
      out.push(...c.run(s));
      if (c.cond === trueTerm) break;
    }
    return out;
  }

  /** First-match choice: case i holds when its condition holds and no earlier one does; `otherwise` when none does. */
  firstMatch<T>(
    st: State,
    items: readonly T[],
    cond: (item: T) => Term,
    run: (s: State, item: T) => Paths,
    otherwise: (s: State) => Paths,
  ): Paths {
    const cases: { cond: Term; run: (s: State) => Paths }[] = [];
    const earlier: Term[] = [];
    // An item that matches every packet (a 0.0.0.0/0 route) leaves nothing for `otherwise`.
    let exhaustive = false;
    for (const item of items) {
      const c = this.assume(cond(item));
      cases.push({ cond: conjunction([c, ...earlier.map(not)]), run: (s) => run(s, item) });
      if (c === trueTerm) {
        exhaustive = true;
        break;
      }
      if (c !== falseTerm) earlier.push(c);
    }
    const none = conjunction(earlier.map(not));
    if (!exhaustive) cases.push({ cond: none, run: otherwise });
    return this.fork(st, cases);
  }

  /** Counts a subnet crossing; true past the forwarder's hop limit. */
  step(st: State): boolean {
    return ++st.count > MAX_STEPS;
  }

  subnet(id: string): Subnet | undefined {
    return this.model.subnets.get(id);
  }

  /** `Walk.subnetOf`: the first subnet of the VPC containing `dst`, as a first-match choice. */
  subnetOf(
    st: State,
    vpcId: string,
    dst: Term,
    run: (s: State, sub: Subnet) => Paths,
    none: (s: State) => Paths,
  ): Paths {
    const subs = subnetsOfVpc(this.model, vpcId);
    return this.firstMatch(st, subs, (s) => inCidr(dst, s.cidr), run, none);
  }
}
