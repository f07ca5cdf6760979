/**
 * One contract, every engine (ENGINES in contract-support.ts). On small C
 * programs whose answer is known, each engine may say unknown, but:
 *
 * - it never gives the opposite of the truth;
 * - a `safe` result is sound and its certificate's queries re-check unsat
 *   (in a fresh solver context, `recheckUnsat`);
 * - an `unsafe` witness replays in the IR interpreter to a violation of
 *   the property it names, one of the selected ones;
 * - with `dumpSmtDir`, every query it asked is in the directory as a `.smt2`
 *   file (so a decided result leaves at least one, and every certificate
 *   query is among them);
 * - an already-aborted signal gives unknown with code `cancelled`.
 *
 * So that the suite cannot pass by everyone saying unknown, some engine
 * decides every program, and the engines named in a program's `decidedBy`
 * must decide it: BMC the bounded and unsafe ones, CHC the unbounded-loop
 * safe ones.
 */
import { C_SYNTAX } from '../../src/frontends/c/back-translator.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { performance } from 'node:perf_hooks';
import type { Engine, EngineOptions, EngineResult } from '../../src/engines/engine.js';
import { lowerCFile } from '../../src/frontends/c/index.js';
import type { IrFunction, PropertyKind } from '../../src/ir/ir.js';
import { admit } from '../../src/core/gate.js';
import { terminationPropertyId } from '../../src/engines/termination/engine.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import { recheckUnsat, writeSmtlib } from '../../src/smt/index.js';
import { claimOf, codeGate } from '../../src/verdict/code-gate.js';
import { ENGINES, REGISTERED_ENGINES } from './contract-support.js';

/**
 * Per engine and program: generous, so that a loaded machine does not turn a
 * required decision into unknown; on these programs the engines here answer
 * (or give up) within a few seconds.
 */
const TIMEOUT_MS = 60_000;
const RECHECK_MS = 20_000;
const MAX_UNWIND = 32;
const REPLAY_STEPS = 100_000;

interface Program {
  readonly name: string;
  /** A C function `f`, after the common header. */
  readonly source: string;
  /** The property kinds checked. */
  readonly kinds: readonly PropertyKind[];
  readonly truth: 'safe' | 'unsafe';
  /** Engines (by name) that must decide this program. */
  readonly decidedBy: readonly string[];
}

const HEADER = [
  'extern int __VERIFIER_nondet_int(void);',
  'extern void __VERIFIER_assert(int cond);',
  '',
].join('\n');

const ASSERTIONS: readonly PropertyKind[] = ['assertion'];
const OVERFLOW: readonly PropertyKind[] = ['overflow'];
/** The termination question: `safe` is "every run returns", `unsafe` "some run never does". */
const TERMINATION: readonly PropertyKind[] = ['termination'];

/** The question an engine answers for a program (its property kinds). */
function questionOf(p: Program): Engine['question'] {
  return p.kinds.includes('termination') ? 'termination' : 'safety';
}

