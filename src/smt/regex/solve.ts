/**
 * Satisfiability modulo the regular-membership abstraction (abstract.ts):
 * the string variables that occur only in ground memberships are decided
 * by our automata, the rest of the query by Z3 (with the remaining
 * wildcard memberships in their Z3-friendly form, tune.ts).
 *
 * - sat: the abstracted variables get their selected cell's witness, the
 *   others their Z3 values (callers replay the model before trusting it);
 * - unsat: holds given each abstracted variable's cover lemma;
 *   `recheckStringsUnsat` re-checks the rewritten query in a fresh context
 *   and every cover lemma with Z3's own string solver.
 */
import { trace } from '../../core/trace.js';
import { toSmtlib, type Query } from '../print.js';
import type { Term } from '../term.js';
import { stringValue, type Value } from '../../ir/value.js';
import {
  checkSat,
  modelScalars,
  modelStrings,
  recheckUnsat,
  runScript,
  type CheckOptions,
  type CheckResult,
  type RecheckResult,
} from '../solver.js';
import {
  abstractStrings,
  coverLemma,
  decode,
  type AbstractionLimits,
  type StringAbstraction,
} from './abstract.js';
import { tuneForZ3 } from './tune.js';

export interface StringsCheckResult extends CheckResult {
  /** How the string variables were decided (absent when Z3 decided them all). */
  readonly abstraction?: StringAbstraction;
}

function describe(a: StringAbstraction): string[] {
  return a.variables.map(
    (v) =>
      `${v.name}: ${v.atoms.length} membership atoms, ${v.cells.length} cells${v.selector ? ` (selector ${v.selector})` : ''}`,
  );
}

export async function checkSatStrings(
  query: Query,
  opts: CheckOptions & { readonly limits?: AbstractionLimits },
): Promise<StringsCheckResult> {
  const t0 = performance.now();
  const abstraction = abstractStrings(query.assertions, opts.limits);
  const assertions = tuneForZ3(abstraction.assertions);
  trace(
    'strings',
    () =>
      `abstraction ${(performance.now() - t0).toFixed(1)} ms: ${describe(abstraction).join('; ')}; kept ${[...abstraction.kept.keys()].join(', ')}`,
  );
  if (abstraction.variables.length === 0) return checkSat({ ...query, assertions }, opts);
  const abstracted = new Set([
    ...abstraction.variables.map((v) => v.name),
    ...abstraction.eliminated.map((d) => d.name),
  ]);
  // What the eliminated definitions read.
  const read = abstraction.eliminated.flatMap((d) =>
    d.cases.flatMap((c) => [
      ...(c.guard ? [c.guard.variable] : []),
      ...c.value.flatMap((t) => (t.kind === 'var' ? [t.name] : [])),
    ]),
  );
  const selectors = abstraction.variables.flatMap((v) => (v.selector ? [v.selector] : []));
  const r = await checkSat(
    {
      assertions,
      comments: [
        ...(query.comments ?? []),
        'string variables decided by their cells (regular-membership abstraction):',
        ...describe(abstraction),
      ],
    },
    {
      ...opts,
      modelOf: [
        ...new Set([...(opts.modelOf ?? []), ...read].filter((n) => !abstracted.has(n))),
        ...selectors,
      ],
    },
  );
  trace('strings', () => `rewritten query: ${r.status} in ${r.solverMs.toFixed(0)} ms`);
  if (r.status !== 'sat') return { ...r, abstraction };
  // The abstracted string variables' values, decoded from their cells, join the model.
  const model = new Map<string, Value>(r.model ?? []);
  for (const [name, value] of decode(abstraction, modelScalars(r.model), modelStrings(r.model)))
    model.set(name, stringValue(value));
  for (const s of selectors) model.delete(s);
  return { ...r, model, abstraction };
}

/**
 * Re-checks an unsat answer of `checkSatStrings`: the query Z3 answered, in
 * a fresh context with another strategy, then each cover lemma, by Z3's
 * string solver (independent of our automata).
 */
export async function recheckStringsUnsat(
  result: StringsCheckResult,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RecheckResult> {
  const t0 = performance.now();
  const main = await recheckUnsat(result.smtlib, timeoutMs, signal);
  trace(
    'strings',
    () => `recheck of the rewritten query: ${main.status} in ${main.solverMs.toFixed(0)} ms`,
  );
  if (main.status !== 'unsat' || result.abstraction === undefined) return main;
  // Every part of every cover lemma in one script; each must be unsat.
  const parts: { what: string; query: Term[] }[] = [];
  for (const v of result.abstraction.variables) {
    const { cover, facts, cores } = coverLemma(v);
    parts.push({ what: `the cover of ${v.name}`, query: cover });
    if (facts.length > 0)
      parts.push({ what: `the memberships of the texts ${v.name} is compared with`, query: facts });
    for (const [k, core] of cores.entries())
      parts.push({ what: `core ${k} of ${v.name}`, query: core });
  }
  const script = parts
    .map((p) => {
      const text = toSmtlib({ assertions: p.query, comments: [p.what] });
      const body = text.split('\n').filter((l) => !l.startsWith('(set-logic'));
      return `(push)\n${body.join('\n')}(pop)\n`;
    })
    .join('');
  const left = Math.max(1, Math.floor(timeoutMs - (performance.now() - t0)));
  trace('strings-lemmas', () => script);
  const r = await runScript(script, left, signal);
  const solverMs = main.solverMs + r.solverMs;
  trace('strings', () => `${parts.length} lemma queries: ${r.solverMs.toFixed(0)} ms`);
  const answers = r.output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const wrong = parts.findIndex((_, k) => answers[k] !== 'unsat');
  if (wrong >= 0)
    return {
      status: 'unknown',
      reason: `${parts[wrong].what} was not confirmed (${answers[wrong] ?? r.reason ?? 'no answer'})`,
      solverMs,
      strategy: main.strategy,
    };
  const lemmas = result.abstraction.variables.length;
  return {
    status: 'unsat',
    solverMs,
    strategy: `${main.strategy}; the cells of the ${lemmas} string variable${lemmas === 1 ? '' : 's'} decided by automata re-checked by Z3 (cover by SAT, each empty core by its string solver)`,
  };
}
