/**
 * Differential test of arc's C memory model: random small functions
 * `int f(unsigned char x, unsigned char y)` that start with
 * `if (x >= N || y >= N) return 0;` (N is 4 or 5, so every interesting input
 * can be run) and then do 3-8 random statements over a local array
 * `int a[k]`, a struct with an array member (`s.c[c]`, also through
 * `sp = &s`), a heap block `h` (malloc + loop, or calloc; freed under a
 * `freed` flag, maybe reallocated), a pointer `p` moving between a, h and
 * s.v (sometimes through `int **pp = &p`), a pointer `q` that may outlive a
 * block scope or a callee's frame, and optionally a 2-D array, a global
 * array, a heap struct and a string literal; with memcpy/memset, struct
 * copies, accesses in callees through pointer parameters, byte access
 * through `char *`, and `<` / `-` between pointers. Out-of-bounds indices
 * (also an index leaving its row or member array but not the object), use
 * after free / scope / return, double and invalid frees and comparisons of
 * pointers into different objects happen for SOME inputs of some programs
 * and for none in others.
 *
 * Two oracles run every input (x, y) in [0, N)²:
 * - the real program, compiled with clang (else gcc) and AddressSanitizer
 *   (with pointer-compare/-subtract) + UBSan, -fno-sanitize-recover=all, one
 *   forked child per input: clean with a return value, or a sanitizer report;
 * - arc's IR interpreter on the lowered function: `returned` with a value, or
 *   `violated` with a memory-safety property.
 * (a) They must agree per input on safe/unsafe, and on the value when safe (a
 * sanitizer may stop at a different but equivalent point: only that is
 * compared).
 *
 * (b) arc's `prove` (properties: memory-safety, malloc never fails) must be
 * sound against both: yes ⇒ no input is unsafe in either; no ⇒ its witness
 * input is unsafe in both; don't know is allowed for at most 20% of programs.
 * Every disagreement is printed with the program.
 *
 * The seed is fixed; set ARC_DIFF_SEED / ARC_DIFF_COUNT to explore,
 * ARC_DIFF_VERBOSE=1 to print every program and verdict, ARC_DIFF_KEEP=1 to
 * keep the generated files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prove } from '../../src/index.js';
import { lowerCFile } from '../../src/frontends/c/index.js';
import { PROPERTY_GROUPS, type IrFunction } from '../../src/ir/ir.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import { mapValue, type Value } from '../../src/ir/value.js';
import { Random, describeVerdict, prng } from './support.js';

// ---------------------------------------------------------------- generator

interface MemProgram {
  /** Inputs are x, y in [0, n). */
  readonly n: number;
  readonly source: string;
}

/**
 * Builds one program as text. Values stay small (no overflow: they only grow
 * by additions of small numbers, memset writes zeros; nothing stored into a
 * `char` exceeds 127), everything read is initialised, and pointer
 * arithmetic always stays within its object or one past its end, except
 * `p[-1]` / `p[1]` on a risky program where the access is then out of bounds
 * too (no sanitizer checks arithmetic alone); the memory errors are in the
 * accesses, frees, library calls and pointer comparisons.
 *
 * Each program has a risk level: at 0 every construct is written the safe way
 * (indices reduced modulo the array's size, uses of `h` and frees guarded by
 * the `freed` flag, `p` moved off the heap block before it is freed or
 * reallocated, `q` moved back before its block ends), so arc should prove
 * it; above 0 each construct is written the unsafe way with that probability,
 * which may still be safe for some or all inputs (guards, conditions).
 */
class MemGen extends Random {
  private n = 4;
  private k = 2;
  private c = 3;
  private temps = 0;
  private scoped = false;
  /** How likely each construct is written the unsafe way (0: safe by construction). */
  private risk = 0;
  /** p may point into the heap block (from some earlier statement on). */
  private pHeap = false;
  /** p may point to s.v. */
  private pStruct = false;
  /** p's address is taken (`int **pp = &p;`): p lives in memory, and is used through pp too. */
  private viaPP = false;
  /** There is a two-dimensional array `int m[2][k]`. */
  private matrix = false;
  /** The helper functions called (defined before f; arc inlines them). */
  private helpers = new Set<'put' | 'get' | 'keep'>();
  /** Optional objects: a global array g[k], a heap struct hs, a string literal str ("ab"). */
  private extras = { global: false, heapStruct: false, literal: false };

