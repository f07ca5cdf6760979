/**
 * Route tables (Amazon VPC User Guide, "Route tables"): a subnet uses its
 * associated route table, else its VPC's main table; the route is the
 * longest-prefix match on the destination address among the CIDR routes and
 * the CIDRs of prefix-list routes (the first in table order on a tie); a
 * blackhole route drops.
 *
 * Guarantees: `routeLookup` returns the route the packet takes (after one
 * hop naming it), or ends the walk: dropped on no route or a blackhole,
 * `missing` when the subnet has no table or a prefix list a route names is
 * not in the snapshot. What the route's target does is the walker's
 * (index.ts). Mirrored by ../symbolic/route-table.ts.
 */
import { formatIpv4, longestPrefixMatch, type Cidr4 } from '../../core/ip.js';
import { associatedRouteTable, mainRouteTable } from '../lookup.js';
import type { NetworkModel, Route, RouteTable, Subnet } from '../model.js';
import type { Packet } from './packet.js';
import type { ComponentRef, Walk } from './walk.js';

/** The route table a subnet uses: its explicit association, else its VPC's main table. */
export function subnetRouteTable(
  model: NetworkModel,
  subnet: Subnet,
): { readonly table: RouteTable; readonly explicit: boolean } | undefined {
  const table = associatedRouteTable(model, subnet.id);
  if (table !== undefined) return { table, explicit: true };
  const main = mainRouteTable(model, subnet.vpcId);
  return main === undefined ? undefined : { table: main, explicit: false };
}

/** Why a subnet's route table is missing. */
export function noRouteTableText(subnet: Subnet): string {
  return `the route table of ${subnet.id} (no association and no main route table of ${subnet.vpcId} in the snapshot)`;
}

export interface CidrRoute {
  readonly route: Route;
  readonly cidr: Cidr4;
}

/**
 * A table's routes as CIDRs in table order (a prefix-list route once per CIDR
 * of its list); a string says which prefix list the snapshot lacks.
 */
export function cidrRoutes(model: NetworkModel, table: RouteTable): CidrRoute[] | string {
  const out: CidrRoute[] = [];
  for (const route of table.routes) {
    const d = route.destination;
    if (d.kind === 'cidr') out.push({ route, cidr: d.cidr });
    else if (d.kind === 'prefix-list') {
      const pl = model.prefixLists.get(d.id);
      if (pl === undefined)
        return `prefix list ${d.id} (a destination in ${table.id}) is not in the snapshot`;
      for (const cidr of pl.cidrs) out.push({ route, cidr });
    }
  }
  return out;
}

/** A route's destination and target in words. */
export function routeText({ route, cidr }: CidrRoute): { dest: string; target: string } {
  const dest =
    route.destination.kind === 'prefix-list'
      ? `${route.destination.id} (${formatIpv4(cidr.address)}/${cidr.prefixLength})`
      : `${formatIpv4(cidr.address)}/${cidr.prefixLength}`;
  const target = route.target.kind === 'local' ? 'local' : route.target.id;
  return { dest, target };
}

/** Longest-prefix match in the subnet's route table; drops on no route or a blackhole. */
export function routeLookup(w: Walk, subnet: Subnet, p: Packet): Route {
  const found = subnetRouteTable(w.model, subnet);
  if (found === undefined) w.missing({ kind: 'subnet', id: subnet.id }, noRouteTableText(subnet));
  const table = found.table;
  const ref: ComponentRef = { kind: 'route-table', id: table.id };
  const routes = cidrRoutes(w.model, table);
  if (typeof routes === 'string') w.missing(ref, routes);
  const best = longestPrefixMatch(routes, (x) => x.cidr, p.dstIp);
  if (best.length === 0)
    w.drop(ref, `route table ${table.id} has no route to ${formatIpv4(p.dstIp)}`);
  const { route } = best[0];
  const { dest, target } = routeText(best[0]);
  if (route.state === 'blackhole')
    w.drop(ref, `route table ${table.id} route ${dest} -> ${target} is a blackhole`, route.source);
  w.hop(
    ref,
    `route (${found.explicit ? 'associated with' : 'main table of'} ${found.explicit ? subnet.id : subnet.vpcId})`,
    `${dest} -> ${target}`,
    p,
    route.source,
  );
  return route;
}
