/**
 * `terminates`: the pipeline behind `arc terminates`.
 * front-end → IR → the portfolio's termination decision (the termination
 * engine, then bounded model checking of the undefined behaviour it left
 * open) → the gate → verdict:
 *
 * - yes: every loop has a ranking argument, re-checked by direct queries
 *   together with the invariants it uses, and no undefined behaviour is
 *   possible;
 * - no: a recurrent set that the interpreter's replay of the witness run
 *   enters and stays in, or undefined behaviour (signed overflow, division by
 *   zero, ...) with a counterexample replayed like `arc prove`'s;
 * - don't know otherwise, with the reason — in particular when the only
 *   non-terminating runs found depend on a function the file does not define.
 */
import { performance } from 'node:perf_hooks';
import { Budget } from '../core/budget.js';
import type { FrontendResult } from '../frontends/frontend.js';
import { frontendFor } from '../frontends/registry.js';
import { initSolver } from '../smt/index.js';
import type { CodeContext } from '../verdict/code-gate.js';
import { decideTermination } from '../verdict/portfolio.js';
import type { UnknownVerdict } from '../verdict/verdict.js';
import { DEFAULT_TIMEOUT_SECONDS, validateProveOptions } from './options.js';
import { frontEndFailure } from './prove.js';
import type { ProveResult, TerminatesOptions } from './types.js';

export async function terminates(options: TerminatesOptions): Promise<ProveResult> {
  const started = performance.now();
  const problems = validateProveOptions({ ...options });
  if (problems.length > 0)
    return { kind: 'bad-input', command: 'terminates', diagnostics: problems };
  void initSolver().catch(() => undefined);
  const entry = options.function ?? 'main';
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const question = `Does ${entry} always return to its caller?`;
  const frontend = frontendFor(options.file);
  const lowered: FrontendResult = await frontend.lower(options.file, {
    dataModel: options.dataModel ?? 'LP64',
    entry,
    returnsTrue: false,
    semantics: options.semantics ?? 'c',
  });
  if (!lowered.ok) {
    const r = frontEndFailure(lowered.diagnostics, entry, started, {
      command: 'terminates',
      question,
    });
    if (r.kind !== 'verdict' || r.verdict.answer !== 'unknown') return r;
    if (r.verdict.reason.code !== 'recursion') return r;
    const v: UnknownVerdict = {
      ...r.verdict,
      reason: {
        ...r.verdict.reason,
        message: `${r.verdict.reason.message}; termination of recursive functions is not analysed yet`,
      },
    };
    return { kind: 'verdict', verdict: v };
  }
  const fn = lowered.program.functions.get(entry);
  if (fn === undefined)
    throw new Error(`internal error: the front-end did not produce function ${entry}`);
  await initSolver();
  const context: CodeContext = {
    fn,
    domain: 'termination',
    command: 'terminates',
    question,
    checked: [],
    source: lowered.source,
    syntax: frontend.syntax,
    diagnostics: lowered.diagnostics,
    started,
    dataModel: options.dataModel ?? 'LP64',
    compilerReplay: options.semantics !== 'math' && lowered.program.language === 'c',
    timeoutMs,
  };
  const verdict = await decideTermination(context, {
    engines: 'portfolio',
    budget: new Budget(started + timeoutMs, options.signal),
  });
  return { kind: 'verdict', verdict };
}
