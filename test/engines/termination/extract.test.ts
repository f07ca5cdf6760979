/**
 * Loop extraction from IR to the linear model: g.c's loop (ranked only with
 * the `y > 0` invariant added), if/else bodies, the `!=` split, havoc,
 * constant division, unsupported non-linear / bit-vector / nested loops, and
 * an empirical soundness check against the concrete interpreter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IrFunction } from '../../../src/ir/ir.js';
import { findLoops } from '../../../src/engines/bmc/loops.js';
import type { Loop as CfgLoop } from '../../../src/engines/bmc/loops.js';
import type { ExtractResult, Loop } from '../../../src/engines/termination/index.js';
import {
  BV_REASON,
  extractLoop,
  holds,
  parseConstraint,
  primed,
  synthesizeLinear,
} from '../../../src/engines/termination/index.js';
import { lowerCSource } from '../../../src/frontends/c/index.js';
import { lowerPythonSource } from '../../../src/frontends/python/index.js';
import { evalExpr } from '../../../src/semantics/eval.js';
import { runFunction } from '../../../src/semantics/interpreter.js';

const NONDET = 'extern int __VERIFIER_nondet_int(void);\n';

async function cFunction(src: string, semantics: 'c' | 'math' = 'math'): Promise<IrFunction> {
  const r = await lowerCSource('t.c', src, { dataModel: 'LP64', entry: 'f', semantics });
  assert.ok(r.ok, JSON.stringify(r.ok ? [] : r.diagnostics));
  return r.program.functions.get('f') as IrFunction;
}

async function pyFunction(src: string): Promise<IrFunction> {
  const r = await lowerPythonSource('t.py', src, { entry: 'f' });
  assert.ok(r.ok, JSON.stringify(r.ok ? [] : r.diagnostics));
  return r.program.functions.get('f') as IrFunction;
}

/** The outermost loop (largest body). */
function outerLoop(fn: IrFunction): CfgLoop {
  const r = findLoops(fn);
  assert.ok(r.ok);
  return [...r.info.loops].sort((a, b) => b.body.size - a.body.size)[0];
}

function ok(r: ExtractResult): Extract<ExtractResult, { kind: 'ok' }> {
  assert.equal(r.kind, 'ok', r.kind === 'unsupported' ? r.reason : '');
  return r as Extract<ExtractResult, { kind: 'ok' }>;
}

const opts = { timeoutMs: 20_000 };

test('g.c: one path; ranked with y > 0 added, not without', async () => {
  const fn = await cFunction(
    'int f(int x, int y) { if (y > 0) { while (x > y) x = x - y; } return x; }',
  );
  const r = ok(extractLoop(fn, outerLoop(fn)));
  assert.deepEqual(r.loop.variables, ['x', 'y']);
  assert.equal(r.variables.get('x'), 'x');
  assert.equal(r.loop.paths.length, 1);
  const plain = await synthesizeLinear(r.loop, opts);
  assert.equal(plain.kind, 'none');
  const withInvariant: Loop = {
    variables: r.loop.variables,
    paths: r.loop.paths.map((p) => ({
      name: p.name,
      constraints: [...p.constraints, parseConstraint('y > 0')],
    })),
  };
  const ranked = await synthesizeLinear(withInvariant, opts);
  assert.equal(ranked.kind, 'found');
});

test('if/else in the body gives two paths', async () => {
  const fn = await cFunction(
    'int f(int x, int y) { while (x > 0 && y > 0) { if (x > y) x = x - 1; else y = y - 1; } return x; }',
  );
  const r = ok(extractLoop(fn, outerLoop(fn)));
  assert.equal(r.loop.paths.length, 2);
  assert.equal((await synthesizeLinear(r.loop, opts)).kind, 'found');
});

test('x != 0 is split into x < 0 and x > 0', async () => {
  const fn = await cFunction('int f(int x) { while (x != 0) { x = x - 1; } return x; }');
  const r = ok(extractLoop(fn, outerLoop(fn)));
  assert.equal(r.loop.paths.length, 2);
  const x = (v: bigint, v2: bigint): Map<string, bigint> =>
    new Map([
      ['x', v],
      [primed('x'), v2],
    ]);
  const sat = (m: Map<string, bigint>): boolean[] =>
    r.loop.paths.map((p) => p.constraints.every((c) => holds(c, m)));
  assert.deepEqual(sat(x(5n, 4n)).filter(Boolean).length, 1);
  assert.deepEqual(sat(x(-5n, -6n)).filter(Boolean).length, 1);
  assert.deepEqual(sat(x(0n, -1n)).filter(Boolean).length, 0);
});

test('havoc: the nondet value is unconstrained', async () => {
  const fn = await cFunction(
    `${NONDET}int f(int x) { while (x > 0) { int t = __VERIFIER_nondet_int(); if (t > 0) x = x - t; } return x; }`,
  );
  const r = ok(extractLoop(fn, outerLoop(fn)));
  assert.equal(r.loop.paths.length, 2);
  const tName = [...r.variables].find(([, ir]) => ir === 't')?.[0] as string;
  // No path constrains the pre-state t: a havoc'd value is fresh.
  for (const p of r.loop.paths)
    for (const c of p.constraints)
      for (const term of [...c.lhs.terms, ...c.rhs.terms]) assert.notEqual(term.variable, tName);
});

