import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lowerFn, range, result } from './helpers.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;

/** A small deterministic PRNG (mulberry32), so failures are reproducible. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function genExpr(r: () => number, depth: number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  if (depth === 0 || r() < 0.25) return pick(['a', 'b', 'c', String(Math.floor(r() * 7) - 3)]);
  const sub = (): string => genExpr(r, depth - 1);
  switch (Math.floor(r() * 9)) {
    case 0:
    case 1:
      return `(${sub()} ${pick(['+', '-', '*', '//', '%'])} ${sub()})`;
    case 2:
      return `(${sub()} ${pick(['<', '<=', '==', '!='])} ${sub()} ${pick(['<', '>', '>='])} ${sub()})`;
    case 3:
      return `(${sub()} ${pick(['and', 'or'])} ${sub()})`;
    case 4:
      return `(${sub()} if ${sub()} else ${sub()})`;
    case 5:
      return `(not ${sub()})`;
    case 6:
      return pick([
        `abs(${sub()})`,
        `min(${sub()}, ${sub()})`,
        `max(${sub()}, ${sub()}, ${sub()})`,
      ]);
    case 7:
      return `(${sub()}) ** ${pick(['0', '1', '2', '3'])}`;
    default:
      return `(-${sub()})`;
  }
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function genFunction(r: () => number, name: string): string {
  return [
    `def ${name}(a, b, c):`,
    `    x = ${genExpr(r, 3)}`,
    `    if ${genExpr(r, 2)}:`,
    `        x += ${genExpr(r, 2)}`,
    `    elif ${genExpr(r, 2)}:`,
    `        x //= ${genExpr(r, 1)}`,
    `    for i in range(${pick(r, ['a', 'b, a', 'c, a, -1', 'a, c, b', '3'])}):`,
    `        if ${genExpr(r, 1)}:`,
    `            ${pick(r, ['continue', 'break', 'x -= i'])}`,
    `        x = x + ${genExpr(r, 1)} * i`,
    `    return ${genExpr(r, 2)} + x`,
    '',
  ].join('\n');
}

test(
  'differential: the interpreter agrees with python3 on generated functions',
  { skip: hasPython ? false : 'python3 is not on PATH' },
  async () => {
    const r = prng(20260101);
    const inputs: bigint[][] = [];
    for (const a of range(-2, 2))
      for (const b of range(-2, 2)) for (const c of [-3n, 0n, 5n]) inputs.push([a, b, c]);
    const fns = Array.from({ length: 40 }, (_, i) => genFunction(r, `f${i}`));
    const driver = [
      ...fns,
      `inputs = [${inputs.map((xs) => `(${xs.join(', ')})`).join(', ')}]`,
      `for fn in [${fns.map((_, i) => `f${i}`).join(', ')}]:`,
      '    for args in inputs:',
      '        try:',
      '            print(int(fn(*args)))',
      '        except ZeroDivisionError:',
      "            print('ZDE')",
      '        except ValueError:',
      "            print('VE')",
      '',
    ].join('\n');
    const py = spawnSync('python3', ['-c', driver], { encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    const expected = py.stdout.trim().split('\n');
    // The generated programs reach every outcome: values, ZeroDivisionError and ValueError.
    for (const outcome of ['ZDE', 'VE'])
      assert.ok(expected.includes(outcome), `no generated run raises ${outcome}`);
    let k = 0;
    for (let i = 0; i < fns.length; i++) {
      const fn = await lowerFn(fns[i], `f${i}`);
      for (const args of inputs) {
        const got = result(fn, ...args);
        const shown =
          typeof got === 'string' && got.startsWith('violated') && got.includes('div-by-zero')
            ? 'ZDE'
            : typeof got === 'string' && got.includes('error-call')
              ? 'VE'
              : String(got);
        assert.equal(shown, expected[k], `f${i}(${args.join(', ')}) in\n${fns[i]}`);
        k++;
      }
    }
  },
);