const PROGRAMS: readonly Program[] = [
  {
    name: 'loop-free, safe',
    source: `int f(int x) {
  int y = x & 1;
  if (x > 0 && x < 100) __VERIFIER_assert(x + y <= 100);
  return y;
}`,
    kinds: ASSERTIONS,
    truth: 'safe',
    decidedBy: ['bmc'],
  },
  {
    name: 'loop-free, unsafe',
    source: `int f(int x) {
  if (x > 10 && x < 20) __VERIFIER_assert(x != 15);
  return 0;
}`,
    kinds: ASSERTIONS,
    truth: 'unsafe',
    decidedBy: ['bmc'],
  },
  {
    name: 'bounded loop, safe',
    source: `int f(void) {
  int s = 0;
  for (int i = 0; i < 10; i++) s += 2;
  __VERIFIER_assert(s == 20);
  return s;
}`,
    kinds: ASSERTIONS,
    truth: 'safe',
    decidedBy: ['bmc'],
  },
  {
    name: 'bounded loop, the assertion fails at iteration 3',
    source: `int f(void) {
  int s = 0;
  for (int i = 0; i < 10; i++) {
    __VERIFIER_assert(i != 3);
    s += i;
  }
  return s;
}`,
    kinds: ASSERTIONS,
    truth: 'unsafe',
    decidedBy: ['bmc'],
  },
  {
    name: 'unbounded counting loop, safe',
    source: `int f(int n) {
  if (n < 0) return 0;
  int i = 0;
  int c = 0;
  while (i < n) { i++; c++; }
  __VERIFIER_assert(c == n);
  return c;
}`,
    kinds: ASSERTIONS,
    truth: 'safe',
    decidedBy: ['chc'],
  },
  {
    name: 'unbounded unsigned countdown, safe',
    source: `int f(unsigned n) {
  unsigned i = n;
  while (i > 0) i--;
  __VERIFIER_assert(i == 0);
  return 0;
}`,
    kinds: ASSERTIONS,
    truth: 'safe',
    decidedBy: ['chc'],
  },
  {
    name: 'loop bounded by a parameter, the assertion fails when n == 5',
    source: `int f(int n) {
  if (n < 0 || n > 5) return 0;
  int i = 0;
  while (i < n) i++;
  __VERIFIER_assert(i != 5);
  return i;
}`,
    kinds: ASSERTIONS,
    truth: 'unsafe',
    decidedBy: ['bmc'],
  },
  {
    name: 'nondet loop that keeps x in bounds, safe',
    source: `int f(void) {
  int x = 0;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) { if (x < 1000) x++; }
    else { if (x > 0) x--; }
  }
  __VERIFIER_assert(0 <= x && x <= 1000);
  return 0;
}`,
    kinds: ASSERTIONS,
    truth: 'safe',
    decidedBy: ['chc'],
  },
  {
    name: 'nondet loop, unsafe after 3 iterations',
    source: `int f(void) {
  int x = 0;
  while (__VERIFIER_nondet_int()) x++;
  __VERIFIER_assert(x < 3);
  return 0;
}`,
    kinds: ASSERTIONS,
    truth: 'unsafe',
    decidedBy: ['bmc'],
  },
  {
    name: 'unsigned wrap-around keeps x a multiple of 4, safe',
    source: `int f(void) {
  unsigned x = 0;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) x += 4; else x -= 12;
  }
  __VERIFIER_assert(x % 4 == 0);
  return 0;
}`,
    kinds: ASSERTIONS,
    truth: 'safe',
    decidedBy: ['chc'],
  },
  {
    name: 'signed overflow, unsafe',
    source: `int f(int x, int y) {
  if (x > 0 && y > 0) return x + y;
  return 0;
}`,
    kinds: OVERFLOW,
    truth: 'unsafe',
    decidedBy: ['bmc'],
  },
  {
    name: 'no overflow in a loop bounded by a parameter, safe',
    source: `int f(int n) {
  if (n > 1000) return 0;
  int s = 0;
  for (int i = 0; i < n; i++) s += 2;
  return s;
}`,
    kinds: OVERFLOW,
    truth: 'safe',
    decidedBy: ['chc'],
  },
  {
    name: 'a counting-down loop returns',
    source: `int f(int n) {
  int i = n;
  while (i > 0) i--;
  return i;
}`,
    kinds: TERMINATION,
    truth: 'safe',
    decidedBy: ['termination'],
  },
  {
    name: 'a loop that cycles from 10 down to 5 never returns',
    source: `int f(int x) {
  while (x > 0) {
    x = x - 1;
    if (x == 5) x = 10;
  }
  return x;
}`,
    kinds: TERMINATION,
    truth: 'unsafe',
    decidedBy: ['termination'],
  },
  {
    name: 'a loop on nondeterministic choices may spin forever',
    source: `int f(void) {
  int c = 0;
  while (__VERIFIER_nondet_int()) { if (c < 10) c++; }
  return c;
}`,
    kinds: TERMINATION,
    truth: 'unsafe',
    decidedBy: ['termination'],
  },
];

