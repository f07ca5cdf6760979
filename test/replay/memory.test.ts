/**
 * Compiled replay of memory-safety witnesses: the program is built with
 * AddressSanitizer + UBSan (+ LeakSanitizer for the leak kinds) and judged
 * by the first report's kind and user line. Every case runs with each of
 * clang and gcc that is installed (the harness falls back from one to the
 * other); a case that needs a compiler that is missing is skipped.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  judge,
  replayWithCompiler,
  type CompilerReplayRequest,
  type Observed,
  type ReplayKind,
} from '../../src/replay/compiler.js';
import { findOnPath } from '../../src/replay/toolchain.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-memory-replay-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

type Cc = 'clang' | 'gcc';
const COMPILERS: readonly Cc[] = ['clang', 'gcc'];
const installed = (cc: Cc): string | null => findOnPath(cc);

/** Lines of C, numbered from 1 in the order given. */
const c = (...lines: string[]): string => `${lines.join('\n')}\n`;

type Param = [name: string, type: string, value: bigint];

interface Case {
  what: string;
  text: string;
  fn: string;
  params?: Param[];
  kind: ReplayKind;
  line: number;
  mallocChoices?: boolean[];
  /** The expected status and detail, for every compiler or per compiler. */
  expect: RegExp | Record<Cc, RegExp>;
}

const i = (v: bigint): Param[] => [['i', 'int', v]];

