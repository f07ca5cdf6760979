/**
 * Replay of a counterexample with the system C compiler: the user's file is
 * compiled unchanged (with UndefinedBehaviorSanitizer) together with a
 * generated harness that calls the function on the witness's inputs and
 * feeds the witness's nondet values, in order, to `__VERIFIER_nondet_*`.
 *
 * Guarantees: `agrees` only when the compiled program shows a violation of
 * the expected kind at the expected line (UBSan's report line; for assertion
 * failures and error calls, the `__assert_fail` line or any line of the
 * user's file on the call stack at that moment; for `returns-true`, the
 * function returned 0). Overflow and shift are interchangeable for UBSan's
 * shift reports; an undefined-behaviour witness also agrees when UBSan stops
 * at another undefined behaviour on the same line (unsequenced operands). `unavailable` when no compiler is on PATH,
 * the harness builds with none of them (e.g. ILP32 without `-m32` support), or the file
 * is missing; everything else is `disagrees`. Nothing is cached between
 * calls but the compiler lookup; the temporary directory is always removed.
 *
 * Memory safety (`MemoryKind`, or any request with `mallocChoices`): the
 * program is built with AddressSanitizer and UBSan (`-fno-builtin`, so that
 * gcc's inline `memcpy` goes through ASan's checks too; for
 * `valid-pointer-compare` also `-fsanitize=pointer-compare,pointer-subtract`)
 * and, for the leak kinds, checked by LeakSanitizer when the function returns
 * or the program calls `exit`. A report's line is that of the first stack
 * frame in the user's file (frames of the C library, the sanitizer runtime and
 * the harness are skipped), so a violation inside a library function is at the
 * line of its call, as arc reports it; a leak may be at any line (LeakSanitizer
 * shows where the block was allocated, not where it was lost). Each report
 * confirms the arc kinds listed in `MEMORY_REPORTS`. Where the sanitizers are
 * blind (pointer arithmetic whose result is never used, a pair of pointers
 * into two globals under clang's ASan, a call through a pointer to a function
 * of another type, the argument of `abs` or a `<ctype.h>` function), a run that
 * shows nothing is `unavailable`, not `disagrees`: the real program goes on
 * past such a violation, so nothing it does afterwards refutes the witness.
 *
 * The compiler: clang where it is installed, else cc/gcc (`findReplayCompilers`);
 * for `valid-pointer-compare`, gcc first (its ASan also checks pairs of globals).
 * gcc folds `x + 1 > x` to 1 even at `-O0` and narrows some `unsigned short`
 * products, so its UBSan misses those overflows; clang's does not. The result
 * names the compiler that built the program.
 */
import { isScalar, type Value } from '../ir/value.js';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { MARK, callStatement, replayRuntimeUnit, userUnit } from './harness.js';
import {
  cCast,
  excerpt,
  findOnPath,
  findReplayCompilers,
  findSymbolizer,
  runProcess,
  withTempDir,
} from './toolchain.js';

/** The memory-safety kinds, replayed under AddressSanitizer (and LeakSanitizer for the leak kinds). */
export type MemoryKind =
  | 'valid-deref'
  | 'valid-free'
  | 'valid-pointer-arith'
  | 'valid-pointer-compare'
  | 'valid-call'
  | 'library'
  | 'valid-memtrack'
  | 'valid-memcleanup';

export type ReplayKind =
  'assertion' | 'error-call' | 'returns-true' | 'overflow' | 'div-by-zero' | 'shift' | MemoryKind;

export const MEMORY_KINDS: readonly MemoryKind[] = [
  'valid-deref',
  'valid-free',
  'valid-pointer-arith',
  'valid-pointer-compare',
  'valid-call',
  'library',
  'valid-memtrack',
  'valid-memcleanup',
];

export function isMemoryKind(kind: ReplayKind): kind is MemoryKind {
  return (MEMORY_KINDS as readonly string[]).includes(kind);
}

const LEAK_KINDS: readonly ReplayKind[] = ['valid-memtrack', 'valid-memcleanup'];

export interface CompilerReplayRequest {
  /** The original C file. */
  readonly file: string;
  readonly functionName: string;
  /** Parameter values in declaration order, with their C types. */
  readonly params: readonly {
    readonly name: string;
    readonly sourceType: string;
    readonly value: Value;
  }[];
  /** Values for the nondet calls, in the order the run makes them. */
  readonly nondet: readonly { readonly source: string; readonly value: Value }[];
  readonly expected: { readonly kind: ReplayKind; readonly line: number };
  readonly dataModel: 'LP64' | 'ILP32';
  /** For the run of the compiled program (default 10 s). */
  readonly timeoutMs?: number;
  /**
   * Compiler(s) to use, in order, instead of those found on PATH
   * (`findReplayCompilers`: clang, then cc/gcc); null behaves as if there were none.
   */
  readonly compiler?: string | readonly string[] | null;
  /**
   * The witness's successive decisions whether `malloc`, `calloc`, `realloc`
   * (and `strdup`, which arc models with `malloc`) succeed (true) or return
   * NULL (false). When present, the program's calls of these follow them, in
   * order; once the list runs out they succeed. The build is then a memory
   * build (AddressSanitizer), whatever the expected kind.
   */
  readonly mallocChoices?: readonly boolean[];
}