  private risky(): boolean {
    return this.chance(this.risk);
  }

  /** An index into an array of `size` elements: in bounds for every input unless risky. */
  private index(size: number): string {
    if (this.risky()) {
      if (this.chance(0.08)) return `${size}`;
      return this.pick(['x', 'y', 'x + 1', 'y - 1', '(x + y) % 5']);
    }
    return this.pick([
      `x % ${size}`,
      `y % ${size}`,
      `(x + y) % ${size}`,
      `${this.int(0, size - 1)}`,
    ]);
  }

  /** An element count for memcpy/memset on arrays of k ints: at most k unless risky. */
  private count(): string {
    if (this.risky()) return this.pick(['x', 'y', 'x + 1']);
    // Symbolic counts over a wide range make arc's byte loops slow to unwind: keep them narrow.
    return this.pick(['x % 2', 'y % 2 + 1', `${this.k}`, '1']);
  }

  private value(): string {
    const ts = Array.from({ length: this.temps }, (_, i) => `t${i}`);
    return ts.length > 0 && this.chance(0.25) ? this.pick(ts) : this.charValue();
  }

  /** A small value (no temporaries, so it always fits in a char). */
  private charValue(): string {
    return this.pick(['x', 'y', 'x + 1', 'y - 1', '(x + y) % 5', `${this.int(0, 5)}`]);
  }

  /** A non-negative offset: within the object, or (when risky) possibly one past its end. */
  private offset(): string {
    const e = this.pick(['x', 'y', 'x + 1', 'x + y', `${this.int(0, this.k)}`]);
    return `(${e}) % ${this.risky() ? this.k + 1 : this.k}`;
  }

  private cond(): string {
    const v = this.int(0, this.n - 1);
    return this.pick([
      `x == ${v}`,
      `y == ${v}`,
      'x > y',
      `x < ${this.int(1, this.n - 1)}`,
      '(x + y) % 3 == 0',
      'x',
      'y',
      'x != y',
    ]);
  }

  /** A guard that sometimes makes a risky index safe. */
  private guard(): string {
    return this.pick([
      `x < ${this.k}`,
      `y < ${this.k}`,
      `x + 1 < ${this.k}`,
      'y > 0',
      `x < ${this.c}`,
      `y < ${this.c}`,
      'x != y',
      'x < y',
    ]);
  }

  private temp(): string {
    return `t${this.temps++}`;
  }

  private guarded(stmt: string): string {
    return this.chance(0.25) ? `if (${this.guard()}) { ${stmt} }` : stmt;
  }

  /** A use of the heap block: guarded by the flag unless risky. */
  private heapUse(stmt: string): string {
    return this.risky() ? this.guarded(stmt) : `if (!freed) { ${stmt} }`;
  }

  /** `p = a;` when p may be in the heap block and the program is to stay safe. */
  private moveP(): string {
    return this.pHeap && !this.risky() ? ` ${this.pVar()} = a;` : '';
  }

  /** p as an lvalue: `p`, or `*pp` when its address is taken. */
  private pVar(): string {
    return this.viaPP && this.chance(0.5) ? '*pp' : 'p';
  }

  /** The int p points to. */
  private deref(): string {
    return this.viaPP && this.chance(0.5) ? '**pp' : '*p';
  }

