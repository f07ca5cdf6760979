/**
 * Differential test of `arc prove --returns-true` against python3.
 *
 * A seeded generator writes small Python functions whose parameters are
 * limited to a small range by a guard (`if not (lo <= a <= hi ...): return
 * True`), so "f returns True for every input" is decided by running f on
 * every input of the range. Bodies mix + - * // % ** abs min max,
 * if/elif/else, chained comparisons, and/or/not and bounded range loops with
 * break and continue.
 *
 * The returned condition is chosen after a first python3 run that records
 * the values the body computes: an interval that contains all of them (so
 * some functions hold), a value that occurs (so some fail), or a random
 * condition. arc must answer yes exactly when python3 returned True on every
 * input, and otherwise no with a counterexample that python3 confirms
 * (returns False, or raises the exception of the violated property).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prove } from '../../src/index.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { hasPython, interval, outcomeOfKind, product, runPython } from './python.js';

const SEED = 20260415;
const FUNCTIONS = 44;

/** mulberry32: a small deterministic PRNG, so a failure is reproducible. */
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

class Gen {
  constructor(private readonly r: () => number) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }

  chance(p: number): boolean {
    return this.r() < p;
  }

  small(): string {
    return String(Math.floor(this.r() * 7) - 3);
  }

  /** An integer expression over `names`. */
  int(names: readonly string[], depth: number): string {
    if (depth === 0 || this.chance(0.3)) return this.chance(0.7) ? this.pick(names) : this.small();
    const sub = (): string => this.int(names, depth - 1);
    switch (Math.floor(this.r() * 8)) {
      case 0:
      case 1:
        return `(${sub()} ${this.pick(['+', '-', '*'])} ${sub()})`;
      case 2:
        return `(${sub()} ${this.pick(['//', '%'])} ${this.chance(0.6) ? this.pick(['2', '3', '-2']) : sub()})`;
      case 3:
        return `${this.pick(names)} ** ${this.pick(['0', '2', '3'])}`;
      case 4:
        return `abs(${sub()})`;
      case 5:
        return this.chance(0.5) ? `min(${sub()}, ${sub()})` : `max(${sub()}, ${sub()}, ${sub()})`;
      case 6:
        return `(${sub()} if ${this.bool(names, 1)} else ${sub()})`;
      default:
        return `-${sub()}`;
    }
  }

  /** A condition over `names`: comparisons (chained ones too), and/or/not. */
  bool(names: readonly string[], depth: number): string {
    const cmp = (): string => this.pick(['<', '<=', '==', '!=', '>', '>=']);
    const atom = (): string =>
      this.chance(0.3)
        ? `${this.int(names, 1)} ${cmp()} ${this.int(names, 1)} ${cmp()} ${this.int(names, 0)}`
        : `${this.int(names, 1)} ${cmp()} ${this.int(names, 1)}`;
    if (depth === 0 || this.chance(0.4)) return atom();
    const sub = (): string => this.bool(names, depth - 1);
    switch (Math.floor(this.r() * 3)) {
      case 0:
        return `(${sub()} and ${sub()})`;
      case 1:
        return `(${sub()} or ${sub()})`;
      default:
        return `not (${sub()})`;
    }
  }
}

interface Generated {
  readonly name: string;
  readonly params: readonly string[];
  readonly lo: number;
  readonly hi: number;
  /** The function without its final `return`: the body leaves its result in `x`. */
  readonly body: readonly string[];
}

function generate(g: Gen, index: number): Generated {
  const params = g.chance(0.6) ? ['a', 'b'] : ['a', 'b', 'c'];
  const [lo, hi] = params.length === 2 ? [-3, 3] : [-2, 2];
  const name = `f${index}`;
  const guard = params.map((p) => `${lo} <= ${p} <= ${hi}`).join(' and ');
  const hinted = params.map((p) => (g.chance(0.5) ? `${p}: int` : p)).join(', ');
  const vars = [...params, 'x', 'y'];
  const body = [
    `def ${name}(${hinted}):`,
    `    if not (${guard}):`,
    '        return True',
    `    x = ${g.int(params, 2)}`,
    `    y = ${g.int([...params, 'x'], 2)}`,
    `    if ${g.bool(vars, 1)}:`,
    `        x = ${g.int(vars, 2)}`,
    ...(g.chance(0.5) ? [`    elif ${g.bool(vars, 1)}:`, `        y = ${g.int(vars, 1)}`] : []),
    '    else:',
    `        x = x + ${g.int(vars, 1)}`,
  ];
  if (g.chance(0.7)) {
    const loopVars = [...vars, 'i'];
    body.push(
      `    for i in range(${g.pick(['a', 'b, a', 'a, b, -1', '3', '0, a, 2', 'c, a, b', 'a, 3, b'].filter((r) => params.includes('c') || !r.includes('c')))}):`,
    );
    if (g.chance(0.5))
      body.push(
        `        if ${g.bool(loopVars, 0)}:`,
        `            ${g.pick(['break', 'continue'])}`,
      );
    body.push(`        x = x + ${g.int(loopVars, 1)}`);
  }
  return { name, params, lo, hi, body };
}