export interface CompilerReplay {
  readonly status: 'agrees' | 'disagrees' | 'unavailable';
  readonly detail: string;
  /** The compiler that built and ran the program (`clang`, `cc`, …); absent when none did. */
  readonly compiler?: string;
}

/** What the compiled program did. */
export type Observed =
  | {
      readonly kind: 'ub';
      readonly category: UbCategory;
      readonly file: string;
      readonly line: number;
      readonly message: string;
    }
  | {
      readonly kind: 'assert';
      readonly line: number;
      readonly what: string;
      readonly frameLines: readonly number[];
    }
  | {
      /** A memory-safety report of a sanitizer (or of the harness: a call to a bad address). */
      readonly kind: 'memory';
      readonly tool: SanitizerTool;
      /** The report's name, e.g. `heap-buffer-overflow`, `index out of bounds`, `detected memory leaks`. */
      readonly report: string;
      /** The arc kinds the report confirms (see `MEMORY_REPORTS`). */
      readonly confirms: readonly ReplayKind[];
      /**
       * The line of the first stack frame in the user's file (UBSan: its report's
       * line, in `file`); null when no frame is in the user's file, and for leaks.
       */
      readonly line: number | null;
      /** UBSan's report file, when it is not known to be the user's. */
      readonly file?: string;
      /** Leaks: the user lines where the leaked blocks were allocated. */
      readonly allocatedAt?: readonly number[];
      readonly message: string;
    }
  | { readonly kind: 'returns-false' }
  | { readonly kind: 'returned' }
  | {
      readonly kind: 'other';
      readonly description: string;
      /** The run left the witness's path before its violation (a nondet value asked for by another function). */
      readonly divergent?: boolean;
    }
  /** The run shows nothing either way (a sanitizer could not start, or its report could not be read). */
  | { readonly kind: 'inconclusive'; readonly description: string };

export type SanitizerTool =
  'AddressSanitizer' | 'UndefinedBehaviorSanitizer' | 'LeakSanitizer' | 'the harness';

export type UbCategory = 'overflow' | 'div-by-zero' | 'shift' | 'other';

const COMPILE_TIMEOUT_MS = 60_000;

/**
 * How the program is built and run for a memory-safety replay; null for the
 * UBSan-only build of the other kinds.
 */
interface MemoryBuild {
  /** `-fsanitize=pointer-compare,pointer-subtract` and `detect_invalid_pointer_pairs=2`. */
  readonly pointerPairs: boolean;
  /** LeakSanitizer's check at the program's end, with the reachability of that kind. */
  readonly leaks: 'valid-memtrack' | 'valid-memcleanup' | null;
  /** The witness's malloc choices, when it has them. */
  readonly mallocChoices: readonly boolean[] | undefined;
}

function memoryBuild(req: CompilerReplayRequest): MemoryBuild | null {
  const kind = req.expected.kind;
  if (!isMemoryKind(kind) && req.mallocChoices === undefined) return null;
  return {
    pointerPairs: kind === 'valid-pointer-compare',
    leaks: kind === 'valid-memtrack' || kind === 'valid-memcleanup' ? kind : null,
    mallocChoices: req.mallocChoices,
  };
}

/**
 * LeakSanitizer's suppressions: blocks the C runtime itself leaves allocated
 * (a stdio buffer; libstdc++'s exception pool, which gcc's libasan loads).
 * Records without a frame in the user's file are ignored anyway (`classify`);
 * suppressing these keeps LeakSanitizer quiet when they are the only ones.
 */
const LSAN_SUPPRESSIONS = 'leak:_IO_file_doallocate\nleak:libstdc++\n';

/**
 * The sanitizers' run-time options of a memory build.
 * - ASan: `halt_on_error=1` and `abort_on_error=0` (stop at the first report,
 *   exit with a status rather than a core dump); `detect_stack_use_after_return=1`
 *   (a pointer to a local of a returned function); `allocator_may_return_null=1`
 *   (a huge request returns NULL, as C's malloc does, instead of aborting);
 *   `allow_user_segv_handler=1` (the harness's handler of calls to bad
 *   addresses, which passes every other fault to ASan); `detect_leaks` only
 *   for the leak kinds; `detect_invalid_pointer_pairs=2` (null pointers too)
 *   for `valid-pointer-compare`; `allow_addr2line=1` when no llvm-symbolizer.
 * - LSan, the roots of reachability at the program's end, when every local is
 *   gone: for `valid-memtrack` the globals and thread-locals only
 *   (`use_stacks=0:use_registers=0`: at -O0 a stale copy of a pointer in a
 *   dead frame, or in a register, would otherwise keep a lost block
 *   "reachable", and after `exit()` the caller's locals are not roots in
 *   arc's model either); for `valid-memcleanup` none at all
 *   (`use_globals=0:use_tls=0` too), so every block still allocated is
 *   reported, reachable or not.
 */
