/**
 * The termination engine core on small linear loops: linear ranking
 * functions (g.c's loop with its `y > 0` support invariant, countdowns,
 * two-path loops), loops without one (g2.c, `x = x + 1`), lexicographic
 * ranking functions, fixed points (g2.c at y = 0), and that every returned
 * function passes the independent re-check again here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  Loop,
  Property,
  RankingFunction,
  RankingResult,
} from '../../../src/engines/termination/index.js';
import {
  checkProperty,
  findFixedPoint,
  formatRanking,
  loopOf,
  synthesizeLexicographic,
  synthesizeLinear,
} from '../../../src/engines/termination/index.js';

const opts = { timeoutMs: 20_000 };

/** g.c: `if (y > 0) while (x > y) x = x - y;` */
const gLoop = loopOf(['x', 'y'], [['x > y', 'y > 0', "x' = x - y", "y' = y"]]);
/** g2.c: `while (x > y) x = x - y;` */
const g2Loop = loopOf(['x', 'y'], [['x > y', "x' = x - y", "y' = y"]]);
const countdown = loopOf(['x'], [['x > 0', "x' = x - 1"]]);
const countUp = loopOf(['x', 'n'], [['x < n', "x' = x + 1", "n' = n"]]);
const diverging = loopOf(['x'], [['x > 0', "x' = x + 1"]]);
/** `while (x > 0 && y > 0) if (*) x--; else y--;` */
const twoPaths = loopOf(
  ['x', 'y'],
  [
    ['x > 0', 'y > 0', "x' = x - 1", "y' = y"],
    ['x > 0', 'y > 0', "x' = x", "y' = y - 1"],
  ],
  ['decx', 'decy'],
);
/** `while (x > 0 && y > 0) if (*) { x--; y = *; } else y--;` — needs (x, y). */
const lexLoop = loopOf(
  ['x', 'y'],
  [
    ['x > 0', 'y > 0', "x' = x - 1"],
    ['x > 0', 'y > 0', "x' = x", "y' = y - 1"],
  ],
  ['decx', 'decy'],
);

/** Re-checks `f` again, here, on every path of `loop`. */
async function assertRanks(
  loop: Loop,
  f: RankingFunction,
  props: readonly Property[] = ['bounded', 'decreasing'],
  paths: readonly string[] = loop.paths.map((p) => p.name),
): Promise<void> {
  for (const p of loop.paths.filter((q) => paths.includes(q.name))) {
    for (const prop of props) {
      const r = await checkProperty(loop.variables, p, f, prop, opts);
      assert.equal(r.status, 'holds', `${formatRanking(f)} ${prop} on ${p.name}`);
    }
  }
}

function found(r: RankingResult): RankingFunction {
  assert.equal(
    r.kind,
    'found',
    JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)),
  );
  return (r as Extract<RankingResult, { kind: 'found' }>).ranking;
}

test('parser: linear constraints', () => {
  const l = loopOf(['x', 'y'], [["2*x - y' + 3 >= -4y", "3x' < 7"]]);
  assert.equal(l.paths[0].constraints.length, 2);
  assert.deepEqual(l.paths[0].constraints[0].rhs, {
    terms: [{ variable: 'y', coeff: -4n }],
    constant: 0n,
  });
  assert.throws(() => loopOf(['x'], [['x * x > 0']]));
  assert.throws(() => loopOf(['x'], [['x + > 0']]));
  assert.throws(() => loopOf(['x'], [['z > 0']]), /unknown variable z/);
  assert.throws(() => loopOf(['x', 'x'], [['x > 0']]), /duplicate/);
});

test("g.c's loop with y > 0: a linear ranking function (x or x - y)", async () => {
  const f = found(await synthesizeLinear(gLoop, opts));
  await assertRanks(gLoop, f);
  await assertRanks(gLoop, { coeffs: new Map([['x', 1n]]), constant: 0n });
  await assertRanks(gLoop, {
    coeffs: new Map([
      ['x', 1n],
      ['y', -1n],
    ]),
    constant: 0n,
  });
});

test("g2.c's loop (no y > 0): no linear ranking function, a fixed point at y = 0", async () => {
  const r = await synthesizeLinear(g2Loop, opts);
  assert.equal(r.kind, 'none');
  assert.equal((await synthesizeLexicographic(g2Loop, opts)).kind, 'none');
  const fp = await findFixedPoint(g2Loop, 'path1', opts);
  assert.equal(fp.kind, 'fixed-point');
  if (fp.kind !== 'fixed-point') return;
  assert.equal(fp.state.get('y'), 0n);
  assert.ok((fp.state.get('x') ?? 0n) > 0n);
  assert.equal((await findFixedPoint(gLoop, 'path1', opts)).kind, 'none');
});