  private statement(): string {
    const k = this.k;
    const c = this.c;
    for (;;) {
      switch (this.int(0, 35)) {
        case 0:
        case 1:
        case 2:
          return this.guarded(`a[${this.index(k)}] = ${this.value()};`);
        case 3:
        case 4:
          return this.heapUse(`h[${this.index(k)}] = a[${this.index(k)}];`);
        case 5:
          return this.heapUse(`a[${this.index(k)}] = h[${this.index(k)}];`);
        case 6:
        case 7:
          return this.guarded(
            `${this.pick(['s.c', 'sp->c'])}[${this.index(c)}] = ${this.charValue()};`,
          );
        case 8:
          return this.guarded(`s.v = a[${this.index(k)}] + s.c[${this.index(c)}];`);
        case 9:
        case 10: {
          const r = this.rnd();
          if (r < 0.35) {
            this.pHeap = true;
            return `if (!freed) ${this.pVar()} = h + ${this.offset()};`;
          }
          if (r < 0.45) {
            this.pStruct = true;
            return `${this.pVar()} = &s.v;`;
          }
          return `${this.pVar()} = a + ${this.offset()};`;
        }
        case 11:
          return this.guarded(`${this.deref()} = ${this.value()};`);
        case 12:
          return `int ${this.temp()} = a[${this.index(k)}] + sp->c[${this.index(c)}];`;
        case 13:
          if (this.chance(0.5)) return `int ${this.temp()} = ${this.deref()};`;
          if (this.risky()) return `int ${this.temp()} = h[${this.index(k)}];`;
          return `int ${this.temp()} = freed ? 0 : h[${this.index(k)}];`;
        case 14:
        case 15:
          return this.risky()
            ? `if (${this.cond()}) { free(h); freed = 1;${this.moveP()} }`
            : `if (!freed && ${this.cond()}) { free(h); freed = 1;${this.moveP()} }`;
        case 16:
          if (this.risky()) return `if (!freed && ${this.cond()}) { free(p); freed = 1; }`;
          continue;
        case 17:
          if (!this.scoped) {
            this.scoped = true;
            const b = `int b[2] = {${this.value()}, ${this.value()}}; if (${this.cond()}) q = b; b[${this.index(2)}] = ${this.value()};`;
            return this.risky() ? `{ ${b} }` : `{ ${b} s.v = *q; q = a; }`;
          }
          return this.chance(0.3) ? `if (${this.cond()}) q = a;` : `int ${this.temp()} = *q;`;
        case 18:
          return this.heapUse(
            this.chance(0.5)
              ? `memcpy(a, h, ${this.count()} * sizeof(int));`
              : `memcpy(h, a, ${this.count()} * sizeof(int));`,
          );
        case 19:
          return this.guarded(`memset(a, 0, ${this.count()} * sizeof(int));`);
        case 20: {
          // realloc always moves the block in ASan; by C it invalidates the old pointer anyway.
          const moved = this.moveP();
          return `if (!freed) { h = realloc(h, ${k + 1} * sizeof(int)); h[${k}] = ${this.value()};${moved} }`;
        }
        case 21:
          if (this.risky() && !this.pStruct) {
            return `int ${this.temp()} = p[${this.pick(['1', '-1', 'y % 2', 'x % 2 - 1'])}];`;
          }
          continue;
        case 22:
        case 23:
          // Comparing or subtracting pointers into different objects is undefined.
          if ((!this.pHeap && !this.pStruct) || this.risky()) {
            return this.chance(0.5)
              ? `int ${this.temp()} = p < a + ${this.int(1, k)};`
              : `int ${this.temp()} = p - a;`;
          }
          continue;
        case 24:
          // An index may leave its row while staying inside m: still out of bounds.
          if (this.matrix)
            return this.guarded(`m[${this.index(2)}][${this.index(k)}] = ${this.value()};`);
          continue;
        case 25:
          if (this.matrix)
            return `int ${this.temp()} = m[${this.index(2)}][${this.index(k)}] + a[${this.index(k)}];`;
          continue;
        case 26:
        case 27:
          // Struct copies through memory.
          return this.chance(0.5)
            ? `{ struct S u = *sp; u.c[${this.index(c)}] = ${this.charValue()}; *sp = u; }`
            : `{ struct S u = s; s.v = u.v + u.c[${this.index(c)}]; }`;
        case 28:
        case 29: {
          // An access in a callee, through a pointer parameter: no array bounds, only the object's.
          const call = (base: string, i: string): string => {
            if (this.int(28, 29) === 28) {
              this.helpers.add('put');
              return `put(${base}, ${i}, ${this.value()});`;
            }
            this.helpers.add('get');
            return `s.v = get(${base}, ${i});`;
          };
          const r = this.rnd();
          if (r < 0.4) return this.guarded(call('a', this.index(k)));
          if (r < 0.7) return this.heapUse(call('h', this.index(k)));
          const i = this.pStruct || !this.risky() ? '0' : this.pick(['1', '-1', 'y % 2']);
          return this.guarded(call('p', i));
        }
        case 31:
          // The bytes of an int array through a char pointer (little endian, as arc's model).
          return `int ${this.temp()} = ((char *)a)[${this.index(4 * k)}];`;
        case 32:
          if (!this.extras.global) continue;
          return this.chance(0.5)
            ? this.guarded(`g[${this.index(k)}] = ${this.value()};`)
            : this.guarded(`a[${this.index(k)}] = g[${this.index(k)}];`);
        case 33:
          if (!this.extras.heapStruct) continue;
          return this.chance(0.5)
            ? this.guarded(`hs->c[${this.index(c)}] = ${this.charValue()};`)
            : this.guarded(`s.v = hs->v + hs->c[${this.index(c)}];`);
        case 34:
          if (!this.extras.heapStruct) continue;
          return this.guarded(`hs->v = ${this.value()};`);
        case 35:
          if (!this.extras.literal) continue;
          return `int ${this.temp()} = str[${this.index(3)}];`;
        case 30:
          // The callee returns the address of its own local when v > 2.
          if (!this.risky()) continue;
          this.helpers.add('keep');
          this.scoped = true;
          return `q = keep(a, ${this.pick(['x', 'y', 'x + 1', '(x + y) % 5'])});`;
      }
    }
  }

