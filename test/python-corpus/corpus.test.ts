/**
 * Golden corpus of the Python front-end: every `cases/*.py` file starts with
 * header comments that are the test's data (the format is in cases.ts).
 *
 * The runner asks arc through the library API and checks the answer and its
 * evidence (a certificate for yes, a replayed counterexample for no, the
 * reason for don't know). When python3 is installed, the expectation itself
 * is checked against Python: a yes by running the function on every input of
 * the range (no exception, and a truthy result with --returns-true); arc's
 * counterexample of a no by running it (a falsy result, the matching
 * exception, or a run that does not end within a few seconds).
 *
 * `pending/` holds cases whose proof needs a loop invariant over an unbounded
 * loop. arc may answer them don't know today, never the wrong answer; their
 * expectations are checked against python3 the same way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prove } from '../../src/index.js';
import { terminates } from '../../src/api/terminates.js';
import type { ProveResult } from '../../src/api/types.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import {
  CASES_DIR,
  PENDING_DIR,
  caseNames,
  loadCase,
  type Args,
  type Expectation,
  type PyCase,
} from './cases.js';
import {
  hasPython,
  interval,
  outcomeOfKind,
  product,
  runPython,
  runsForever,
  type Outcome,
} from './python.js';

/** Parameters of `def fn(...)` in `source`: names and whether each is hinted `bool`. */
export function parameters(source: string, fn: string): { name: string; bool: boolean }[] {
  const m = new RegExp(`^def\\s+${fn}\\s*\\(([^)]*)\\)`, 'm').exec(source);
  if (m === null) throw new Error(`no definition of ${fn} found`);
  const list = m[1].trim();
  if (list === '') return [];
  return list.split(',').map((p) => {
    const id = /^\s*([A-Za-z_]\w*)\s*(?::\s*(\w+))?\s*$/.exec(p);
    if (id === null) throw new Error(`cannot read parameter '${p}'`);
    return { name: id[1], bool: id[2] === 'bool' };
  });
}

async function ask(c: PyCase): Promise<Verdict> {
  const { args } = c;
  const common = { file: c.file, function: args.fn, timeoutSeconds: args.timeoutSeconds };
  const result: ProveResult =
    c.command === 'terminates'
      ? await terminates(common)
      : await prove({
          ...common,
          ...(args.returnsTrue ? { returnsTrue: true } : {}),
          ...(args.properties.length > 0 ? { properties: args.properties } : {}),
          ...(args.maxUnwind !== undefined ? { maxUnwind: args.maxUnwind } : {}),
        });
  if (result.kind === 'bad-input')
    assert.fail(
      `${c.name}: bad input: ${result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`,
    );
  return result.verdict;
}

function describe(v: Verdict): string {
  const parts = [`answer ${v.answer}: ${v.explanation}`];
  if (v.answer === 'unknown') parts.push(`reason ${v.reason.code}: ${v.reason.message}`);
  if (v.answer === 'no') {
    const cx = v.witness;
    parts.push(
      `property ${cx.property.id}; inputs ${cx.inputs.map((i) => `${i.name}=${i.value}`).join(', ')}` +
        `; replay ${cx.replay.interpreter}/${cx.replay.compiler} ${cx.replay.detail ?? ''}`,
    );
  }
  return parts.join('\n  ');
}

/** arc's evidence for its answer: certificate, replayed counterexample, or reason. */
function checkEvidence(c: PyCase, v: Verdict, context: string): void {
  switch (v.answer) {
    case 'no': {
      const cx = v.witness;
      assert.equal(cx.property.id, c.property, `wrong violated property for ${context}`);
      assert.equal(cx.replay.interpreter, 'agrees', `interpreter replay for ${context}`);
      assert.equal(cx.replay.compiler, 'not-applicable', `compiler replay for ${context}`);
      const params = parameters(c.source, c.args.fn).map((p) => p.name);
      assert.deepEqual(
        cx.inputs.map((i) => i.name).sort(),
        [...params].sort(),
        `inputs must be named by parameter for ${context}`,
      );
      for (const i of cx.inputs)
        assert.match(i.text, /^-?\d+$/, `input ${i.name} is not a decimal for ${context}`);
      break;
    }
    case 'yes': {
      const cert = v.certificate;
      assert.ok(
        cert.queries.length > 0 || /nothing to prove/.test(cert.summary),
        `certificate without queries for ${context}`,
      );
      assert.ok(cert.recheck.trim().length > 0, `certificate without recheck for ${context}`);
      for (const q of cert.queries)
        assert.match(q.smtlib, /check-sat/, `query without check-sat for ${context}`);
      break;
    }
    case 'unknown':
      if (c.reason !== undefined)
        assert.equal(v.reason.code, c.reason, `wrong unknown reason for ${context}`);
      break;
  }
}

