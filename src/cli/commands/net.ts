/**
 * `arc net`: questions about AWS VPC networks given as a snapshot directory
 * of `aws ec2 describe-*` output (see api/net.ts). `reachable` prints
 * Question, Answer, Why, then the witness packet and its path hop by hop
 * (yes), the component and rule stopping each way the packet could go (no)
 * or what is missing (don't know); `--json` prints every key of the verdict.
 * Snapshot errors print the diagnostics with file and JSON path and exit 2.
 */
import {
  flowExitCode,
  netExitCode,
  netExplain,
  netExposed,
  netReachable,
  type NetExplainVerdict,
  type NetExposedVerdict,
  type NetVerdict,
} from '../../api/net.js';
import type { Flow } from '../../net/flows.js';
import type { Blocker } from '../../net/symbolic/reachable.js';
import { describePacket, type ForwardResult, type Hop } from '../../net/forward/index.js';
import { renderNetDiagnostic } from '../../net/snapshot.js';
import { flag, numberOption, parseCommandArgs, stringOption, UsageError } from '../common.js';
import { ANSWER_WORDS as WORDS, label, ms, toJsonText } from '../render.js';
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
    const verdict = await netExposed(common);
    process.stdout.write(`${json ? toJsonText(exposedToJson(verdict)) : renderExposed(verdict)}\n`);
    return flowExitCode(verdict);
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
    const verdict = await netExplain(request);
    process.stdout.write(`${json ? toJsonText(explainToJson(verdict)) : renderExplain(verdict)}\n`);
    return flowExitCode(verdict);
  }
  const verdict = await netReachable(request);
  process.stdout.write(
    `${json ? toJsonText(netVerdictToJson(verdict)) : renderNetVerdict(verdict)}\n`,
  );
  return netExitCode(verdict);
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

/** The JSON form: every key present, `null` where it does not apply. */
export function netVerdictToJson(v: NetVerdict): Record<string, unknown> {
  return {
    command: v.command,
    answer: v.answer,
    question: v.question,
    explanation: v.explanation,
    packet: v.answer === 'yes' ? { ...v.packet, header: describePacket(v.packet) } : null,
    path: v.answer === 'yes' ? pathJson(v.path) : null,
    blocked: v.answer === 'no' ? v.blockers : null,
    proof: v.answer === 'no' ? v.proof : null,
    missing: v.answer === 'unknown' ? v.missing : null,
    diagnostics: v.diagnostics,
    elapsedMs: Math.round(v.elapsedMs * 10) / 10,
    solverMs: Math.round(v.solverMs * 10) / 10,
  };
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

export function renderNetVerdict(v: NetVerdict): string {
  for (const d of v.diagnostics)
    if (d.severity !== 'note' || v.answer === 'bad-input')
      process.stderr.write(`${renderNetDiagnostic(d)}\n`);
  const out: string[] = [];
  out.push(label('Question', v.question));
  out.push(label('Answer', WORDS[v.answer]));
  out.push(label('Why', v.explanation));
  if (v.answer === 'yes') {
    out.push(label('Packet', describePacket(v.packet)));
    out.push(label('Path', hopsText(v.path).join('\n')));
  }
  if (v.answer === 'no') {
    out.push(
      label(
        'Blocked',
        v.blockers.map(blockerText).join('\n') || '(no packet of the question leaves the source)',
      ),
    );
    out.push(label('Proof', `unsat over ${v.proof.paths} path(s); re-check ${v.proof.recheck}`));
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

function writeDiagnostics(v: NetExplainVerdict | NetExposedVerdict): void {
  for (const d of v.diagnostics)
    if (d.severity !== 'note' || v.answer === 'bad-input')
      process.stderr.write(`${renderNetDiagnostic(d)}\n`);
}

export function explainToJson(v: NetExplainVerdict): Record<string, unknown> {
  return {
    command: v.command,
    answer: v.answer,
    question: v.question,
    explanation: v.explanation,
    flows: v.answer === 'yes' || v.answer === 'no' ? v.flows.map(flowJson) : null,
    check: v.answer === 'yes' || v.answer === 'no' ? v.check : null,
    missing: v.answer === 'unknown' ? v.missing : null,
    diagnostics: v.diagnostics,
    elapsedMs: Math.round(v.elapsedMs * 10) / 10,
    solverMs: Math.round(v.solverMs * 10) / 10,
  };
}

export function renderExplain(v: NetExplainVerdict): string {
  writeDiagnostics(v);
  const out = [
    label('Question', v.question),
    label('Answer', WORDS[v.answer]),
    label('Why', v.explanation),
  ];
  if (v.answer === 'yes')
    out.push(
      label(
        'Packets',
        v.flows.map((f) => `${f.text}\n  e.g. ${describePacket(f.packet)}`).join('\n'),
      ),
    );
  if (v.answer === 'yes' || v.answer === 'no') out.push(label('Checked', v.check));
  if (v.answer === 'unknown')
    out.push(label('Missing', v.missing.map(missingText).join('\n') || '(nothing missing)'));
  out.push(label('Time', `${ms(v.elapsedMs)} (solver ${ms(v.solverMs)})`));
  return out.join('\n');
}

export function exposedToJson(v: NetExposedVerdict): Record<string, unknown> {
  const ok = v.answer !== 'bad-input';
  return {
    command: v.command,
    answer: v.answer,
    question: v.question,
    explanation: v.explanation,
    findings: ok
      ? v.findings.map((f) => ({
          networkInterface: f.networkInterface,
          instance: f.instance ?? null,
          vpc: f.vpc,
          subnet: f.subnet,
          ...flowJson(f),
        }))
      : null,
    undecided: ok ? v.undecided : null,
    interfaces: ok ? v.interfaces : null,
    classes: ok ? v.classes : null,
    check: ok ? v.check : null,
    diagnostics: v.diagnostics,
    elapsedMs: Math.round(v.elapsedMs * 10) / 10,
    solverMs: Math.round(v.solverMs * 10) / 10,
  };
}

export function renderExposed(v: NetExposedVerdict): string {
  writeDiagnostics(v);
  const out = [
    label('Question', v.question),
    label('Answer', WORDS[v.answer]),
    label('Why', v.explanation),
  ];
  if (v.answer !== 'bad-input') {
    if (v.findings.length > 0)
      out.push(
        label(
          'Exposed',
          v.findings
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
    out.push(label('Checked', v.check));
  }
  out.push(label('Time', `${ms(v.elapsedMs)} (solver ${ms(v.solverMs)})`));
  return out.join('\n');
}