  program(): MemProgram {
    this.n = this.pick([4, 5]);
    this.k = this.int(2, 4);
    this.c = this.int(2, 4);
    this.temps = 0;
    this.scoped = false;
    this.pHeap = false;
    this.pStruct = false;
    this.viaPP = this.chance(0.35);
    this.matrix = this.chance(0.35);
    this.helpers = new Set();
    this.extras = {
      global: this.chance(0.3),
      heapStruct: this.chance(0.3),
      literal: this.chance(0.2),
    };
    this.risk = this.pick([0, 0, 0.1, 0.2, 0.35]);
    const n = this.n;
    const k = this.k;
    const init = Array.from({ length: k }, () => this.int(0, 5)).join(', ');
    const heap = this.chance(0.3)
      ? [`  int *h = calloc(${k}, sizeof(int));`]
      : [
          `  int *h = malloc(${k} * sizeof(int));`,
          `  for (int i = 0; i < ${k}; i++) h[i] = i + ${this.int(0, 3)};`,
        ];
    const body: string[] = [];
    const count = this.int(3, 8);
    for (let i = 0; i < count; i++) body.push(this.statement());
    const ret = [`a[${this.index(k)}]`, `s.c[${this.index(this.c)}]`, 's.v'];
    for (let i = 0; i < this.temps; i++) if (this.chance(0.6)) ret.push(`t${i}`);
    if ((!this.pHeap || this.risky()) && this.chance(0.3)) ret.push(this.deref());
    if (this.matrix && this.chance(0.5)) ret.push(`m[${this.index(2)}][${this.index(k)}]`);
    if (this.scoped && this.chance(0.5)) ret.push('*q');
    const lines = [
      '#include <stdlib.h>',
      '#include <string.h>',
      `struct S { int v; char c[${this.c}]; };`,
      // arc takes globals as arbitrary when the entry is not main: f sets g first.
      ...(this.extras.global ? [`int g[${k}];`] : []),
      ...(this.helpers.has('put') ? ['static void put(int *r, int i, int v) { r[i] = v; }'] : []),
      ...(this.helpers.has('get') ? ['static int get(const int *r, int i) { return r[i]; }'] : []),
      ...(this.helpers.has('keep')
        ? ['static int *keep(int *u, int v) { int z[2] = {v, v + 1}; return v > 2 ? z : u; }']
        : []),
      'int f(unsigned char x, unsigned char y) {',
      `  if (x >= ${n} || y >= ${n}) return 0;`,
      ...(this.extras.global
        ? [`  ${Array.from({ length: k }, (_, i) => `g[${i}] = ${this.int(0, 5)};`).join(' ')}`]
        : []),
      `  int a[${k}] = {${init}};`,
      '  struct S s = {0};',
      '  struct S *sp = &s;',
      ...heap,
      '  int *p = a;',
      '  int *q = a;',
      ...(this.viaPP ? ['  int **pp = &p;'] : []),
      ...(this.matrix
        ? [
            `  int m[2][${k}] = {${[0, 1]
              .map(() => `{${Array.from({ length: k }, () => this.int(0, 5)).join(', ')}}`)
              .join(', ')}};`,
          ]
        : []),
      ...(this.extras.heapStruct ? ['  struct S *hs = calloc(1, sizeof(struct S));'] : []),
      ...(this.extras.literal ? ['  const char *str = "ab";'] : []),
      '  int freed = 0;',
      ...body.map((s) => `  ${s}`),
      '  if (!freed) free(h);',
      ...(this.extras.heapStruct ? ['  free(hs);'] : []),
      `  return ${ret.join(' + ')};`,
      '}',
    ];
    return { n, source: lines.join('\n') + '\n' };
  }
}