/** Outcomes a yes of `prove` rules out, as python3 reports them. */
function forbiddenOutcomes(args: Args): (o: Outcome) => boolean {
  const groups = args.properties;
  const all = groups.length === 0;
  const raises = new Set<string>();
  if (all || groups.includes('assertions')) raises.add('AssertionError').add('ValueError');
  if (all || groups.includes('no-div-by-zero') || groups.includes('no-undefined-behaviour'))
    raises.add('ZeroDivisionError');
  const falsy = args.returnsTrue || groups.includes('returns-true');
  return (o) => (o === 'F' ? falsy : o !== 'T' && (all || raises.has(o)));
}

/**
 * The expectation holds in Python, checked on python3: a yes on every input
 * of the range; a no on arc's counterexample in `v` (not checked without one).
 */
function checkAgainstPython(
  c: PyCase,
  expect: Expectation,
  v: Verdict | null,
  context: string,
): void {
  const params = parameters(c.source, c.args.fn);
  if (expect === 'yes') {
    const domain = (bool: boolean): bigint[] => (bool ? [0n, 1n] : interval(...c.inputs));
    const inputs = product(params.map((p) => domain(p.bool)));
    assert.ok(inputs.length <= 20_000, `${c.name}: ${inputs.length} inputs are too many`);
    // For terminates, finishing within the python3 timeout is the check.
    const [outcomes] = runPython([{ source: c.source, fn: c.args.fn, inputs }]);
    if (c.command === 'prove') {
      const bad = forbiddenOutcomes(c.args);
      const wrong = inputs.filter((_, i) => bad(outcomes[i]));
      assert.deepEqual(
        wrong.slice(0, 3).map((xs) => xs.join(', ')),
        [],
        `python3 contradicts yes for ${context}`,
      );
    }
    return;
  }
  if (expect !== 'no' || v === null || v.answer !== 'no') return;
  const cx = v.witness;
  const byName = new Map(cx.inputs.map((i) => [i.name, BigInt(i.text)]));
  const args = params.map((p) => byName.get(p.name) ?? 0n);
  const call = `${c.args.fn}(${args.join(', ')})`;
  if (cx.property.kind === 'termination') {
    assert.ok(
      runsForever(c.source, c.args.fn, args, 3000),
      `python3 finishes ${call}, arc's non-termination witness, for ${context}`,
    );
    return;
  }
  const [[outcome]] = runPython([{ source: c.source, fn: c.args.fn, inputs: [args] }]);
  assert.equal(
    outcome,
    outcomeOfKind(cx.property.kind),
    `python3 on ${call}, arc's counterexample, for ${context}`,
  );
}

const cases = caseNames(CASES_DIR);
const pending = caseNames(PENDING_DIR);

test('the Python corpus: at least 32 cases, every answer and both commands; the pending ones still pending', () => {
  assert.ok(cases.length >= 32, `only ${cases.length} cases`);
  const loaded = cases.map((n) => loadCase(CASES_DIR, n));
  for (const e of ['yes', 'no', 'unknown'])
    assert.ok(
      loaded.some((c) => c.expect === e),
      `no '${e}' case`,
    );
  for (const command of ['prove', 'terminates'])
    for (const e of ['yes', 'no'])
      assert.ok(
        loaded.some((c) => c.command === command && c.expect === e),
        `no '${e}' case of ${command}`,
      );
  assert.ok(pending.length <= 8, `${pending.length} pending cases`);
  for (const n of pending) loadCase(PENDING_DIR, n);
});

const noPython = hasPython
  ? false
  : 'python3 is not on PATH: expectations not checked against Python';

for (const name of cases) {
  test(`python corpus: ${name}`, async (t) => {
    const c = loadCase(CASES_DIR, name);
    const v = await ask(c);
    const context = `${c.name} (${c.note})\n  ${describe(v)}`;
    assert.equal(v.answer, c.expect, `wrong answer for ${context}`);
    checkEvidence(c, v, context);
    if (noPython) t.diagnostic(noPython);
    else checkAgainstPython(c, c.expect, v, context);
  });
}

for (const name of pending) {
  test(`python corpus, pending: ${name}`, async (t) => {
    const c = loadCase(PENDING_DIR, name);
    if (!noPython) checkAgainstPython(c, c.expect, null, c.name);
    const v = await ask(c);
    const context = `${c.name} (${c.note})\n  ${describe(v)}`;
    // Don't know is allowed until the invariant engine lands; a wrong answer never is.
    assert.ok(v.answer === c.expect || v.answer === 'unknown', `wrong answer for ${context}`);
    if (v.answer === c.expect) {
      checkEvidence(c, v, context);
      t.diagnostic(`${name} is now answered ${v.answer}: it can move to cases/`);
    }
  });
}
