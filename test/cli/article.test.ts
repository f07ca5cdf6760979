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
  certificate: {
    kind: string;
    queries: { smtlib: string; meaning: string }[];
    recheck: string;
    invariants?: { invariant: string }[];
  } | null;
  witness: {
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
  assert.equal(v.witness, null);
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
  assert.ok(v.witness !== null);
  assert.equal(v.witness.property.id, 'g2.overflow.1');
  assert.equal(v.witness.replay.interpreter, 'agrees');
  assert.notEqual(v.witness.replay.compiler, 'disagrees');
  const x = BigInt(v.witness.inputs.find((i) => i.name === 'x')?.value ?? 'NaN');
  const y = BigInt(v.witness.inputs.find((i) => i.name === 'y')?.value ?? 'NaN');
  assert.ok(x > y, 'the loop is entered');
  assert.ok(y < 0n, 'only a negative y can make x - y overflow');
});

test('g has no overflow although its loop is unbounded: yes, by a loop invariant', () => {
  const { code, v } = proveJson([`${EXAMPLES}g.c`, '--function', 'g', '--timeout', '30']);
  assert.equal(code, 0);
  assert.equal(v.answer, 'yes');
  assert.equal(v.certificate?.kind, 'invariant');
  // x - y cannot overflow because y stays positive: the invariant must say so.
  assert.match(v.certificate?.invariants?.[0]?.invariant ?? '', /y > 0|y >= 1/);
});

test('h depends on the undefined function terminates: never a no', () => {
  const { v } = proveJson([`${EXAMPLES}h.c`, '--function', 'h']);
  assert.notEqual(v.answer, 'no');
});

test("the tour answers the article: f yes, g yes, g.py yes, g2 no, h don't know", () => {
  const r = runCli(['tour', '--json', '--dir', EXAMPLES]);
  assert.equal(r.code, 0, r.stderr);
  const stops = JSON.parse(r.stdout) as { file: string; answer: string }[];
  assert.deepEqual(
    stops.map((s) => [s.file, s.answer]),
    [
      ['f.c', 'yes'],
      ['f.c', 'measured'],
      ['g.c', 'yes'],
      ['g.py', 'yes'],
      ['g2.c', 'no'],
      ['h.c', 'unknown'],
    ],
  );
});

function terminatesJson(args: string[]): { code: number | null; v: Record<string, unknown> } {
  const r = runCli(['terminates', '--json', ...args]);
  return { code: r.code, v: JSON.parse(r.stdout) as Record<string, unknown> };
}

test('arc terminates g.c: yes with a ranking function over x and the invariant y > 0', () => {
  const { code, v } = terminatesJson([`${EXAMPLES}g.c`, '--function', 'g']);
  assert.equal(code, 0);
  const cert = v.certificate as {
    kind: string;
    loops: { kind: string; components: string[] }[];
    invariants: { invariant: string }[];
    queries: unknown[];
  };
  assert.equal(cert.kind, 'termination');
  assert.equal(cert.loops.length, 1);
  assert.match(cert.loops[0].components[0], /\bx\b/);
  assert.ok(cert.invariants.some((i) => /y > 0/.test(i.invariant)));
  assert.ok(cert.queries.length >= 2);
});

test('arc terminates g2.c: no, with a witness that never leaves the loop (y == 0)', () => {
  const { code, v } = terminatesJson([`${EXAMPLES}g2.c`, '--function', 'g2']);
  assert.equal(code, 1);
  const cx = v.witness as {
    inputs: { name: string; value: string }[];
    property: { kind: string };
    nonTermination: { sets: { set: string }[]; queries: unknown[] };
  };
  assert.equal(cx.property.kind, 'termination');
  const y = cx.inputs.find((i) => i.name === 'y');
  const x = cx.inputs.find((i) => i.name === 'x');
  assert.equal(y?.value, '0');
  assert.ok(BigInt(x?.value ?? '0') > 0n);
  assert.ok(cx.nonTermination.queries.length >= 1);
});

test("arc terminates h.c: don't know, naming the undefined function terminates", () => {
  const { code, v } = terminatesJson([`${EXAMPLES}h.c`, '--function', 'h']);
  assert.equal(code, 3);
  const reason = v.reason as { code: string; message: string };
  assert.equal(reason.code, 'undefined-function');
  assert.match(reason.message, /terminates/);
});
