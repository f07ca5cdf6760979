/**
 * `prove`: the pipeline behind `arc prove` and the library API.
 * front-end → IR → engine → trust gate (replay / re-check) → verdict.
 * Bad input is returned as diagnostics; every other outcome is a verdict.
 */
import { performance } from 'node:perf_hooks';
import { isUnsupportedCode, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EngineResult, UnknownReason } from '../engines/engine.js';
import { bmcEngine } from '../engines/bmc/index.js';
import { lowerCFile } from '../frontends/c/index.js';
import { initSolver } from '../smt/index.js';
import { judge, type JudgeContext } from '../verdict/judge.js';
import { phraseQuestion } from '../verdict/question.js';
import { testingCostNote } from '../verdict/testing-cost.js';
import type { UnknownVerdict } from '../verdict/verdict.js';
import {
  DEFAULT_MAX_UNWIND,
  DEFAULT_TIMEOUT_SECONDS,
  selectedKinds,
  validateProveOptions,
} from './options.js';
import type { ProveOptions, ProveResult } from './types.js';

export async function prove(options: ProveOptions): Promise<ProveResult> {
  const started = performance.now();
  const problems = validateProveOptions(options);
  if (problems.length > 0) return { kind: 'bad-input', diagnostics: problems };
  // Load Z3 while the front-end works; the engine awaits the same instance.
  void initSolver().catch(() => undefined);
  const entry = options.function ?? 'main';
  const dataModel = options.dataModel ?? 'LP64';
  const lowered = await lowerCFile(options.file, {
    dataModel,
    entry,
    returnsTrue: options.returnsTrue === true,
  });
  if (!lowered.ok) return frontEndFailure(lowered.diagnostics, entry, started);
  const fn = lowered.program.functions.get(entry);
  if (fn === undefined) {
    throw new Error(`internal error: the front-end did not produce function ${entry}`);
  }
  const kinds = selectedKinds(options);
  const checked = fn.properties.filter((p) => kinds.has(p.kind));
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const result: EngineResult =
    checked.length === 0
      ? nothingToCheck()
      : await bmcEngine.check(fn, {
          timeoutMs,
          properties: new Set(checked.map((p) => p.id)),
          maxUnwind: options.maxUnwind ?? DEFAULT_MAX_UNWIND,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.dumpSmtDir ? { dumpSmtDir: options.dumpSmtDir } : {}),
        });
  const context: JudgeContext = {
    fn,
    question: phraseQuestion(fn, kinds, checked),
    checked,
    source: lowered.source,
    diagnostics: lowered.diagnostics,
    started,
    dataModel,
    compilerReplay: options.compilerReplay !== false,
    timeoutMs,
  };
  const verdict = await judge(result, context);
  const cost = verdict.answer === 'yes' ? testingCostNote(fn, verdict.elapsedMs) : null;
  return {
    kind: 'verdict',
    verdict: cost === null ? verdict : { ...verdict, notes: [...verdict.notes, cost] },
  };
}

/** Unsupported constructs give don't know (exit 3); anything else is bad input (exit 2). */
function frontEndFailure(
  diagnostics: readonly Diagnostic[],
  entry: string,
  started: number,
): ProveResult {
  const unsupported = diagnostics.find((d) => d.severity === 'error' && isUnsupportedCode(d.code));
  const fatal = diagnostics.find((d) => d.severity === 'error' && !isUnsupportedCode(d.code));
  if (fatal !== undefined || unsupported === undefined) return { kind: 'bad-input', diagnostics };
  const reason: UnknownReason = {
    code: unsupported.code === 'recursion' ? 'recursion' : 'unsupported',
    message: unsupported.message,
  };
  const verdict: UnknownVerdict = {
    answer: 'unknown',
    question: `Does ${entry} satisfy its properties?`,
    explanation: `arc cannot model this program: ${unsupported.message}`,
    reason: unsupported.span ? { ...reason, span: unsupported.span } : reason,
    elapsedMs: performance.now() - started,
    solverMs: 0,
    properties: [],
    diagnostics,
    notes: [],
  };
  return { kind: 'verdict', verdict };
}

/** With no property of the selected kinds in the function, there is nothing for a solver to do. */
function nothingToCheck(): EngineResult {
  return {
    status: 'safe',
    sound: true,
    certificate: { kind: 'bmc', unwind: 0, queries: [] },
    solverMs: 0,
  };
}