// ---------------------------------------------------------------- outcomes

/** One input's outcome in one oracle. */
type Outcome =
  | { readonly kind: 'clean'; readonly value: number }
  | { readonly kind: 'unsafe'; readonly what: string; readonly line?: number };

function show(o: Outcome | undefined): string {
  if (o === undefined) return 'not run';
  return o.kind === 'clean'
    ? `returns ${o.value}`
    : `unsafe (${o.what}${o.line !== undefined ? ` at line ${o.line}` : ''})`;
}

const MEMORY_KINDS: readonly string[] = PROPERTY_GROUPS['memory-safety'];

// ---------------------------------------------------------------- oracle 1: the compiled program

const SANITIZE = [
  '-fsanitize=address,undefined,pointer-compare,pointer-subtract',
  '-fno-sanitize-recover=all',
];
const ASAN_OPTIONS =
  'detect_leaks=0:detect_stack_use_after_return=1:detect_invalid_pointer_pairs=2';

/** clang, else gcc, when it builds a sanitized program; null when neither does. */
function sanitizingCompiler(dir: string): string | null {
  const probe = path.join(dir, 'probe.c');
  writeFileSync(probe, 'int main(void) { return 0; }\n');
  for (const cc of ['clang', 'gcc']) {
    const r = spawnSync(cc, ['-std=c11', ...SANITIZE, probe, '-o', path.join(dir, 'probe')], {
      encoding: 'utf8',
    });
    if (r.status === 0) return cc;
  }
  return null;
}

class CompiledOracle {
  private constructor(
    private readonly exe: string,
    private readonly errDir: string,
  ) {}