function sanitizerEnv(mem: MemoryBuild, symbolizer: string | null): NodeJS.ProcessEnv {
  const asan = [
    'detect_stack_use_after_return=1',
    `detect_leaks=${mem.leaks !== null ? 1 : 0}`,
    'abort_on_error=0',
    'halt_on_error=1',
    'allocator_may_return_null=1',
    'allow_user_segv_handler=1',
    'color=never',
    'allow_addr2line=1',
    ...(mem.pointerPairs ? ['detect_invalid_pointer_pairs=2'] : []),
  ];
  const roots =
    mem.leaks === 'valid-memcleanup'
      ? ['use_globals=0', 'use_tls=0', 'use_stacks=0', 'use_registers=0', 'use_root_regions=0']
      : ['use_stacks=0', 'use_registers=0'];
  const lsan = [...roots, 'suppressions=lsan.supp', 'print_suppressions=0', 'report_objects=0'];
  return {
    ...process.env,
    ASAN_OPTIONS: asan.join(':'),
    LSAN_OPTIONS: mem.leaks !== null ? lsan.join(':') : '',
    UBSAN_OPTIONS: 'print_stacktrace=0:halt_on_error=1:color=never',
    ...(symbolizer !== null ? { ASAN_SYMBOLIZER_PATH: symbolizer } : {}),
  };
}

/**
 * Builds the harness with the first compiler that can (clang, then cc/gcc:
 * a file clang rejects, or an ILP32 build without clang's 32-bit runtime,
 * falls back to the next) and runs it. Only the compiler that built the
 * program judges it: a disagreement is never retried with another one.
 */
export async function replayWithCompiler(req: CompilerReplayRequest): Promise<CompilerReplay> {
  const scalars = scalarRequest(req);
  if (scalars === null) return unavailable('the harness passes scalar values only');
  return replayScalars(scalars);
}

/** The request with every value a scalar, or null when some value is not one. */
function scalarRequest(req: CompilerReplayRequest): ScalarRequest | null {
  const params = req.params.map((p) => (isScalar(p.value) ? { ...p, value: p.value } : null));
  const nondet = req.nondet.map((n) => (isScalar(n.value) ? { ...n, value: n.value } : null));
  if (params.some((p) => p === null) || nondet.some((n) => n === null)) return null;
  return {
    ...req,
    params: params.filter((p) => p !== null),
    nondet: nondet.filter((n) => n !== null),
  };
}

type ScalarRequest = Omit<CompilerReplayRequest, 'params' | 'nondet'> & {
  readonly params: readonly {
    readonly name: string;
    readonly sourceType: string;
    readonly value: bigint;
  }[];
  readonly nondet: readonly { readonly source: string; readonly value: bigint }[];
};

/** Whether `cc` is clang (also when installed as `cc`). */
function isClang(cc: string): boolean {
  let real = cc;
  try {
    real = realpathSync(cc);
  } catch {
    // not a path: the name alone
  }
  return /clang/.test(basename(cc)) || /clang/.test(basename(real));
}

/** The compilers to try, in order. */
function compilersFor(req: ScalarRequest): readonly string[] {
  if (req.compiler === null) return [];
  if (typeof req.compiler === 'string') return [req.compiler];
  if (req.compiler !== undefined) return req.compiler;
  const found = findReplayCompilers();
  // clang's ASan does not check a pair of pointers into two globals; gcc's does.
  if (req.expected.kind === 'valid-pointer-compare')
    return [...found.filter((c) => !isClang(c)), ...found.filter(isClang)];
  return found;
}

async function replayScalars(req: ScalarRequest): Promise<CompilerReplay> {
  const compilers = compilersFor(req);
  if (compilers.length === 0) return unavailable('no C compiler (clang, cc or gcc) on PATH');
  const file = resolve(req.file);
  if (!existsSync(file)) return unavailable(`${req.file} does not exist`);
  const mem = memoryBuild(req);
  return withTempDir('arc-replay-', async (dir) => {
    const exe = join(dir, 'replay');
    const failures: string[] = [];
    let cc: string | undefined;
    for (const candidate of compilers) {
      const failure = await build(candidate, file, dir, exe, req, mem);
      if (failure === null) {
        cc = candidate;
        break;
      }
      failures.push(failure);
    }
    if (cc === undefined) return unavailable(failures.join('; '));
    const name = basename(cc);
    if (mem !== null) await writeFile(join(dir, 'lsan.supp'), LSAN_SUPPRESSIONS);
    const run = await runProcess(exe, [], {
      timeoutMs: req.timeoutMs ?? 10_000,
      cwd: dir,
      env:
        mem !== null
          ? sanitizerEnv(mem, findSymbolizer(cc))
          : { ...process.env, UBSAN_OPTIONS: 'print_stacktrace=0:halt_on_error=1' },
    });
    const fellBack =
      failures.length > 0
        ? ` (after ${failures.length} compiler(s) could not build it: ${failures.join('; ')})`
        : '';
    if (run.timedOut) {
      return {
        ...disagrees(
          `the program compiled with ${name} did not finish within ${req.timeoutMs ?? 10_000} ms${fellBack}`,
        ),
        compiler: name,
      };
    }
    const observed = await symbolize(classify(run.stderr, run.code, run.signal, file), exe, file);
    const source = await readFile(file, 'utf8');
    const sourceLine = source.split('\n')[req.expected.line - 1];
    const verdict = judge(observed, req.expected, file, name, {
      sourceLine,
      clang: isClang(cc),
    });
    return { ...verdict, detail: `${verdict.detail}${fellBack}`, compiler: name };
  });
}