const dir = mkdtempSync(join(tmpdir(), 'arc-engine-contract-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;

async function lower(p: Program): Promise<IrFunction> {
  const file = join(dir, `program-${++files}.c`);
  writeFileSync(file, HEADER + p.source + '\n');
  const lowered = await lowerCFile(file, { dataModel: 'LP64', entry: 'f' });
  if (!lowered.ok) assert.fail(lowered.diagnostics.map((d) => d.message).join('; '));
  const fn = lowered.program.functions.get('f');
  assert.ok(fn !== undefined);
  return fn;
}

function optionsFor(fn: IrFunction, p: Program, extra: Partial<EngineOptions> = {}): EngineOptions {
  const properties =
    questionOf(p) === 'termination'
      ? new Set([terminationPropertyId(fn)])
      : new Set(fn.properties.filter((q) => p.kinds.includes(q.kind)).map((q) => q.id));
  assert.ok(properties.size > 0, `${p.name}: no property of the kinds ${p.kinds.join(', ')}`);
  return { timeoutMs: TIMEOUT_MS, properties, maxUnwind: MAX_UNWIND, syntax: C_SYNTAX, ...extra };
}

function show(r: EngineResult): string {
  return r.status === 'unknown' ? `unknown (${r.reason.code}: ${r.reason.message})` : r.status;
}

/** The `.smt2` files in `d`, by content. */
function dumped(d: string): string[] {
  return readdirSync(d)
    .filter((f) => f.endsWith('.smt2'))
    .map((f) => readFileSync(join(d, f), 'utf8'));
}

/** Holds `r` to the contract; returns whether it decided the program. */
async function assertContract(
  engine: Engine,
  p: Program,
  fn: IrFunction,
  options: EngineOptions,
  r: EngineResult,
  dumpDir: string,
): Promise<boolean> {
  const who = `${engine.name} on '${p.name}'`;
  const files = dumped(dumpDir);
  if (r.solverMs > 0)
    assert.ok(files.length > 0, `${who} used the solver, but dumped no .smt2 file`);
  if (r.status === 'unknown') {
    assert.notEqual(r.reason.code, 'cancelled', `${who}: cancelled without a signal`);
    assert.ok(r.reason.message.length > 0, `${who}: unknown without a reason`);
    return false;
  }
  assert.equal(r.status, p.truth, `${who} answers ${r.status}; the truth is ${p.truth}`);
  // A counterexample seen in a concrete test run needs no solver query; anything else does.
  const byTesting = r.status === 'unsafe' && /test run/.test(r.witness.foundBy ?? '');
  if (!byTesting) assert.ok(files.length > 0, `${who} decided, but dumped no .smt2 file`);
  if (r.status === 'safe') {
    assert.equal(r.sound, true, `${who}: a safe result that is not sound`);
    const queries = r.certificate.queries;
    assert.ok(queries.length > 0, `${who}: a certificate without queries`);
    for (const q of queries) {
      const again = await recheckUnsat(q.smtlib, RECHECK_MS);
      assert.equal(
        again.status,
        'unsat',
        `${who}: certificate query '${q.meaning}' re-checks ${again.status}`,
      );
      assert.ok(
        files.includes(q.smtlib),
        `${who}: certificate query '${q.meaning}' was not dumped`,
      );
    }
  } else if (r.witness.recurrence !== undefined) {
    // A non-termination witness: the gate replays the run into its recurrent set.
    const ctx = {
      fn,
      domain: 'termination' as const,
      command: 'terminates' as const,
      question: 'q?',
      checked: [],
      source: { file: 'f.c', lines: [] },
      syntax: C_SYNTAX,
      diagnostics: [],
      started: performance.now(),
      dataModel: 'LP64' as const,
      compilerReplay: false,
      timeoutMs: RECHECK_MS,
    };
    const admitted = await admit(codeGate(ctx), claimOf(r));
    assert.equal(
      admitted.answer,
      'no',
      `${who}: the gate refuses the witness: ${admitted.answer === 'unknown' ? admitted.reason.message : admitted.answer}`,
    );
  } else {
    assert.equal(
      r.precise,
      true,
      `${who}: an imprecise unsafe result for a program without approximations`,
    );
    const w = r.witness;
    assert.ok(
      options.properties.has(w.property),
      `${who}: the witness violates unselected ${w.property}`,
    );
    for (const param of fn.params) {
      assert.ok(w.inputs.has(param.name), `${who}: no witness value for ${param.name}`);
    }
    const run = runFunction(fn, w.inputs, w.nondet, { maxSteps: REPLAY_STEPS });
    assert.equal(run.kind, 'violated', `${who}: the witness replays to '${run.kind}'`);
    if (run.kind === 'violated') {
      assert.equal(run.property, w.property, `${who}: the witness violates another property`);
      if (w.path.length > 0) assert.deepEqual(run.path, w.path, `${who}: the witness path differs`);
    }
  }
  return true;
}

test('the suite runs every engine, on programs of both answers', () => {
  assert.ok(ENGINES.length >= 2);
  assert.deepEqual(
    ENGINES.map((e) => e.name).sort(),
    REGISTERED_ENGINES.map((e) => e.name).sort(),
    'every registered engine is in the suite',
  );
  for (const q of ['safety', 'termination'] as const) {
    const ps = PROGRAMS.filter((p) => questionOf(p) === q);
    assert.ok(ps.some((p) => p.truth === 'safe') && ps.some((p) => p.truth === 'unsafe'), q);
  }
  assert.equal(new Set(ENGINES.map((e) => e.name)).size, ENGINES.length, 'engine names are unique');
  assert.ok(PROGRAMS.length >= 12);
  assert.ok(PROGRAMS.some((p) => p.truth === 'safe') && PROGRAMS.some((p) => p.truth === 'unsafe'));
  const names = new Set(ENGINES.map((e) => e.name));
  for (const p of PROGRAMS) {
    for (const e of p.decidedBy) assert.ok(names.has(e), `${p.name}: no engine named ${e}`);
  }
});

describe('engine contract', () => {
  for (const p of PROGRAMS) {
    test(
      `${p.name}: ${p.truth}`,
      { timeout: ENGINES.length * (TIMEOUT_MS + 30_000) },
      async (t) => {
        const fn = await lower(p);
        assert.deepEqual(fn.approximations, [], 'the program has no approximations');
        const deciders: string[] = [];
        const outcomes: string[] = [];
        for (const engine of ENGINES.filter((e) => e.question === questionOf(p))) {
          const dumpDir = mkdtempSync(join(dir, `${engine.name}-`));
          const options = optionsFor(fn, p, { dumpSmtDir: dumpDir });
          const started = performance.now();
          const r = await engine.check(fn, options);
          const ms = Math.round(performance.now() - started);
          outcomes.push(`${engine.name}: ${show(r)} in ${ms} ms`);
          if (await assertContract(engine, p, fn, options, r, dumpDir)) deciders.push(engine.name);
        }
        t.diagnostic(outcomes.join('; '));
        assert.ok(deciders.length > 0, `no engine decides '${p.name}' (${outcomes.join('; ')})`);
        for (const e of p.decidedBy) {
          assert.ok(deciders.includes(e), `${e} must decide '${p.name}' (${outcomes.join('; ')})`);
        }
      },
    );
  }
});

test('the contract refuses an engine that lies', async () => {
  // Guards the suite itself: each kind of wrong answer must fail assertContract.
  const byName = (name: string): Program => PROGRAMS.find((p) => p.name === name) as Program;
  const safeP = byName('loop-free, safe');
  const unsafeP = byName('loop-free, unsafe');
  const bogus = '(assert true)\n(check-sat)\n';
  const liar = (result: (fn: IrFunction, o: EngineOptions) => EngineResult): Engine => ({
    name: 'liar',
    question: 'safety',
    check(fn, o) {
      if (o.dumpSmtDir !== undefined) writeSmtlib(o.dumpSmtDir, 'liar', bogus);
      return Promise.resolve(result(fn, o));
    },
  });
  const safe = liar(() => ({
    status: 'safe',
    sound: true,
    certificate: {
      kind: 'bmc',
      unwind: 0,
      queries: [{ meaning: 'nothing', smtlib: bogus, solverMs: 0 }],
    },
    solverMs: 0,
  }));
  const unsafe = liar((fn, o) => ({
    status: 'unsafe',
    precise: true,
    witness: {
      inputs: new Map(fn.params.map((q) => [q.name, 0n])),
      nondet: [],
      property: [...o.properties][0],
      path: [],
    },
    solverMs: 0,
  }));
  const cases: [Engine, Program, RegExp][] = [
    [safe, unsafeP, /answers safe; the truth is unsafe/],
    [unsafe, safeP, /answers unsafe; the truth is safe/],
    [safe, safeP, /re-checks sat/],
    [unsafe, unsafeP, /replays to 'returned'/],
  ];
  for (const [engine, p, why] of cases) {
    const fn = await lower(p);
    const dumpDir = mkdtempSync(join(dir, 'liar-'));
    const options = optionsFor(fn, p, { dumpSmtDir: dumpDir });
    const r = await engine.check(fn, options);
    await assert.rejects(assertContract(engine, p, fn, options, r, dumpDir), why);
  }
});

describe('an already-aborted signal', () => {
  const picks = PROGRAMS.filter((p) =>
    [
      'loop-free, unsafe',
      'unbounded counting loop, safe',
      'a counting-down loop returns',
      'a loop that cycles from 10 down to 5 never returns',
    ].includes(p.name),
  );
  for (const engine of ENGINES) {
    test(`${engine.name}: unknown with code cancelled`, async () => {
      const mine = picks.filter((p) => questionOf(p) === engine.question);
      assert.equal(mine.length, 2);
      for (const p of mine) {
        const fn = await lower(p);
        const controller = new AbortController();
        controller.abort();
        const r = await engine.check(fn, optionsFor(fn, p, { signal: controller.signal }));
        assert.equal(r.status, 'unknown', `${engine.name} on '${p.name}': ${show(r)}`);
        if (r.status === 'unknown') assert.equal(r.reason.code, 'cancelled');
      }
    });
  }
});
