/**
 * The trust gate: engine results that cannot be backed up never reach the user
 * as yes or no. Each test feeds the code gate (`judgeResult`) a hand-made
 * engine result.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { performance } from 'node:perf_hooks';
import type { EngineResult, RawWitness } from '../../src/engines/engine.js';
import type { IrFunction, Property } from '../../src/ir/ir.js';
import { C_SYNTAX } from '../../src/frontends/c/back-translator.js';
import { judgeResult, type CodeContext } from '../../src/verdict/code-gate.js';
import {
  assert as assertAction,
  assign as assignAction,
  assume as assumeAction,
  bin,
  c,
  cmp,
  fn,
  havoc as havocAction,
  i32,
  v,
} from '../semantics/builder.js';
import { overflowProperty as property, plusOne } from './fixtures.js';

function context(f: IrFunction = plusOne): CodeContext {
  return {
    fn: f,
    domain: 'code',
    command: 'prove',
    syntax: C_SYNTAX,
    question: 'q?',
    checked: f.properties,
    source: { file: 't.c', lines: ['int f(int x) { return x + 1; }'] },
    diagnostics: [],
    started: performance.now(),
    dataModel: 'LP64',
    compilerReplay: false,
    timeoutMs: 5000,
  };
}

function witness(x: bigint): RawWitness {
  return { inputs: new Map([['x', x]]), nondet: [], property: property.id, path: [] };
}

const UNSAT_QUERY =
  '(declare-fun x () (_ BitVec 8))\n(assert (distinct (bvadd x #x01) (bvadd #x01 x)))\n(check-sat)\n';
const SAT_QUERY =
  '(declare-fun x () (_ BitVec 8))\n(assert (= (bvadd x #x01) #x00))\n(check-sat)\n';

function safe(smtlib: string, sound = true): EngineResult {
  return {
    status: 'safe',
    sound,
    solverMs: 1,
    certificate: {
      kind: 'bmc',
      unwind: 0,
      queries: [{ meaning: 'no violation', smtlib, solverMs: 1 }],
    },
  };
}

test('a witness that replays becomes no, with inputs by parameter name', async () => {
  const v1 = await judgeResult(
    { status: 'unsafe', precise: true, witness: witness(2147483647n), solverMs: 1 },
    context(),
  );
  assert.equal(v1.answer, 'no');
  if (v1.answer !== 'no') return;
  assert.deepEqual(v1.witness.inputs, [
    { name: 'x', type: 'int', value: 2147483647n, text: '2147483647' },
  ]);
  assert.equal(v1.witness.property.id, 'f.overflow.1');
  assert.equal(v1.witness.replay.interpreter, 'agrees');
});

test("a witness that does not replay becomes don't know (replay-failed)", async () => {
  const v1 = await judgeResult(
    { status: 'unsafe', precise: true, witness: witness(5n), solverMs: 1 },
    context(),
  );
  assert.equal(v1.answer, 'unknown');
  if (v1.answer === 'unknown') assert.equal(v1.reason.code, 'replay-failed');
});

test("an imprecise witness becomes don't know even when it replays", async () => {
  const v1 = await judgeResult(
    { status: 'unsafe', precise: false, witness: witness(2147483647n), solverMs: 1 },
    context(),
  );
  assert.equal(v1.answer, 'unknown');
  if (v1.answer === 'unknown') assert.equal(v1.reason.code, 'undefined-function');
});

test('a certificate whose query is unsatisfiable again becomes yes', async () => {
  const v1 = await judgeResult(safe(UNSAT_QUERY), context());
  assert.equal(v1.answer, 'yes');
  if (v1.answer === 'yes') assert.match(v1.certificate.recheck, /re-checked unsat/);
});

test("a certificate whose query is satisfiable becomes don't know (recheck-failed)", async () => {
  const v1 = await judgeResult(safe(SAT_QUERY), context());
  assert.equal(v1.answer, 'unknown');
  if (v1.answer === 'unknown') assert.equal(v1.reason.code, 'recheck-failed');
});

test('an unsound safe result never becomes yes', async () => {
  const v1 = await judgeResult(safe(UNSAT_QUERY, false), context());
  assert.equal(v1.answer, 'unknown');
});

test('an engine unknown is passed on with its reason', async () => {
  const v1 = await judgeResult(
    { status: 'unknown', reason: { code: 'timeout', message: 'out of time' }, solverMs: 1 },
    context(),
  );
  assert.equal(v1.answer, 'unknown');
  if (v1.answer === 'unknown') assert.equal(v1.reason.code, 'timeout');
});

test("a proof contradicted by enumerating a small input space becomes don't know", async () => {
  const i8 = { kind: 'bv', width: 8, signed: true } as const;
  const notFive: Property = { ...property, id: 'f.assertion.1', kind: 'assertion' };
  const f: IrFunction = {
    ...fn({
      params: [['x', i8]],
      nodeKinds: { 1: 'return' },
      edges: [[0, 1, assertAction(cmp('ne', v('x', i8), c(i8, 5)), notFive.id)]],
    }),
    properties: [notFive],
  };
  const v1 = await judgeResult(safe(UNSAT_QUERY), context(f));
  assert.equal(v1.answer, 'unknown');
  if (v1.answer === 'unknown') {
    assert.equal(v1.reason.code, 'recheck-failed');
    assert.match(v1.reason.message, /input 5 violates f\.assertion\.1/);
  }
});

test('a true proof over a small input space is confirmed by enumeration', async () => {
  const u8 = { kind: 'bv', width: 8, signed: false } as const;
  const nonNegative: Property = { ...property, id: 'f.assertion.1', kind: 'assertion' };
  const f: IrFunction = {
    ...fn({
      params: [['x', u8]],
      nodeKinds: { 1: 'return' },
      edges: [[0, 1, assertAction(cmp('ge', v('x', u8), c(u8, 0)), nonNegative.id)]],
    }),
    properties: [nonNegative],
  };
  const v1 = await judgeResult(safe(UNSAT_QUERY), context(f));
  assert.equal(v1.answer, 'yes');
  if (v1.answer === 'yes') assert.match(v1.certificate.recheck, /all 256 inputs/);
});

/** A termination certificate that is one run of `steps` interpreter steps. */
function oneRun(steps: number): EngineResult {
  return {
    status: 'safe',
    sound: true,
    solverMs: 0,
    certificate: {
      kind: 'termination',
      summary: 'one run',
      loops: [],
      invariants: [],
      queries: [],
      openChecks: [],
      run: { steps },
    },
  };
}

