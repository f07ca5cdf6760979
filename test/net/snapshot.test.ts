/** The snapshot loader: recognition by top-level key, diagnostics as data. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatCidr4,
  formatIpv4,
  longestPrefixMatch,
  parseCidr4,
  parseIpv4,
} from '../../src/core/ip.js';
import { subnetNetworkAcl } from '../../src/net/forward/nacl.js';
import { subnetRouteTable } from '../../src/net/forward/route-table.js';
import { buildSnapshot, loadSnapshot } from '../../src/net/snapshot.js';
import {
  diagnosticKind,
  renderDiagnostic,
  type Diagnostic,
  type JsonLocation,
} from '../../src/core/diagnostic.js';

/** A snapshot diagnostic's place: its file and JSON path. */
function jsonAt(d: Diagnostic): JsonLocation {
  assert.ok(d.location !== undefined && 'jsonPath' in d.location, JSON.stringify(d));
  return d.location;
}

const routeTables = `{
  "RouteTables": [
    {
      "RouteTableId": "rtb-1",
      "VpcId": "vpc-1",
      "Associations": [{ "Main": true, "RouteTableId": "rtb-1" }],
      "Routes": [
        { "DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active" },
        { "DestinationCidrBlock": 42, "GatewayId": "igw-1" },
        { "DestinationCidrBlock": "10.9.0.0/33", "GatewayId": "igw-1" },
        { "DestinationPrefixListId": "pl-1", "GatewayId": "vpce-1" }
      ]
    }
  ]
}`;

