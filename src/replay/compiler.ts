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
 * The compiler: clang where it is installed, else cc/gcc (`findReplayCompilers`).
 * gcc folds `x + 1 > x` to 1 even at `-O0` and narrows some `unsigned short`
 * products, so its UBSan misses those overflows; clang's does not. The result
 * names the compiler that built the program.
 */
import { isScalar, type Value } from '../ir/value.js';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MARK, callStatement, replayRuntimeUnit, userUnit } from './harness.js';
import {
  cCast,
  excerpt,
  findOnPath,
  findReplayCompilers,
  runProcess,
  withTempDir,
} from './toolchain.js';

export type ReplayKind =
  'assertion' | 'error-call' | 'returns-true' | 'overflow' | 'div-by-zero' | 'shift';

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
  | { readonly kind: 'returns-false' }
  | { readonly kind: 'returned' }
  | { readonly kind: 'other'; readonly description: string };

export type UbCategory = 'overflow' | 'div-by-zero' | 'shift' | 'other';

const COMPILE_TIMEOUT_MS = 60_000;

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

async function replayScalars(req: ScalarRequest): Promise<CompilerReplay> {
  const compilers: readonly string[] =
    req.compiler === undefined
      ? findReplayCompilers()
      : req.compiler === null
        ? []
        : typeof req.compiler === 'string'
          ? [req.compiler]
          : req.compiler;
  if (compilers.length === 0) return unavailable('no C compiler (clang, cc or gcc) on PATH');
  const file = resolve(req.file);
  if (!existsSync(file)) return unavailable(`${req.file} does not exist`);
  return withTempDir('arc-replay-', async (dir) => {
    const exe = join(dir, 'replay');
    const failures: string[] = [];
    let cc: string | undefined;
    for (const candidate of compilers) {
      const failure = await build(candidate, file, dir, exe, req);
      if (failure === null) {
        cc = candidate;
        break;
      }
      failures.push(failure);
    }
    if (cc === undefined) return unavailable(failures.join('; '));
    const name = basename(cc);
    const run = await runProcess(exe, [], {
      timeoutMs: req.timeoutMs ?? 10_000,
      cwd: dir,
      env: { ...process.env, UBSAN_OPTIONS: 'print_stacktrace=0:halt_on_error=1' },
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
    const observed = await symbolize(classify(run.stderr, run.code, run.signal), exe, file);
    const verdict = judge(observed, req.expected, file, name);
    return { ...verdict, detail: `${verdict.detail}${fellBack}`, compiler: name };
  });
}

async function build(
  cc: string,
  file: string,
  dir: string,
  exe: string,
  req: ScalarRequest,
): Promise<string | null> {
  const args = req.params.map((p) => cCast(p.sourceType, p.value));
  const entry = `void __arc_entry(void) { ${callStatement(req.functionName, args, req.expected.kind === 'returns-true')} }`;
  const source = await readFile(file, 'utf8');
  await writeFile(join(dir, 'user.c'), userUnit(file, source, entry));
  await writeFile(join(dir, 'runtime.c'), replayRuntimeUnit(req.nondet));
  const flags = [
    '-std=gnu11',
    '-O0',
    '-gdwarf-4',
    '-no-pie',
    '-w',
    '-fsanitize=undefined',
    '-fno-sanitize-recover=all',
  ];
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
  if (req.dataModel === 'ILP32')
    return `no working \`${cc} -m32\` for ILP32: ${excerpt(firstError(result.stderr), 160)}`;
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

/** Reads the program's stderr and exit status. Frame addresses are resolved later (`symbolize`). */
function classify(
  stderr: string,
  code: number | null,
  signal: string | null,
): Observed & { frames?: string[] } {
  const ub = UB_LINE.exec(stderr);
  if (ub !== null) {
    return {
      kind: 'ub',
      category: ubCategory(ub[3]),
      file: ub[1],
      line: Number(ub[2]),
      message: ub[3].trim(),
    };
  }
  const marks = stderr
    .split('\n')
    .filter((l) => l.startsWith(`${MARK} `))
    .map((l) => l.slice(MARK.length + 1).split(' '));
  const first = marks.find((m) => m[0] !== 'frames');
  const frames = marks.find((m) => m[0] === 'frames')?.slice(1) ?? [];
  switch (first?.[0]) {
    case 'assert':
      return {
        kind: 'assert',
        line: Number(first[1]),
        what: first[2] ?? 'assert',
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
        description: `it asked for more nondet values than the witness has (call ${first[2]})`,
      };
    case 'nondet-mismatch':
      return {
        kind: 'other',
        description: `nondet value ${first[1]} was for ${first[2]} but ${first[3]} asked for it`,
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

/** Resolves the frame addresses of an assertion report to lines of `file` (needs addr2line; else none). */
async function symbolize(
  observed: Observed & { frames?: string[] },
  exe: string,
  file: string,
): Promise<Observed> {
  if (observed.kind !== 'assert' || observed.frames === undefined || observed.frames.length === 0)
    return observed;
  const addr2line = findOnPath('addr2line');
  const { frames, ...rest } = observed;
  if (addr2line === null) return rest;
  // Return addresses point after the call; one byte back is inside it.
  const addrs = frames
    .filter((a) => /^0x[0-9a-f]+$/i.test(a))
    .map((a) => `0x${(BigInt(a) - 1n).toString(16)}`);
  const out = await runProcess(addr2line, ['-e', exe, ...addrs], { timeoutMs: 10_000 });
  const lines = out.stdout
    .split('\n')
    .map((l) => /^(.*):(\d+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && resolve(m[1]) === file)
    .map((m) => Number(m[2]));
  return { ...rest, frameLines: lines };
}

function describe(o: Observed): string {
  switch (o.kind) {
    case 'ub':
      return `UBSan reports "${o.message}" at ${basename(o.file)}:${o.line}`;
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
      return o.description;
  }
}

function kindMatches(o: Observed, kind: ReplayKind): boolean {
  switch (o.kind) {
    case 'ub':
      return o.category === kind || (o.category === 'shift' && kind === 'overflow');
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
    case 'assert':
      return o.line === line || o.frameLines.includes(line);
    default:
      // A false return has no single line (any return statement); the kind is the evidence.
      return true;
  }
}

export function judge(
  o: Observed,
  expected: CompilerReplayRequest['expected'],
  file: string,
  compilerName = 'the compiler',
): CompilerReplay {
  const what = describe(o);
  const want = `${expected.kind} at line ${expected.line}`;
  if (!lineMatches(o, expected.line, file)) return disagrees(`expected ${want}, but ${what}`);
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

function unavailable(detail: string): CompilerReplay {
  return { status: 'unavailable', detail };
}
function disagrees(detail: string): CompilerReplay {
  return { status: 'disagrees', detail };
}