const HEAP = c(
  '#include <stdlib.h>',
  'int heap(int i) {',
  '  int *p = malloc(4 * sizeof(int));',
  '  if (p == 0) return 0;',
  '  p[i] = 1;',
  '  free(p);',
  '  return 0;',
  '}',
);
const STACK = c(
  'int stack(int i) {',
  '  int a[4] = {0, 1, 2, 3};',
  '  int *q = a;',
  '  q[i] = 7;',
  '  return a[i];',
  '}',
);
const INDEX = c('int index_(int i) {', '  int a[4] = {0, 1, 2, 3};', '  return a[i];', '}');
const GLOBAL = c('int g[4];', 'int glob(int i) {', '  int *q = g;', '  return q[i];', '}');
const UAF = c(
  '#include <stdlib.h>',
  'int uaf(void) {',
  '  int *p = malloc(sizeof *p);',
  '  if (p == 0) return 0;',
  '  *p = 1;',
  '  free(p);',
  '  return *p;',
  '}',
);
const RETURNED = c(
  'static int *local(void) {',
  '  int x = 42;',
  '  int *p = &x;',
  '  return p;',
  '}',
  'int uar(void) {',
  '  int *p = local();',
  '  return *p;',
  '}',
);
const SCOPE = c(
  'int scope(void) {',
  '  int *p;',
  '  {',
  '    int x = 1;',
  '    p = &x;',
  '  }',
  '  return *p;',
  '}',
);
const DOUBLE_FREE = c(
  '#include <stdlib.h>',
  'void df(int i) {',
  '  char *p = malloc(8);',
  '  free(p);',
  '  if (i) free(p);',
  '}',
);
const FREE_STACK = c('#include <stdlib.h>', 'void fs(void) {', '  int x = 0;', '  free(&x);', '}');
const FREE_INSIDE = c(
  '#include <stdlib.h>',
  'void fi(void) {',
  '  char *p = malloc(8);',
  '  if (p == 0) return;',
  '  free(p + 1);',
  '}',
);
const NULL_DEREF = c(
  'int nd(int i) {',
  '  int x = 5;',
  '  int *p = 0;',
  '  if (i) p = &x;',
  '  return *p;',
  '}',
);
const LITERAL = c('void lit(int i) {', '  char *s = "abc";', '  s[i] = 0;', '}');
const NULL_CALL = c(
  'static void (*handler)(int);',
  'static void dispatch(int v) {',
  '  handler(v);',
  '}',
  'int call(int i) {',
  '  dispatch(i);',
  '  return 0;',
  '}',
);
const WRONG_TYPE = c(
  'static int twice(int x) { return 2 * x; }',
  'int vc(void) {',
  '  long (*f)(long, long) = (long (*)(long, long))twice;',
  '  return (int)f(1, 2);',
  '}',
);
const PAIR_HEAP = c(
  '#include <stdlib.h>',
  'int pc(void) {',
  '  char *a = malloc(4);',
  '  char *b = malloc(4);',
  '  if (a == 0 || b == 0) return 0;',
  '  int r = a < b;',
  '  free(a);',
  '  free(b);',
  '  return r;',
  '}',
);
const PAIR_GLOBAL = c(
  'int ga[4];',
  'int gb[4];',
  'int pg(void) {',
  '  return &ga[1] < &gb[1];',
  '}',
);
const OVERLAP = c(
  '#include <string.h>',
  'void ov(int n) {',
  '  char buf[16] = "abcdefghijklmno";',
  '  memcpy(buf + 1, buf, n);',
  '}',
);
const NULL_ARG = c(
  '#include <string.h>',
  'void na(int n) {',
  '  char buf[4] = "abc";',
  '  memcpy(0, buf, n);',
  '}',
);
const ABS = c('#include <stdlib.h>', 'int ab(int x) {', '  return abs(x);', '}');
const ARITH = c(
  'int ar(int i) {',
  '  int a[4] = {0, 1, 2, 3};',
  '  int *p = a;',
  '  int *q = p + i;',
  '  return q == p;',
  '}',
);
const ARITH_ARRAY = c(
  'int aa(int i) {',
  '  int a[4] = {0, 1, 2, 3};',
  '  int *q = a + i;',
  '  return q == a;',
  '}',
);
const LEAK_LOST = c(
  '#include <stdlib.h>',
  'static void make(void) {',
  '  int *p = malloc(sizeof *p);',
  '  if (p) *p = 1;',
  '}',
  'int main(void) {',
  '  make();',
  '  return 0;',
  '}',
);
const LEAK_GLOBAL = c(
  '#include <stdlib.h>',
  'int *kept;',
  'int main(void) {',
  '  kept = malloc(sizeof *kept);',
  '  return 0;',
  '}',
);
const LEAK_EXIT = c(
  '#include <stdlib.h>',
  'int main(void) {',
  '  int *p = malloc(16);',
  '  if (p) p[0] = 1;',
  '  exit(0);',
  '}',
);
const NO_LEAK = c(
  '#include <stdio.h>',
  '#include <stdlib.h>',
  'int main(void) {',
  '  int *p = malloc(16);',
  '  printf("hello %p\\n", (void *)p);',
  '  free(p);',
  '  return 0;',
  '}',
);
const CHOICE = c(
  '#include <stdlib.h>',
  'int mc(void) {',
  '  int *p = malloc(sizeof(int));',
  '  *p = 5;',
  '  int r = *p;',
  '  free(p);',
  '  return r;',
  '}',
);
const CHOICES = c(
  '#include <stdlib.h>',
  '#include <string.h>',
  'int many(void) {',
  '  char *a = calloc(2, 4);',
  '  char *b = strdup("xy");',
  '  char *c = realloc(a, 16);',
  '  int r = b[0] + c[0];',
  '  free(b);',
  '  free(c);',
  '  return r;',
  '}',
);
const ASSERTED = c(
  '#include <assert.h>',
  '#include <stdlib.h>',
  'int as(void) {',
  '  int *p = malloc(sizeof(int));',
  '  assert(p != 0);',
  '  free(p);',
  '  return 0;',
  '}',
);
/** No <stdlib.h>: its own declaration of malloc, and malloc through a function pointer. */
const OWN_DECL = c(
  'extern void *malloc(unsigned long);',
  'extern void free(void *);',
  'int own(void) {',
  '  void *(*alloc)(unsigned long) = malloc;',
  '  int *p = alloc(sizeof(int));',
  '  *p = 3;',
  '  free(p);',
  '  return 0;',
  '}',
);
const MALLOC_H = c(
  '#include <malloc.h>',
  '#include <stdlib.h>',
  'int mh(void) {',
  '  int *p = (malloc)(sizeof(int));',
  '  *p = 3;',
  '  free(p);',
  '  return 0;',
  '}',
);

