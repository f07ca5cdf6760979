/**
 * Generated networks (bench/netgen.ts): they load without a diagnostic, the
 * generator is deterministic, and the symbolic engine agrees with the
 * concrete forwarder on them — for fully concrete questions between
 * instances (one packet: the answers must be equal) and for questions from
 * the internet (yes iff a packet from one of the source classes the rules
 * distinguish gets through). No timing is asserted; the number of paths a
 * question enumerates is, since it must not grow with the account.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generate, generateNetwork, type GeneratedInstance } from '../../bench/netgen.js';
import { forward, type Packet } from '../../src/net/forward/index.js';
import { formatIpv4 } from '../../src/core/ip.js';
import type { NetworkModel } from '../../src/net/model.js';
import { buildSnapshot } from '../../src/net/snapshot.js';
import { renderDiagnostic } from '../../src/core/diagnostic.js';
import { enumeratePaths } from '../../src/net/symbolic/index.js';
import { symbolicHeader } from '../../src/net/symbolic/packet.js';
import { reaches, resolveEndpoints, type ReachQuery } from '../../src/net/symbolic/query.js';
import { decideReachable } from '../../src/net/answer.js';
import { stopSolvers } from '../../src/smt/index.js';
import { ip, publicSubnet } from './fixtures.js';

after(() => stopSolvers());

function load(files: Record<string, unknown>): NetworkModel {
  const snap = buildSnapshot(
    Object.entries(files).map(([file, d]) => ({ file, text: JSON.stringify(d, null, 1) })),
  );
  assert.deepEqual(snap.diagnostics.map(renderDiagnostic), []);
  return snap.model;
}

/** A small deterministic PRNG for choosing questions (not the generator's). */
function chooser(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

const net = generate({ instances: 20, vpcs: 3, seed: 7 });
const m = load(net.files);
const running = net.instances.filter((i) => i.running);
const byRole = (role: string, vpc?: number): GeneratedInstance => {
  const found = running.find((i) => i.role === role && (vpc === undefined || i.vpc === vpc));
  assert.ok(found !== undefined, `${role} in VPC ${vpc}`);
  return found;
};

describe('generated networks (bench/netgen.ts)', () => {
  it('load with no diagnostic, with the counts asked for', () => {
    assert.equal(m.instances.size, 20);
    assert.equal(m.vpcs.size, 3);
    // One ENI per instance plus one per NAT gateway.
    assert.equal(m.networkInterfaces.size, 20 + 3);
    assert.equal(m.natGateways.size, 3);
    assert.equal(m.vpcPeerings.size, 2);
    assert.equal(m.transitGatewayAttachments.size, 3); // VPCs 1 and 2, and the VPN
    const bigger = load(generateNetwork({ instances: 250, vpcs: 7, seed: 3 }));
    assert.equal(bigger.instances.size, 250);
    assert.equal(bigger.vpcs.size, 7);
  });

  it('is deterministic in its seed', () => {
    const a = JSON.stringify(generateNetwork({ instances: 30, vpcs: 4, seed: 11 }));
    const b = JSON.stringify(generateNetwork({ instances: 30, vpcs: 4, seed: 11 }));
    const c = JSON.stringify(generateNetwork({ instances: 30, vpcs: 4, seed: 12 }));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('the intended answers, each checked against the forwarder', async () => {
    const web = running.find((i) => i.role === 'web' && i.publicIp !== undefined);
    assert.ok(web?.publicIp !== undefined);
    const db0 = byRole('db', 0);
    const inet = { kind: 'internet' } as const;
    const https: Packet = {
      srcIp: ip('8.8.8.8'),
      dstIp: ip(web.publicIp),
      protocol: 6,
      srcPort: 50000,
      dstPort: 443,
    };
    const a1 = await decideReachable(m, {
      from: inet,
      to: { kind: 'instance', id: web.id },
      protocol: 6,
      dstPorts: { from: 443, to: 443 },
    });
    assert.equal(a1.answer, 'yes');
    assert.ok(reaches(forward(m, inet, https), () => true));

    const a2 = await decideReachable(m, {
      from: inet,
      to: { kind: 'instance', id: db0.id },
      protocol: 6,
      dstPorts: { from: 5432, to: 5432 },
    });
    assert.equal(a2.answer, 'no');
    const toDb = forward(m, inet, { ...https, dstIp: ip(db0.privateIp), dstPort: 5432 });
    assert.equal(toDb.outcome, 'dropped');

    // Peering 0–1 has routes both ways; 0–2 lacks the route back from 2.
    const app0 = byRole('app', 0);
    for (const [vpc, expected] of [
      [1, 'yes'],
      [2, 'no'],
    ] as const) {
      const db = byRole('db', vpc);
      const q: ReachQuery = {
        from: { kind: 'instance', id: app0.id },
        to: { kind: 'instance', id: db.id },
        protocol: 6,
        dstPorts: { from: 5432, to: 5432 },
        srcPorts: { from: 40000, to: 40000 },
      };
      const a = await decideReachable(m, q);
      assert.equal(a.answer, expected, `app0 -> db${vpc}`);
      const r = forward(
        m,
        { kind: 'instance', id: app0.id },
        {
          srcIp: ip(app0.privateIp),
          dstIp: ip(db.privateIp),
          protocol: 6,
          srcPort: 40000,
          dstPort: 5432,
        },
      );
      assert.equal(
        reaches(r, () => true),
        expected === 'yes',
        `forward app0 -> db${vpc}`,
      );
      if (expected === 'no') {
        // The request gets there; the reply finds no route back over the peering.
        assert.equal(r.outcome, 'accepted');
        assert.equal(r.outcome === 'accepted' && r.returnTraffic?.outcome, 'dropped');
      }
    }

    // VPCs 1 and 2 are joined only through the transit gateway.
    const app1 = byRole('app', 1);
    const app2 = byRole('app', 2);
    const a3 = await decideReachable(m, {
      from: { kind: 'instance', id: app1.id },
      to: { kind: 'instance', id: app2.id },
      protocol: 6,
      dstPorts: { from: 9100, to: 9100 },
    });
    assert.equal(a3.answer, 'yes');
    if (a3.answer === 'yes')
      assert.ok(
        a3.witness.path.hops.some((h) => h.component.kind === 'transit-gateway-route-table'),
      );
  });

  it('symbolic = concrete on fully concrete questions between instances', async () => {
    const pick = chooser(42);
    const one = running.filter((i) => m.networkInterfaces.get(i.eniId)?.addresses.length === 1);
    const ports = [22, 80, 443, 5432, 8080, 9100];
    const seen = new Map<string, number>();
    for (let k = 0; k < 30; k++) {
      const src = one[pick(one.length)];
      const dst = one[pick(one.length)];
      if (src === dst) continue;
      const port = ports[pick(ports.length)];
      const packet: Packet = {
        srcIp: ip(src.privateIp),
        dstIp: ip(dst.privateIp),
        protocol: 6,
        srcPort: 45000,
        dstPort: port,
      };
      const a = await decideReachable(m, {
        from: { kind: 'ip', ip: packet.srcIp },
        to: { kind: 'ip', ip: packet.dstIp },
        protocol: 6,
        dstPorts: { from: port, to: port },
        srcPorts: { from: 45000, to: 45000 },
      });
      const concrete = reaches(forward(m, { kind: 'eni', id: src.eniId }, packet), () => true);
      const what = `${src.role}@${src.vpc} ${src.privateIp} -> ${dst.role}@${dst.vpc} ${dst.privateIp} tcp/${port}`;
      assert.notEqual(a.answer, 'unknown', what);
      assert.equal(a.answer, concrete ? 'yes' : 'no', what);
      seen.set(a.answer, (seen.get(a.answer) ?? 0) + 1);
    }
    assert.ok((seen.get('yes') ?? 0) >= 3 && (seen.get('no') ?? 0) >= 3, JSON.stringify([...seen]));
  });

  it('symbolic = concrete from the internet (one source per class the rules tell apart)', async () => {
    // The rules name 0.0.0.0/0, the office 203.0.113.0/24 and the blocklisted 198.51.100.0/24.
    const sources = ['8.8.8.8', '203.0.113.10', '198.51.100.7'].map(ip);
    const targets = running.filter((i) => i.publicIp !== undefined).slice(0, 4);
    for (const t of targets)
      for (const port of [22, 443, 3389]) {
        const a = await decideReachable(m, {
          from: { kind: 'internet' },
          to: { kind: 'ip', ip: ip(t.publicIp ?? '') },
          protocol: 6,
          dstPorts: { from: port, to: port },
          srcPorts: { from: 45000, to: 45000 },
        });
        const some = sources.some((srcIp) =>
          reaches(
            forward(
              m,
              { kind: 'internet' },
              { srcIp, dstIp: ip(t.publicIp ?? ''), protocol: 6, srcPort: 45000, dstPort: port },
            ),
            () => true,
          ),
        );
        assert.equal(a.answer, some ? 'yes' : 'no', `${t.role} ${t.publicIp} tcp/${port}`);
        if (a.answer === 'yes')
          assert.ok(
            !net.instances.some((i) => i.publicIp === formatIpv4(a.witness.packet.srcIp)),
            'the witness comes from an address nothing here owns',
          );
      }
  });

  it('the paths of a question do not grow with the number of instances', () => {
    const count = (instances: number): number[] => {
      const g = generate({ instances, vpcs: 3, seed: 5 });
      const model = load(g.files);
      const web = g.instances.find((i) => i.running && i.role === 'web' && i.publicIp);
      const app = g.instances.find((i) => i.running && i.role === 'app' && i.vpc === 0);
      assert.ok(web !== undefined && app !== undefined);
      const qs: ReachQuery[] = [
        { from: { kind: 'internet' }, to: { kind: 'instance', id: web.id }, protocol: 6 },
        { from: { kind: 'instance', id: web.id }, to: { kind: 'internet' }, protocol: 6 },
        { from: { kind: 'instance', id: app.id }, to: { kind: 'instance', id: web.id } },
      ];
      return qs.map((q) => {
        const r = resolveEndpoints(model, q);
        assert.ok(typeof r !== 'string', String(r));
        return enumeratePaths(model, r, symbolicHeader()).length;
      });
    };
    assert.deepEqual(count(200), count(20));
  });
});

describe('owned public addresses are not the internet (lazy exclusion)', () => {
  const web = { kind: 'ip', ip: ip('18.216.80.133') } as const;
  it('a rule admitting only an owned address admits no internet host', async () => {
    const m = publicSubnet({
      sgIngress: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '18.216.80.133/32' }] },
      ],
    });
    const a = await decideReachable(m, { from: { kind: 'internet' }, to: web, protocol: 6 });
    assert.equal(a.answer, 'no', JSON.stringify(a));
  });

  it('a rule admitting an owned and an unowned address: the witness is the unowned one', async () => {
    const m = publicSubnet({
      sgIngress: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '18.216.80.132/31' }] },
      ],
    });
    const a = await decideReachable(m, { from: { kind: 'internet' }, to: web, protocol: 6 });
    assert.equal(a.answer, 'yes', JSON.stringify(a));
    if (a.answer === 'yes') assert.equal(formatIpv4(a.witness.packet.srcIp), '18.216.80.132');
  });
});
