/**
 * The library entry of `arc policy`: policy texts in, a verdict out (yes /
 * no / don't know, or bad input with the JSON-path diagnostics). Nothing
 * here prints or exits; the CLI (cli/commands/policy.ts) renders it.
 *
 * Exit codes as everywhere in arc: 0 yes, 1 no, 3 don't know, 2 bad input.
 */
import { join } from 'node:path';
import { answerQuestion, type PolicyProof, type PolicyWitness } from '../policy/answer.js';
import {
  checkPolicyType,
  evaluate,
  hasErrors,
  inferPolicyType,
  parsePolicy,
  policyDiagnosticKind,
  withPrincipalKeys,
  type AccessRequest,
  type Evaluation,
  type PolicyDiagnostic,
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
import { answerExitCode, EXIT_BAD_INPUT } from '../verdict/verdict.js';

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

export interface FileDiagnostic extends PolicyDiagnostic {
  readonly file: string;
}

export type CompareRelation = 'equivalent' | 'less-permissive' | 'more-permissive' | 'incomparable';

interface VerdictBase {
  readonly command: PolicyCommand | 'can';
  readonly question: string;
  readonly explanation: string;
  readonly diagnostics: readonly FileDiagnostic[];
  readonly elapsedMs: number;
  readonly solverMs: number;
}

export type PolicyVerdict =
  | (VerdictBase & {
      readonly answer: 'yes';
      readonly proofs: readonly PolicyProof[];
      readonly relation?: CompareRelation;
      readonly evaluation?: Evaluation;
    })
  | (VerdictBase & {
      readonly answer: 'no';
      /** One witness per direction that differs (compare), else one. */
      readonly witnesses: readonly (PolicyWitness & { readonly direction?: string })[];
      readonly proofs: readonly PolicyProof[];
      readonly relation?: CompareRelation;
      readonly evaluation?: Evaluation;
    })
  | (VerdictBase & {
      readonly answer: 'unknown';
      readonly reason: string;
      readonly jsonPath?: string;
      readonly file?: string;
    })
  | (VerdictBase & { readonly answer: 'bad-input' });

export function policyExitCode(v: PolicyVerdict): number {
  return v.answer === 'bad-input' ? EXIT_BAD_INPUT : answerExitCode(v.answer);
}

type Loaded =
  | { readonly ok: true; readonly set: PolicySet; readonly diagnostics: FileDiagnostic[] }
  | {
      readonly ok: false;
      readonly kind: 'bad-input' | 'unsupported';
      readonly diagnostics: FileDiagnostic[];
    };

/** Parses the texts of one policy set; bad input and unsupported constructs are told apart. */
export function loadPolicies(name: string, texts: readonly PolicyText[]): Loaded {
  const diagnostics: FileDiagnostic[] = [];
  const policies: PolicyInput[] = [];
  for (const t of texts) {
    const parsed = parsePolicy(t.text);
    const own = [...parsed.diagnostics];
    if (parsed.policy !== undefined) {
      const type = t.type ?? inferPolicyType(parsed.policy);
      own.push(...checkPolicyType(parsed.policy, type));
      policies.push({ policy: parsed.policy, type, name: t.name });
    }
    diagnostics.push(...own.map((d) => ({ ...d, file: t.name })));
    if (parsed.policy === undefined && !hasErrors(own))
      diagnostics.push({
        code: 'invalid-json',
        severity: 'error',
        message: 'not a policy',
        jsonPath: '',
        file: t.name,
      });
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => policyDiagnosticKind(d.code) === 'bad-input'))
    return { ok: false, kind: 'bad-input', diagnostics };
  if (errors.length > 0) return { ok: false, kind: 'unsupported', diagnostics };
  return { ok: true, set: { name, policies }, diagnostics };
}

const DEFAULT_TIMEOUT_MS = 20_000;

interface Ctx {
  readonly command: PolicyCommand | 'can';
  readonly question: string;
  readonly started: number;
  readonly diagnostics: FileDiagnostic[];
}