/** int count(void) { int i = 0; while (i < 3) i = i + 1; return i; } — 8 steps. */
function countTo3(params: [string, typeof i32][] = []): IrFunction {
  return fn({
    name: 'count',
    params,
    locals: [['i', i32]],
    returnType: i32,
    returnVar: 'i',
    nodeKinds: { 2: 'return' },
    edges: [
      [0, 1, assignAction('i', c(i32, 0))],
      [1, 3, assumeAction(cmp('lt', v('i', i32), c(i32, 3)))],
      [3, 1, assignAction('i', bin('add', v('i', i32), c(i32, 1)))],
      [1, 2, assumeAction(cmp('ge', v('i', i32), c(i32, 3)))],
    ],
  });
}

function terminationContext(f: IrFunction): CodeContext {
  return { ...context(f), domain: 'termination', command: 'terminates', checked: [] };
}

test('one run as a termination certificate: the gate runs it again and checks the function has no input', async () => {
  const honest = await judgeResult(oneRun(8), terminationContext(countTo3()));
  assert.equal(honest.answer, 'yes');
  if (honest.answer === 'yes' && honest.certificate.kind === 'termination') {
    assert.deepEqual(honest.certificate.run, { steps: 8 });
    assert.match(honest.certificate.recheck, /ran it again and it returned after 8 steps/);
  }
  // The run needs more steps than the certificate claims.
  const short = await judgeResult(oneRun(7), terminationContext(countTo3()));
  assert.equal(short.answer, 'unknown');
  if (short.answer === 'unknown') {
    assert.equal(short.reason.code, 'recheck-failed');
    assert.match(short.reason.message, /claimed to end after 7 steps, but the run out-of-steps/);
  }
  // A parameter means many runs: one run proves nothing about the others.
  const many = await judgeResult(oneRun(8), terminationContext(countTo3([['x', i32]])));
  assert.equal(many.answer, 'unknown');
  if (many.answer === 'unknown') {
    assert.equal(many.reason.code, 'recheck-failed');
    assert.match(many.reason.message, /more than one run: it has parameters \(x\)/);
  }
  // So does a nondeterministic value.
  const base = countTo3();
  const nondet: IrFunction = {
    ...base,
    edges: [{ from: 0, to: 1, action: havocAction('i') }, ...base.edges.slice(1)],
  };
  const chosen = await judgeResult(oneRun(8), terminationContext(nondet));
  assert.equal(chosen.answer, 'unknown');
  if (chosen.answer === 'unknown')
    assert.match(chosen.reason.message, /reads a value nothing determines/);
});