const DISAGREES = /^disagrees/;

const CASES: Case[] = [
  {
    what: 'heap overflow',
    text: HEAP,
    fn: 'heap',
    params: i(4n),
    kind: 'valid-deref',
    line: 5,
    expect: /^agrees.*heap-buffer-overflow at line 5/,
  },
  {
    what: 'heap access in bounds',
    text: HEAP,
    fn: 'heap',
    params: i(3n),
    kind: 'valid-deref',
    line: 5,
    expect: /^disagrees.*returned normally/,
  },
  {
    what: 'stack overflow of a local array through a pointer',
    text: STACK,
    fn: 'stack',
    params: i(4n),
    kind: 'valid-deref',
    line: 4,
    expect: /^agrees.*stack-buffer-overflow at line 4/,
  },
  {
    what: 'a local array indexed out of bounds (UBSan)',
    text: INDEX,
    fn: 'index_',
    params: i(5n),
    kind: 'valid-deref',
    line: 3,
    expect: /^agrees.*index out of bounds/,
  },
  {
    what: 'global overflow',
    text: GLOBAL,
    fn: 'glob',
    params: i(4n),
    kind: 'valid-deref',
    line: 4,
    expect: /^agrees.*global-buffer-overflow at line 4/,
  },
  {
    what: 'use after free',
    text: UAF,
    fn: 'uaf',
    kind: 'valid-deref',
    line: 7,
    expect: /^agrees.*heap-use-after-free at line 7/,
  },
  {
    what: 'a dangling pointer to a local of a returned function',
    text: RETURNED,
    fn: 'uar',
    kind: 'valid-deref',
    line: 8,
    expect: /^agrees.*stack-use-after-return at line 8/,
  },
  {
    what: 'a pointer to a local whose block has ended',
    text: SCOPE,
    fn: 'scope',
    kind: 'valid-deref',
    line: 7,
    expect: /^agrees.*stack-use-after-scope at line 7/,
  },
  {
    what: 'double free',
    text: DOUBLE_FREE,
    fn: 'df',
    params: i(1n),
    kind: 'valid-free',
    line: 5,
    expect: /^agrees.*double-free at line 5/,
  },
  {
    what: 'no double free on the other input',
    text: DOUBLE_FREE,
    fn: 'df',
    params: i(0n),
    kind: 'valid-free',
    line: 5,
    expect: DISAGREES,
  },
  {
    what: 'free of a stack address',
    text: FREE_STACK,
    fn: 'fs',
    kind: 'valid-free',
    line: 4,
    expect: /^agrees.*bad-free at line 4/,
  },
  {
    what: 'free of a pointer inside its block',
    text: FREE_INSIDE,
    fn: 'fi',
    kind: 'valid-free',
    line: 5,
    expect: /^agrees.*bad-free at line 5/,
  },
  {
    what: 'a double free is not an invalid dereference',
    text: DOUBLE_FREE,
    fn: 'df',
    params: i(1n),
    kind: 'valid-deref',
    line: 5,
    expect: /^disagrees.*double-free at line 5/,
  },
  {
    what: 'NULL dereference',
    text: NULL_DEREF,
    fn: 'nd',
    params: i(0n),
    kind: 'valid-deref',
    line: 5,
    expect: /^agrees.*null pointer access at line 5/,
  },
  {
    what: 'write to a string literal',
    text: LITERAL,
    fn: 'lit',
    params: i(0n),
    kind: 'valid-deref',
    line: 3,
    expect: /^agrees.*SEGV at line 3.*WRITE/,
  },
  {
    what: 'call through a NULL function pointer: the line of the call, not of its caller',
    text: NULL_CALL,
    fn: 'call',
    params: i(1n),
    kind: 'valid-call',
    line: 3,
    expect: /^agrees.*call through an invalid function pointer at line 3/,
  },
  {
    what: 'a call through NULL at another line',
    text: NULL_CALL,
    fn: 'call',
    params: i(1n),
    kind: 'valid-deref',
    line: 6,
    expect: /^disagrees.*call through an invalid function pointer at line 3/,
  },
  {
    what: 'a call through a pointer to a function of another type: no sanitizer sees it',
    text: WRONG_TYPE,
    fn: 'vc',
    kind: 'valid-call',
    line: 4,
    expect: /^unavailable.*function of the type it is called with/,
  },
  {
    what: 'comparison of pointers into two heap blocks',
    text: PAIR_HEAP,
    fn: 'pc',
    kind: 'valid-pointer-compare',
    line: 6,
    expect: /^agrees.*invalid-pointer-pair at line 6/,
  },
  {
    what: "comparison of pointers into two globals (clang's ASan does not check them)",
    text: PAIR_GLOBAL,
    fn: 'pg',
    kind: 'valid-pointer-compare',
    line: 4,
    expect: { clang: /^unavailable.*two global objects/, gcc: /^agrees.*invalid-pointer-pair/ },
  },
  {
    what: 'memcpy with overlapping regions',
    text: OVERLAP,
    fn: 'ov',
    params: [['n', 'int', 4n]],
    kind: 'library',
    line: 4,
    expect: /^agrees.*param-overlap at line 4/,
  },
  {
    what: 'memcpy with disjoint regions',
    text: OVERLAP,
    fn: 'ov',
    params: [['n', 'int', 1n]],
    kind: 'library',
    line: 4,
    expect: DISAGREES,
  },
  {
    what: 'memcpy to NULL with a length of 0',
    text: NULL_ARG,
    fn: 'na',
    params: [['n', 'int', 0n]],
    kind: 'library',
    line: 4,
    expect: /^agrees.*null argument at line 4/,
  },
  {
    what: 'abs of INT_MIN: no sanitizer checks it',
    text: ABS,
    fn: 'ab',
    params: [['x', 'int', -2147483648n]],
    kind: 'library',
    line: 3,
    expect: /^unavailable.*argument of abs/,
  },
  {
    what: 'pointer arithmetic never used',
    text: ARITH,
    fn: 'ar',
    params: i(10n),
    kind: 'valid-pointer-arith',
    line: 4,
    expect: /^unavailable.*no sanitizer catches pointer arithmetic that is never used/,
  },
  {
    what: 'pointer arithmetic on an array (clang checks it against the bound)',
    text: ARITH_ARRAY,
    fn: 'aa',
    params: i(10n),
    kind: 'valid-pointer-arith',
    line: 3,
    expect: {
      clang: /^agrees.*index out of bounds at line 3/,
      gcc: /^unavailable.*never used/,
    },
  },
  {
    what: 'an access out of bounds confirms pointer arithmetic arc flags on its line',
    text: HEAP,
    fn: 'heap',
    params: i(4n),
    kind: 'valid-pointer-arith',
    line: 5,
    expect: /^agrees.*same line.*heap-buffer-overflow/,
  },
  {
    what: 'memtrack: a block lost in a callee (a stale copy in a dead frame must not hide it)',
    text: LEAK_LOST,
    fn: 'main',
    kind: 'valid-memtrack',
    line: 8,
    expect: /^agrees.*LeakSanitizer reports detected memory leaks.*allocated at line\(s\) 3/,
  },
  {
    what: 'memcleanup: a block lost in a callee',
    text: LEAK_LOST,
    fn: 'main',
    kind: 'valid-memcleanup',
    line: 8,
    expect: /^agrees.*detected memory leaks/,
  },
  {
    what: 'memcleanup: a block still reachable from a global counts',
    text: LEAK_GLOBAL,
    fn: 'main',
    kind: 'valid-memcleanup',
    line: 5,
    expect: /^agrees.*allocated at line\(s\) 4/,
  },
  {
    what: 'memtrack: a block reachable from a global is not lost',
    text: LEAK_GLOBAL,
    fn: 'main',
    kind: 'valid-memtrack',
    line: 5,
    expect: /^disagrees.*returned normally/,
  },
  {
    what: 'memtrack at exit(): the locals of the caller are gone',
    text: LEAK_EXIT,
    fn: 'main',
    kind: 'valid-memtrack',
    line: 5,
    expect: /^agrees.*allocated at line\(s\) 3/,
  },
  {
    what: "memcleanup of a program that frees everything (stdio's own buffer is not the program's)",
    text: NO_LEAK,
    fn: 'main',
    kind: 'valid-memcleanup',
    line: 7,
    expect: /^disagrees.*returned normally/,
  },
  {
    what: 'malloc choice false: the unchecked result is a NULL dereference',
    text: CHOICE,
    fn: 'mc',
    kind: 'valid-deref',
    line: 4,
    mallocChoices: [false],
    expect: /^agrees.*null pointer access at line 4/,
  },
  {
    what: 'malloc choice true: the program runs clean',
    text: CHOICE,
    fn: 'mc',
    kind: 'valid-deref',
    line: 4,
    mallocChoices: [true],
    expect: /^disagrees.*returned normally/,
  },
  {
    what: 'an exhausted choice list means success',
    text: CHOICE,
    fn: 'mc',
    kind: 'valid-deref',
    line: 4,
    mallocChoices: [],
    expect: DISAGREES,
  },
  {
    what: 'calloc, strdup and realloc each take a choice in order (strdup fails)',
    text: CHOICES,
    fn: 'many',
    kind: 'valid-deref',
    line: 7,
    mallocChoices: [true, false, true],
    expect: /^agrees.*(null pointer access|offset applied to a null pointer) at line 7/,
  },
  {
    what: 'calloc, strdup and realloc each take a choice in order (realloc fails)',
    text: CHOICES,
    fn: 'many',
    kind: 'valid-deref',
    line: 7,
    mallocChoices: [true, true, false],
    expect: /^agrees.*(null pointer access|offset applied to a null pointer) at line 7/,
  },
  {
    what: 'calloc, strdup and realloc all succeed',
    text: CHOICES,
    fn: 'many',
    kind: 'valid-deref',
    line: 7,
    mallocChoices: [true, true, true],
    expect: /^disagrees.*returned normally/,
  },
  {
    what: 'malloc choices also steer a witness of another kind (an assertion)',
    text: ASSERTED,
    fn: 'as',
    kind: 'assertion',
    line: 5,
    mallocChoices: [false],
    expect: /^agrees.*assertion failed/,
  },
  {
    what: "the file's own malloc declaration, malloc through a function pointer",
    text: OWN_DECL,
    fn: 'own',
    kind: 'valid-deref',
    line: 6,
    mallocChoices: [false],
    expect: /^agrees.*null pointer access at line 6/,
  },
  {
    what: '<malloc.h> and (malloc)(n)',
    text: MALLOC_H,
    fn: 'mh',
    kind: 'valid-deref',
    line: 5,
    mallocChoices: [false],
    expect: /^agrees.*null pointer access at line 5/,
  },
  {
    what: 'the right violation at the wrong line',
    text: HEAP,
    fn: 'heap',
    params: i(4n),
    kind: 'valid-deref',
    line: 6,
    expect: /^disagrees.*expected valid-deref at line 6, but .*heap-buffer-overflow at line 5/,
  },
];

