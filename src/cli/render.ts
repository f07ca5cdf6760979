/**
 * Renders verdicts for people (aligned text) and for programs (JSON with every
 * key of the verdict contract present, `null` where it does not apply).
 */
import { formatLocation, formatSpan, renderDiagnostic } from '../core/diagnostic.js';
import type { ProveResult } from '../api/types.js';
import { PROPERTY_GROUPS } from '../ir/ir.js';
import type { Counterexample, Verdict } from '../verdict/verdict.js';
import {
  answerExitCode,
  EXIT_BAD_INPUT,
  type Answer,
  type BadInput,
  type VerdictHeader,
} from '../core/answer.js';
import { printDiagnostics } from './common.js';

/** How each answer is printed (the verdict contract), and bad input. */
export const ANSWER_WORDS = {
  yes: 'yes',
  no: 'no',
  unknown: "don't know",
  'bad-input': 'bad input',
} as const;

/** `text` under a left-hand label of 10 columns (continuation lines indented). */
export function label(name: string, text: string): string {
  const pad = name.padEnd(10);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? pad : ' '.repeat(10)) + line)
    .join('\n');
}

/** A duration for people: one decimal below 10 ms. */
export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export function renderVerdictText(v: Verdict): string {
  const out: string[] = [];
  out.push(label('Question', v.question));
  out.push(label('Answer', ANSWER_WORDS[v.answer]));
  out.push(label('Why', v.explanation));
  switch (v.answer) {
    case 'yes': {
      const c = v.certificate;
      out.push(label('Proof', c.summary));
      for (const q of c.queries) out.push(label('', `unsat in ${ms(q.solverMs)}, so ${q.meaning}`));
      out.push(label('Re-check', c.recheck));
      break;
    }
    case 'no': {
      const cx = v.witness;
      out.push(
        label(
          'Violated',
          `${cx.property.id}: ${cx.property.description} (${formatSpan(cx.property.span)})`,
        ),
      );
      const inputs = cx.inputs.map((i) => `${i.name} = ${i.text}  (${i.type})`);
      out.push(label('Inputs', inputs.length > 0 ? inputs.join('\n') : '(none)'));
      if (cx.foundBy !== undefined) out.push(label('Found by', cx.foundBy));
      if (cx.nondet.length > 0)
        out.push(label('Nondet', cx.nondet.map((n) => `${n.source}() = ${n.text}`).join('\n')));
      if (cx.path.length > 0) out.push(label('Path', pathText(cx)));
      out.push(label('Replayed', replayWords(v)));
      break;
    }
    case 'unknown': {
      const where = v.reason.location ? ` (${formatLocation(v.reason.location)})` : '';
      out.push(label('Reason', `[${v.reason.code}] ${v.reason.message}${where}`));
      break;
    }
  }
  const checked = v.properties.map(
    (p) =>
      `${p.status.padEnd(8)} ${p.property.id}  ${p.property.description}  ${formatSpan(p.property.span)}`,
  );
  if (checked.length > 0) out.push(label('Checked', checked.join('\n')));
  for (const n of v.notes) out.push(label('Note', n));
  for (const d of v.diagnostics.filter((d) => d.severity !== 'note'))
    out.push(label('Diag', renderDiagnostic(d)));
  out.push(label('Time', `${ms(v.elapsedMs)} (solver ${ms(v.solverMs)})`));
  return out.join('\n');
}

const SHOWN = 30;

/** One line per source line of the run, with the values it assigned; long runs are cut in the middle. */
function pathText(cx: Counterexample): string {
  const lines = cx.path.map((s) => {
    const values = (s.assigned ?? []).map((a) => `${a.name} = ${a.text}`).join(', ');
    const text = `line ${String(s.line).padStart(4)}: ${s.text}`;
    return values === '' ? text : `${text.padEnd(48)}  [${values}]`;
  });
  // The terminal shows the first and last SHOWN lines; --json has the whole (or 2 × 200) trace.
  let omitted = cx.omittedSteps ?? 0;
  let head = lines.slice(0, omitted > 0 ? lines.length / 2 : lines.length);
  let tail = omitted > 0 ? lines.slice(lines.length / 2) : [];
  if (head.length + tail.length > 2 * SHOWN) {
    const all = [...head, ...tail];
    omitted += all.length - 2 * SHOWN;
    head = all.slice(0, SHOWN);
    tail = all.slice(all.length - SHOWN);
  }
  if (omitted === 0) return head.join('\n');
  return [...head, `… ${omitted.toLocaleString('en-US')} more lines of the run …`, ...tail].join(
    '\n',
  );
}

/** Violations the compiled replay confirms under AddressSanitizer (and LeakSanitizer). */
const MEMORY_KINDS: ReadonlySet<string> = new Set([
  ...PROPERTY_GROUPS['memory-safety'],
  ...PROPERTY_GROUPS['memory-leak'],
]);

function replayWords(v: Verdict & { answer: 'no' }): string {
  const r = v.witness.replay;
  const memory = MEMORY_KINDS.has(v.witness.property.kind);
  const cc = `${r.compiledWith ?? 'cc'} + ${memory ? 'ASan + UBSan' : 'UBSan'}`;
  const compiler = {
    agrees: `the compiled program (${cc}) fails the same way`,
    disagrees: `the compiled program (${cc}) does NOT fail the same way`,
    unavailable: 'no C compiler available to replay it natively',
    'not-applicable': 'compiled replay not applicable',
  }[r.compiler];
  const detail = r.detail && r.compiler !== 'agrees' ? ` (${r.detail})` : '';
  return `arc's interpreter reproduces the failure; ${compiler}${detail}`;
}

/**
 * The JSON form of any verdict, the same keys for every domain: the header,
 * the answer and its evidence (`certificate`, `witness`, `reason`; `null`
 * where it does not apply), then the domain's own keys (`extra`).
 */
export function contractJson(
  v: VerdictHeader & { readonly answer: Answer },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    domain: v.domain,
    command: v.command,
    answer: v.answer,
    question: v.question,
    explanation: v.explanation,
    certificate: 'certificate' in v ? v.certificate : null,
    witness: 'witness' in v ? v.witness : null,
    reason: 'reason' in v ? v.reason : null,
    ...extra,
    notes: v.notes,
    diagnostics: v.diagnostics,
    elapsedMs: Math.round(v.elapsedMs * 10) / 10,
    solverMs: Math.round(v.solverMs * 10) / 10,
  };
}

/** The JSON form of a code verdict. */
export function verdictToJson(v: Verdict): Record<string, unknown> {
  return contractJson(v, { properties: v.properties });
}

/** Bad input: the diagnostics on stderr (and, with --json, one object on stdout); exit 2. */
export function printBadInput(b: BadInput, json: boolean): number {
  printDiagnostics(b.diagnostics);
  if (json) {
    const out = { answer: 'bad-input', command: b.command, diagnostics: b.diagnostics };
    process.stdout.write(`${toJsonText(out)}\n`);
  }
  return EXIT_BAD_INPUT;
}

export function toJsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, val: unknown) => (typeof val === 'bigint' ? val.toString() : val),
    2,
  );
}

/** Prints a command's result (diagnostics, or the verdict as text or JSON) and returns its exit code. */
export function printResult(result: ProveResult, json: boolean): number {
  if (result.kind === 'bad-input') return printBadInput(result, json);
  const v = result.verdict;
  process.stdout.write(`${json ? toJsonText(verdictToJson(v)) : renderVerdictText(v)}\n`);
  return answerExitCode(v.answer);
}
