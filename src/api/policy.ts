/**
 * The library entry of `arc policy`: policy texts in, a verdict out (yes /
 * no / don't know, or bad input with the JSON-path diagnostics). Nothing
 * here prints or exits; the CLI (cli/commands/policy.ts) renders it.
 *
 * Exit codes as everywhere in arc: 0 yes, 1 no, 3 don't know, 2 bad input.
 */
import { join } from 'node:path';
import type { Exhibited, Proved, Result, UnknownReason, Verdict } from '../core/answer.js';
import { diagnosticKind, type Diagnostic } from '../core/diagnostic.js';
import { answerQuestion, type PolicyProof, type PolicyWitness } from '../policy/answer.js';
import {
  checkPolicyType,
  evaluate,
  hasErrors,
  inferPolicyType,
  parsePolicy,
  policyDiagnostic,
  withPrincipalKeys,
  type AccessRequest,
  type PolicyInput,
  type PolicyType,
} from '../policy/index.js';
import {
  accessNotGranted,
  noNewAccess,
  noPublicAccess,
  type PolicyCommand,
  type PolicyQuestion,
  type PolicySet,
  type PublicOptions,
} from '../policy/questions.js';
import { Unencodable } from '../policy/symbolic/unsupported.js';

export interface PolicyText {
  /** A name for messages (the file name). */
  readonly name: string;
  readonly text: string;
  /** Inferred from the presence of `Principal` when absent. */
  readonly type?: PolicyType;
}

export interface PolicyCheckOptions {
  readonly timeoutMs?: number;
  /** Write every solver query to this directory. */
  readonly dumpSmtDir?: string;
  readonly signal?: AbortSignal;
}

export type CompareRelation = 'equivalent' | 'less-permissive' | 'more-permissive' | 'incomparable';

/** A yes: every proof re-checked (one per direction for compare). */
export interface PolicyCertificate {
  readonly proofs: readonly PolicyProof[];
}

/** A no: the replayed requests (one per direction that differs, for compare), and the proofs of the rest. */
export interface PolicyCounterexample {
  readonly witnesses: readonly (PolicyWitness & { readonly direction?: string })[];
  readonly proofs: readonly PolicyProof[];
}

interface PolicyFields {
  readonly domain: 'policy';
  readonly command: `policy ${PolicyCommand | 'can'}`;
  /** `compare`: how the two policies relate. */
  readonly relation?: CompareRelation;
}

/** The verdict of the policy checks: yes with re-checked proofs, no with replayed requests. */
export type PolicyVerdict = Verdict<Proved<PolicyCertificate>, Exhibited<PolicyCounterexample>> &
  PolicyFields;
export type PolicyResult = Result<PolicyVerdict>;

/** `arc policy can`: the concrete evaluation decides either way; it is its own witness. */
export type CanVerdict = Verdict<Exhibited<PolicyWitness>, Exhibited<PolicyWitness>> & {
  readonly domain: 'policy';
  readonly command: 'policy can';
};
export type CanResult = Result<CanVerdict>;

type Loaded =
  | { readonly ok: true; readonly set: PolicySet; readonly diagnostics: Diagnostic[] }
  | {
      readonly ok: false;
      readonly kind: 'bad-input' | 'unsupported';
      readonly diagnostics: Diagnostic[];
    };

/** Parses the texts of one policy set; bad input and unsupported constructs are told apart. */
export function loadPolicies(name: string, texts: readonly PolicyText[]): Loaded {
  const diagnostics: Diagnostic[] = [];
  const policies: PolicyInput[] = [];
  for (const t of texts) {
    const parsed = parsePolicy(t.text, t.name);
    const own = [...parsed.diagnostics];
    if (parsed.policy !== undefined) {
      const type = t.type ?? inferPolicyType(parsed.policy);
      own.push(...checkPolicyType(parsed.policy, type, t.name));
      policies.push({ policy: parsed.policy, type, name: t.name });
    }
    diagnostics.push(...own);
    if (parsed.policy === undefined && !hasErrors(own))
      diagnostics.push(
        policyDiagnostic('invalid-json', 'error', 'not a policy', { file: t.name, jsonPath: '' }),
      );
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => diagnosticKind(d.code) === 'bad-input'))
    return { ok: false, kind: 'bad-input', diagnostics };
  if (errors.length > 0) return { ok: false, kind: 'unsupported', diagnostics };
  return { ok: true, set: { name, policies }, diagnostics };
}