test('non-linear body: unsupported with the span of the edge', async () => {
  const fn = await cFunction(
    'int f(int x, int y) {\n  while (x > 0) {\n    x = x - x * y;\n  }\n  return x;\n}',
  );
  const r = extractLoop(fn, outerLoop(fn));
  assert.equal(r.kind, 'unsupported');
  assert.match(r.kind === 'unsupported' ? r.reason : '', /non-linear/);
  assert.equal(r.kind === 'unsupported' ? r.span?.startLine : 0, 3);
});

test('C semantics (bit-vectors): unsupported', async () => {
  const fn = await cFunction('int f(int x) { while (x > 0) x = x - 1; return x; }', 'c');
  const r = extractLoop(fn, outerLoop(fn));
  assert.deepEqual(r.kind === 'unsupported' ? r.reason : r.kind, BV_REASON);
});

test('nested loop: unsupported for the outer loop, the inner one is extracted', async () => {
  const fn = await cFunction(
    'int f(int x, int y) { while (x > 0) { while (y > 0) y = y - 1; x = x - 1; } return x; }',
  );
  const r = findLoops(fn);
  assert.ok(r.ok);
  const [outer, inner] = [...r.info.loops].sort((a, b) => b.body.size - a.body.size);
  const o = extractLoop(fn, outer);
  assert.equal(o.kind === 'unsupported' ? o.reason : o.kind, 'nested loop');
  assert.equal(ok(extractLoop(fn, inner)).loop.paths.length, 1);
});

/** Whether some path holds at `val` for some auxiliary values in [-20, 20]. */
function satisfiable(r: Extract<ExtractResult, { kind: 'ok' }>, val: Map<string, bigint>): boolean {
  const search = (k: number): boolean => {
    if (k === r.auxiliary.length)
      return r.loop.paths.some((p) => p.constraints.every((c) => holds(c, val)));
    for (let v = -20n; v <= 20n; v++) {
      val.set(primed(r.auxiliary[k]), v);
      if (search(k + 1)) return true;
    }
    return false;
  };
  return search(0);
}

/**
 * Runs `fn` on `inputs`, replays its edge path and checks that each
 * header-to-header step through the loop satisfies some extracted path.
 */
function checkSteps(
  fn: IrFunction,
  loop: CfgLoop,
  r: Extract<ExtractResult, { kind: 'ok' }>,
  inputs: ReadonlyMap<string, bigint>,
  nondet: readonly bigint[],
): number {
  assert.ok(r.auxiliary.length <= 2);
  const out = runFunction(fn, inputs, nondet, { maxSteps: 10_000 });
  assert.equal(out.kind, 'returned');
  const env = new Map<string, bigint>(inputs);
  for (const v of fn.locals) env.set(v.name, 0n);
  let next = 0;
  let pre: Map<string, bigint> | null = null;
  let inLoop = true;
  let steps = 0;
  for (const ei of out.path) {
    const e = fn.edges[ei];
    const a = e.action;
    if (a.kind === 'assign') env.set(a.target, evalExpr(a.value, env));
    if (a.kind === 'havoc') env.set(a.target, nondet[next++]);
    inLoop &&= loop.body.has(e.from) && loop.body.has(e.to);
    if (e.to !== loop.header) continue;
    if (pre !== null && inLoop) {
      const val = new Map<string, bigint>();
      for (const [m, ir] of r.variables) {
        val.set(m, pre.get(ir) as bigint);
        val.set(primed(m), env.get(ir) as bigint);
      }
      for (const aux of r.auxiliary) val.set(aux, 0n);
      assert.ok(satisfiable(r, val), `step ${steps} from ${JSON.stringify([...pre].map(String))}`);
      steps++;
    }
    pre = new Map(env);
    inLoop = true;
  }
  return steps;
}

test('soundness: every concrete loop step satisfies some extracted path', async () => {
  const cases: { fn: IrFunction; inputs: [string, bigint][][]; nondet?: bigint[] }[] = [
    {
      fn: await cFunction(
        'int f(int x, int y) { while (y > 0) { x = x / 3 + x % 3; if (x != 1) y = y - 1; else y = y - 2; } return x; }',
      ),
      inputs: [-50n, -7n, 0n, 7n, 50n].map((x) => [
        ['x', x],
        ['y', 4n],
      ]),
    },
    {
      fn: await pyFunction(
        'def f(x: int, y: int) -> int:\n    while x > 0 or y > 0:\n        x = x // 3 - x % 2\n        y = y - 1\n    return x\n',
      ),
      inputs: [-20n, -1n, 5n, 40n].map((x) => [
        ['x', x],
        ['y', 3n],
      ]),
    },
    {
      fn: await cFunction(
        `${NONDET}int f(int x) { while (x > 0) { int t = __VERIFIER_nondet_int(); if (t > 0) x = x - t; else x = x + t; } return x; }`,
      ),
      inputs: [[['x', 10n]]],
      nondet: [3n, -2n, 0n, 4n, 9n],
    },
  ];
  for (const c of cases) {
    const loop = outerLoop(c.fn);
    const r = ok(extractLoop(c.fn, loop));
    let steps = 0;
    for (const i of c.inputs) steps += checkSteps(c.fn, loop, r, new Map(i), c.nondet ?? []);
    assert.ok(steps > 0);
  }
});