async function build(
  cc: string,
  file: string,
  dir: string,
  exe: string,
  req: ScalarRequest,
  mem: MemoryBuild | null,
): Promise<string | null> {
  const args = req.params.map((p) => cCast(p.sourceType, p.value));
  const entry = `void __arc_entry(void) { ${callStatement(req.functionName, args, req.expected.kind === 'returns-true')} }`;
  const source = await readFile(file, 'utf8');
  const choices = mem?.mallocChoices;
  await writeFile(
    join(dir, 'user.c'),
    userUnit(file, source, entry, { allocatorChoices: choices !== undefined }),
  );
  await writeFile(
    join(dir, 'runtime.c'),
    replayRuntimeUnit(
      req.nondet,
      mem === null
        ? {}
        : {
            ...(choices !== undefined ? { mallocChoices: choices } : {}),
            leakCheck: mem.leaks !== null,
            catchBadCalls: true,
          },
    ),
  );
  const flags = ['-std=gnu11', '-O0', '-gdwarf-4', '-no-pie', '-w'];
  if (mem === null) {
    flags.push('-fsanitize=undefined', '-fno-sanitize-recover=all');
  } else {
    // -fno-builtin: gcc expands a small memcpy inline, out of ASan's sight.
    flags.push(
      '-fno-builtin',
      '-fno-omit-frame-pointer',
      '-fsanitize=address,undefined',
      '-fno-sanitize-recover=undefined',
    );
    if (mem.pointerPairs) flags.push('-fsanitize=pointer-compare,pointer-subtract');
    // `&((T *)0)->m`, offsetof by hand (container_of in list code), reads nothing
    // in arc's semantics, but UBSan's null check stops at it; AddressSanitizer
    // still stops at a real access through NULL (a fault at a low address).
    if (NULL_MEMBER_ADDRESS.test(source)) flags.push('-fno-sanitize=null');
  }
  if (req.dataModel === 'ILP32') flags.push('-m32');
  const result = await runProcess(
    cc,
    [...flags, '-I', dirname(file), 'user.c', 'runtime.c', '-o', exe],
    {
      timeoutMs: COMPILE_TIMEOUT_MS,
      cwd: dir,
    },
  );
  if (result.code === 0) return null;
  if (result.spawnError !== undefined) return `could not run ${cc}: ${result.spawnError}`;
  if (result.timedOut) return `${cc} did not finish within ${COMPILE_TIMEOUT_MS} ms`;
  const asan = mem !== null ? ' -fsanitize=address' : '';
  if (req.dataModel === 'ILP32')
    return `no working \`${cc} -m32${asan}\` for ILP32: ${excerpt(firstError(result.stderr), 160)}`;
  if (mem !== null && /asan|sanitizer/i.test(firstError(result.stderr)))
    return `no working \`${cc}${asan}\`: ${excerpt(firstError(result.stderr), 160)}`;
  return `the replay harness did not build with ${cc}: ${excerpt(result.stderr)}`;
}

function firstError(stderr: string): string {
  return stderr.split('\n').find((l) => /error|cannot find/.test(l)) ?? stderr;
}

const UB_LINE = /^(.*?):(\d+):\d+: runtime error: (.*)$/m;

/** UBSan's message → the kind of property it violates. */
function ubCategory(message: string): UbCategory {
  if (/^(shift exponent|left shift of)/.test(message)) return 'shift';
  if (/division by zero/.test(message)) return 'div-by-zero';
  if (
    /^signed integer overflow|^negation of .* cannot be represented|^division of .* by -1 cannot be represented/.test(
      message,
    )
  ) {
    return 'overflow';
  }
  return 'other';
}

/**
 * What each sanitizer report confirms. The first matching row wins; `text` is
 * matched against ASan's `ERROR: AddressSanitizer: …` text or UBSan's
 * `runtime error: …` message.
 */