  /**
   * Compiles `p` with a harness, in the background (the caller proves other
   * programs meanwhile); an error message when the compiler fails.
   */
  static async build(
    cc: string,
    p: MemProgram,
    dir: string,
    label: string,
  ): Promise<CompiledOracle | string> {
    // The harness forks one child per input: a sanitizer report ends only that child.
    const harness = `${p.source}
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
static void one(const char *dir, int x, int y) {
  char file[4096];
  snprintf(file, sizeof file, "%s/err_%d_%d.txt", dir, x, y);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
    int r = f((unsigned char)x, (unsigned char)y);
    printf("R %d %d %d\\n", x, y, r);
    fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) printf("U %d %d %d\\n", x, y, status);
}
int main(int argc, char **argv) {
  if (argc == 4) { one(argv[1], atoi(argv[2]), atoi(argv[3])); return 0; }
  for (int x = 0; x < ${p.n}; x++)
    for (int y = 0; y < ${p.n}; y++) one(argv[1], x, y);
  return 0;
}
`;
    const cFile = path.join(dir, `${label}_main.c`);
    const exe = path.join(dir, `${label}_main`);
    const errDir = path.join(dir, `${label}_err`);
    writeFileSync(cFile, harness);
    mkdirSync(errDir, { recursive: true });
    const args = ['-std=c11', '-g', '-O0', '-w', ...SANITIZE, cFile, '-o', exe];
    return new Promise((resolve) => {
      execFile(cc, args, (error, _stdout, stderr) => {
        resolve(error === null ? new CompiledOracle(exe, errDir) : `${cc} failed: ${stderr}`);
      });
    });
  }

  private run(args: readonly string[]): Map<string, Outcome> {
    const r = spawnSync(this.exe, [this.errDir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ASAN_OPTIONS, UBSAN_OPTIONS: 'print_stacktrace=0' },
    });
    assert.equal(r.status, 0, `harness failed: ${r.stderr}`);
    const out = new Map<string, Outcome>();
    for (const l of r.stdout.split('\n')) {
      const m = /^([RU]) (\d+) (\d+) (-?\d+)$/.exec(l);
      if (m === null) continue;
      const key = `${m[2]},${m[3]}`;
      if (m[1] === 'R') out.set(key, { kind: 'clean', value: Number(m[4]) });
      else out.set(key, { kind: 'unsafe', ...this.report(Number(m[2]), Number(m[3]), m[4]) });
    }
    return out;
  }

  /** The sanitizer's one-line summary of what went wrong, and the line in f. */
  private report(x: number, y: number, status: string): { what: string; line?: number } {
    const file = path.join(this.errDir, `err_${x}_${y}.txt`);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const ub = /_main\.c:(\d+):\d+: runtime error: (.*)/.exec(text);
    if (ub !== null) return { what: `UBSan: ${ub[2]}`, line: Number(ub[1]) };
    const asan = /ERROR: AddressSanitizer: (attempting [\w-]+|[\w-]+)/.exec(text);
    const frame =
      /#0 0x[0-9a-f]+ in f .*_main\.c:(\d+)/.exec(text) ??
      /#\d+ 0x[0-9a-f]+ in f .*_main\.c:(\d+)/.exec(text);
    if (asan !== null)
      return { what: `ASan: ${asan[1]}`, ...(frame !== null ? { line: Number(frame[1]) } : {}) };
    return { what: `crash, wait status ${status}: ${text.slice(0, 200)}` };
  }

  /** Every input in [0, n)². */
  all(): Map<string, Outcome> {
    return this.run([]);
  }

  /** One input, which may be outside [0, n)² (then f returns 0 at once). */
  one(x: number, y: number): Outcome | undefined {
    return this.run([String(x), String(y)]).get(`${x},${y}`);
  }
}

// ---------------------------------------------------------------- oracle 2: arc's interpreter

/** Memory starts as zeros (the first havoc); nothing else is nondeterministic here. */
const nondet = (target: { kind: string }): Value => (target.kind === 'array' ? mapValue(0n) : 0n);

function interpret(fn: IrFunction, x: number, y: number): Outcome {
  const o = runFunction(
    fn,
    new Map<string, Value>([
      ['x', BigInt(x)],
      ['y', BigInt(y)],
    ]),
    nondet,
    { recordPath: false },
  );
  if (o.kind === 'returned') {
    if (typeof o.value !== 'bigint') return { kind: 'unsafe', what: 'returned a non-scalar value' };
    return { kind: 'clean', value: Number(o.value) };
  }
  if (o.kind === 'violated') {
    const prop = fn.properties.find((q) => q.id === o.property);
    const what = `${o.property}: ${prop?.description ?? '?'}`;
    if (prop === undefined || !MEMORY_KINDS.includes(prop.kind)) {
      // Not a memory property: the generator should make these impossible.
      return { kind: 'unsafe', what: `NON-MEMORY ${what}`, line: prop?.span.startLine ?? -1 };
    }
    return { kind: 'unsafe', what, line: prop.span.startLine };
  }
  return { kind: 'unsafe', what: `interpreter ended ${o.kind}` };
}