function base(ctx: Ctx, explanation: string, solverMs: number): VerdictBase {
  return {
    command: ctx.command,
    question: ctx.question,
    explanation,
    diagnostics: ctx.diagnostics,
    elapsedMs: performance.now() - ctx.started,
    solverMs,
  };
}

/** Bad input or unsupported constructs in any set end the check before a question exists. */
function early(ctx: Ctx, loaded: readonly Loaded[]): PolicyVerdict | undefined {
  for (const l of loaded) ctx.diagnostics.push(...l.diagnostics);
  const bad = loaded.find((l) => !l.ok && l.kind === 'bad-input');
  if (bad !== undefined)
    return {
      ...base(ctx, 'the policy is not valid (see the diagnostics)', 0),
      answer: 'bad-input',
    };
  const unsupported = ctx.diagnostics.find((d) => d.severity === 'error');
  if (unsupported !== undefined)
    return {
      ...base(
        ctx,
        `arc does not model a construct the answer depends on: ${unsupported.message}`,
        0,
      ),
      answer: 'unknown',
      reason: unsupported.message,
      jsonPath: unsupported.jsonPath,
      file: unsupported.file,
    };
  return undefined;
}

function sets(loaded: readonly Loaded[]): PolicySet[] {
  return loaded.flatMap((l) => (l.ok ? [l.set] : []));
}

/** Builds the question(s), answering don't know for what cannot be encoded. */
function build(ctx: Ctx, make: () => PolicyQuestion[]): PolicyQuestion[] | PolicyVerdict {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof Unencodable)) throw e;
    return {
      ...base(ctx, `arc cannot encode this exactly: ${e.reason}`, 0),
      answer: 'unknown',
      reason: e.reason,
      jsonPath: e.jsonPath,
    };
  }
}

function dumpPath(options: PolicyCheckOptions, name: string): string | undefined {
  return options.dumpSmtDir === undefined ? undefined : join(options.dumpSmtDir, `${name}.smt2`);
}

/** One question (every check but compare). */
async function single(
  ctx: Ctx,
  questions: PolicyQuestion[] | PolicyVerdict,
  options: PolicyCheckOptions,
  explain: { yes: string; no: (w: PolicyWitness) => string },
): Promise<PolicyVerdict> {
  if (!Array.isArray(questions)) return questions;
  const [q] = questions;
  const dump = dumpPath(options, q.command);
  const a = await answerQuestion(q, {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(dump ? { dumpPath: dump } : {}),
  });
  switch (a.answer) {
    case 'yes':
      return {
        ...base(ctx, `${explain.yes}${relianceText([a.proof])}`, a.solverMs),
        answer: 'yes',
        proofs: [a.proof],
      };
    case 'no':
      return {
        ...base(ctx, explain.no(a.witness), a.solverMs),
        answer: 'no',
        witnesses: [a.witness],
        proofs: [],
      };
    case 'unknown':
      return { ...base(ctx, a.reason, a.solverMs), answer: 'unknown', reason: a.reason };
  }
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
): Promise<PolicyVerdict> {
  const n = loadPolicies(newer.map((t) => t.name).join(' + '), newer);
  const o = loadPolicies(existing.map((t) => t.name).join(' + '), existing);
  const ctx = startCtx(
    'check-no-new-access',
    'Does the new policy allow only requests the existing one allows?',
  );
  const stop = early(ctx, [n, o]);
  if (stop) return stop;
  const [ns, os] = sets([n, o]);
  const questions = build(ctx, () => [noNewAccess(ns, os)]);
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
): Promise<PolicyVerdict> {
  const p = loadPolicies(policy.map((t) => t.name).join(' + '), policy);
  const on = resources.length > 0 ? ` on ${resources.join(', ')}` : '';
  const ctx = startCtx(
    'check-access-not-granted',
    `Does the policy grant none of ${actions.join(', ')}${on}?`,
  );
  const stop = early(ctx, [p]);
  if (stop) return stop;
  const [ps] = sets([p]);
  const questions = build(ctx, () => [accessNotGranted(ps, actions, resources)]);
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
): Promise<PolicyVerdict> {
  const p = loadPolicies(policy.map((t) => t.name).join(' + '), policy);
  const ctx = startCtx('check-no-public-access', 'Is the resource policy free of public access?');
  const stop = early(ctx, [p]);
  if (stop) return stop;
  const [ps] = sets([p]);
  const questions = build(ctx, () => [noPublicAccess(ps, publicOptions)]);
  return single(ctx, questions, options, {
    yes: `No request from the public is allowed by ${ps.name}.`,
    no: (w) => `${ps.name} allows a request from the public through ${allowingText(w)}.`,
  });
}

