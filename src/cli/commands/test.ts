/**
 * `arc test`: the testing baseline of the article's "An end to testing?"
 * section — run the function on inputs and show what exhaustive testing costs.
 */
import type { DataModel } from '../../api/types.js';
import { ARTICLE_CALLS_PER_SECOND, formatBigInt, formatDuration } from '../../baseline/format.js';
import { runTestingBaseline, type BaselineReport } from '../../baseline/index.js';
import { isUnsupportedCode } from '../../core/diagnostic.js';
import { frontendOf } from '../../frontends/registry.js';
import type { BitVecType, BoolType } from '../../ir/ir.js';
import { EXIT_BAD_INPUT, EXIT_NO, EXIT_UNKNOWN, EXIT_YES } from '../../core/answer.js';
import {
  flag,
  numberOption,
  parseCommandArgs,
  printDiagnostics,
  singleFile,
  stringOption,
  UsageError,
} from '../common.js';
import { toJsonText } from '../render.js';
import { TEST_USAGE } from '../usage.js';
import { parseDataModel } from './prove.js';

const OPTIONS = {
  function: { type: 'string' },
  'returns-true': { type: 'boolean' },
  budget: { type: 'string' },
  seed: { type: 'string' },
  interpreter: { type: 'boolean' },
  'data-model': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface BaselineRequest {
  readonly file: string;
  readonly functionName: string;
  readonly returnsTrue: boolean;
  readonly budgetMs: number;
  readonly seed?: number;
  readonly forceInterpreter?: boolean;
  readonly dataModel?: DataModel;
}

export type BaselineOutcome =
  | {
      readonly kind: 'report';
      readonly report: BaselineReport;
      readonly text: string;
      readonly json: Record<string, unknown>;
    }
  | { readonly kind: 'failed'; readonly exitCode: number };

/** Lowers the file, runs the baseline and renders it (throws on bad input; for the tour). */
export async function runBaselineFor(
  request: BaselineRequest,
): Promise<{ text: string; json: Record<string, unknown> }> {
  const outcome = await baseline(request);
  if (outcome.kind === 'failed') throw new Error(`testing baseline failed on ${request.file}`);
  return outcome;
}

async function baseline(request: BaselineRequest): Promise<BaselineOutcome> {
  const dataModel = request.dataModel ?? 'LP64';
  // The baseline compiles and runs C: every file is read as C, whatever its extension.
  const lowered = await frontendOf('c').lower(request.file, {
    dataModel,
    entry: request.functionName,
  });
  if (!lowered.ok) {
    printDiagnostics(lowered.diagnostics);
    const unsupported = lowered.diagnostics.every(
      (d) => d.severity !== 'error' || isUnsupportedCode(d.code),
    );
    return { kind: 'failed', exitCode: unsupported ? EXIT_UNKNOWN : EXIT_BAD_INPUT };
  }
  const fn = lowered.program.functions.get(request.functionName);
  if (fn === undefined) throw new Error(`internal error: ${request.functionName} was not lowered`);
  const params = fn.params.map((p) => {
    if (p.type.kind === 'int')
      throw new UsageError(`test: parameter ${p.sourceName} is not a C integer`);
    return { name: p.sourceName, sourceType: p.sourceType, type: p.type as BitVecType | BoolType };
  });
  const report = await runTestingBaseline({
    file: request.file,
    functionName: request.functionName,
    params,
    returnsTrue: request.returnsTrue,
    budgetMs: request.budgetMs,
    seed: request.seed ?? 1,
    interpreter: { fn },
    dataModel,
    forceInterpreter: request.forceInterpreter === true,
  });
  return { kind: 'report', report, text: renderReport(report, request), json: reportJson(report) };
}

function renderReport(r: BaselineReport, request: BaselineRequest): string {
  const lines = [
    `Tested    ${request.functionName} in ${request.file} (${r.engine === 'native' ? 'native build' : "arc's interpreter"}, ${r.exhaustive ? 'every input' : 'random inputs'})`,
    `Calls     ${formatBigInt(BigInt(r.callsMade))} in ${(r.elapsedMs / 1000).toFixed(2)} s — ${formatBigInt(BigInt(Math.round(r.callsPerSecond)))} calls/s`,
    `Failures  ${r.failures.length === 0 ? 'none found' : r.failures.map((f) => `${f.inputs.map((i) => `${i.name} = ${i.value}`).join(', ')}: ${f.what}`).join('\n          ')}`,
    `Inputs    ${formatBigInt(r.inputSpace)} in all${r.inputSpace === 1n << 64n ? ' (2^64; the article quotes 18,446,744,065,119,617,025 = UINT_MAX², (2^32−1)²)' : ''}`,
  ];
  if (!r.exhaustive) {
    lines.push(
      `Exhaustive would take ${formatDuration(r.estimatedExhaustiveSeconds)} at this speed, ${formatDuration(r.estimatedAtArticleSpeedSeconds)} at the article's ${formatBigInt(BigInt(ARTICLE_CALLS_PER_SECOND))} calls/s`,
    );
  }
  if (r.note) lines.push(`Note      ${r.note}`);
  return lines.join('\n');
}

function reportJson(r: BaselineReport): Record<string, unknown> {
  return { ...r, inputSpace: r.inputSpace.toString() };
}

export async function runTest(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('test', args, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(TEST_USAGE);
    return 0;
  }
  const file = singleFile('test', parsed);
  const functionName = stringOption(parsed, 'function');
  if (functionName === undefined) throw new UsageError('test: --function F is required');
  const budget = numberOption(parsed, 'budget') ?? 2;
  if (!(budget > 0 && budget <= 3600))
    throw new UsageError(`--budget must be in (0, 3600] seconds, got ${budget}`);
  const seed = numberOption(parsed, 'seed');
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new UsageError(`--seed must be a whole number`);
  const outcome = await baseline({
    file,
    functionName,
    returnsTrue: flag(parsed, 'returns-true'),
    budgetMs: budget * 1000,
    forceInterpreter: flag(parsed, 'interpreter'),
    dataModel: parseDataModel(stringOption(parsed, 'data-model')),
    ...(seed !== undefined ? { seed } : {}),
  });
  if (outcome.kind === 'failed') return outcome.exitCode;
  process.stdout.write(`${flag(parsed, 'json') ? toJsonText(outcome.json) : outcome.text}\n`);
  return outcome.report.failures.length > 0
    ? EXIT_NO
    : outcome.report.exhaustive
      ? EXIT_YES
      : EXIT_UNKNOWN;
}
