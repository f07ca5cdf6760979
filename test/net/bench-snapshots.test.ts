/**
 * Smoke test on the shared benchmark snapshots (read in place, never copied):
 * the answers /work/shared/bench/network/README.md lists. Skipped when the
 * directory is absent.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { forward, type ForwardResult } from '../../src/net/forward/index.js';
import { formatIpv4 } from '../../src/core/ip.js';
import { loadSnapshot } from '../../src/net/snapshot.js';
import { renderDiagnostic } from '../../src/core/diagnostic.js';
import { ip, tcp } from './fixtures.js';

const ROOT = '/work/shared/bench/network';
const skip = existsSync(ROOT) ? false : `${ROOT} not present`;

function load(name: string) {
  const snap = loadSnapshot(join(ROOT, name));
  assert.deepEqual(
    snap.diagnostics.filter((d) => d.severity === 'error').map(renderDiagnostic),
    [],
  );
  return snap.model;
}

function reason(r: ForwardResult): string {
  return r.outcome === 'dropped' ? `${r.component.kind}:${r.component.id}: ${r.reason}` : r.outcome;
}

describe('shared benchmark snapshots', { skip }, () => {
  it('test-public-subnet', () => {
    const m = load('test-public-subnet');
    const inet = { kind: 'internet' } as const;
    const r80 = forward(m, inet, tcp('8.8.8.8', '18.216.80.133', 80));
    assert.equal(r80.outcome, 'dropped');
    assert.match(reason(r80), /^security-group:sg-09ccba6656672061b: .*tcp\/80/);
    assert.deepEqual(
      r80.hops.map((h) => h.component.kind),
      ['internet', 'internet-gateway', 'network-acl'],
    );
    const r22 = forward(m, inet, tcp('8.8.8.8', '18.216.80.133', 22));
    assert.equal(r22.outcome, 'accepted');
    assert.equal(r22.outcome === 'accepted' && r22.returnTraffic?.outcome, 'accepted');
    assert.match(reason(forward(m, inet, tcp('8.8.8.8', '10.0.0.91', 22))), /private address/);
    assert.match(reason(forward(m, inet, tcp('8.8.8.8', '54.191.107.23', 22))), /no resource/);
    const out = forward(
      m,
      { kind: 'instance', id: 'i-06669a407b2ef3ae5' },
      tcp('10.0.0.91', '8.8.8.8', 80),
    );
    assert.equal(out.outcome, 'accepted');
    const igw = out.hops.find((h) => h.component.kind === 'internet-gateway');
    assert.equal(formatIpv4(igw?.packet.srcIp ?? 0), '18.216.80.133');
    const host = forward(
      m,
      { kind: 'host', subnetId: 'subnet-0bb82ae8b3ea5dc78' },
      tcp('10.0.0.92', '8.8.8.8', 80),
    );
    assert.match(reason(host), /^internet-gateway:.*no public address for 10\.0\.0\.92/);
  });

  it('test-nat-gateway', () => {
    const m = load('test-nat-gateway');
    const from = { kind: 'instance', id: 'i-0a128d26e59be60f3' } as const;
    const inst = m.instances.get(from.id);
    const eni = m.networkInterfaces.get(inst?.networkInterfaceIds[0] ?? '');
    assert.ok(eni);
    const src = formatIpv4(eni.addresses[0].privateIp);
    const r = forward(m, from, tcp(src, '8.8.8.8', 80));
    assert.equal(r.outcome, 'accepted', reason(r));
    assert.ok(r.hops.some((h) => h.component.id === 'nat-07ab4846da51f4612'));
    const igw = r.hops.find((h) => h.component.kind === 'internet-gateway');
    assert.equal(formatIpv4(igw?.packet.srcIp ?? 0), '3.135.127.225');
    assert.equal(r.outcome === 'accepted' && r.returnTraffic?.outcome, 'accepted');
    const unsolicited = forward(m, { kind: 'internet' }, tcp('8.8.8.8', '3.135.127.225', 80));
    assert.match(reason(unsolicited), /^nat-gateway:nat-07ab4846da51f4612: .*started from outside/);
    const gre = forward(m, from, { srcIp: ip(src), dstIp: ip('8.8.8.8'), protocol: 47 });
    assert.match(reason(gre), /^nat-gateway:nat-07ab4846da51f4612: .*protocol 47/);
  });

  it('pybatfish-hybrid-cloud (transit gateway)', () => {
    const m = load('pybatfish-hybrid-cloud');
    const inet = { kind: 'internet' } as const;
    const r3306 = forward(m, inet, tcp('8.8.8.8', '13.59.144.125', 3306));
    assert.equal(r3306.outcome, 'accepted', reason(r3306));
    const priv = forward(
      m,
      { kind: 'instance', id: 'i-04cd3db5124a05ee6' },
      tcp('10.30.1.166', '10.20.1.207', 22),
    );
    assert.equal(priv.outcome, 'accepted', reason(priv));
    assert.ok(priv.hops.some((h) => h.component.id === 'tgw-rtb-00e37bc5142347b03'));
    assert.equal(priv.outcome === 'accepted' && priv.returnTraffic?.outcome, 'accepted');
    // The private instance has no public IP: nothing on the internet reaches it.
    assert.ok(
      ![...m.networkInterfaces.values()].some(
        (e) =>
          e.instanceId === 'i-04cd3db5124a05ee6' &&
          e.addresses.some((a) => a.publicIp !== undefined),
      ),
    );
  });
});