/** The replay of case `k` with the compiler at path `cc`, in a file of its own. */
function request(cc: string, k: Case, n: number): CompilerReplayRequest {
  const file = join(dir, `${basename(cc)}-${n}.c`);
  writeFileSync(file, k.text);
  return {
    file,
    functionName: k.fn,
    params: (k.params ?? []).map(([name, sourceType, value]) => ({ name, sourceType, value })),
    nondet: [],
    expected: { kind: k.kind, line: k.line },
    dataModel: 'LP64',
    timeoutMs: 20_000,
    compiler: cc,
    ...(k.mallocChoices !== undefined ? { mallocChoices: k.mallocChoices } : {}),
  };
}

for (const cc of COMPILERS) {
  const path = installed(cc);
  const skip = path === null ? `${cc} is not installed` : false;
  describe(`memory-safety replay with ${cc}`, { skip, concurrency: 4 }, () => {
    CASES.forEach((k, n) => {
      const expect = k.expect instanceof RegExp ? k.expect : k.expect[cc];
      it(`${k.what}: ${k.kind} at line ${k.line} gives ${expect}`, async () => {
        const r = await replayWithCompiler(request(path ?? cc, k, n));
        assert.match(`${r.status}: ${r.detail}`, expect);
        if (process.env.ARC_SHOW_REPLAY) console.log(`${cc} ${k.what}\n  ${r.status}: ${r.detail}`);
        assert.equal(r.compiler, cc);
      });
    });
  });
}

