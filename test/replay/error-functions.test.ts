/**
 * Reaching reach_error() is the violation, whatever the file's own
 * definition of it does: an empty body followed by abort() must still count.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { replayWithCompiler } from '../../src/replay/compiler.js';
import { withErrorFunctionsReported } from '../../src/replay/harness.js';
import { findCompiler } from '../../src/replay/toolchain.js';

const EMPTY_REACH_ERROR = `extern int __VERIFIER_nondet_int(void);
extern void abort(void);
void reach_error() {}
int main() {
  int n = __VERIFIER_nondet_int();
  if (n == 42) { reach_error(); abort(); }
  return 0;
}
`;

test('only definitions of the error functions are renamed', () => {
  const out = withErrorFunctionsReported(
    'void reach_error(void);\nvoid reach_error() {}\nint f() { reach_error(); __VERIFIER_error(); }\nvoid __VERIFIER_error(void)\n{ }\n',
  );
  assert.equal(
    out,
    'void reach_error(void);\nvoid __arc_user_reach_error() {}\nint f() { reach_error(); __VERIFIER_error(); }\nvoid __arc_user___VERIFIER_error(void)\n{ }\n',
  );
});

test(
  'a call of an empty reach_error followed by abort() is confirmed',
  { skip: findCompiler() === null ? 'no C compiler' : false },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arc-error-fn-'));
    const file = join(dir, 'empty.c');
    writeFileSync(file, EMPTY_REACH_ERROR);
    const base = {
      file,
      functionName: 'main',
      params: [],
      expected: { kind: 'error-call' as const, line: 6 },
      dataModel: 'LP64' as const,
    };
    const hit = await replayWithCompiler({
      ...base,
      nondet: [{ source: '__VERIFIER_nondet_int', value: 42n }],
    });
    assert.equal(hit.status, 'agrees', hit.detail);
    const miss = await replayWithCompiler({
      ...base,
      nondet: [{ source: '__VERIFIER_nondet_int', value: 7n }],
    });
    assert.equal(miss.status, 'disagrees', miss.detail);
  },
);