export const MEMORY_REPORTS: readonly {
  readonly tool: 'AddressSanitizer' | 'UndefinedBehaviorSanitizer';
  readonly text: RegExp;
  readonly report: string;
  readonly confirms: readonly ReplayKind[];
}[] = [
  // AddressSanitizer: accesses.
  ...[
    'heap-buffer-overflow',
    'stack-buffer-overflow',
    'stack-buffer-underflow',
    'global-buffer-overflow',
    'dynamic-stack-buffer-overflow',
    'heap-use-after-free',
    'stack-use-after-return',
    'stack-use-after-scope',
    'use-after-poison',
    'intra-object-overflow',
    'container-overflow',
    'unknown-crash',
    'wild-addr-read',
    'wild-addr-write',
    'wild-addr',
    'negative-size-param',
  ].map((name) => ({
    tool: 'AddressSanitizer' as const,
    text: new RegExp(`^${name}\\b`),
    report: name,
    // arc's mem* models check their whole regions first (`library`), the bytes after.
    confirms: ['valid-deref', 'library'] as const,
  })),
  {
    tool: 'AddressSanitizer',
    text: /^attempting double-free/,
    report: 'double-free',
    confirms: ['valid-free'],
  },
  {
    tool: 'AddressSanitizer',
    text: /^attempting free on address which was not malloc\(\)-ed/,
    report: 'bad-free',
    confirms: ['valid-free'],
  },
  {
    tool: 'AddressSanitizer',
    text: /^invalid-pointer-pair/,
    report: 'invalid-pointer-pair',
    confirms: ['valid-pointer-compare'],
  },
  {
    tool: 'AddressSanitizer',
    text: /^\w+-param-overlap/,
    report: 'param-overlap',
    confirms: ['library'],
  },
  { tool: 'AddressSanitizer', text: /^wild-jump/, report: 'wild-jump', confirms: ['valid-call'] },
  // A fault: a NULL or wild pointer, or a write to read-only memory (a string
  // literal). A fault at the program counter is a call (`classify`).
  {
    tool: 'AddressSanitizer',
    text: /^(SEGV|BUS) /,
    report: 'SEGV',
    confirms: ['valid-deref', 'library'],
  },
  // UndefinedBehaviorSanitizer.
  {
    tool: 'UndefinedBehaviorSanitizer',
    text: /^(load of|store to|member access within|reference binding to) null pointer/,
    report: 'null pointer access',
    confirms: ['valid-deref'],
  },
  {
    // clang also checks `a + i` against the array's bound (beyond one past the end).
    tool: 'UndefinedBehaviorSanitizer',
    text: /^index -?\d+ out of bounds for type/,
    report: 'index out of bounds',
    confirms: ['valid-deref', 'valid-pointer-arith'],
  },
  {
    // `p[i]` with p NULL: clang checks the address computation before the access.
    tool: 'UndefinedBehaviorSanitizer',
    text: /^applying (non-)?zero offset .*to null pointer/,
    report: 'offset applied to a null pointer',
    confirms: ['valid-deref', 'valid-pointer-arith'],
  },
  {
    tool: 'UndefinedBehaviorSanitizer',
    text: /^(pointer index expression with base .* overflowed|(addition|subtraction) of unsigned offset to .* overflowed|applying non-zero offset to non-null pointer .* produced null pointer)/,
    report: 'pointer overflow',
    confirms: ['valid-pointer-arith'],
  },
  {
    // memcpy(NULL, s, n): arc's model fails `library` for n == 0, `valid-deref` otherwise.
    tool: 'UndefinedBehaviorSanitizer',
    text: /^null pointer passed as argument \d+, which is declared to never be null/,
    report: 'null argument',
    confirms: ['library', 'valid-deref'],
  },
  {
    tool: 'UndefinedBehaviorSanitizer',
    text: /^variable length array bound evaluates to non-positive value/,
    report: 'non-positive VLA bound',
    confirms: ['valid-deref'],
  },
];

/** `((T *)0)->` (or `(T *)NULL`, with spaces): a member's offset computed from a null pointer. */
const NULL_MEMBER_ADDRESS = /\(\s*\(\s*[\w\s]+\*\s*\)\s*(0|NULL)\s*\)\s*->/;

function memoryReport(
  tool: 'AddressSanitizer' | 'UndefinedBehaviorSanitizer',
  text: string,
): (typeof MEMORY_REPORTS)[number] | null {
  return MEMORY_REPORTS.find((r) => r.tool === tool && r.text.test(text)) ?? null;
}

/** A stack frame of a sanitizer report: its address, and file and line when symbolized. */
interface Frame {
  readonly address: string;
  readonly file?: string;
  readonly line?: number;
}

const FRAME = /^\s*#\d+ (0x[0-9a-f]+)\b(.*)$/;

function parseFrame(text: string): Frame | null {
  const m = FRAME.exec(text);
  if (m === null) return null;
  // `in f /path/file.c:12:5` (clang) or `in f /path/file.c:12` (gcc); unsymbolized: `(module+0x…)`.
  const at = /\s(\S+?):(\d+)(?::\d+)?\s*$/.exec(m[2]);
  if (at === null || m[2].trim().startsWith('(')) return { address: m[1] };
  return { address: m[1], file: at[1], line: Number(at[2]) };
}

/** The first stack trace after offset `from` (a run of `#n 0x…` lines). */
function firstStack(lines: readonly string[], from: number): Frame[] {
  const frames: Frame[] = [];
  for (let i = from; i < lines.length; i++) {
    const f = parseFrame(lines[i]);
    if (f !== null) frames.push(f);
    else if (frames.length > 0) break;
  }
  return frames;
}

/**
 * Whether a report's path names the user's file. The user unit names it by
 * its absolute path (`#line`); a relative path is compared by its name only.
 * (Not an absolute path by its name: the harness's own `runtime.c` is not a
 * user file called `runtime.c`.)
 */
function isUserFile(path: string, file: string): boolean {
  return resolve(path) === file || (!isAbsolute(path) && basename(path) === basename(file));
}

/** The line of the first frame in the user's file; null if none; undefined if nothing is symbolized. */
function userLine(frames: readonly Frame[], file: string): number | null | undefined {
  const user = frames.find((f) => f.file !== undefined && isUserFile(f.file, file));
  if (user !== undefined) return user.line ?? null;
  return frames.some((f) => f.file !== undefined) ? null : undefined;
}

/** Output that says a sanitizer could not run at all. */
const SANITIZER_BROKEN =
  /ASan cannot proceed|Shadow memory range interleaves|ReserveShadowMemoryRange failed|AddressSanitizer failed to allocate|LeakSanitizer has encountered a fatal error|LeakSanitizer does not work under ptrace/;

