/**
 * The article's examples through the real CLI (the project's own copies in
 * examples/): the golden answers of the README's table, with their evidence.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

interface JsonVerdict {
  answer: string;
  question: string;
  explanation: string;
  certificate: { queries: { smtlib: string; meaning: string }[]; recheck: string } | null;
  counterexample: {
    inputs: { name: string; value: string }[];
    property: { id: string };
    replay: { interpreter: string; compiler: string };
  } | null;
  reason: { code: string; message: string } | null;
  elapsedMs: number;
  notes: string[];
}

function proveJson(args: readonly string[]): { code: number | null; v: JsonVerdict } {
  const r = runCli(['prove', ...args, '--json']);
  return { code: r.code, v: JSON.parse(r.stdout) as JsonVerdict };
}

test('f always returns true: yes, with an unsat query that was re-checked', () => {
  const { code, v } = proveJson([`${EXAMPLES}f.c`, '--function', 'f', '--returns-true']);
  assert.equal(code, 0);
  assert.equal(v.answer, 'yes');
  assert.ok(v.certificate !== null);
  assert.ok(v.certificate.queries.length >= 1);
  assert.match(v.certificate.queries[0].smtlib, /\(check-sat\)/);
  assert.match(v.certificate.recheck, /re-checked unsat/);
  assert.equal(v.counterexample, null);
  assert.equal(v.reason, null);
  const cost = v.notes.join('\n');
  assert.match(cost, /18,446,744,073,709,551,616/);
  assert.match(cost, /18,446,744,065,119,617,025/);
  assert.match(cost, /1,360 years/);
});

test('the human-readable answer for f says yes and why', () => {
  const r = runCli(['prove', `${EXAMPLES}f.c`, '--function', 'f', '--returns-true']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Answer\s+yes/);
  assert.match(r.stdout, /is unsatisfiable/);
});

test('g2 can overflow (x - y with y very negative): no, replayed', () => {
  const { code, v } = proveJson([`${EXAMPLES}g2.c`, '--function', 'g2']);
  assert.equal(code, 1);
  assert.equal(v.answer, 'no');
  assert.ok(v.counterexample !== null);
  assert.equal(v.counterexample.property.id, 'g2.overflow.1');
  assert.equal(v.counterexample.replay.interpreter, 'agrees');
  assert.notEqual(v.counterexample.replay.compiler, 'disagrees');
  const x = BigInt(v.counterexample.inputs.find((i) => i.name === 'x')?.value ?? 'NaN');
  const y = BigInt(v.counterexample.inputs.find((i) => i.name === 'y')?.value ?? 'NaN');
  assert.ok(x > y, 'the loop is entered');
  assert.ok(y < 0n, 'only a negative y can make x - y overflow');
});

test("g has no overflow, but its loop is unbounded: don't know, never yes", () => {
  const { code, v } = proveJson([
    `${EXAMPLES}g.c`,
    '--function',
    'g',
    '--max-unwind',
    '8',
    '--timeout',
    '3',
  ]);
  assert.equal(code, 3);
  assert.equal(v.answer, 'unknown');
  assert.equal(v.reason?.code, 'unbounded-loop');
});

test('h depends on the undefined function terminates: never a no', () => {
  const { v } = proveJson([`${EXAMPLES}h.c`, '--function', 'h']);
  assert.notEqual(v.answer, 'no');
});

test("the tour answers f with yes and the termination questions with don't know", () => {
  const r = runCli(['tour', '--json', '--dir', EXAMPLES]);
  assert.equal(r.code, 0, r.stderr);
  const stops = JSON.parse(r.stdout) as { file: string; answer: string }[];
  assert.equal(stops.length, 6);
  assert.equal(stops[0].answer, 'yes');
  assert.equal(stops[1].answer, 'measured');
  for (const s of stops.slice(2)) assert.equal(s.answer, 'unknown', s.file);
});
