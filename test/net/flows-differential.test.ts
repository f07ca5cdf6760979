/**
 * Differential test of `explain` / `exposed` (net/flows.ts): in random small
 * networks (random security-group rules and network-ACL entries over a public
 * subnet), a packet from the internet is delivered by the concrete forwarder
 * exactly when it lies in one of the ranges `explain` reports — on a grid of
 * headers around every constant the rules use — and `exposed` reports the
 * same ranges for the interface.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decideExplain, decideExposed } from '../../src/net/answer.js';
import { forward } from '../../src/net/forward/index.js';
import { FIELDS, rangesContain, type Box, type Field } from '../../src/net/packetset.js';
import { packetOf, reaches } from '../../src/net/symbolic/query.js';
import { stopSolvers } from '../../src/smt/index.js';
import { aclEntry, sgRule, uniqueNumbers, type PortPair } from './arbitraries.js';
import { ip, publicSubnet, type Doc } from './fixtures.js';
import type { Flow, FlowSet } from '../../src/net/gate.js';

/** The flows a decision shows: the witness's (yes of explain, no of exposed) or the certificate's. */
function flowsOf<T>(
  d: { witness: FlowSet<T> } | { certificate: FlowSet<T> } | object,
): readonly (Flow & T)[] {
  if ('witness' in d) return d.witness.flows;
  if ('certificate' in d) return d.certificate.flows;
  return [];
}

after(() => stopSolvers());

const CIDRS = ['0.0.0.0/0', '8.0.0.0/8', '1.1.1.0/24', '8.8.8.8/32'];
const PORTS: PortPair[] = [
  [22, 22],
  [80, 80],
  [1024, 65535],
  [0, 65535],
  [20, 25],
];

const sgRuleArb = sgRule(['tcp', 'udp', 'icmp', '-1'], PORTS, CIDRS);
const aclEntryArb = (egress: boolean) => aclEntry(egress, ['6', '17', '-1'], PORTS, CIDRS);

/** Header values around every constant the generators use. */
const GRID: Record<Exclude<Field, 'dst_ip'>, number[]> = {
  src_ip: [
    '1.1.1.0',
    '1.1.0.255',
    '1.1.1.255',
    '1.1.2.0',
    '8.0.0.0',
    '7.255.255.255',
    '8.8.8.8',
    '8.8.8.9',
    '8.255.255.255',
    '9.0.0.0',
    '200.1.2.3',
  ].map(ip),
  protocol: [1, 6, 17, 47],
  dst_port: [0, 19, 20, 22, 25, 26, 79, 80, 81, 1023, 1024, 65535],
  src_port: [8, 22, 80, 1023, 1024, 50000],
};

function inBoxes(boxes: readonly Box[], v: Record<Field, number>): boolean {
  return boxes.some((b) => FIELDS.every((f) => b[f] === undefined || rangesContain(b[f], v[f])));
}

describe('explain / exposed vs the concrete forwarder (random networks)', () => {
  it('a packet is delivered iff it is in the reported ranges', async () => {
    let flowing = 0;
    let empty = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(sgRuleArb, { maxLength: 3 }),
        fc.array(aclEntryArb(false), { maxLength: 3 }),
        fc.array(aclEntryArb(true), { maxLength: 3 }),
        fc.boolean(),
        async (rules, inAcl, outAcl, withFinalAllow) => {
          const allowAll = (egress: boolean): Doc => ({
            CidrBlock: '0.0.0.0/0',
            Egress: egress,
            Protocol: '-1',
            RuleAction: 'allow',
            RuleNumber: 1000,
          });
          const m = publicSubnet({
            acl: [
              ...uniqueNumbers(inAcl),
              ...uniqueNumbers(outAcl),
              ...(withFinalAllow ? [allowAll(false), allowAll(true)] : []),
            ],
            sgIngress: rules,
          });
          const what = JSON.stringify({ rules, inAcl, outAcl, withFinalAllow });
          const a = await decideExplain(
            m,
            { from: { kind: 'internet' }, to: { kind: 'eni', id: 'eni-web' } },
            { timeoutMs: 30_000 },
          );
          assert.ok(a.answer === 'yes' || a.answer === 'no', `${what}: ${JSON.stringify(a)}`);
          if (a.answer !== 'yes' && a.answer !== 'no') return;
          if (a.answer === 'yes') flowing++;
          else empty++;
          const boxes = flowsOf(a).map((f) => f.box);
          const dst = ip('18.216.80.133');
          for (const src_ip of GRID.src_ip)
            for (const protocol of GRID.protocol)
              for (const dst_port of GRID.dst_port)
                for (const src_port of GRID.src_port) {
                  const v = { src_ip, dst_ip: dst, protocol, dst_port, src_port };
                  if (protocol === 1 && (src_port > 255 || dst_port > 255)) continue;
                  if (protocol === 47 && (src_port !== 0 || dst_port !== 0)) continue;
                  const packet = packetOf(
                    new Map(Object.entries(v).map(([k, x]) => [k, BigInt(x)])),
                  );
                  const delivered = reaches(forward(m, { kind: 'internet' }, packet), () => true);
                  assert.equal(inBoxes(boxes, v), delivered, `${what} at ${JSON.stringify(v)}`);
                }
          // exposed says the same for the interface.
          const e = await decideExposed(m, { timeoutMs: 30_000 });
          assert.deepEqual(
            flowsOf(e)
              .filter((f) => f.networkInterface === 'eni-web')
              .map((f) => f.text),
            flowsOf(a).map((f) => f.text),
          );
        },
      ),
      { numRuns: 30, seed: 11 },
    );
    // Not vacuous: both empty and non-empty sets occur.
    assert.ok(flowing >= 5 && empty >= 3, JSON.stringify({ flowing, empty }));
  });
});
