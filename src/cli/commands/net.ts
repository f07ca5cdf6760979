/**
 * `arc net`: questions about AWS VPC networks given as a snapshot directory
 * of `aws ec2 describe-*` output (see api/net.ts). `reachable` prints
 * Question, Answer, Why, then the witness packet and its path hop by hop
 * (yes), the component and rule stopping each way the packet could go (no)
 * or what is missing (don't know); `--json` prints every key of the verdict.
 * Snapshot errors print the diagnostics with file and JSON path and exit 2.
 */
import {
  netExplain,
  netExposed,
  netReachable,
  type Finding,
  type Flow,
  type NetExplainVerdict,
  type NetExposedVerdict,
  type NetVerdict,
} from '../../api/net.js';
import { answerExitCode, type Result } from '../../core/answer.js';
import { renderDiagnostic } from '../../core/diagnostic.js';
import type { Blocker } from '../../net/symbolic/reachable.js';
import { describePacket, type ForwardResult, type Hop } from '../../net/forward/index.js';
import { flag, numberOption, parseCommandArgs, stringOption, UsageError } from '../common.js';
import {
  ANSWER_WORDS as WORDS,
  contractJson,
  label,
  ms,
  printBadInput,
  toJsonText,
} from '../render.js';
import { NET_USAGE } from '../usage.js';

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  protocol: { type: 'string' },
  port: { type: 'string' },
  'source-port': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runNet(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(NET_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'reachable' && sub !== 'explain' && sub !== 'exposed')
    throw new UsageError(
      `net: unknown subcommand '${sub}' (subcommands: reachable, explain, exposed)`,
    );
  const parsed = parseCommandArgs(`net ${sub}`, rest, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(NET_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(`net ${sub}: give exactly one snapshot directory`);
  const json = flag(parsed, 'json');
  const timeout = numberOption(parsed, 'timeout');
  const protocol = stringOption(parsed, 'protocol');
  const port = stringOption(parsed, 'port');
  const common = {
    dir: parsed.positionals[0],
    ...(protocol !== undefined ? { protocol } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
  };
  if (sub === 'exposed') {
    for (const o of ['from', 'to', 'source-port'] as const)
      if (stringOption(parsed, o) !== undefined)
        throw new UsageError(`net exposed: --${o} does not apply (every interface is examined)`);
    return print(await netExposed(common), json, exposedToJson, renderExposed);
  }
  const from = stringOption(parsed, 'from');
  const to = stringOption(parsed, 'to');
  if (from === undefined || to === undefined)
    throw new UsageError(`net ${sub}: --from and --to are required`);
  const sourcePort = stringOption(parsed, 'source-port');
  const request = {
    ...common,
    from,
    to,
    ...(sourcePort !== undefined ? { sourcePort } : {}),
  };
  if (sub === 'explain') {
    return print(await netExplain(request), json, explainToJson, renderExplain);
  }
  return print(await netReachable(request), json, netVerdictToJson, renderNetVerdict);
}

/** Prints a result as JSON or text (diagnostics other than notes on stderr); its exit code. */
function print<V extends NetVerdict | NetExplainVerdict | NetExposedVerdict>(
  result: Result<V>,
  json: boolean,
  toJson: (v: V) => Record<string, unknown>,
  render: (v: V) => string,
): number {
  if (result.kind === 'bad-input') return printBadInput(result, json);
  const v = result.verdict;
  for (const d of v.diagnostics)
    if (d.severity !== 'note') process.stderr.write(`${renderDiagnostic(d)}\n`);
  process.stdout.write(`${json ? toJsonText(toJson(v)) : render(v)}\n`);
  return answerExitCode(v.answer);
}

function hopJson(h: Hop): Record<string, unknown> {
  return {
    component: h.component,
    step: h.step,
    rule: h.rule,
    source: h.source ?? null,
    packet: h.packet,
    header: describePacket(h.packet),
  };
}

function pathJson(r: ForwardResult): Record<string, unknown> {
  return {
    outcome: r.outcome,
    hops: r.hops.map(hopJson),
    returnTraffic:
      r.outcome === 'accepted' && r.returnTraffic !== undefined ? pathJson(r.returnTraffic) : null,
  };
}

/** The JSON form: the contract's keys, the packet's path hop by hop, and what is missing. */
function netVerdictToJson(v: NetVerdict): Record<string, unknown> {
  const shown =
    v.answer === 'yes'
      ? {
          ...v,
          witness: {
            packet: { ...v.witness.packet, header: describePacket(v.witness.packet) },
            path: pathJson(v.witness.path),
          },
        }
      : v;
  return contractJson(shown, { paths: v.paths, missing: v.missing });
}

function hopsText(r: ForwardResult): string[] {
  const lines = r.hops.map(
    (h, i) =>
      `${String(i + 1).padStart(2)}. ${h.component.kind} ${h.component.id}: ${h.step} — ${h.rule}\n      ${describePacket(h.packet)}`,
  );
  if (r.outcome === 'accepted' && r.returnTraffic !== undefined) {
    lines.push('reply:');
    lines.push(...hopsText(r.returnTraffic));
  }
  return lines;
}

/** What is missing, after the component it is missing for (none for an endpoint the snapshot lacks). */
function missingText(m: { component: { kind: string; id: string }; missing: string }): string {
  return m.component.id === 'endpoint'
    ? m.missing
    : `${m.component.kind} ${m.component.id}: ${m.missing}`;
}

/** A blocker: the component and rule, then the packets it stops on that path, as ranges. */
function blockerText(b: Blocker): string {
  const lines = [`${b.component.kind} ${b.component.id}: ${b.reason}`];
  const shown = (b.packets ?? []).slice(0, 4);
  for (const p of shown) lines.push(`  stops ${p}`);
  const more = (b.packets?.length ?? 0) - shown.length;
  if (more > 0) lines.push(`  … and ${more} more range(s) (--json lists them)`);
  return lines.join('\n');
}

function renderNetVerdict(v: NetVerdict): string {
  const out: string[] = [];
  out.push(label('Question', v.question));
  out.push(label('Answer', WORDS[v.answer]));
  out.push(label('Why', v.explanation));
  if (v.answer === 'yes') {
    out.push(label('Packet', describePacket(v.witness.packet)));
    out.push(label('Path', hopsText(v.witness.path).join('\n')));
  }
  if (v.answer === 'no') {
    const proof = v.certificate;
    out.push(
      label(
        'Blocked',
        proof.blockers.map(blockerText).join('\n') ||
          '(no packet of the question leaves the source)',
      ),
    );
    out.push(label('Proof', `unsat over ${proof.paths} path(s); re-check ${proof.recheck}`));
  }
  if (v.answer === 'unknown')
    out.push(label('Missing', v.missing.map(missingText).join('\n') || '(nothing missing)'));
  out.push(label('Time', `${ms(v.elapsedMs)} (solver ${ms(v.solverMs)})`));
  return out.join('\n');
}

// ---------------------------------------------------------------- explain and exposed

function flowJson(f: Flow): Record<string, unknown> {
  return {
    ranges: f.box,
    // These fields' ranges also exclude every public address the snapshot owns.
    internetSide: f.internetSide,
    text: f.text,
    packet: { ...f.packet, header: describePacket(f.packet) },
    path: pathJson(f.path),
  };
}

function flowSetJson<T>(
  set: { flows: readonly (Flow & T)[]; check: string },
  extra: (f: Flow & T) => Record<string, unknown>,
) {
  return { flows: set.flows.map((f) => ({ ...extra(f), ...flowJson(f) })), check: set.check };
}

function explainToJson(v: NetExplainVerdict): Record<string, unknown> {
  const shown =
    v.answer === 'yes'
      ? { ...v, witness: flowSetJson(v.witness, () => ({})) }
      : v.answer === 'no'
        ? { ...v, certificate: flowSetJson(v.certificate, () => ({})) }
        : v;
  return contractJson(shown, { paths: v.paths, missing: v.missing });
}

function renderExplain(v: NetExplainVerdict): string {
  const out = [
    label('Question', v.question),
    label('Answer', WORDS[v.answer]),
    label('Why', v.explanation),
  ];
  if (v.answer === 'yes')
    out.push(
      label(
        'Packets',
        v.witness.flows.map((f) => `${f.text}\n  e.g. ${describePacket(f.packet)}`).join('\n'),
      ),
    );
  if (v.answer === 'yes') out.push(label('Checked', v.witness.check));
  if (v.answer === 'no') out.push(label('Checked', v.certificate.check));
  if (v.answer === 'unknown')
    out.push(label('Missing', v.missing.map(missingText).join('\n') || '(nothing missing)'));
  out.push(label('Time', `${ms(v.elapsedMs)} (solver ${ms(v.solverMs)})`));
  return out.join('\n');
}

function findingJson(f: Finding): Record<string, unknown> {
  return {
    networkInterface: f.networkInterface,
    instance: f.instance ?? null,
    vpc: f.vpc,
    subnet: f.subnet,
  };
}

function exposedToJson(v: NetExposedVerdict): Record<string, unknown> {
  const shown =
    v.answer === 'yes'
      ? { ...v, certificate: flowSetJson(v.certificate, findingJson) }
      : v.answer === 'no'
        ? { ...v, witness: flowSetJson(v.witness, findingJson) }
        : v;
  return contractJson(shown, {
    undecided: v.undecided,
    interfaces: v.interfaces,
    classes: v.classes,
  });
}

function renderExposed(v: NetExposedVerdict): string {
  const out = [
    label('Question', v.question),
    label('Answer', WORDS[v.answer]),
    label('Why', v.explanation),
  ];
  const findings = v.answer === 'no' ? v.witness.flows : [];
  if (findings.length > 0)
    out.push(
      label(
        'Exposed',
        findings
          .map(
            (f) =>
              `${f.instance ?? '(no instance)'} ${f.networkInterface} (${f.subnet}): ${f.text}\n  e.g. ${describePacket(f.packet)} — ${f.path.hops.map((h) => h.component.id).join(' > ')}`,
          )
          .join('\n'),
      ),
    );
  if (v.undecided.length > 0)
    out.push(
      label('Undecided', v.undecided.map((u) => `${u.networkInterface}: ${u.reason}`).join('\n')),
    );
  if (v.answer === 'no') out.push(label('Checked', v.witness.check));
  if (v.answer === 'yes') out.push(label('Checked', v.certificate.check));
  out.push(label('Time', `${ms(v.elapsedMs)} (solver ${ms(v.solverMs)})`));
  return out.join('\n');
}