const ASAN_ERROR = /^==\d+==ERROR: AddressSanitizer: (.*)$/m;
const LSAN_ERROR = /^==\d+==ERROR: LeakSanitizer: detected memory leaks/m;
const BAD_CALL = new RegExp(`^${MARK} bad-call (0x[0-9a-f]+) (0x[0-9a-f]+)$`, 'm');

type Classified = Observed & { frames?: string[]; callSite?: string };

/** The report LeakSanitizer printed: the leaks of blocks allocated by the user's code. */
function leakObservation(stderr: string, at: number, file: string): Classified | null {
  const lines = stderr.slice(at).split('\n');
  const records: { bytes: number; objects: number; frames: Frame[] }[] = [];
  lines.forEach((l, i) => {
    const m =
      /^(?:Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\) allocated from:/.exec(l);
    if (m !== null)
      records.push({
        bytes: Number(m[1]),
        objects: Number(m[2]),
        frames: firstStack(lines, i + 1),
      });
  });
  const symbolized = records.some((r) => r.frames.some((f) => f.file !== undefined));
  if (!symbolized) {
    return {
      kind: 'inconclusive',
      description: `LeakSanitizer's report could not be symbolized, so the user's blocks cannot be told from the C library's: ${excerpt(stderr.slice(at), 200)}`,
    };
  }
  const user = records
    .map((r) => ({ ...r, line: userLine(r.frames, file) }))
    .filter((r): r is typeof r & { line: number } => typeof r.line === 'number');
  if (user.length === 0) return null; // only the C library's own blocks
  const objects = user.reduce((n, r) => n + r.objects, 0);
  const bytes = user.reduce((n, r) => n + r.bytes, 0);
  const allocatedAt = [...new Set(user.map((r) => r.line))].sort((a, b) => a - b);
  return {
    kind: 'memory',
    tool: 'LeakSanitizer',
    report: 'detected memory leaks',
    confirms: LEAK_KINDS,
    line: null,
    allocatedAt,
    message: `${objects} block(s), ${bytes} byte(s), allocated at line(s) ${allocatedAt.join(', ')}`,
  };
}

