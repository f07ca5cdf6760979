/**
 * Mirrors ../forward/route-table.ts (`routeLookup`): the longest-prefix match
 * as a first-match choice over the table's CIDR routes (`cidrRoutes`, the
 * forwarder's list) ordered by prefix length, longest first, ties in table
 * order (the forwarder takes the first of a tie). The walk forks into one
 * path per route some destination can take, plus the no-route path.
 *
 * Exact: a packet takes the branch of route r exactly when `routeLookup`
 * returns r for it; a blackhole route, no route, no table or a missing
 * prefix list end the path as they end the concrete walk.
 */
import {
  cidrRoutes,
  noRouteTableText,
  routeText,
  subnetRouteTable,
} from '../forward/route-table.js';
import type { ComponentRef } from '../forward/walk.js';
import type { Route, Subnet } from '../model.js';
import { inCidr, type SymPacket } from './packet.js';
import type { Paths, State, SymWalk } from './walk.js';

/** `routeLookup`: continues with `k` on each route a packet can take. */
export function routeLookupSymbolic(
  w: SymWalk,
  st: State,
  subnet: Subnet,
  p: SymPacket,
  k: (s: State, r: Route) => Paths,
): Paths {
  const found = subnetRouteTable(w.model, subnet);
  if (found === undefined)
    return w.missing(st, { kind: 'subnet', id: subnet.id }, noRouteTableText(subnet));
  const table = found.table;
  const ref: ComponentRef = { kind: 'route-table', id: table.id };
  const routes = cidrRoutes(w.model, table);
  if (typeof routes === 'string') return w.missing(st, ref, routes);
  // Longest prefix first; ties keep table order (the forwarder takes the first of a tie).
  const ordered = routes
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => b.cidr.prefixLength - a.cidr.prefixLength || a.i - b.i);
  return w.firstMatch(
    st,
    ordered,
    (r) => inCidr(p.dstIp, r.cidr),
    (s, r) => {
      if (r.route.state === 'blackhole') {
        const { dest, target } = routeText(r);
        return w.drop(s, ref, `route table ${table.id} route ${dest} -> ${target} is a blackhole`);
      }
      w.pass(s, ref);
      return k(s, r.route);
    },
    (s) => w.drop(s, ref, `route table ${table.id} has no route to the destination`),
  );
}
