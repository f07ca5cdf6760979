/**
 * One gate contract, every domain (core/gate.ts): whatever decides a
 * question, `admit` shows a yes or a no only with evidence its domain's gate
 * has checked. For code safety, termination, policies and networks alike:
 *
 * - an honest claim is admitted, with its answer;
 * - a forged certificate (a "proof" whose query is satisfiable) becomes
 *   don't know with code `recheck-failed`;
 * - a forged witness (an input, request or packet that does not do what is
 *   claimed in the reference semantics) becomes don't know with code
 *   `replay-failed`.
 *
 * The claims are built by hand, so the suite checks the gates, not the
 * engines that usually feed them.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, describe, it } from 'node:test';
import { loadPolicies } from '../../src/api/policy.js';
import type { Answer, Domain } from '../../src/core/answer.js';
import { admit, type Claim, type Gate } from '../../src/core/gate.js';
import type { RawWitness } from '../../src/engines/engine.js';
import { C_SYNTAX } from '../../src/frontends/c/back-translator.js';
import type { IrFunction } from '../../src/ir/ir.js';
import type { FlowSetClaim } from '../../src/net/flows.js';
import { flowGate, reachGate } from '../../src/net/gate.js';
import { resolveEndpoints, type Resolved } from '../../src/net/symbolic/query.js';
import { policyGate } from '../../src/policy/answer.js';
import { noPublicAccess, type PolicyQuestion } from '../../src/policy/questions.js';
import type { AccessRequest } from '../../src/policy/request.js';
import { checkSatStrings, stopSolvers } from '../../src/smt/index.js';
import { codeGate, type CodeClaim, type CodeContext } from '../../src/verdict/code-gate.js';
import { ip, publicSubnet, tcp } from '../net/fixtures.js';
import { fn, span } from '../semantics/builder.js';
import { overflowProperty as overflow, plusOne } from './fixtures.js';

after(() => stopSolvers());

const UNSAT_QUERY =
  '(declare-fun x () (_ BitVec 8))\n(assert (distinct (bvadd x #x01) (bvadd #x01 x)))\n(check-sat)\n';
const SAT_QUERY =
  '(declare-fun x () (_ BitVec 8))\n(assert (= (bvadd x #x01) #x00))\n(check-sat)\n';

/** One domain's gate with an honest claim, a forged certificate and a forged witness. */
interface DomainCase {
  readonly domain: Domain;
  /** Which of the domain's gates. */
  readonly gateName: string;
  gate(): Promise<Gate<unknown, unknown, unknown, unknown>>;
  honest(): Promise<{ claim: Claim<unknown, unknown>; answer: Answer }>;
  forgedCertificate(): Promise<Claim<unknown, unknown>>;
  forgedWitness(): Promise<Claim<unknown, unknown>>;
}

// ---------------------------------------------------------------- code

/** void loop(void) { while (1) { } }: a loop head that maps every state to itself. */
const spin: IrFunction = fn({ name: 'loop', params: [], edges: [[0, 0, { kind: 'skip' }]] });

function codeContext(f: IrFunction, domain: 'code' | 'termination'): CodeContext {
  return {
    fn: f,
    domain,
    command: domain === 'code' ? 'prove' : 'terminates',
    question: 'q?',
    checked: domain === 'code' ? f.properties : [],
    source: { file: 't.c', lines: ['int f(int x) { return x + 1; }'] },
    syntax: C_SYNTAX,
    diagnostics: [],
    started: performance.now(),
    dataModel: 'LP64',
    compilerReplay: false,
    timeoutMs: 10_000,
  };
}

function codeWitness(x: bigint): CodeClaim {
  const witness: RawWitness = {
    inputs: new Map([['x', x]]),
    nondet: [],
    property: overflow.id,
    path: [],
  };
  return { kind: 'witness', answer: 'no', witness: { witness, precise: true } };
}

