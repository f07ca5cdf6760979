/**
 * The termination contract on random loops: `arc terminates` may say don't
 * know, but a yes must mean every run returns and a no must come with inputs
 * on which the function never returns.
 *
 * The loops are `while (a*x + b*y + c > 0) { x = x + d; y = y + e; }` over
 * mathematical integers. Each iteration changes the guard's left side by
 * delta = a*d + b*e, so the truth is known exactly: the loop terminates for
 * every input iff delta < 0 or the guard is unsatisfiable (a == b == 0 and
 * c <= 0). Besides that oracle, a yes is checked by running the function on a
 * grid of inputs and a no by replaying its witness in arc's interpreter.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { terminates } from '../../src/api/terminates.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import { describeVerdict, lowerEntry, replayWitness } from './helpers.js';

const RUNS = 30;
const SEED = 20_240_517;
const TIMEOUT_SECONDS = 20;
const GRID = 6;
const GRID_STEPS = 100_000;
const WITNESS_STEPS = 100_000;

interface Loop {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
}

const coefficient = fc.integer({ min: -3, max: 3 });
const arbLoop: fc.Arbitrary<Loop> = fc.record({
  a: coefficient,
  b: coefficient,
  c: fc.integer({ min: -5, max: 5 }),
  d: coefficient,
  e: coefficient,
});

/** A literal that reads well in any position: negative numbers in parentheses. */
const lit = (n: number): string => (n < 0 ? `(${n})` : `${n}`);

export function loopSource(l: Loop): string {
  return [
    `void f(int x, int y) {`,
    `  while (${lit(l.a)} * x + ${lit(l.b)} * y + ${lit(l.c)} > 0) {`,
    `    x = x + ${lit(l.d)};`,
    `    y = y + ${lit(l.e)};`,
    `  }`,
    `}`,
    ``,
  ].join('\n');
}

/** Whether every run of the loop terminates (mathematical integers). */
export function terminatesForAllInputs(l: Loop): boolean {
  const delta = l.a * l.d + l.b * l.e;
  return delta < 0 || (l.a === 0 && l.b === 0 && l.c <= 0);
}

const dir = mkdtempSync(path.join(tmpdir(), 'arc-terminates-contract-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let fileNumber = 0;

test(
  'terminates on random linear loops: a yes always returns, a no never does',
  { timeout: RUNS * (TIMEOUT_SECONDS + 10) * 1000 },
  async () => {
    await fc.assert(
      fc.asyncProperty(arbLoop, async (l) => {
        const source = loopSource(l);
        const file = path.join(dir, `loop-${++fileNumber}.c`);
        writeFileSync(file, source);
        const result = await terminates({
          file,
          function: 'f',
          semantics: 'math',
          timeoutSeconds: TIMEOUT_SECONDS,
        });
        if (result.kind === 'bad-input') {
          assert.fail(
            `bad input for\n${source}${result.diagnostics.map((d) => d.message).join('; ')}`,
          );
        }
        const v = result.verdict;
        const context = `\n${source}  ${describeVerdict(v)}`;
        const truth = terminatesForAllInputs(l);
        if (v.answer === 'unknown') return;
        const fn = await lowerEntry(file, 'f', 'math');
        const [px, py] = fn.params;
        assert.ok(px !== undefined && py !== undefined, `f has two parameters${context}`);
        if (v.answer === 'yes') {
          assert.equal(v.certificate.kind, 'termination', `certificate kind${context}`);
          assert.ok(truth, `yes for a loop that does not always terminate${context}`);
          for (let x = -GRID; x <= GRID; x++) {
            for (let y = -GRID; y <= GRID; y++) {
              const inputs = new Map([
                [px.name, BigInt(x)],
                [py.name, BigInt(y)],
              ]);
              const outcome = runFunction(fn, inputs, [], {
                maxSteps: GRID_STEPS,
                recordPath: false,
              });
              assert.equal(
                outcome.kind,
                'returned',
                `f(${x}, ${y}) does not return within ${GRID_STEPS} steps${context}`,
              );
            }
          }
        } else {
          const cx = v.witness;
          assert.equal(cx.property.kind, 'termination', `violated property kind${context}`);
          assert.ok(!truth, `no for a loop that always terminates${context}`);
          const outcome = replayWitness(fn, cx, WITNESS_STEPS);
          assert.equal(
            outcome.kind,
            'out-of-steps',
            `the witness run ends as '${outcome.kind}' within ${WITNESS_STEPS} steps${context}`,
          );
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  },
);

test('the oracle of the contract test agrees with the interpreter on a grid', async () => {
  // The oracle is part of the test's trust base: check it on loops it calls
  // non-terminating (some grid input runs out of steps) and terminating (all return).
  const samples: Loop[] = [
    { a: 1, b: 0, c: 0, d: -1, e: 0 },
    { a: 1, b: 0, c: 0, d: 1, e: 0 },
    { a: 1, b: -1, c: 0, d: 0, e: 1 },
    { a: 0, b: 0, c: 1, d: 0, e: 0 },
    { a: 0, b: 0, c: 0, d: 1, e: 1 },
    { a: 2, b: 3, c: -1, d: 3, e: -2 },
    { a: -1, b: 2, c: 4, d: -2, e: -1 },
  ];
  for (const l of samples) {
    const file = path.join(dir, `oracle-${++fileNumber}.c`);
    writeFileSync(file, loopSource(l));
    const fn = await lowerEntry(file, 'f', 'math');
    let allReturn = true;
    for (let x = -GRID; x <= GRID; x++) {
      for (let y = -GRID; y <= GRID; y++) {
        const inputs = new Map([
          [fn.params[0].name, BigInt(x)],
          [fn.params[1].name, BigInt(y)],
        ]);
        const o = runFunction(fn, inputs, [], { maxSteps: GRID_STEPS, recordPath: false });
        if (o.kind !== 'returned') allReturn = false;
      }
    }
    assert.equal(allReturn, terminatesForAllInputs(l), `oracle on\n${loopSource(l)}`);
  }
});
