/**
 * `terminates`: the pipeline behind `arc terminates`.
 * front-end → IR → termination engine → re-check / replay → verdict.
 */
import { performance } from 'node:perf_hooks';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { lowerCFile } from '../frontends/c/index.js';
import type { FrontendResult } from '../frontends/frontend.js';
import { lowerPythonFile } from '../frontends/python/index.js';
import { initSolver } from '../smt/index.js';
import { validateProveOptions } from './options.js';
import { frontEndFailure } from './prove.js';
import type { ProveResult, TerminatesOptions } from './types.js';

export async function terminates(options: TerminatesOptions): Promise<ProveResult> {
  const started = performance.now();
  const problems = validateProveOptions({ ...options });
  if (problems.length > 0) return { kind: 'bad-input', diagnostics: problems };
  void initSolver().catch(() => undefined);
  const entry = options.function ?? 'main';
  const question = `Does ${entry} always return to its caller?`;
  const lowered: FrontendResult = options.file.endsWith('.py')
    ? await lowerPythonFile(options.file, { entry, returnsTrue: false })
    : await lowerCFile(options.file, {
        dataModel: options.dataModel ?? 'LP64',
        entry,
        returnsTrue: false,
        semantics: options.semantics ?? 'c',
      });
  if (!lowered.ok) return frontEndFailure(lowered.diagnostics, entry, started, question);
  void diagnostic;
  return {
    kind: 'verdict',
    verdict: {
      answer: 'unknown',
      question,
      explanation: 'termination analysis is not implemented yet',
      reason: { code: 'not-implemented', message: 'termination analysis is not implemented yet' },
      elapsedMs: performance.now() - started,
      solverMs: 0,
      properties: [],
      diagnostics: lowered.diagnostics,
      notes: [],
    },
  };
}