export async function comparePolicies(
  a: readonly PolicyText[],
  b: readonly PolicyText[],
  options: PolicyCheckOptions = {},
): Promise<PolicyVerdict> {
  const la = loadPolicies(a.map((t) => t.name).join(' + '), a);
  const lb = loadPolicies(b.map((t) => t.name).join(' + '), b);
  const ctx = startCtx('compare', 'Are the two policies equivalent?');
  const stop = early(ctx, [la, lb]);
  if (stop) return stop;
  const [sa, sb] = sets([la, lb]);
  const questions = build(ctx, () => [
    noNewAccess(sa, sb, 'compare'),
    noNewAccess(sb, sa, 'compare'),
  ]);
  if (!Array.isArray(questions)) return questions;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const answers = [];
  for (const [i, q] of questions.entries()) {
    const dump = dumpPath(options, `compare-${i === 0 ? 'a-not-b' : 'b-not-a'}`);
    answers.push(
      await answerQuestion(q, {
        timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(dump ? { dumpPath: dump } : {}),
      }),
    );
  }
  const solverMs = answers.reduce((s, x) => s + x.solverMs, 0);
  const unknown = answers.find((x) => x.answer === 'unknown');
  if (unknown !== undefined && unknown.answer === 'unknown')
    return { ...base(ctx, unknown.reason, solverMs), answer: 'unknown', reason: unknown.reason };
  const [aOnly, bOnly] = answers;
  const proofs = answers.flatMap((x) => (x.answer === 'yes' ? [x.proof] : []));
  if (aOnly.answer === 'yes' && bOnly.answer === 'yes')
    return {
      ...base(
        ctx,
        `${sa.name} and ${sb.name} allow exactly the same requests.${relianceText(proofs)}`,
        solverMs,
      ),
      answer: 'yes',
      relation: 'equivalent',
      proofs,
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
    ...base(ctx, `Not equivalent: ${words}.${relianceText(proofs)}`, solverMs),
    answer: 'no',
    relation,
    witnesses,
    proofs,
  };
}

/** `arc policy can`: concrete evaluation only, no solver. */
export function canRequest(
  policy: readonly PolicyText[],
  request: AccessRequest,
  options: { readonly derivePrincipalKeys?: boolean } = {},
): PolicyVerdict {
  const p = loadPolicies(policy.map((t) => t.name).join(' + '), policy);
  const ctx = startCtx(
    'can',
    `Is ${describePrincipal(request)} allowed ${request.action} on ${request.resource}?`,
  );
  const stop = early(ctx, [p]);
  if (stop) return stop;
  const [ps] = sets([p]);
  const full = options.derivePrincipalKeys === false ? request : withPrincipalKeys(request);
  const evaluation = evaluate(ps.policies, full);
  const deciding = evaluation.deciding
    .map((s) => `${s.policyName ?? ps.name} ${s.jsonPath}${s.sid ? ` (${s.sid})` : ''}`)
    .join(', ');
  const witness: PolicyWitness = { request: full, evaluations: [{ name: ps.name, evaluation }] };
  switch (evaluation.decision) {
    case 'allow':
      return { ...base(ctx, `Allowed by ${deciding}.`, 0), answer: 'yes', proofs: [], evaluation };
    case 'explicit-deny':
      return {
        ...base(ctx, `Explicitly denied by ${deciding}.`, 0),
        answer: 'no',
        witnesses: [witness],
        proofs: [],
        evaluation,
      };
    case 'implicit-deny':
      return {
        ...base(ctx, 'Implicitly denied: no statement allows it.', 0),
        answer: 'no',
        witnesses: [witness],
        proofs: [],
        evaluation,
      };
  }
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