function source(f: Generated, ret: string): string {
  return [...f.body, `    return ${ret}`, ''].join('\n');
}

/** The final condition, from the values python3 saw the body compute. */
function condition(g: Gen, f: Generated, values: readonly string[]): string {
  const ints = values.filter((v) => /^-?\d+$/.test(v)).map(BigInt);
  const kind = ints.length === 0 ? 2 : g.pick([0, 0, 1, 2]);
  if (kind === 0) {
    const min = ints.reduce((m, v) => (v < m ? v : m));
    const max = ints.reduce((m, v) => (v > m ? v : m));
    return `${min} <= x <= ${max}`;
  }
  if (kind === 1) return `x != ${g.pick(ints)}`;
  return g.bool([...f.params, 'x', 'y'], 1);
}

function describe(v: Verdict): string {
  if (v.answer === 'unknown') return `unknown (${v.reason.code}: ${v.reason.message})`;
  if (v.answer === 'yes') return 'yes';
  const cx = v.witness;
  return `no: ${cx.property.id} with ${cx.inputs.map((i) => `${i.name} = ${i.value}`).join(', ')}`;
}

test(
  'differential: arc prove --returns-true agrees with python3 on generated functions',
  { skip: hasPython ? false : 'python3 is not on PATH' },
  async (t) => {
    const g = new Gen(prng(SEED));
    const fns = Array.from({ length: FUNCTIONS }, (_, i) => generate(g, i));
    const inputsOf = (f: Generated): bigint[][] =>
      product(f.params.map(() => interval(f.lo - 1, f.hi + 1)));
    // Pass 1: the values of x at the end of each body.
    const values = runPython(
      fns.map((f) => ({ source: source(f, 'x'), fn: f.name, inputs: inputsOf(f), values: true })),
    );
    const sources = fns.map((f, i) => source(f, condition(g, f, values[i])));
    // Pass 2: the ground truth.
    const truth = runPython(
      fns.map((f, i) => ({ source: sources[i], fn: f.name, inputs: inputsOf(f) })),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'arc-py-diff-'));
    const answers: { verdict: Verdict; holds: boolean }[] = [];
    for (let i = 0; i < fns.length; i++) {
      const file = path.join(dir, `${fns[i].name}.py`);
      writeFileSync(file, sources[i]);
      const r = await prove({ file, function: fns[i].name, returnsTrue: true, timeoutSeconds: 30 });
      if (r.kind === 'bad-input')
        assert.fail(
          `bad input for\n${sources[i]}\n${r.diagnostics.map((d) => d.message).join('; ')}`,
        );
      answers.push({ verdict: r.verdict, holds: truth[i].every((o) => o === 'T') });
    }
    // Both answers occur: the test compares more than one kind of verdict.
    assert.ok(
      answers.some((a) => a.holds),
      'no generated function holds',
    );
    assert.ok(
      answers.some((a) => !a.holds),
      'every generated function holds',
    );
    // Pass 3: python3 on arc's counterexamples.
    const witnesses = answers.map((a, i) => {
      const v = a.verdict;
      if (v.answer !== 'no') return [];
      const byName = new Map(v.witness.inputs.map((x) => [x.name, BigInt(x.text)]));
      return [fns[i].params.map((p) => byName.get(p) ?? 0n)];
    });
    const replays = runPython(
      fns.map((f, i) => ({ source: sources[i], fn: f.name, inputs: witnesses[i] })),
    );
    const tally = new Map<string, number>();
    for (const { verdict: v } of answers) {
      const key = v.answer === 'no' ? `no (${v.witness.property.kind})` : v.answer;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    t.diagnostic([...tally].map(([k, n]) => `${k}: ${n}`).join(', '));
    // The generated functions reach every outcome in python3 (the test compares them all).
    assert.ok(
      answers.some((a) => a.holds),
      'no generated function holds',
    );
    for (const outcome of ['F', 'ZeroDivisionError', 'ValueError'])
      assert.ok(
        truth.some((os) => os.includes(outcome)),
        `no generated function has the outcome ${outcome}`,
      );
    answers.forEach(({ verdict: v, holds }, i) => {
      const context = `${describe(v)} for\n${sources[i]}`;
      assert.equal(
        v.answer,
        holds ? 'yes' : 'no',
        `python3 says ${holds ? 'yes' : 'no'}; arc: ${context}`,
      );
      if (v.answer !== 'no') return;
      const expected = outcomeOfKind(v.witness.property.kind);
      assert.equal(replays[i][0], expected, `python3 on arc's counterexample: ${context}`);
      assert.equal(v.witness.replay.interpreter, 'agrees', context);
    });
  },
);