function bmcCertificate(smtlib: string): CodeClaim {
  return {
    kind: 'certificate',
    answer: 'yes',
    certificate: {
      sound: true,
      certificate: {
        kind: 'bmc',
        unwind: 0,
        queries: [{ meaning: 'no violation', smtlib, solverMs: 1 }],
      },
    },
  };
}

function recurrence(member: boolean): CodeClaim {
  const witness: RawWitness = {
    inputs: new Map(),
    nondet: [],
    property: 'loop.termination.1',
    path: [],
    recurrence: {
      kind: 'fixed-point',
      loop: span,
      sets: [{ loop: span, set: '1' }],
      entryState: [],
      contains: () => member,
      nodes: [0],
      queries: [{ meaning: 'the set is closed', smtlib: UNSAT_QUERY, solverMs: 1 }],
    },
  };
  return { kind: 'witness', answer: 'no', witness: { witness, precise: true } };
}

function terminationCertificate(smtlib: string): CodeClaim {
  return {
    kind: 'certificate',
    answer: 'yes',
    certificate: {
      sound: true,
      certificate: {
        kind: 'termination',
        summary: 's',
        loops: [],
        invariants: [],
        openChecks: [],
        queries: [{ meaning: 'the ranking function decreases', smtlib, solverMs: 1 }],
      },
    },
  };
}

const widen = <RC, RW, C, W>(g: Gate<RC, RW, C, W>) =>
  g as unknown as Gate<unknown, unknown, unknown, unknown>;

const code: DomainCase = {
  domain: 'code',
  gateName: 'code',
  gate: async () => widen(codeGate(codeContext(plusOne, 'code'))),
  honest: async () => ({ claim: codeWitness(2147483647n), answer: 'no' }),
  forgedCertificate: async () => bmcCertificate(SAT_QUERY),
  forgedWitness: async () => codeWitness(5n),
};

const termination: DomainCase = {
  domain: 'termination',
  gateName: 'code (termination)',
  gate: async () => widen(codeGate(codeContext(spin, 'termination'))),
  honest: async () => ({ claim: recurrence(true), answer: 'no' }),
  forgedCertificate: async () => terminationCertificate(SAT_QUERY),
  forgedWitness: async () => recurrence(false),
};

// ---------------------------------------------------------------- policy

async function publicRead(): Promise<PolicyQuestion> {
  const loaded = loadPolicies('bucket', [
    {
      name: 'bucket',
      type: 'resource',
      text: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        ],
      }),
    },
  ]);
  assert.ok(loaded.ok);
  if (!loaded.ok) throw new Error('unreachable');
  return noPublicAccess(loaded.set, { account: '111122223333', resourceType: 's3-bucket' });
}

const anonymousGet = (resource: string, action = 's3:GetObject'): AccessRequest => ({
  principal: { kind: 'anonymous' },
  action,
  resource,
  context: {},
});

const policy: DomainCase = {
  domain: 'policy',
  gateName: 'policy',
  gate: async () => widen(policyGate(await publicRead(), { timeoutMs: 10_000 })),
  honest: async () => ({
    claim: { kind: 'witness', answer: 'no', witness: anonymousGet('arn:aws:s3:::b/k') },
    answer: 'no',
  }),
  forgedCertificate: async () => {
    // A satisfiable query passed off as a proof.
    const q = await publicRead();
    const result = await checkSatStrings(
      { assertions: [...q.assumptions, ...q.goal] },
      { timeoutMs: 10_000, modelOf: q.request.variables.map((x) => x.name) },
    );
    assert.equal(result.status, 'sat');
    return { kind: 'certificate', answer: 'yes', certificate: { meaning: 'forged', result } };
  },
  // A request the policy does not allow: no public access shown by it.
  forgedWitness: async () => ({
    kind: 'witness',
    answer: 'no',
    witness: anonymousGet('arn:aws:s3:::b/k', 's3:PutObject'),
  }),
};

// ---------------------------------------------------------------- net