test('while (x > 0) x = x - 1: rank x', async () => {
  const f = found(await synthesizeLinear(countdown, opts));
  assert.deepEqual([...f.coeffs], [['x', 1n]]);
  await assertRanks(countdown, f);
});

test('while (x < n) x++: rank n - x', async () => {
  const f = found(await synthesizeLinear(countUp, opts));
  assert.deepEqual([...f.coeffs].sort(), [
    ['n', 1n],
    ['x', -1n],
  ]);
  await assertRanks(countUp, f);
});

test('two paths: x + y ranks both', async () => {
  const f = found(await synthesizeLinear(twoPaths, opts));
  assert.equal(f.coeffs.get('x'), 1n);
  assert.equal(f.coeffs.get('y'), 1n);
  await assertRanks(twoPaths, f);
});

test('while (x > 0) x = x + 1: no ranking function, no fixed point', async () => {
  assert.equal((await synthesizeLinear(diverging, opts)).kind, 'none');
  assert.equal((await synthesizeLexicographic(diverging, opts)).kind, 'none');
  assert.equal((await findFixedPoint(diverging, 'path1', opts)).kind, 'none');
});

test('infeasible paths are reported and do not block a proof', async () => {
  const loop = loopOf(
    ['x'],
    [
      ['x > 0', "x' = x - 1"],
      ['x > 0', 'x < 0', "x' = x + 1"],
    ],
  );
  const r = await synthesizeLinear(loop, opts);
  assert.equal(r.kind, 'found');
  if (r.kind === 'found') assert.deepEqual(r.infeasiblePaths, ['path2']);
  await assertRanks(loop, found(r));
});

test('the re-check refutes a wrong function with a transition', async () => {
  const wrong = { coeffs: new Map([['y', 1n]]), constant: 0n };
  const r = await checkProperty(gLoop.variables, gLoop.paths[0], wrong, 'decreasing', opts);
  assert.equal(r.status, 'fails');
  if (r.status !== 'fails') return;
  assert.equal(r.transition.get("y'"), r.transition.get('y'));
});

test('lexicographic: (x, y) when x-- havocs y; no linear function', async () => {
  assert.equal((await synthesizeLinear(lexLoop, opts)).kind, 'none');
  const r = await synthesizeLexicographic(lexLoop, opts);
  assert.equal(r.kind, 'found');
  if (r.kind !== 'found') return;
  assert.equal(r.components.length, 2);
  const [first, second] = r.components;
  assert.deepEqual(first.decreasesOn, ['decx']);
  assert.deepEqual(second.decreasesOn, ['decy']);
  await assertRanks(lexLoop, first.ranking, ['non-increasing']);
  await assertRanks(lexLoop, first.ranking, ['bounded', 'decreasing'], ['decx']);
  await assertRanks(lexLoop, second.ranking, ['bounded', 'decreasing'], ['decy']);
});

test('lexicographic: a loop with a linear ranking function needs one component', async () => {
  const r = await synthesizeLexicographic(gLoop, opts);
  assert.equal(r.kind, 'found');
  if (r.kind !== 'found') return;
  assert.equal(r.components.length, 1);
  await assertRanks(gLoop, r.components[0].ranking);
});

test('while (x > 1) x = x - 2 and an empty loop', async () => {
  const loop = loopOf(['x'], [['x > 1', "x' = x - 2"]]);
  const f = found(await synthesizeLinear(loop, opts));
  assert.deepEqual([...f.coeffs], [['x', 1n]]);
  await assertRanks(loop, f);
  assert.equal((await synthesizeLinear(loopOf(['x'], []), opts)).kind, 'found');
});

test('a cancelled search answers unknown', async () => {
  const signal = AbortSignal.abort();
  const cancelled = { timeoutMs: 20_000, signal };
  assert.equal((await synthesizeLinear(gLoop, cancelled)).kind, 'unknown');
  assert.equal((await synthesizeLexicographic(gLoop, cancelled)).kind, 'unknown');
  assert.equal((await findFixedPoint(g2Loop, 'path1', cancelled)).kind, 'unknown');
});

test('formatRanking', () => {
  const f = {
    coeffs: new Map([
      ['x', -1n],
      ['n', 2n],
    ]),
    constant: -3n,
  };
  assert.equal(formatRanking(f), '-x + 2*n - 3');
  assert.equal(formatRanking({ coeffs: new Map(), constant: 0n }), '0');
});
