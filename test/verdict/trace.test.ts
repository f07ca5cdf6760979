/**
 * Counterexample traces: each source line of the run with the values it
 * assigned, and for a long run only its first and last lines — which must be
 * exactly the first and last lines of the full trace.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lowerCFile } from '../../src/frontends/c/index.js';
import type { IrFunction } from '../../src/ir/ir.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import { traceSteps } from '../../src/verdict/source-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-trace-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = `extern void __VERIFIER_assert(int);
int f(int n) {
  int x = n;
  int y = 0;
  while (x > 0) {
    x -= 2;
    y += 2;
  }
  __VERIFIER_assert(y <= n);
  return y;
}
`;

async function setup(): Promise<{ fn: IrFunction; file: string }> {
  const file = join(dir, 'transfer.c');
  writeFileSync(file, SOURCE);
  const r = await lowerCFile(file, { dataModel: 'LP64', entry: 'f' });
  if (!r.ok) throw new Error('front-end failed');
  return { fn: r.program.functions.get('f') as IrFunction, file };
}

test('each line of the run carries the values it assigned', async () => {
  const { fn, file } = await setup();
  const inputs = new Map([[fn.params[0].name, 3n]]);
  const run = runFunction(fn, inputs, []);
  assert.equal(run.kind, 'violated');
  const source = { file, lines: readFileSync(file, 'utf8').split('\n') };
  const t = traceSteps(fn, inputs, [], run.path, source);
  assert.equal(t.omitted, 0);
  const shown = t.steps.map(
    (s) => `${s.line}:${(s.assigned ?? []).map((a) => `${a.name}=${a.value}`).join(',')}`,
  );
  assert.deepEqual(shown, [
    '3:x=3',
    '4:y=0',
    '5:',
    '6:x=1',
    '7:y=2',
    '5:',
    '6:x=-1',
    '7:y=4',
    '5:',
    '9:',
  ]);
});

test('a long run keeps exactly the first and last lines of its full trace', async () => {
  const { fn, file } = await setup();
  const source = { file, lines: readFileSync(file, 'utf8').split('\n') };
  for (const n of [7n, 51n, 1001n]) {
    const inputs = new Map([[fn.params[0].name, n]]);
    const run = runFunction(fn, inputs, []);
    const full = traceSteps(fn, inputs, [], run.path, source, 1_000_000);
    assert.equal(full.omitted, 0);
    for (const keep of [1, 4, 10, 40]) {
      const cut = traceSteps(fn, inputs, [], run.path, source, keep);
      if (full.steps.length <= 2 * keep) {
        assert.deepEqual(cut.steps, full.steps);
        continue;
      }
      assert.equal(cut.omitted, full.steps.length - 2 * keep, `n = ${n}, keep = ${keep}`);
      assert.deepEqual(cut.steps.slice(0, keep), full.steps.slice(0, keep));
      assert.deepEqual(cut.steps.slice(keep), full.steps.slice(full.steps.length - keep));
    }
  }
});
