/**
 * When a counterexample is replayed by the compiled program: an uninitialised
 * variable that is assigned before it is read does not stop it; one that is
 * read does (the compiled program's value cannot be chosen).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { prove } from '../../src/index.js';
import { findCompiler } from '../../src/replay/toolchain.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-compiler-replay-'));
const noCompiler = findCompiler() === null ? 'no C compiler on PATH' : false;

async function replayOf(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = await prove({ file });
  assert.equal(r.kind, 'verdict');
  if (r.kind !== 'verdict' || r.verdict.answer !== 'no') throw new Error(`expected no for ${name}`);
  return r.verdict.witness.replay.compiler;
}

test(
  'declared, then assigned from a nondet call: replayed by the compiled program',
  { skip: noCompiler },
  async () => {
    const compiler = await replayOf(
      'assigned.c',
      'extern int __VERIFIER_nondet_int(void);\nvoid reach_error(void);\nint main() {\n  int x;\n  x = __VERIFIER_nondet_int();\n  if (x == 5) reach_error();\n  return 0;\n}\n',
    );
    assert.equal(compiler, 'agrees');
  },
);

test('read while uninitialised: compiled replay not applicable', async () => {
  const compiler = await replayOf(
    'uninitialised.c',
    'void reach_error(void);\nint main() {\n  int x;\n  if (x == 5) reach_error();\n  return 0;\n}\n',
  );
  assert.equal(compiler, 'not-applicable');
});