describe('memory-safety replay: choosing and falling back', () => {
  const clang = installed('clang');
  const gcc = installed('gcc');
  it(
    'valid-pointer-compare prefers gcc, whose ASan checks pairs of globals',
    { skip: clang === null || gcc === null ? 'needs clang and gcc' : false },
    async () => {
      const { compiler: _, ...req } = request(
        'default',
        CASES.find((k) => k.fn === 'pg')!,
        100,
      );
      const r = await replayWithCompiler(req);
      assert.match(r.compiler ?? '', /^(cc|gcc)$/, r.detail);
      assert.equal(r.status, 'agrees', r.detail);
    },
  );
  it(
    'a compiler without the ASan runtime falls back to the next, and says so',
    { skip: clang === null && gcc === null ? 'no compiler' : false },
    async () => {
      // A stand-in for a clang whose ASan runtime is not installed.
      const noAsan = join(dir, 'clang-without-asan');
      writeFileSync(
        noAsan,
        '#!/bin/sh\necho "/usr/bin/ld: cannot find libclang_rt.asan-x86_64.a: No such file or directory" >&2\nexit 1\n',
      );
      chmodSync(noAsan, 0o755);
      const real = (clang ?? gcc)!;
      const r = await replayWithCompiler({
        ...request(real, CASES[0], 101),
        compiler: [noAsan, real],
      });
      assert.equal(r.status, 'agrees', r.detail);
      assert.match(
        r.detail,
        /after 1 compiler\(s\) could not build it: no working `.*clang-without-asan -fsanitize=address`/,
      );
      const none = await replayWithCompiler({
        ...request(real, CASES[0], 104),
        compiler: [noAsan],
      });
      assert.equal(none.status, 'unavailable', none.detail);
    },
  );
  it(
    "frames of the harness are skipped, even in a user file called like the harness's runtime.c",
    { skip: clang === null && gcc === null ? 'no compiler' : false },
    async () => {
      const sub = join(dir, 'named');
      mkdirSync(sub, { recursive: true });
      const file = join(sub, 'runtime.c');
      writeFileSync(
        file,
        c(
          '#include <stdlib.h>',
          '#include <string.h>',
          'int rt(void) {',
          '  char *s = malloc(4);',
          '  if (s == 0) return 0;',
          '  strcpy(s, "ab");',
          '  free(s);',
          '  char *t = strdup(s);',
          '  free(t);',
          '  return 0;',
          '}',
        ),
      );
      for (const cc of [clang, gcc]) {
        if (cc === null) continue;
        const r = await replayWithCompiler({
          file,
          functionName: 'rt',
          params: [],
          nondet: [],
          expected: { kind: 'valid-deref', line: 8 },
          dataModel: 'LP64',
          compiler: cc,
          mallocChoices: [true, true],
        });
        assert.match(`${r.status}: ${r.detail}`, /^agrees.*heap-use-after-free at line 8/, cc);
      }
    },
  );
  it(
    'ILP32 either replays under ASan or is unavailable, never a false disagreement',
    { skip: clang === null && gcc === null ? 'no compiler' : false },
    async () => {
      for (const cc of [clang, gcc]) {
        if (cc === null) continue;
        const k = CASES[0];
        const r = await replayWithCompiler({ ...request(cc, k, 102), dataModel: 'ILP32' });
        assert.ok(r.status === 'agrees' || r.status === 'unavailable', r.detail);
        const leak = CASES.find((x) => x.kind === 'valid-memtrack')!;
        const l = await replayWithCompiler({ ...request(cc, leak, 103), dataModel: 'ILP32' });
        assert.ok(l.status === 'agrees' || l.status === 'unavailable', l.detail);
      }
    },
  );
});

