/**
 * The testing baseline of the article's "An end to testing?" section: run
 * the function on as many inputs as a time budget allows — all of them when
 * the budget covers the input space, random ones (seeded, reproducible)
 * otherwise — and report what exhaustive testing would cost.
 *
 * Natively compiled when a C compiler is on PATH (fast; only false returns
 * and assertion failures are seen), else on arc's IR interpreter (slower;
 * every IR property is checked). The report says which, and why.
 */
import { findCompiler } from '../replay/toolchain.js';
import { ARTICLE_CALLS_PER_SECOND, exhaustiveSeconds } from './format.js';
import { inputSpace } from './inputs.js';
import { runInterpreted } from './interpreted.js';
import { runNative } from './native.js';
import type { BaselineReport, BaselineRequest, EngineRun } from './types.js';

export type { BaselineFailure, BaselineParam, BaselineReport, BaselineRequest } from './types.js';

export async function runTestingBaseline(req: BaselineRequest): Promise<BaselineReport> {
  const fallbackNotes: string[] = [];
  let run: EngineRun | null = null;
  const cc =
    req.forceInterpreter === true
      ? null
      : req.compiler === undefined
        ? findCompiler()
        : req.compiler;
  if (cc !== null) {
    const native = await runNative(req, cc);
    if (native.ok) run = native.run;
    else fallbackNotes.push(`${native.why}; used the interpreter instead`);
  } else if (req.forceInterpreter !== true) {
    fallbackNotes.push('no C compiler on PATH; used the interpreter');
  }
  run ??= runInterpreted(req);
  return report(req, run, fallbackNotes);
}

function report(
  req: BaselineRequest,
  run: EngineRun,
  extraNotes: readonly string[],
): BaselineReport {
  const space = inputSpace(req.params);
  const seconds = run.elapsedNs / 1e9;
  const callsPerSecond = seconds > 0 ? run.calls / seconds : 0;
  const notes = [...run.notes, ...extraNotes];
  return {
    engine: run.engine,
    inputSpace: space,
    callsMade: run.calls,
    elapsedMs: run.elapsedNs / 1e6,
    callsPerSecond,
    exhaustive: run.mode === 'exhaustive' && run.complete && run.incomplete !== true,
    mode: run.mode,
    seed: req.seed ?? 1,
    failures: run.failures,
    failureCount: run.failureCount,
    skippedCalls: run.skipped,
    estimatedExhaustiveSeconds: exhaustiveSeconds(space, callsPerSecond),
    estimatedAtArticleSpeedSeconds: exhaustiveSeconds(space, ARTICLE_CALLS_PER_SECOND),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}
