/**
 * The re-check of ranking arguments (`checkArgument`) on cutpoint systems
 * built from small C functions: the engine's own argument passes, and wrong
 * arguments (not bounded, not decreasing, a component on the wrong
 * transition) are refused, each with its reason.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Cts } from '../../../src/engines/termination/cts.js';
import { buildCts } from '../../../src/engines/termination/cts.js';
import { houdini } from '../../../src/engines/termination/invariants.js';
import { Budget } from '../../../src/core/budget.js';
import type { Argument, LocFunction } from '../../../src/engines/termination/rank.js';
import { checkArgument, rankPart } from '../../../src/engines/termination/rank.js';
import { lowerEntry } from '../../terminates/helpers.js';

const budget = (): Budget => Budget.ofMs(30_000, undefined, 10_000);

async function ctsOf(source: string): Promise<Cts> {
  const file = join(mkdtempSync(join(tmpdir(), 'arc-rank-')), 'loop.c');
  writeFileSync(file, source);
  const built = buildCts(await lowerEntry(file, 'f', 'math'));
  assert.equal(built.kind, 'ok');
  return (built as { kind: 'ok'; cts: Cts }).cts;
}

/** The loop head's transitions (location 1 to itself). */
function loopPart(cts: Cts): Cts['transitions'] {
  return cts.transitions.filter((t) => t.from === 1 && t.to === 1);
}

function linear(fn: Record<string, bigint>, constant = 0n): Argument {
  const f: LocFunction = new Map([[1, { coeffs: new Map(Object.entries(fn)), constant }]]);
  return { kind: 'linear', components: [f], removes: [[]], nested: [] };
}

test("g.c's loop: the engine's argument passes; y, -x, and x without the invariant do not", async () => {
  const cts = await ctsOf('void f(int x, int y) { if (y > 0) { while (x > y) { x = x - y; } } }');
  const part = loopPart(cts);
  const inv = (await houdini(cts, budget())) ?? new Map();
  const found = await rankPart(cts, [1], part, inv, budget());
  assert.equal(found.kind, 'found');
  if (found.kind !== 'found') return;
  const own = await checkArgument(part, inv, found.argument, budget());
  assert.ok(own.ok, 'the engine’s own argument must pass its re-check');
  assert.ok(own.queries.length > 0);
  for (const q of own.queries) assert.match(q.smtlib, /\(check-sat\)/);

  // y never decreases; -x is not bounded below (it grows); x decreases only
  // because y > 0, which the invariant supplies.
  const bad: [string, Argument][] = [
    ['y', linear({ y: 1n })],
    ['-x', linear({ x: -1n })],
  ];
  for (const [name, arg] of bad) {
    const r = await checkArgument(part, inv, arg, budget());
    assert.equal(r.ok, false, `accepted the wrong argument ${name}`);
    if (!r.ok) assert.ok(r.reason.length > 0);
  }
  const noInvariant = await checkArgument(part, new Map(), linear({ x: 1n }), budget());
  assert.equal(noInvariant.ok, false, 'x decreases only under the invariant y > 0');
});

test('a lexicographic component that removes a transition it does not decrease is refused', async () => {
  // Two paths: one decreases x (and resets y), the other decreases y.
  const cts = await ctsOf(
    'void f(int x, int y, int c) { while (x > 0 && y > 0) { if (c > 0) { x = x - 1; y = 100; } else { y = y - 1; } } }',
  );
  const part = loopPart(cts);
  assert.equal(part.length >= 2, true);
  const fx: LocFunction = new Map([[1, { coeffs: new Map([['x', 1n]]), constant: 0n }]]);
  const fy: LocFunction = new Map([[1, { coeffs: new Map([['y', 1n]]), constant: 0n }]]);
  const all = part.map((t) => t.index);
  // (y, x) claims y removes every transition, but y grows on the x-path.
  const wrong: Argument = {
    kind: 'lexicographic',
    components: [fy, fx],
    removes: [all, []],
    nested: [],
  };
  assert.equal((await checkArgument(part, new Map(), wrong, budget())).ok, false);
  const found = await rankPart(cts, [1], part, new Map(), budget());
  assert.equal(found.kind, 'found');
  if (found.kind === 'found')
    assert.ok((await checkArgument(part, new Map(), found.argument, budget())).ok);
});
