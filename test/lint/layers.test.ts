/**
 * The layering rules of `npm run lint` (.dependency-cruiser.cjs) bite: in a
 * scratch tree shaped like src/, an import from a lower layer to a higher one
 * fails, so does an import cycle, and an allowed import passes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const depcruise = join(repo, 'node_modules', '.bin', 'depcruise');
const config = join(repo, '.dependency-cruiser.cjs');

const root = mkdtempSync(join(tmpdir(), 'arc-layers-'));
after(() => rmSync(root, { recursive: true, force: true }));

let trees = 0;

/** Lints a scratch tree of `files` (path → source) with arc's rules. */
function lint(files: Record<string, string>): { code: number | null; out: string } {
  const dir = join(root, `tree-${++trees}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
      include: ['src/**/*.ts'],
    }),
  );
  const r = spawnSync(depcruise, ['src', '--config', config], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the layering rules', () => {
  it('an allowed import passes (api may use core)', () => {
    const r = lint({
      'src/core/answer.ts': 'export const EXIT = 0;\n',
      'src/api/prove.ts': "import { EXIT } from '../core/answer.js';\nexport const x = EXIT;\n",
    });
    assert.equal(r.code, 0, r.out);
  });

  it('a forbidden import fails lint (core may import nothing of arc)', () => {
    const r = lint({
      'src/core/answer.ts': "import { x } from '../api/prove.js';\nexport const EXIT = x;\n",
      'src/api/prove.ts': 'export const x = 0;\n',
    });
    assert.notEqual(r.code, 0, r.out);
    assert.match(r.out, /layer-core: src\/core\/answer\.ts → src\/api\/prove\.ts/);
  });

  it('smt may use the value layer (ir/value.ts) but not the rest of ir/', () => {
    const value = 'export type Value = bigint;\n';
    const ok = lint({
      'src/ir/value.ts': value,
      'src/smt/solver.ts': "import type { Value } from '../ir/value.js';\nexport type M = Value;\n",
    });
    assert.equal(ok.code, 0, ok.out);
    const bad = lint({
      'src/ir/value.ts': value,
      'src/ir/ir.ts': 'export const IR = 1;\n',
      'src/smt/solver.ts': "import { IR } from '../ir/ir.js';\nexport const x = IR;\n",
    });
    assert.notEqual(bad.code, 0, bad.out);
    assert.match(bad.out, /layer-smt: src\/smt\/solver\.ts → src\/ir\/ir\.ts/);
  });

  it('an engine may not import another engine', () => {
    const r = lint({
      'src/engines/bmc/bmc.ts': "import { y } from '../chc/index.js';\nexport const x = y;\n",
      'src/engines/chc/index.ts': 'export const y = 0;\n',
    });
    assert.notEqual(r.code, 0, r.out);
    assert.match(r.out, /engine-bmc/);
  });

  it('an import cycle fails lint, even within one folder', () => {
    const r = lint({
      'src/ir/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
      'src/ir/b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
    });
    assert.notEqual(r.code, 0, r.out);
    assert.match(r.out, /no-circular/);
  });
});
