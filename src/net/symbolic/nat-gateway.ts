/**
 * Mirrors ../forward/nat-gateway.ts (`natGatewayOut`, `natGatewayIn`): the
 * protocol test (TCP, UDP or ICMP) as a fork, the source rewritten to the
 * gateway's constant private address and the translated source (a term)
 * remembered on the path, so the reply's destination NAT restores it
 * exactly. A reply routed into a gateway and a connection started from
 * outside are dropped for every packet, as concretely.
 *
 * Exact: every packet takes the branch the forwarder's tests choose for it,
 * and leaves with the header the forwarder gives it.
 */
import { falseTerm, ite, not } from '../../smt/index.js';
import { natInboundReason, natReplyReason } from '../forward/nat-gateway.js';
import type { ComponentRef } from '../forward/walk.js';
import type { NatGateway, Subnet } from '../model.js';
import { networkAclCheckSymbolic } from './nacl.js';
import { ip32, or3, protoIs, type SymPacket } from './packet.js';
import type { Paths, State, SymWalk } from './walk.js';

/** `natGatewayOut`. */
export function natGatewayOutSymbolic(
  w: SymWalk,
  st: State,
  id: string,
  subnet: Subnet,
  p: SymPacket,
): Paths {
  const ref: ComponentRef = { kind: 'nat-gateway', id };
  const nat = w.model.natGateways.get(id);
  if (nat === undefined) return w.missing(st, ref, `NAT gateway ${id} is not in the snapshot`);
  const natSubnet = w.subnet(nat.subnetId);
  if (natSubnet === undefined)
    return w.missing(st, ref, `subnet ${nat.subnetId} is not in the snapshot`);
  const go = (s0: State): Paths => {
    if (nat.state !== 'available') return w.drop(s0, ref, `NAT gateway ${id} is ${nat.state}`);
    if (s0.reply) return w.drop(s0, ref, natReplyReason(id));
    const ok = or3(protoIs(p, 6), protoIs(p, 17), protoIs(p, 1));
    return w.fork(s0, [
      {
        cond: ok,
        run: (s) => {
          const addr = nat.addresses.find((a) => a.privateIp !== undefined);
          if (addr?.privateIp === undefined)
            return w.missing(s, ref, `the private address of NAT gateway ${id}`);
          s.nat.set(nat.id, { srcIp: p.srcIp, sport: p.sport });
          w.pass(s, ref);
          return w.leaveSubnet(s, natSubnet, { ...p, srcIp: ip32(addr.privateIp) });
        },
      },
      {
        cond: not(ok),
        run: (s) => w.drop(s, ref, `NAT gateway ${id} translates only TCP, UDP and ICMP`),
      },
    ]);
  };
  return natSubnet.id !== subnet.id
    ? networkAclCheckSymbolic(w, st, natSubnet, 'ingress', p, go)
    : go(st);
}

/** `natGatewayIn`. */
export function natGatewayInSymbolic(w: SymWalk, st: State, nat: NatGateway, p: SymPacket): Paths {
  const ref: ComponentRef = { kind: 'nat-gateway', id: nat.id };
  const binding = st.reply ? st.nat.get(nat.id) : undefined;
  if (binding === undefined) return w.drop(st, ref, natInboundReason(nat.id));
  const tcpUdp = or3(protoIs(p, 6), protoIs(p, 17), falseTerm);
  const back: SymPacket = {
    ...p,
    dstIp: binding.srcIp,
    dport: ite(tcpUdp, binding.sport, p.dport),
  };
  w.pass(st, ref);
  const sub = w.subnet(nat.subnetId);
  if (sub === undefined) return w.missing(st, ref, `subnet ${nat.subnetId} is not in the snapshot`);
  return w.leaveSubnet(st, sub, back);
}
