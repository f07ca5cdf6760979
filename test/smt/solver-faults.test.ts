/**
 * A broken Z3 costs one query, never the process: the worker that crashed,
 * went silent or ran out of memory answers that query unknown (with the
 * reason) and is replaced, and the next query is answered as usual.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Term } from '../../src/smt/index.js';
import {
  bvBinary,
  bvCompare,
  bvConst,
  bvSort,
  checkSat,
  eq,
  initSolver,
  modelScalars,
  mkVar,
} from '../../src/smt/index.js';
import { injectSolverFault } from '../../src/smt/solver.js';

/** x * x = 49 over 8 bits: sat, with x = 7 among the answers. */
async function answersNormally(): Promise<void> {
  const x = mkVar('x', bvSort(8));
  const r = await checkSat(
    { assertions: [eq(bvBinary('bvmul', x, x), bvConst(8, 49n))] },
    { timeoutMs: 10_000, modelOf: ['x'] },
  );
  assert.equal(r.status, 'sat', `after a fault: ${r.reason ?? ''}`);
  const v = modelScalars(r.model).get('x') ?? 0n;
  assert.equal((v * v) % 256n, 49n);
}

/** A product of 40 unknown 64-bit factors equal to a constant: bit-blasting it needs much memory. */
function memoryHungry(): Term[] {
  const xs = Array.from({ length: 40 }, (_, i) => mkVar(`f${i}`, bvSort(64)));
  const product = xs.slice(1).reduce<Term>((acc, x) => bvBinary('bvmul', acc, x), xs[0]);
  const odd = xs.map((x) => bvCompare('bvult', bvConst(64, 1n), x));
  return [eq(product, bvConst(64, 0x100000007n)), ...odd];
}

test('a worker that exits is replaced', async () => {
  await answersNormally();
  const before = await initSolver();
  await injectSolverFault({ kind: 'exit' });
  await answersNormally();
  assert.notEqual(await initSolver(), before, 'a new worker loaded Z3 again');
});

test('a worker that stops answering costs one unknown query, then is replaced', async () => {
  await injectSolverFault({ kind: 'silence' });
  const x = mkVar('x', bvSort(8));
  const r = await checkSat({ assertions: [eq(x, bvConst(8, 1n))] }, { timeoutMs: 100 });
  assert.equal(r.status, 'unknown');
  // The worker is replaced; for the caller, the query ran out of time.
  assert.equal(r.reason, 'timeout');
  await answersNormally();
});

test('running out of memory gives unknown (out of memory, or the abort it causes), then a fresh worker', async () => {
  await injectSolverFault({ kind: 'memory-limit', mb: 32 });
  const r = await checkSat({ assertions: memoryHungry() }, { timeoutMs: 3000 });
  // Out of memory, or the abort it causes; after an abort the query is asked
  // once more of a fresh worker (normal limit), which may answer or time out.
  if (r.status === 'unknown') assert.match(r.reason ?? '', /out of memory|crashed|timeout/);
  else assert.equal(r.status, 'sat');
  await answersNormally();
});
