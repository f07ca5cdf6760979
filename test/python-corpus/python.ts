/**
 * Running Python functions under the real python3, as the ground truth the
 * Python corpus and the differential test compare arc with.
 *
 * An outcome is `T` (the call returned a truthy value), `F` (a falsy one,
 * None included) or the name of the exception it raised
 * (`ZeroDivisionError`, `AssertionError`, `ValueError`, ...); with `values`,
 * the returned integer in decimal instead of `T`/`F`.
 */
import { spawnSync } from 'node:child_process';

export const hasPython = spawnSync('python3', ['--version']).status === 0;

export type Outcome = string;

/** One function of a source text and the argument tuples to call it with. */
export interface PythonJob {
  /** Python source defining the function (its module-level code runs once). */
  readonly source: string;
  readonly fn: string;
  readonly inputs: readonly (readonly bigint[])[];
  /** Report the returned integer (`int(result)`) instead of its truthiness. */
  readonly values?: boolean;
}

const DRIVER = `
import json, sys
jobs = json.load(sys.stdin)
out = []
for job in jobs:
    ns = {'__name__': 'arc_case'}
    exec(compile(job['source'], job.get('file', '<case>'), 'exec'), ns)
    f = ns[job['fn']]
    res = []
    for args in job['inputs']:
        try:
            r = f(*[int(a) for a in args])
            res.append(str(int(r)) if job['values'] else ('T' if r else 'F'))
        except Exception as e:
            res.append(type(e).__name__)
    out.append(res)
json.dump(out, sys.stdout)
`;

/**
 * Runs every job in one python3 process; the outcomes per job, per input.
 * Throws when python3 fails or does not finish within `timeoutMs`.
 */
export function runPython(jobs: readonly PythonJob[], timeoutMs = 60_000): Outcome[][] {
  const input = JSON.stringify(
    jobs.map((j) => ({
      source: j.source,
      fn: j.fn,
      values: j.values === true,
      inputs: j.inputs.map((xs) => xs.map(String)),
    })),
  );
  const py = spawnSync('python3', ['-c', DRIVER], {
    input,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (py.error !== undefined) throw new Error(`python3 did not finish: ${py.error.message}`);
  if (py.status !== 0) throw new Error(`python3 failed (${String(py.status)}): ${py.stderr}`);
  const parsed: unknown = JSON.parse(py.stdout);
  if (!Array.isArray(parsed)) throw new Error('python3 printed no result list');
  return parsed.map((r: unknown) => {
    if (!Array.isArray(r) || !r.every((x): x is string => typeof x === 'string'))
      throw new Error('python3 printed a malformed result');
    return r;
  });
}

/**
 * Whether `fn(*args)` keeps running for `timeoutMs` (a non-termination
 * witness); false when it returns or raises first.
 */
export function runsForever(
  source: string,
  fn: string,
  args: readonly bigint[],
  timeoutMs: number,
): boolean {
  const call = `${fn}(${args.map(String).join(', ')})`;
  const py = spawnSync('python3', ['-c', `${source}\n${call}\n`], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return py.status === null && py.signal !== null;
}

/** Every tuple of the cartesian product of `domains`. */
export function product(domains: readonly (readonly bigint[])[]): bigint[][] {
  let out: bigint[][] = [[]];
  for (const d of domains) out = out.flatMap((xs) => d.map((v) => [...xs, v]));
  return out;
}

/** The integers lo..hi inclusive. */
export function interval(lo: number, hi: number): bigint[] {
  const out: bigint[] = [];
  for (let i = lo; i <= hi; i++) out.push(BigInt(i));
  return out;
}

/** The exception a violation of a property of this kind raises in Python (`F`: a falsy result). */
export function outcomeOfKind(kind: string): Outcome | null {
  switch (kind) {
    case 'returns-true':
      return 'F';
    case 'assertion':
      return 'AssertionError';
    case 'div-by-zero':
      return 'ZeroDivisionError';
    case 'error-call':
      return 'ValueError';
    default:
      return null;
  }
}
