/**
 * `arc policy`: questions about AWS IAM and resource policies (see
 * api/policy.ts). Output in the style of `arc prove`: Question, Answer, Why,
 * Request (the replayed witness), Proof (the unsatisfiable query in words),
 * Time; `--json` prints every key of the verdict. Bad input prints the
 * diagnostics with their JSON paths and exits 2.
 */
import { readFile } from 'node:fs/promises';
import {
  canRequest,
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  comparePolicies,
  describePrincipal,
  type CanVerdict,
  type PolicyCheckOptions,
  type PolicyText,
  type PolicyVerdict,
} from '../../api/policy.js';
import { answerExitCode, type Result } from '../../core/answer.js';
import { formatLocation, renderDiagnostic } from '../../core/diagnostic.js';
import type { PolicyWitness } from '../../policy/answer.js';
import {
  type AccessRequest,
  type ContextValue,
  type PolicyType,
  type RequestPrincipal,
} from '../../policy/index.js';
import {
  flag,
  numberOption,
  parseCommandArgs,
  stringList,
  stringOption,
  UsageError,
} from '../common.js';
import {
  ANSWER_WORDS as WORDS,
  contractJson,
  label,
  ms,
  printBadInput,
  toJsonText,
} from '../render.js';
import { POLICY_USAGE } from '../usage.js';