const DEFAULT_TIMEOUT_MS = 20_000;

interface Ctx {
  readonly command: PolicyCommand | 'can';
  readonly question: string;
  readonly started: number;
  readonly diagnostics: Diagnostic[];
}

function header(ctx: Ctx, explanation: string, solverMs: number) {
  return {
    domain: 'policy' as const,
    command: `policy ${ctx.command}` as const,
    question: ctx.question,
    explanation,
    diagnostics: ctx.diagnostics,
    notes: [],
    elapsedMs: performance.now() - ctx.started,
    solverMs,
  };
}

function unknownVerdict(ctx: Ctx, reason: UnknownReason, solverMs: number): PolicyVerdict {
  return { ...header(ctx, reason.message, solverMs), answer: 'unknown', reason };
}

/** Bad input or unsupported constructs in any set end the check before a question exists. */
function early(ctx: Ctx, loaded: readonly Loaded[]): PolicyResult | undefined {
  for (const l of loaded) ctx.diagnostics.push(...l.diagnostics);
  if (loaded.some((l) => !l.ok && l.kind === 'bad-input'))
    return { kind: 'bad-input', command: `policy ${ctx.command}`, diagnostics: ctx.diagnostics };
  const unsupported = ctx.diagnostics.find((d) => d.severity === 'error');
  if (unsupported === undefined) return undefined;
  const reason: UnknownReason = {
    code: 'unsupported',
    message: unsupported.message,
    ...(unsupported.location === undefined ? {} : { location: unsupported.location }),
  };
  return {
    kind: 'verdict',
    verdict: {
      ...unknownVerdict(ctx, reason, 0),
      explanation: `arc does not model a construct the answer depends on: ${unsupported.message}`,
    },
  };
}

function sets(loaded: readonly Loaded[]): PolicySet[] {
  return loaded.flatMap((l) => (l.ok ? [l.set] : []));
}

/** Builds the question(s), answering don't know for what cannot be encoded. */
function build(
  ctx: Ctx,
  make: () => PolicyQuestion[],
  policies: readonly PolicySet[],
): PolicyQuestion[] | PolicyVerdict {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof Unencodable)) throw e;
    const reason: UnknownReason = {
      code: 'unsupported',
      message: e.reason,
      ...(e.jsonPath === undefined
        ? {}
        : { location: { file: policies.map((p) => p.name).join(' or '), jsonPath: e.jsonPath } }),
    };
    return {
      ...unknownVerdict(ctx, reason, 0),
      explanation: `arc cannot encode this exactly: ${e.reason}`,
    };
  }
}

function dumpPath(options: PolicyCheckOptions, name: string): string | undefined {
  return options.dumpSmtDir === undefined ? undefined : join(options.dumpSmtDir, `${name}.smt2`);
}

function answerOptions(options: PolicyCheckOptions, dump: string | undefined) {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(dump ? { dumpPath: dump } : {}),
  };
}

/** One question (every check but compare). */
async function single(
  ctx: Ctx,
  questions: PolicyQuestion[] | PolicyVerdict,
  options: PolicyCheckOptions,
  explain: { yes: string; no: (w: PolicyWitness) => string },
): Promise<PolicyResult> {
  if (!Array.isArray(questions)) return { kind: 'verdict', verdict: questions };
  const [q] = questions;
  const a = await answerQuestion(q, answerOptions(options, dumpPath(options, q.command)));
  const verdict: PolicyVerdict =
    a.answer === 'yes'
      ? {
          ...header(ctx, `${explain.yes}${relianceText([a.certificate])}`, a.solverMs),
          answer: 'yes',
          certificate: { proofs: [a.certificate] },
        }
      : a.answer === 'no'
        ? {
            ...header(ctx, explain.no(a.witness), a.solverMs),
            answer: 'no',
            witness: { witnesses: [a.witness], proofs: [] },
          }
        : unknownVerdict(ctx, a.reason, a.solverMs);
  return { kind: 'verdict', verdict };
}