// ---------------------------------------------------------------- the test

/**
 * Seed 3 gives a broad mix at a moderate cost: yes and no about evenly,
 * programs unsafe on some inputs only, out-of-bounds indices, heap overflows
 * and use after free, invalid frees and comparisons of pointers into
 * different objects (arc's no: valid-deref, valid-free, valid-pointer-compare).
 */
const SEED = Number(process.env.ARC_DIFF_SEED ?? 3);
const COUNT = Number(process.env.ARC_DIFF_COUNT ?? 30);
const VERBOSE = process.env.ARC_DIFF_VERBOSE === '1';
/** ARC_DIFF_KEEP=1 keeps the generated programs (f<i>.c) and harnesses. */
const KEEP = process.env.ARC_DIFF_KEEP === '1';

test(`differential: ${COUNT} random memory-model functions (seed ${SEED}) against ASan + UBSan and arc's interpreter`, async (t) => {
  const gen = new MemGen(prng(SEED));
  const dir = mkdtempSync(path.join(tmpdir(), 'arc-diffm-'));
  const failures: string[] = [];
  const unknowns: string[] = [];
  const tally = { yes: 0, no: 0, unknown: 0 };
  const sanitizerKinds = new Map<string, number>();
  const arcKinds = new Map<string, number>();
  let partlyUnsafe = 0;
  let allUnsafe = 0;
  const bump = (m: Map<string, number>, key: string): void => {
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  try {
    const cc = sanitizingCompiler(dir);
    if (cc === null)
      t.diagnostic(
        'neither clang nor gcc builds sanitized programs: the compiled oracle is skipped',
      );
    const programs = Array.from({ length: COUNT }, () => gen.program());
    // Compile one program after the other in the background, while arc works.
    let chain: Promise<unknown> = Promise.resolve();
    const builds = programs.map((p, i) => {
      if (cc === null) return Promise.resolve(null);
      const b = chain.then(() => CompiledOracle.build(cc, p, dir, `f${i}`));
      chain = b;
      return b;
    });
    for (let i = 0; i < COUNT; i++) {
      const p = programs[i];
      const file = path.join(dir, `f${i}.c`);
      writeFileSync(file, p.source);
      const where = `program ${i} (seed ${SEED}):\n${p.source}`;
      const fail = (msg: string): void => {
        failures.push(`${msg}\n--- ${where}`);
      };

      // Oracle 2: arc's interpreter on every input.
      const lowered = await lowerCFile(file, {
        dataModel: 'LP64',
        entry: 'f',
        mallocMayFail: false,
      });
      if (!lowered.ok) {
        fail(`lowering failed: ${lowered.diagnostics.map((d) => d.message).join('; ')}`);
        continue;
      }
      const fn = lowered.program.functions.get('f');
      assert.ok(fn !== undefined, `no IR for f in ${where}`);
      const interp = new Map<string, Outcome>();
      for (let x = 0; x < p.n; x++)
        for (let y = 0; y < p.n; y++) interp.set(`${x},${y}`, interpret(fn, x, y));
      for (const [key, o] of interp) {
        if (
          o.kind === 'unsafe' &&
          (o.what.startsWith('NON-MEMORY') || o.what.startsWith('interpreter ended'))
        )
          fail(`interpreter on (${key}): ${o.what}`);
      }

      // Oracle 1: the compiled program with sanitizers, and (a) agreement per input.
      const build = await builds[i];
      if (typeof build === 'string') {
        fail(build);
        continue;
      }
      const compiled = build;
      const real = compiled?.all() ?? null;
      if (real !== null) {
        for (const [key, o] of interp) {
          const r = real.get(key);
          if (r?.kind === 'unsafe')
            bump(
              sanitizerKinds,
              r.what.replace(/index -?\d+/, 'index').replace(/ for type .*| on address .*/, ''),
            );
          if (
            r === undefined ||
            r.kind !== o.kind ||
            (r.kind === 'clean' && o.kind === 'clean' && r.value !== o.value)
          ) {
            fail(
              `ORACLES DISAGREE on (x, y) = (${key}): compiled ${show(r)}, arc's interpreter ${show(o)}`,
            );
          }
        }
      }
      const unsafeInputs = [...interp].filter(
        ([key, o]) => o.kind === 'unsafe' || real?.get(key)?.kind === 'unsafe',
      );
      if (unsafeInputs.length === interp.size) allUnsafe++;
      else if (unsafeInputs.length > 0) partlyUnsafe++;

      // (b) arc's answer against both oracles.
      const started = Date.now();
      const result = await prove({
        file,
        function: 'f',
        properties: ['memory-safety'],
        mallocMayFail: false,
        dataModel: 'LP64',
        timeoutSeconds: 30,
      });
      if (result.kind === 'bad-input') {
        fail(`bad input: ${result.diagnostics.map((d) => d.message).join('; ')}`);
        continue;
      }
      const v = result.verdict;
      tally[v.answer]++;
      if (VERBOSE)
        t.diagnostic(
          `program ${i}: arc says ${describeVerdict(v)} in ${Date.now() - started} ms; unsafe inputs: ${unsafeInputs.map(([key]) => `(${key})`).join(' ') || 'none'}\n${p.source}`,
        );
      if (v.answer === 'yes') {
        for (const [key, o] of unsafeInputs) {
          fail(
            `WRONG YES: arc proves memory safety, but (x, y) = (${key}) is unsafe: compiled ${show(real?.get(key))}, arc's interpreter ${show(o)}`,
          );
        }
      } else if (v.answer === 'no') {
        bump(arcKinds, v.witness.property.kind);
        const input = (name: string): number => {
          const iv = v.witness.inputs.find((w) => w.name === name);
          return iv !== undefined && typeof iv.value === 'bigint' ? Number(iv.value) : NaN;
        };
        const x = input('x');
        const y = input('y');
        const said = `arc says ${describeVerdict(v)}`;
        if (!(x >= 0 && x <= 255 && y >= 0 && y <= 255)) {
          fail(`BAD WITNESS: ${said}`);
        } else {
          const o = interpret(fn, x, y);
          const r = compiled?.one(x, y);
          if (o.kind !== 'unsafe' || (compiled !== null && r?.kind !== 'unsafe')) {
            fail(`WRONG NO: ${said}; but compiled ${show(r)}, arc's interpreter ${show(o)}`);
          }
        }
      } else {
        unknowns.push(`program ${i}: ${v.reason.code}: ${v.reason.message}`);
      }
    }
  } finally {
    if (KEEP) t.diagnostic(`programs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const summary = `yes ${tally.yes}, no ${tally.no}, unknown ${tally.unknown}; programs unsafe on some inputs ${partlyUnsafe}, on all ${allUnsafe}; sanitizer reports ${JSON.stringify(Object.fromEntries(sanitizerKinds))}; arc's no by kind ${JSON.stringify(Object.fromEntries(arcKinds))}`;
  t.diagnostic(summary);
  for (const u of unknowns) t.diagnostic(u);
  assert.ok(
    failures.length === 0,
    `${failures.length} disagreement(s) (${summary}):\n\n${failures.join('\n\n')}`,
  );
  assert.ok(
    tally.unknown <= Math.floor(COUNT * 0.2),
    `too many don't-knows (${summary}):\n${unknowns.join('\n')}`,
  );
  assert.ok(
    COUNT < 20 || (tally.yes >= 2 && tally.no >= 2 && partlyUnsafe >= 2),
    `the generator should produce safe programs and programs unsafe on some inputs only (${summary})`,
  );
});