const netModel = publicSubnet();
const web = { kind: 'ip', ip: ip('18.216.80.133') } as const;

function resolved(): Resolved {
  const r = resolveEndpoints(netModel, { from: { kind: 'internet' }, to: web, protocol: 6 });
  assert.ok(typeof r !== 'string', String(r));
  if (typeof r === 'string') throw new Error('unreachable');
  return r;
}

const net: DomainCase = {
  domain: 'net',
  gateName: 'net reachable',
  gate: async () => widen(reachGate(netModel, 10_000)),
  honest: async () => ({
    claim: {
      kind: 'witness',
      answer: 'yes',
      witness: { packet: tcp('1.2.3.4', '18.216.80.133', 22), resolved: resolved() },
    },
    answer: 'yes',
  }),
  forgedCertificate: async () => ({
    kind: 'certificate',
    answer: 'no',
    certificate: { smtlib: SAT_QUERY, paths: 1, blockers: [] },
  }),
  // The security group allows tcp/22 only: a packet to port 81 does not get through.
  forgedWitness: async () => ({
    kind: 'witness',
    answer: 'yes',
    witness: { packet: tcp('1.2.3.4', '18.216.80.133', 81), resolved: resolved() },
  }),
};

/** One range of packets to the web server, with the packet to replay. */
function flow(dstPort: number): FlowSetClaim<object>['flows'][number] {
  const packet = tcp('1.2.3.4', '18.216.80.133', dstPort);
  const box = { dst_port: [{ lo: dstPort, hi: dstPort }] };
  return {
    claim: {
      box,
      narrowed: box,
      internetSide: ['src_ip'],
      text: 't',
      packet,
      resolved: resolved(),
    },
    about: {},
  };
}

const flows: DomainCase = {
  domain: 'net',
  gateName: 'net explain / exposed',
  gate: async () => widen(flowGate<object>(netModel, 10_000)),
  honest: async () => ({
    claim: {
      kind: 'witness',
      answer: 'yes',
      witness: { queries: [UNSAT_QUERY], flows: [flow(22)], check: 'c' },
    },
    answer: 'yes',
  }),
  forgedCertificate: async () => ({
    kind: 'certificate',
    answer: 'no',
    certificate: { queries: [SAT_QUERY], flows: [], check: 'c' },
  }),
  forgedWitness: async () => ({
    kind: 'witness',
    answer: 'yes',
    witness: { queries: [UNSAT_QUERY], flows: [flow(81)], check: 'c' },
  }),
};

// ---------------------------------------------------------------- the contract

const DOMAINS: readonly DomainCase[] = [code, termination, policy, net, flows];

describe('the gate contract, every domain', () => {
  it('covers the four domains', () => {
    assert.deepEqual(
      [...new Set(DOMAINS.map((d) => d.domain))],
      ['code', 'termination', 'policy', 'net'],
    );
  });
  for (const d of DOMAINS) {
    describe(`${d.domain}: the ${d.gateName} gate`, () => {
      it('admits an honest claim with its answer and checked evidence', async () => {
        const { claim, answer } = await d.honest();
        const a = await admit(await d.gate(), claim);
        assert.equal(
          a.answer,
          answer,
          JSON.stringify(a, (_k, x) => (typeof x === 'bigint' ? String(x) : x)),
        );
      });
      it("turns a forged certificate into don't know (recheck-failed)", async () => {
        const a = await admit(await d.gate(), await d.forgedCertificate());
        assert.equal(a.answer, 'unknown');
        if (a.answer === 'unknown') assert.equal(a.reason.code, 'recheck-failed', a.reason.message);
      });
      it("turns a witness that does not replay into don't know (replay-failed)", async () => {
        const a = await admit(await d.gate(), await d.forgedWitness());
        assert.equal(a.answer, 'unknown');
        if (a.answer === 'unknown') assert.equal(a.reason.code, 'replay-failed', a.reason.message);
      });
    });
  }
});