/** What a yes relies on, when a proof covers only the catalogue's actions. */
function relianceText(proofs: readonly PolicyProof[]): string {
  const c = proofs.find((p) => p.catalogue !== undefined)?.catalogue;
  if (c === undefined) return '';
  const on = c.resourceTypes ? ' on the resources each applies to' : '';
  return ` This relies on the action catalogue: it holds for the ${c.actions} actions of ${c.source}${on}, not for ${c.outside.action} on ${JSON.stringify(c.outside.resource)}, outside it.`;
}

function allowingText(w: PolicyWitness, index = 0): string {
  const ev = w.evaluations[index];
  return ev.evaluation.deciding
    .map((s) => `${s.policyName ?? ev.name} ${s.jsonPath}${s.sid ? ` (${s.sid})` : ''}`)
    .join(', ');
}

function startCtx(command: PolicyCommand | 'can', question: string): Ctx {
  return { command, question, started: performance.now(), diagnostics: [] };
}

export async function checkNoNewAccess(
  newer: readonly PolicyText[],
  existing: readonly PolicyText[],
  options: PolicyCheckOptions = {},
): Promise<PolicyResult> {
  const n = loadPolicies(newer.map((t) => t.name).join(' + '), newer);
  const o = loadPolicies(existing.map((t) => t.name).join(' + '), existing);
  const ctx = startCtx(
    'check-no-new-access',
    'Does the new policy allow only requests the existing one allows?',
  );
  const stop = early(ctx, [n, o]);
  if (stop) return stop;
  const [ns, os] = sets([n, o]);
  const questions = build(ctx, () => [noNewAccess(ns, os)], [ns, os]);
  return single(ctx, questions, options, {
    yes: `Every request ${ns.name} allows, ${os.name} allows too.`,
    no: (w) => `${ns.name} allows a request that ${os.name} does not, through ${allowingText(w)}.`,
  });
}

export async function checkAccessNotGranted(
  policy: readonly PolicyText[],
  actions: readonly string[],
  resources: readonly string[],
  options: PolicyCheckOptions = {},
): Promise<PolicyResult> {
  const p = loadPolicies(policy.map((t) => t.name).join(' + '), policy);
  const on = resources.length > 0 ? ` on ${resources.join(', ')}` : '';
  const ctx = startCtx(
    'check-access-not-granted',
    `Does the policy grant none of ${actions.join(', ')}${on}?`,
  );
  const stop = early(ctx, [p]);
  if (stop) return stop;
  const [ps] = sets([p]);
  const questions = build(ctx, () => [accessNotGranted(ps, actions, resources)], [ps]);
  return single(ctx, questions, options, {
    yes: `${ps.name} grants none of ${actions.join(', ')}${on}.`,
    no: (w) =>
      `${ps.name} grants ${w.request.action} on ${w.request.resource} through ${allowingText(w)}.`,
  });
}

export async function checkNoPublicAccess(
  policy: readonly PolicyText[],
  publicOptions: PublicOptions,
  options: PolicyCheckOptions = {},
): Promise<PolicyResult> {
  const p = loadPolicies(policy.map((t) => t.name).join(' + '), policy);
  const ctx = startCtx('check-no-public-access', 'Is the resource policy free of public access?');
  const stop = early(ctx, [p]);
  if (stop) return stop;
  const [ps] = sets([p]);
  const questions = build(ctx, () => [noPublicAccess(ps, publicOptions)], [ps]);
  return single(ctx, questions, options, {
    yes: `No request from the public is allowed by ${ps.name}.`,
    no: (w) => `${ps.name} allows a request from the public through ${allowingText(w)}.`,
  });
}

