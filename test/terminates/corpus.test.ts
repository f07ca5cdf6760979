/**
 * Golden termination corpus: every `cases/*.c` and `cases/*.py` file starts
 * with header comments (`//` in C, `#` in Python) that are the test's data
 * (the format is in cases.ts).
 *
 * The runner asks `terminates` about each case and checks the answer and the
 * evidence that comes with it; a `no` answer's witness is also replayed here,
 * in arc's interpreter, independently of the engine's own replay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminates } from '../../src/api/terminates.js';
import type { NoVerdict, UnknownVerdict, Verdict, YesVerdict } from '../../src/verdict/verdict.js';
import { caseNames, loadCase, TIMEOUT_SECONDS, type TerminationCase } from './cases.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import { describeVerdict, lowerEntry, replayWitness, violatedKind } from './helpers.js';

/** Steps the interpreter runs a non-termination witness before calling it non-terminating. */
const WITNESS_STEPS = 200_000;
/** Steps an overflow witness may take to reach its overflow (the engine's own replay has to reach it too). */
const OVERFLOW_STEPS = 5_000_000;

async function checkYes(c: TerminationCase, v: YesVerdict, context: string): Promise<void> {
  const cert = v.certificate;
  assert.equal(cert.kind, 'termination', `certificate of kind ${cert.kind} for ${context}`);
  if (cert.kind !== 'termination') return;
  if (cert.run !== undefined) {
    // One run as the proof: check here that the function has no input and that
    // its run ends after exactly the claimed number of steps.
    assert.equal(cert.loops.length, 0, `a run certificate with loop arguments: ${context}`);
    const fn = await lowerEntry(c.file, c.entry, c.semantics);
    assert.equal(
      fn.params.length,
      0,
      `a run certificate for a function with parameters: ${context}`,
    );
    assert.ok(
      fn.edges.every((e) => e.action.kind !== 'havoc'),
      `a run certificate for a function that reads a nondeterministic value: ${context}`,
    );
    const stats = { steps: 0 };
    const outcome = runFunction(fn, new Map(), [], { recordPath: false, stats });
    assert.ok(
      outcome.kind === 'returned' || outcome.kind === 'halted',
      `the one run ends as '${outcome.kind}': ${context}`,
    );
    assert.equal(stats.steps, cert.run.steps, `the run's length: ${context}`);
  } else if (c.hasLoop) {
    assert.ok(cert.loops.length > 0, `a program with a loop needs a loop argument: ${context}`);
  } else {
    assert.equal(cert.loops.length, 0, `loop arguments for a program without loops: ${context}`);
  }
  for (const l of cert.loops) {
    assert.ok(l.components.length > 0, `a loop argument without ranking functions: ${context}`);
    if (l.kind === 'linear') {
      assert.equal(l.components.length, 1, `a linear argument has one component: ${context}`);
    }
    for (const f of l.components) {
      assert.ok(f.trim().length > 0, `an empty ranking function for ${context}`);
    }
  }
  assert.ok(cert.recheck.trim().length > 0, `certificate without recheck for ${context}`);
  for (const q of cert.queries) {
    assert.match(q.smtlib, /check-sat/, `query without check-sat for ${context}`);
  }
}

async function checkNo(c: TerminationCase, v: NoVerdict, context: string): Promise<void> {
  const cx = v.witness;
  assert.equal(cx.property.kind, c.kind, `wrong kind of violated property for ${context}`);
  assert.equal(cx.replay.interpreter, 'agrees', `interpreter replay for ${context}`);
  const fn = await lowerEntry(c.file, c.entry, c.semantics);
  if (c.kind === 'termination') {
    const nt = cx.nonTermination;
    assert.ok(nt !== undefined, `a non-termination answer without a recurrent set: ${context}`);
    assert.ok(nt.sets.length > 0, `a non-termination witness with no sets: ${context}`);
    for (const s of nt.sets) assert.ok(s.set.trim().length > 0, `an empty set for ${context}`);
    // Independent replay: the run from the witness must not return, halt or hit undefined behaviour.
    const outcome = replayWitness(fn, cx, WITNESS_STEPS);
    assert.ok(
      outcome.kind === 'out-of-steps' || outcome.kind === 'nondet-exhausted',
      `the witness run ends as '${outcome.kind}'` +
        (outcome.kind === 'violated' ? ` (${outcome.property})` : '') +
        ` within ${WITNESS_STEPS} steps, but it should not end: ${context}`,
    );
  } else {
    assert.ok(
      cx.replay.compiler !== 'disagrees',
      `the compiler's build disagrees with an overflow: ${context}`,
    );
    // Independent replay: the witness must reach a signed overflow (undefined behaviour).
    const outcome = replayWitness(fn, cx, OVERFLOW_STEPS);
    assert.equal(
      violatedKind(fn, outcome),
      'overflow',
      `the witness run ends as '${outcome.kind}', not in an overflow: ${context}`,
    );
  }
}

function checkUnknown(c: TerminationCase, v: UnknownVerdict, ctx: string): void {
  if (c.reason !== undefined) assert.equal(v.reason.code, c.reason, `wrong reason for ${ctx}`);
}

async function checkCase(c: TerminationCase, v: Verdict): Promise<void> {
  const context = `${c.name} (${c.why})\n  ${describeVerdict(v)}`;
  if (c.gap !== undefined && v.answer === 'unknown') return checkUnknown(c, v, context);
  assert.equal(v.answer, c.expect, `wrong answer for ${context}`);
  switch (v.answer) {
    case 'yes':
      return checkYes(c, v, context);
    case 'no':
      return checkNo(c, v, context);
    case 'unknown':
      return checkUnknown(c, v, context);
  }
}

test('the termination corpus is large and balanced', () => {
  const cases = caseNames.map(loadCase);
  const count = (p: (c: TerminationCase) => boolean): number => cases.filter(p).length;
  assert.ok(cases.length >= 48, `only ${cases.length} cases`);
  assert.ok(count((c) => c.expect === 'yes') >= 22, 'fewer than 22 yes cases');
  assert.ok(count((c) => c.expect === 'no') >= 18, 'fewer than 18 no cases');
  assert.ok(count((c) => c.expect === 'unknown') >= 6, 'fewer than 6 unknown cases');
  assert.ok(count((c) => c.kind === 'termination') > 0, 'no non-termination case');
  assert.ok(count((c) => c.kind === 'overflow') > 0, 'no overflow case');
  const math = count((c) => c.language === 'c' && c.semantics === 'math');
  const bitPrecise = count((c) => c.language === 'c' && c.semantics === 'c');
  assert.ok(math >= 12, `only ${math} cases in mathematical-integer semantics`);
  assert.ok(bitPrecise >= 20, `only ${bitPrecise} cases in C semantics`);
  assert.ok(count((c) => c.language === 'python') >= 6, 'fewer than 6 Python cases');
  assert.ok(count((c) => !c.hasLoop && c.expect === 'yes') > 0, 'no loop-free case');
});

for (const name of caseNames) {
  test(`terminates corpus: ${name}`, { timeout: 5 * TIMEOUT_SECONDS * 1000 }, async () => {
    const c = loadCase(name);
    const result = await terminates(c.options);
    if (result.kind === 'bad-input') {
      assert.fail(
        `${name}: bad input: ${result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`,
      );
    }
    await checkCase(c, result.verdict);
  });
}