function asanObservation(stderr: string, match: RegExpExecArray, file: string): Classified {
  const text = match[1].trim();
  const frames = firstStack(stderr.slice(match.index).split('\n'), 1);
  const line = userLine(frames, file);
  const segv = /^SEGV on unknown address(?: (0x[0-9a-f]+))? \(pc (0x[0-9a-f]+)/.exec(text);
  const report = stderr.slice(match.index);
  const access = /The signal is caused by a (READ|WRITE) memory access/.exec(report)?.[1];
  if (segv !== null && segv[1] !== undefined && BigInt(segv[1]) === BigInt(segv[2])) {
    // A jump to a bad address: ASan cannot unwind past it (the caller's frame is lost).
    return {
      kind: 'inconclusive',
      description: `AddressSanitizer reports a call to the bad address ${segv[2]} but not the line of the call`,
    };
  }
  const row = memoryReport('AddressSanitizer', text);
  const size = /^(READ|WRITE) of size (\d+)/m.exec(report);
  const message =
    segv !== null
      ? `SEGV on unknown address ${segv[1] ?? '(unknown)'}${access !== undefined ? `, a ${access}` : ''}`
      : text.replace(/ at pc 0x[0-9a-f]+.*$/, '').replace(/ in thread T\d+:?$/, '') +
        (size !== null ? `, a ${size[1]} of ${size[2]} byte(s)` : '');
  if (line === undefined) {
    return {
      kind: 'inconclusive',
      description: `AddressSanitizer's report could not be symbolized: ${excerpt(message, 200)}`,
    };
  }
  return {
    kind: 'memory',
    tool: 'AddressSanitizer',
    report: row?.report ?? text.split(/[\s:]/)[0],
    confirms: row?.confirms ?? [],
    line,
    message,
  };
}

/** Reads the program's stderr and exit status. Frame addresses are resolved later (`symbolize`). */
function classify(
  stderr: string,
  code: number | null,
  signal: string | null,
  file: string,
): Classified {
  const broken = SANITIZER_BROKEN.exec(stderr);
  const ub = UB_LINE.exec(stderr);
  const asan = ASAN_ERROR.exec(stderr);
  const lsan = LSAN_ERROR.exec(stderr);
  const badCall = BAD_CALL.exec(stderr);
  const first = [broken, ub, asan, lsan, badCall]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (first !== undefined && first === broken) {
    return {
      kind: 'inconclusive',
      description: `the sanitizer could not run: ${excerpt(stderr.slice(broken.index), 200)}`,
    };
  }
  if (first !== undefined && first === ub && ub !== null) {
    const message = ub[3].trim();
    const row = memoryReport('UndefinedBehaviorSanitizer', message);
    if (row !== null) {
      return {
        kind: 'memory',
        tool: 'UndefinedBehaviorSanitizer',
        report: row.report,
        confirms: row.confirms,
        line: Number(ub[2]),
        ...(isUserFile(ub[1], file) ? {} : { file: ub[1] }),
        message,
      };
    }
    return {
      kind: 'ub',
      category: ubCategory(ub[3]),
      file: ub[1],
      line: Number(ub[2]),
      message,
    };
  }
  if (first !== undefined && first === asan && asan !== null)
    return asanObservation(stderr, asan, file);
  if (first !== undefined && first === badCall && badCall !== null) {
    return {
      kind: 'memory',
      tool: 'the harness',
      report: 'call through an invalid function pointer',
      confirms: ['valid-call'],
      line: null,
      message: `a call to the address ${badCall[1]}`,
      callSite: badCall[2],
    };
  }
  if (first !== undefined && first === lsan && lsan !== null) {
    const leak = leakObservation(stderr, lsan.index, file);
    if (leak !== null) return leak;
  }
  const marks = stderr
    .split('\n')
    .filter((l) => l.startsWith(`${MARK} `))
    .map((l) => l.slice(MARK.length + 1).split(' '));
  const mark = marks.find((m) => m[0] !== 'frames');
  const frames = marks.find((m) => m[0] === 'frames')?.slice(1) ?? [];
  switch (mark?.[0]) {
    case 'assert':
      return {
        kind: 'assert',
        line: Number(mark[1]),
        what: mark[2] ?? 'assert',
        frameLines: [],
        frames,
      };
    case 'returns-false':
      return { kind: 'returns-false' };
    case 'returned':
      return { kind: 'returned' };
    case 'nondet-exhausted':
      return {
        kind: 'other',
        description: `it asked for more nondet values than the witness has (call ${mark[2]})`,
      };
    case 'nondet-mismatch':
      return {
        kind: 'other',
        description: `nondet value ${mark[1]} was for ${mark[2]} but ${mark[3]} asked for it`,
        divergent: true,
      };
    case 'assume-failed':
      return {
        kind: 'other',
        description: 'an assumption (__VERIFIER_assume) was false: not a run of the program',
      };
  }
  const status = signal !== null ? `signal ${signal}` : `exit code ${code}`;
  return {
    kind: 'other',
    description: `it ended without reaching a violation (${status}): ${excerpt(stderr, 200)}`,
  };
}

/**
 * Resolves addresses the harness printed to lines of `file` (needs addr2line):
 * an assertion report's call stack (else no lines), and the caller of a call
 * to a bad address (else inconclusive).
 */
async function symbolize(observed: Classified, exe: string, file: string): Promise<Observed> {
  const addr2line = findOnPath('addr2line');
  const userLines = async (addresses: readonly string[]): Promise<number[]> => {
    if (addr2line === null) return [];
    // Return addresses point after the call; one byte back is inside it.
    const addrs = addresses
      .filter((a) => /^0x[0-9a-f]+$/i.test(a))
      .map((a) => `0x${(BigInt(a) - 1n).toString(16)}`);
    if (addrs.length === 0) return [];
    const out = await runProcess(addr2line, ['-e', exe, ...addrs], { timeoutMs: 10_000 });
    return out.stdout
      .split('\n')
      .map((l) => /^(.*):(\d+)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && resolve(m[1]) === file)
      .map((m) => Number(m[2]));
  };
  if (observed.kind === 'memory' && observed.callSite !== undefined) {
    const { callSite, ...rest } = observed;
    if (addr2line === null) {
      return {
        kind: 'inconclusive',
        description: `${rest.message} was made, but without addr2line its line is unknown`,
      };
    }
    const [line] = await userLines([callSite]);
    return { ...rest, line: line ?? null };
  }
  if (observed.kind !== 'assert' || observed.frames === undefined || observed.frames.length === 0)
    return observed;
  const { frames, ...rest } = observed;
  if (addr2line === null) return rest;
  return { ...rest, frameLines: await userLines(frames) };
}

function describe(o: Observed): string {
  switch (o.kind) {
    case 'ub':
      return `UBSan reports "${o.message}" at ${basename(o.file)}:${o.line}`;
    case 'memory': {
      const where =
        o.line !== null
          ? ` at ${o.file !== undefined ? basename(o.file) : 'line'}${o.file !== undefined ? ':' : ' '}${o.line}`
          : o.allocatedAt !== undefined
            ? ''
            : " in no frame of the user's file";
      const by = o.tool === 'the harness' ? 'the harness catches a' : `${o.tool} reports`;
      return `${by} ${o.report}${where} (${o.message})`;
    }
    case 'assert': {
      const stack =
        o.frameLines.length > 0
          ? ` (user lines on the call stack: ${o.frameLines.join(', ')})`
          : '';
      return `an assertion failed / error function was called (${o.what}, line ${o.line})${stack}`;
    }
    case 'returns-false':
      return 'the function returned false';
    case 'returned':
      return 'the function returned normally with no violation';
    case 'other':
    case 'inconclusive':
      return o.description;
  }
}

function kindMatches(o: Observed, kind: ReplayKind): boolean {
  switch (o.kind) {
    case 'ub':
      return o.category === kind || (o.category === 'shift' && kind === 'overflow');
    case 'memory':
      return o.confirms.includes(kind);
    case 'assert':
      return kind === 'assertion' || kind === 'error-call';
    case 'returns-false':
      return kind === 'returns-true';
    default:
      return false;
  }
}

function lineMatches(o: Observed, line: number, file: string): boolean {
  switch (o.kind) {
    case 'ub':
      return o.line === line && (resolve(o.file) === file || basename(o.file) === basename(file));
    case 'memory':
      // A leak is reported where its block was allocated, not where it was lost.
      if (o.allocatedAt !== undefined) return true;
      return o.line === line && (o.file === undefined || isUserFile(o.file, file));
    case 'assert':
      return o.line === line || o.frameLines.includes(line);
    default:
      // A false return has no single line (any return statement); the kind is the evidence.
      return true;
  }
}

export interface JudgeContext {
  /** The text of the expected line in the user's file. */
  readonly sourceLine?: string;
  /** The program was built with clang (default: judged from the compiler's name). */
  readonly clang?: boolean;
}

export function judge(
  o: Observed,
  expected: CompilerReplayRequest['expected'],
  file: string,
  compilerName = 'the compiler',
  context: JudgeContext = {},
): CompilerReplay {
  const what = describe(o);
  const want = `${expected.kind} at line ${expected.line}`;
  if (o.kind === 'inconclusive')
    return unavailable(
      `the program compiled with ${compilerName} shows nothing either way: ${what}`,
    );
  if (lineMatches(o, expected.line, file)) {
    if (kindMatches(o, expected.kind)) {
      return {
        status: 'agrees',
        detail: `the program compiled with ${compilerName} confirms it: ${what}`,
      };
    }
    if (otherUndefinedBehaviourOnSameLine(o, expected.kind)) {
      return {
        status: 'agrees',
        detail:
          `the program compiled with ${compilerName} stops at another undefined behaviour on the same line, ` +
          `having evaluated the operands in another order (C leaves that order unspecified): ${what}`,
      };
    }
    if (sameLineAddress(o, expected.kind)) {
      return {
        status: 'agrees',
        detail:
          `the program compiled with ${compilerName} stops on the same line at the other check of one address ` +
          `(arc may flag the arithmetic that computes an address where the sanitizers see only the access ` +
          `through it, or the reverse): ${what}`,
      };
    }
  }
  const blind = blindSpot(
    o,
    expected.kind,
    context.clang ?? isClang(compilerName),
    context.sourceLine,
  );
  if (blind !== null) {
    return unavailable(
      `expected ${want}, but ${blind}; the program compiled with ${compilerName} goes on past such a ` +
        `violation, so what it did shows nothing either way: ${what}`,
    );
  }
  return disagrees(`expected ${want}, but ${what}`);
}

/**
 * Operands of one C operator are unsequenced: when two of them each have
 * undefined behaviour on the same input, the compiled program may stop at the
 * other one first. That still confirms undefined behaviour on this input at
 * this line. (The line itself is checked by the caller.)
 */
function otherUndefinedBehaviourOnSameLine(o: Observed, kind: ReplayKind): boolean {
  const ubKinds: readonly ReplayKind[] = ['overflow', 'div-by-zero', 'shift'];
  return o.kind === 'ub' && o.category !== 'other' && ubKinds.includes(kind);
}

/**
 * `*(p + 10)` or `p[10]`: arc may flag the address computation
 * (`valid-pointer-arith`) where the sanitizers see only the access
 * (`valid-deref`), and UBSan's pointer-overflow check may stop at the
 * computation of an address arc flags at its access. On one line, each
 * confirms the other. (The line itself is checked by the caller.)
 */
function sameLineAddress(o: Observed, kind: ReplayKind): boolean {
  if (o.kind !== 'memory') return false;
  const address: readonly ReplayKind[] = ['valid-deref', 'valid-pointer-arith'];
  return address.includes(kind) && o.confirms.some((k) => address.includes(k));
}

const ABS_OR_CTYPE =
  /\b(abs|labs|llabs|is(alnum|alpha|blank|cntrl|digit|graph|lower|print|punct|space|upper|xdigit)|to(lower|upper))\s*\(/;
const OVERLAP_CHECKED = /\b(memcpy|memmove|memset|memcmp|memchr|str\w+)\s*\(/;

/**
 * Why no sanitizer can confirm a violation of `kind`, when that is so; null
 * otherwise. Not for a run that left the
 * witness's path before its violation (a nondet value asked for by another
 * function): that refutes the witness whatever the sanitizers see.
 */
function blindSpot(
  o: Observed,
  kind: ReplayKind,
  clang: boolean,
  sourceLine: string | undefined,
): string | null {
  if (o.kind === 'other' && o.divergent === true) return null;
  switch (kind) {
    case 'valid-pointer-arith':
      return 'no sanitizer catches pointer arithmetic that is never used (UBSan checks array indexing and address wrap-around, AddressSanitizer only accesses)';
    case 'valid-pointer-compare':
      return clang
        ? "clang's AddressSanitizer does not check a pair of pointers into two global objects"
        : null;
    case 'valid-call':
      return (
        'no sanitizer used here checks that a function pointer holds a function of the type it is called with ' +
        '(a call through a NULL or wild pointer is caught)'
      );
    case 'library':
      return sourceLine !== undefined &&
        ABS_OR_CTYPE.test(sourceLine) &&
        !OVERLAP_CHECKED.test(sourceLine)
        ? 'no sanitizer checks the argument of abs or of a <ctype.h> function'
        : null;
    default:
      return null;
  }
}

function unavailable(detail: string): CompilerReplay {
  return { status: 'unavailable', detail };
}
function disagrees(detail: string): CompilerReplay {
  return { status: 'disagrees', detail };
}