export async function comparePolicies(
  a: readonly PolicyText[],
  b: readonly PolicyText[],
  options: PolicyCheckOptions = {},
): Promise<PolicyResult> {
  const la = loadPolicies(a.map((t) => t.name).join(' + '), a);
  const lb = loadPolicies(b.map((t) => t.name).join(' + '), b);
  const ctx = startCtx('compare', 'Are the two policies equivalent?');
  const stop = early(ctx, [la, lb]);
  if (stop) return stop;
  const [sa, sb] = sets([la, lb]);
  const questions = build(
    ctx,
    () => [noNewAccess(sa, sb, 'compare'), noNewAccess(sb, sa, 'compare')],
    [sa, sb],
  );
  if (!Array.isArray(questions)) return { kind: 'verdict', verdict: questions };
  const answers = [];
  for (const [i, q] of questions.entries()) {
    const dump = dumpPath(options, `compare-${i === 0 ? 'a-not-b' : 'b-not-a'}`);
    answers.push(await answerQuestion(q, answerOptions(options, dump)));
  }
  const solverMs = answers.reduce((s, x) => s + x.solverMs, 0);
  const unknown = answers.find((x) => x.answer === 'unknown');
  if (unknown !== undefined && unknown.answer === 'unknown')
    return { kind: 'verdict', verdict: unknownVerdict(ctx, unknown.reason, solverMs) };
  const [aOnly, bOnly] = answers;
  const proofs = answers.flatMap((x) => (x.answer === 'yes' ? [x.certificate] : []));
  if (aOnly.answer === 'yes' && bOnly.answer === 'yes')
    return {
      kind: 'verdict',
      verdict: {
        ...header(
          ctx,
          `${sa.name} and ${sb.name} allow exactly the same requests.${relianceText(proofs)}`,
          solverMs,
        ),
        answer: 'yes',
        relation: 'equivalent',
        certificate: { proofs },
      },
    };
  const witnesses = [];
  if (aOnly.answer === 'no')
    witnesses.push({ ...aOnly.witness, direction: `allowed by ${sa.name}, not by ${sb.name}` });
  if (bOnly.answer === 'no')
    witnesses.push({ ...bOnly.witness, direction: `allowed by ${sb.name}, not by ${sa.name}` });
  const relation: CompareRelation =
    aOnly.answer === 'no' && bOnly.answer === 'no'
      ? 'incomparable'
      : aOnly.answer === 'no'
        ? 'more-permissive'
        : 'less-permissive';
  const words = {
    incomparable: `each allows a request the other does not`,
    'more-permissive': `${sa.name} is more permissive: it allows everything ${sb.name} allows, and more`,
    'less-permissive': `${sa.name} is less permissive: ${sb.name} allows everything it allows, and more`,
    equivalent: '',
  }[relation];
  return {
    kind: 'verdict',
    verdict: {
      ...header(ctx, `Not equivalent: ${words}.${relianceText(proofs)}`, solverMs),
      answer: 'no',
      relation,
      witness: { witnesses, proofs },
    },
  };
}

/** `arc policy can`: concrete evaluation only, no solver. */
export function canRequest(
  policy: readonly PolicyText[],
  request: AccessRequest,
  options: { readonly derivePrincipalKeys?: boolean } = {},
): CanResult {
  const p = loadPolicies(policy.map((t) => t.name).join(' + '), policy);
  const ctx = startCtx(
    'can',
    `Is ${describePrincipal(request)} allowed ${request.action} on ${request.resource}?`,
  );
  const stop = early(ctx, [p]);
  if (stop !== undefined) {
    if (stop.kind === 'bad-input') return stop;
    if (stop.verdict.answer !== 'unknown') throw new Error('internal error: an early decision');
    return { kind: 'verdict', verdict: { ...stop.verdict, command: 'policy can' } };
  }
  const [ps] = sets([p]);
  const full = options.derivePrincipalKeys === false ? request : withPrincipalKeys(request);
  const evaluation = evaluate(ps.policies, full);
  const deciding = evaluation.deciding
    .map((s) => `${s.policyName ?? ps.name} ${s.jsonPath}${s.sid ? ` (${s.sid})` : ''}`)
    .join(', ');
  const witness: PolicyWitness = { request: full, evaluations: [{ name: ps.name, evaluation }] };
  const base = { ...header(ctx, '', 0), command: 'policy can' as const };
  const verdict: CanVerdict =
    evaluation.decision === 'allow'
      ? { ...base, explanation: `Allowed by ${deciding}.`, answer: 'yes', witness }
      : {
          ...base,
          explanation:
            evaluation.decision === 'explicit-deny'
              ? `Explicitly denied by ${deciding}.`
              : 'Implicitly denied: no statement allows it.',
          answer: 'no',
          witness,
        };
  return { kind: 'verdict', verdict };
}

export function describePrincipal(r: AccessRequest): string {
  const p = r.principal;
  switch (p.kind) {
    case 'anonymous':
      return 'an anonymous caller';
    case 'aws':
      return p.arn;
    case 'service':
      return `service ${p.name}`;
    case 'federated':
      return `federated ${p.provider}`;
    case 'canonical-user':
      return `canonical user ${p.id}`;
  }
}