describe('judging memory reports (no compiler needed)', () => {
  const file = '/tmp/user.c';
  const report = (confirms: ReplayKind[], line: number | null, extra = {}): Observed => ({
    kind: 'memory',
    tool: 'AddressSanitizer',
    report: 'r',
    confirms,
    line,
    message: 'm',
    ...extra,
  });
  it('the confirmed kind at the expected line agrees; another line disagrees', () => {
    const o = report(['valid-deref'], 5);
    assert.equal(judge(o, { kind: 'valid-deref', line: 5 }, file).status, 'agrees');
    assert.equal(judge(o, { kind: 'valid-deref', line: 6 }, file).status, 'disagrees');
    assert.equal(judge(o, { kind: 'valid-free', line: 5 }, file).status, 'disagrees');
  });
  it('a leak agrees at any line, and only for the leak kinds', () => {
    const o = report(['valid-memtrack', 'valid-memcleanup'], null, { allocatedAt: [3] });
    assert.equal(judge(o, { kind: 'valid-memtrack', line: 40 }, file).status, 'agrees');
    assert.equal(judge(o, { kind: 'valid-memcleanup', line: 1 }, file).status, 'agrees');
    assert.equal(judge(o, { kind: 'valid-deref', line: 3 }, file).status, 'disagrees');
  });
  it('a report in no frame of the user file confirms nothing', () => {
    const o = report(['valid-deref'], null);
    assert.equal(judge(o, { kind: 'valid-deref', line: 5 }, file).status, 'disagrees');
  });
  it('pointer arithmetic that nothing catches is unavailable, unless the run left the path', () => {
    const clean: Observed = { kind: 'returned' };
    const r = judge(clean, { kind: 'valid-pointer-arith', line: 4 }, file);
    assert.equal(r.status, 'unavailable');
    assert.match(r.detail, /never used/);
    const off: Observed = { kind: 'other', description: 'nondet mismatch', divergent: true };
    assert.equal(judge(off, { kind: 'valid-pointer-arith', line: 4 }, file).status, 'disagrees');
  });
  it('pointer pairs in globals are a blind spot of clang only', () => {
    const clean: Observed = { kind: 'returned' };
    const want = { kind: 'valid-pointer-compare', line: 4 } as const;
    assert.equal(judge(clean, want, file, 'clang').status, 'unavailable');
    assert.equal(judge(clean, want, file, 'gcc').status, 'disagrees');
    assert.equal(judge(clean, want, file, 'cc', { clang: true }).status, 'unavailable');
  });
  it('a library precondition no sanitizer checks (abs, <ctype.h>) is unavailable; memcpy is not', () => {
    const clean: Observed = { kind: 'returned' };
    const want = { kind: 'library', line: 3 } as const;
    const abs = judge(clean, want, file, 'clang', { sourceLine: '  return abs(x);' });
    assert.equal(abs.status, 'unavailable');
    const ctype = judge(clean, want, file, 'clang', { sourceLine: 'if (isdigit(c)) n++;' });
    assert.equal(ctype.status, 'unavailable');
    const copy = judge(clean, want, file, 'clang', { sourceLine: '  memcpy(d, s, n);' });
    assert.equal(copy.status, 'disagrees');
  });
  it('an inconclusive run is unavailable', () => {
    const o: Observed = { kind: 'inconclusive', description: 'the sanitizer could not run' };
    assert.equal(judge(o, { kind: 'valid-free', line: 2 }, file).status, 'unavailable');
  });
  it('the old kinds are judged as before', () => {
    const o: Observed = { kind: 'ub', category: 'overflow', file, line: 3, message: 'x' };
    assert.equal(judge(o, { kind: 'overflow', line: 3 }, file).status, 'agrees');
    assert.equal(
      judge(report(['valid-deref'], 3), { kind: 'overflow', line: 3 }, file).status,
      'disagrees',
    );
  });
});
