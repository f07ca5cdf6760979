/**
 * Differential test: the symbolic answer against brute-force concrete
 * forwarding in random small networks (random security-group and network-ACL
 * rules over a public subnet). Rules draw their CIDRs and ports from small
 * sets, and the brute force covers one packet of every class those sets
 * induce, so the two must agree exactly: yes iff some sampled packet is
 * delivered (and its reply gets back).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forward, type Packet } from '../../src/net/forward/index.js';
import { reaches } from '../../src/net/symbolic/query.js';
import { decideReachable } from '../../src/net/answer.js';
import { stopSolvers } from '../../src/smt/index.js';
import { aclEntry, sgRule, uniqueNumbers, type PortPair } from './arbitraries.js';
import { ip, publicSubnet, type Doc } from './fixtures.js';

after(() => stopSolvers());

const CIDRS = ['0.0.0.0/0', '8.0.0.0/8', '1.1.1.0/24'];
const PORTS: PortPair[] = [
  [22, 22],
  [80, 80],
  [1024, 65535],
  [0, 65535],
];
const SRC_IPS = ['8.8.8.8', '1.1.1.1', '9.9.9.9'].map(ip);
const SRC_PORTS = [22, 80, 443, 50000];
const PROTOS = ['6', '17', '-1'];

const sgRuleArb = sgRule(['tcp', 'udp', '-1'], PORTS, CIDRS);
const aclEntryArb = (egress: boolean) => aclEntry(egress, PROTOS, PORTS, CIDRS);

describe('symbolic vs concrete (random networks)', () => {
  it('internet -> public IP: symbolic yes iff some sampled packet is delivered', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(sgRuleArb, { maxLength: 3 }),
        fc.array(aclEntryArb(false), { maxLength: 3 }),
        fc.array(aclEntryArb(true), { maxLength: 3 }),
        fc.constantFrom(6, 17),
        fc.constantFrom(22, 80, 443, 50000),
        fc.boolean(),
        async (rules, inAcl, outAcl, protocol, port, withFinalAllow) => {
          // Random entries before a final allow-all (else nearly every case is a no).
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
          const dst = ip('18.216.80.133');
          const a = await decideReachable(m, {
            from: { kind: 'internet' },
            to: { kind: 'ip', ip: dst },
            protocol,
            dstPorts: { from: port, to: port },
          });
          assert.notEqual(a.answer, 'unknown', JSON.stringify(a));
          seen.set(a.answer, (seen.get(a.answer) ?? 0) + 1);
          let some = false;
          for (const srcIp of SRC_IPS)
            for (const srcPort of SRC_PORTS) {
              const p: Packet = { srcIp, dstIp: dst, protocol, srcPort, dstPort: port };
              if (reaches(forward(m, { kind: 'internet' }, p), () => true)) some = true;
            }
          assert.equal(
            a.answer,
            some ? 'yes' : 'no',
            JSON.stringify({ rules, inAcl, outAcl, protocol, port, withFinalAllow }),
          );
        },
      ),
      { numRuns: 40, seed: 6 },
    );
    // Not vacuous: both answers occur.
    assert.ok((seen.get('yes') ?? 0) >= 3 && (seen.get('no') ?? 0) >= 3, JSON.stringify([...seen]));
  });
});