const OPTIONS = {
  existing: { type: 'string', multiple: true },
  action: { type: 'string', multiple: true },
  resource: { type: 'string', multiple: true },
  principal: { type: 'string' },
  context: { type: 'string', multiple: true },
  'resource-type': { type: 'string' },
  account: { type: 'string' },
  'policy-type': { type: 'string' },
  timeout: { type: 'string' },
  'dump-smt': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SUBCOMMANDS = [
  'check-no-public-access',
  'check-no-new-access',
  'check-access-not-granted',
  'compare',
  'can',
];

function policyType(text: string | undefined): PolicyType | undefined {
  if (text === undefined || text === 'identity' || text === 'resource') return text;
  throw new UsageError(`policy: --policy-type must be identity or resource, got '${text}'`);
}

async function readTexts(
  files: readonly string[],
  type: PolicyType | undefined,
): Promise<PolicyText[]> {
  return Promise.all(
    files.map(async (name) => {
      try {
        return { name, text: await readFile(name, 'utf8'), ...(type ? { type } : {}) };
      } catch (e) {
        throw new UsageError(
          `policy: cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }),
  );
}

const commaList = (values: readonly string[]) =>
  values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** `--principal`: `anonymous`/`*`, an ARN, a 12-digit account, `service:NAME`, `federated:NAME`, `canonical:ID`. */
export function parsePrincipal(text: string): RequestPrincipal {
  if (text === '*' || text === 'anonymous') return { kind: 'anonymous' };
  if (/^[0-9]{12}$/.test(text)) return { kind: 'aws', arn: `arn:aws:iam::${text}:root` };
  if (text.startsWith('arn:')) return { kind: 'aws', arn: text };
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (kind === 'service') return { kind: 'service', name };
  if (kind === 'federated') return { kind: 'federated', provider: name };
  if (kind === 'canonical') return { kind: 'canonical-user', id: name };
  throw new UsageError(
    `policy: --principal must be anonymous, an ARN, an account id, service:NAME, federated:NAME or canonical:ID, got '${text}'`,
  );
}

/** `--context key=value` (repeat a key for a multivalued key). */
export function parseContext(entries: readonly string[]): Record<string, ContextValue> {
  const out: Record<string, string[]> = {};
  for (const e of entries) {
    const eq = e.indexOf('=');
    if (eq <= 0) throw new UsageError(`policy: --context needs key=value, got '${e}'`);
    (out[e.slice(0, eq)] ??= []).push(e.slice(eq + 1));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
}

export async function runPolicy(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(POLICY_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (!SUBCOMMANDS.includes(sub))
    throw new UsageError(
      `policy: unknown subcommand '${sub}' (subcommands: ${SUBCOMMANDS.join(', ')})`,
    );
  const parsed = parseCommandArgs(`policy ${sub}`, rest, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(POLICY_USAGE);
    return 0;
  }
  const type = policyType(stringOption(parsed, 'policy-type'));
  const files = [...parsed.positionals];
  const timeout = numberOption(parsed, 'timeout');
  const dump = stringOption(parsed, 'dump-smt');
  const options: PolicyCheckOptions = {
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
    ...(dump !== undefined ? { dumpSmtDir: dump } : {}),
  };
  const need = (n: number, what: string) => {
    if (files.length < n) throw new UsageError(`policy ${sub}: ${what}`);
  };
  let result: Result<PolicyVerdict | CanVerdict>;
  switch (sub) {
    case 'check-no-new-access': {
      need(1, 'give the new policy file(s) and --existing OLD');
      const existing = stringList(parsed, 'existing');
      if (existing.length === 0)
        throw new UsageError('policy check-no-new-access: --existing OLD is required');
      result = await checkNoNewAccess(
        await readTexts(files, type),
        await readTexts(existing, type),
        options,
      );
      break;
    }
    case 'check-access-not-granted': {
      need(1, 'give the policy file(s)');
      const actions = commaList(stringList(parsed, 'action'));
      if (actions.length === 0)
        throw new UsageError('policy check-access-not-granted: --action is required');
      const resources = commaList(stringList(parsed, 'resource'));
      result = await checkAccessNotGranted(
        await readTexts(files, type),
        actions,
        resources,
        options,
      );
      break;
    }
    case 'check-no-public-access': {
      need(1, 'give the policy file(s)');
      const resourceType = stringOption(parsed, 'resource-type');
      if (resourceType !== undefined && resourceType !== 's3-bucket')
        throw new UsageError(
          `policy check-no-public-access: --resource-type must be s3-bucket, got '${resourceType}'`,
        );
      const account = stringOption(parsed, 'account');
      result = await checkNoPublicAccess(
        await readTexts(files, type ?? 'resource'),
        { ...(account ? { account } : {}), ...(resourceType ? { resourceType } : {}) },
        options,
      );
      break;
    }
    case 'compare': {
      if (files.length !== 2)
        throw new UsageError('policy compare: give exactly two policy files A B');
      result = await comparePolicies(
        await readTexts([files[0]], type),
        await readTexts([files[1]], type),
        options,
      );
      break;
    }
    default: {
      need(1, 'give the policy file(s)');
      const principal = stringOption(parsed, 'principal');
      const action = stringOption(parsed, 'action') ?? stringList(parsed, 'action')[0];
      const resource = stringList(parsed, 'resource')[0];
      if (principal === undefined || action === undefined || resource === undefined)
        throw new UsageError('policy can: --principal, --action and --resource are required');
      const request: AccessRequest = {
        principal: parsePrincipal(principal),
        action,
        resource,
        context: parseContext(stringList(parsed, 'context')),
      };
      result = canRequest(await readTexts(files, type), request);
    }
  }
  const json = flag(parsed, 'json');
  if (result.kind === 'bad-input') return printBadInput(result, json);
  const verdict = result.verdict;
  process.stdout.write(
    `${json ? toJsonText(policyVerdictToJson(verdict)) : renderPolicyVerdict(verdict)}\n`,
  );
  return answerExitCode(verdict.answer);
}

/** The JSON form: the contract's keys, and `relation` for compare. */
function policyVerdictToJson(v: PolicyVerdict | CanVerdict): Record<string, unknown> {
  return contractJson(v, { relation: 'relation' in v ? (v.relation ?? null) : null });
}

function requestText(w: PolicyWitness & { direction?: string }): string {
  const r = w.request;
  const lines = [
    ...(w.direction ? [`(${w.direction})`] : []),
    `principal ${describePrincipal(r)}${r.principal.kind === 'aws' && r.principal.roleArn ? ` (role ${r.principal.roleArn})` : ''}`,
    `action    ${r.action}`,
    `resource  ${JSON.stringify(r.resource)}`,
  ];
  for (const [k, v] of Object.entries(r.context ?? {}))
    lines.push(`context   ${k} = ${JSON.stringify(v)}`);
  for (const e of w.evaluations) {
    const deciding = e.evaluation.deciding
      .map((s) => `${s.jsonPath}${s.sid ? ` (${s.sid})` : ''}`)
      .join(', ');
    lines.push(`replayed  ${e.name}: ${e.evaluation.decision}${deciding ? ` by ${deciding}` : ''}`);
  }
  return lines.join('\n');
}

function renderPolicyVerdict(v: PolicyVerdict | CanVerdict): string {
  const out: string[] = [];
  for (const d of v.diagnostics) process.stderr.write(`${renderDiagnostic(d)}\n`);
  out.push(label('Question', v.question));
  out.push(label('Answer', WORDS[v.answer]));
  out.push(label('Why', v.explanation));
  if (v.answer === 'unknown') {
    const where = v.reason.location
      ? ` (at ${formatLocation(v.reason.location)}${'jsonPath' in v.reason.location && v.reason.location.jsonPath ? ` ${v.reason.location.jsonPath}` : ''})`
      : '';
    out.push(label('Reason', `[${v.reason.code}] ${v.reason.message}${where}`));
  } else if ('witness' in v && 'request' in v.witness) {
    out.push(label('Request', requestText(v.witness)));
  } else {
    const witnesses = 'witness' in v && 'witnesses' in v.witness ? v.witness.witnesses : [];
    for (const w of witnesses) out.push(label('Request', requestText(w)));
    const proofs =
      'certificate' in v
        ? v.certificate.proofs
        : 'witness' in v && 'proofs' in v.witness
          ? v.witness.proofs
          : [];
    for (const p of proofs) {
      out.push(label('Proof', `unsat in ${ms(p.solverMs)}, so ${p.meaning}`));
      out.push(label('Re-check', p.recheck));
    }
  }
  out.push(label('Time', `${ms(v.elapsedMs)} (solver ${ms(v.solverMs)})`));
  return out.join('\n');
}