describe('snapshot loader', () => {
  it('recognises a file by its top-level key, whatever its name', () => {
    const snap = buildSnapshot([
      {
        file: 'whatever-name.json',
        text: JSON.stringify({
          Subnets: [{ SubnetId: 's-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }],
        }),
      },
    ]);
    assert.deepEqual(snap.diagnostics, []);
    assert.deepEqual(snap.files, [
      { file: 'whatever-name.json', recognised: ['Subnets'], ignored: [] },
    ]);
    assert.equal(
      formatCidr4(snap.model.subnets.get('s-1')?.cidr ?? { address: 0, prefixLength: 0 }),
      '10.0.1.0/24',
    );
  });

  it('lists unknown top-level keys as ignored', () => {
    const snap = buildSnapshot([
      { file: 'a.json', text: JSON.stringify({ Vpcs: [], NextToken: 'x', ResponseMetadata: {} }) },
      { file: 'b.json', text: JSON.stringify({ KeyPairs: [] }) },
    ]);
    assert.deepEqual(snap.files[0].ignored, ['NextToken', 'ResponseMetadata']);
    assert.deepEqual(snap.files[1], { file: 'b.json', recognised: [], ignored: ['KeyPairs'] });
    assert.deepEqual(
      snap.diagnostics.map((d) => [jsonAt(d).file, d.code, d.severity]),
      [['b.json', 'ignored-key', 'note']],
    );
  });

  it('reports wrong types and bad CIDRs with file and JSON path, keeping the rest', () => {
    const snap = buildSnapshot([{ file: 'rt.json', text: routeTables }]);
    const rendered = snap.diagnostics.map(renderDiagnostic);
    assert.deepEqual(rendered, [
      'rt.json:9:35: error: expected a string, found the number 42 at RouteTables[0].Routes[1].DestinationCidrBlock [wrong-type]',
      'rt.json:10:35: error: "10.9.0.0/33" is not an IPv4 CIDR block at RouteTables[0].Routes[2].DestinationCidrBlock [invalid-cidr]',
    ]);
    const table = snap.model.routeTables.get('rtb-1');
    assert.equal(table?.routes.length, 2);
    assert.deepEqual(table?.routes[1].destination, { kind: 'prefix-list', id: 'pl-1' });
    assert.deepEqual(table?.routes[1].target, { kind: 'vpce', id: 'vpce-1' });
    assert.equal(diagnosticKind(snap.diagnostics[0].code), 'bad-input');
  });

  it('reports malformed JSON with a position and never throws', () => {
    const snap = buildSnapshot([{ file: 'bad.json', text: '{"Vpcs": [\n  {"VpcId": "vpc-1"\n]}' }]);
    assert.equal(snap.diagnostics.length, 1);
    const d = snap.diagnostics[0];
    assert.equal(d.code, 'invalid-json');
    assert.equal(jsonAt(d).file, 'bad.json');
    assert.equal(jsonAt(d).line, 3);
    assert.equal(diagnosticKind(d.code), 'bad-input');
    const py = buildSnapshot([{ file: 'repr.json', text: "{'Vpcs': [{'IsDefault': False}]}" }]);
    assert.match(py.diagnostics[0].message, /Python repr/);
    const notObject = buildSnapshot([{ file: 'arr.json', text: '[1, 2]' }]);
    assert.equal(notObject.diagnostics[0].code, 'wrong-type');
  });

  it('repairs trailing commas with a warning', () => {
    const snap = buildSnapshot([
      { file: 'tc.json', text: '{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16",},],}' },
    ]);
    assert.deepEqual(
      snap.diagnostics.map((d) => [d.code, d.severity]),
      [['repaired-json', 'warning']],
    );
    assert.equal(snap.model.vpcs.size, 1);
  });

  it('accepts boto3 dumps with Python-style timestamps and wrong-typed fields get paths', () => {
    const snap = buildSnapshot([
      {
        file: 'x.json',
        text: JSON.stringify({
          NatGateways: [
            {
              CreateTime: '2020-06-02 18:26:08+00:00',
              NatGatewayId: 'nat-1',
              State: 'available',
              SubnetId: 's-1',
              VpcId: 'vpc-1',
              NatGatewayAddresses: [{ PrivateIp: '10.0.0.5', PublicIp: '3.3.3.3' }],
            },
          ],
          NetworkAcls: [
            {
              NetworkAclId: 'acl-1',
              VpcId: 'vpc-1',
              IsDefault: 'yes',
              Entries: [
                {
                  RuleNumber: 100,
                  Egress: false,
                  Protocol: '6',
                  RuleAction: 'permit',
                  CidrBlock: '0.0.0.0/0',
                },
              ],
            },
          ],
        }),
      },
    ]);
    assert.deepEqual(
      snap.diagnostics.map((d) => `${d.code} ${jsonAt(d).jsonPath}`),
      ['invalid-value NetworkAcls[0].Entries[0].RuleAction', 'wrong-type NetworkAcls[0].IsDefault'],
    );
    assert.equal(
      formatIpv4(snap.model.natGateways.get('nat-1')?.addresses[0].publicIp ?? 0),
      '3.3.3.3',
    );
  });

  it('links instances, Elastic IPs, main tables and default ACLs', () => {
    const snap = buildSnapshot([
      {
        file: 'r.json',
        text: JSON.stringify({
          Reservations: [
            {
              Instances: [
                {
                  InstanceId: 'i-1',
                  State: { Name: 'running' },
                  NetworkInterfaces: [
                    {
                      NetworkInterfaceId: 'eni-1',
                      SubnetId: 's-1',
                      VpcId: 'vpc-1',
                      PrivateIpAddress: '10.0.0.7',
                      PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.7', Primary: true }],
                      Groups: [{ GroupId: 'sg-1' }],
                      SourceDestCheck: false,
                      Attachment: { DeviceIndex: 0 },
                    },
                  ],
                },
              ],
            },
          ],
        }),
      },
      {
        file: 'eip.json',
        text: JSON.stringify({
          Addresses: [{ PublicIp: '52.1.2.3', InstanceId: 'i-1', PrivateIpAddress: '10.0.0.7' }],
        }),
      },
      {
        file: 's.json',
        text: JSON.stringify({
          Subnets: [{ SubnetId: 's-1', VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' }],
        }),
      },
      {
        file: 'a.json',
        text: JSON.stringify({
          NetworkAcls: [{ NetworkAclId: 'acl-d', VpcId: 'vpc-1', IsDefault: true, Entries: [] }],
          RouteTables: [
            { RouteTableId: 'rtb-m', VpcId: 'vpc-1', Associations: [{ Main: true }], Routes: [] },
          ],
        }),
      },
    ]);
    assert.deepEqual(snap.diagnostics, []);
    const eni = snap.model.networkInterfaces.get('eni-1');
    assert.equal(eni?.instanceId, 'i-1');
    assert.equal(eni?.sourceDestCheck, false);
    assert.equal(formatIpv4(eni?.addresses[0].publicIp ?? 0), '52.1.2.3');
    assert.deepEqual(snap.model.instances.get('i-1')?.networkInterfaceIds, ['eni-1']);
    const s = snap.model.subnets.get('s-1');
    assert.ok(s);
    assert.equal(subnetRouteTable(snap.model, s)?.table.id, 'rtb-m');
    assert.equal(subnetRouteTable(snap.model, s)?.explicit, false);
    assert.equal(subnetNetworkAcl(snap.model, s)?.id, 'acl-d');
  });

  it('loads a directory recursively and reports unreadable paths as data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arc-net-'));
    try {
      mkdirSync(join(dir, 'us-east-2'));
      writeFileSync(
        join(dir, 'us-east-2', 'one.json'),
        JSON.stringify({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] }),
      );
      writeFileSync(join(dir, 'notes.txt'), 'not a snapshot file');
      const snap = loadSnapshot(dir);
      assert.deepEqual(snap.diagnostics, []);
      assert.deepEqual(
        snap.files.map((f) => f.file),
        [join('us-east-2', 'one.json')],
      );
      const gone = loadSnapshot(join(dir, 'no-such-dir'));
      // One diagnostic, naming the directory (not a second "empty" one).
      assert.deepEqual(
        gone.diagnostics.map((d) => [d.code, jsonAt(d).file, d.message]),
        [['file-unreadable', join(dir, 'no-such-dir'), 'no such snapshot directory']],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('IPv4 helpers', () => {
  it('parse, format and longest-prefix match', () => {
    assert.equal(parseIpv4('255.255.255.255'), 0xffffffff);
    assert.equal(parseIpv4('01.2.3.4'), undefined);
    assert.equal(parseIpv4('::1'), undefined);
    assert.equal(
      formatCidr4(parseCidr4('10.1.2.3/8') ?? { address: 1, prefixLength: 1 }),
      '10.0.0.0/8',
    );
    assert.equal(parseCidr4('10.0.0.0/33'), undefined);
    const cidrs = ['0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '10.1.0.0/16'].map((t) =>
      parseCidr4(t),
    );
    const best = longestPrefixMatch(cidrs, (c) => c, parseIpv4('10.1.2.3') ?? 0);
    assert.equal(best.length, 2);
    assert.equal(
      longestPrefixMatch(cidrs.slice(0, 2), (c) => c, parseIpv4('11.0.0.1') ?? 0)[0]?.prefixLength,
      0,
    );
  });
});
