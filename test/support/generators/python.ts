/**
 * Grammar-based generator of Python programs for robustness tests: functions
 * over `int` and `bool` in arc's supported subset (arithmetic with floor
 * division and modulo, `**` by a small constant, comparisons and chains,
 * `and`/`or`/`not`, conditional expressions, `abs`/`min`/`max`/`int`/`bool`/
 * `pow`, `if`/`elif`/`else`, `while`, `for … in range(…)`, `break`/`continue`,
 * augmented assignments, `assert`, `return`, calls of helpers defined in the
 * file), plus unsupported constructs (floats, strings, lists, classes,
 * lambdas, `try`, imports, …) and syntax errors, each labelled.
 *
 * Arbitraries grow recursively up to a depth bound; `fc.sample(arb, { seed,
 * numRuns })` gives the same programs on every run.
 */
import fc from 'fast-check';
import type { GeneratedKind } from './c.js';

export interface GeneratedPython {
  readonly text: string;
  readonly entry: string;
  readonly kind: GeneratedKind;
  readonly note: string;
}

const PY_BINARY_OPERATORS = ['+', '-', '*', '//', '%'] as const;
const PY_COMPARISONS = ['<', '<=', '>', '>=', '==', '!='] as const;
const AUGMENTED = ['+=', '-=', '*=', '//=', '%='] as const;

interface Scope {
  readonly vars: readonly string[];
  readonly helpers: readonly (readonly [string, number])[];
  readonly inLoop: boolean;
}

function pick<T>(items: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...items);
}

const LITERAL = fc.oneof(
  fc.integer({ min: -5, max: 12 }).map((n) => (n < 0 ? `(${n})` : String(n))),
  fc.constantFrom(
    'True',
    'False',
    '0',
    '1',
    '2**31',
    '10**20',
    '-(2**63)',
    '0x10',
    '0o7',
    '0b101',
    '1_000',
  ),
);

/** An integer expression over `scope`, nested at most `depth` deep. */
function pyExpression(scope: Pick<Scope, 'vars' | 'helpers'>, depth: number): fc.Arbitrary<string> {
  const w = (weight: number, arbitrary: fc.Arbitrary<string>) => ({ weight, arbitrary });
  const leaves = [w(3, LITERAL)];
  if (scope.vars.length > 0) leaves.push(w(6, pick(scope.vars)));
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = pyExpression(scope, depth - 1);
  const options = [
    w(5, leaf),
    w(
      6,
      fc.tuple(sub, pick(PY_BINARY_OPERATORS), sub).map(([a, op, b]) => `(${a} ${op} ${b})`),
    ),
    w(
      2,
      fc.tuple(sub, pick(PY_COMPARISONS), sub).map(([a, op, b]) => `(${a} ${op} ${b})`),
    ),
    w(
      1,
      fc
        .tuple(sub, pick(PY_COMPARISONS), sub, pick(PY_COMPARISONS), sub)
        .map(([a, o1, b, o2, c]) => `(${a} ${o1} ${b} ${o2} ${c})`),
    ),
    w(
      1,
      fc.tuple(sub, pick(['and', 'or']), sub).map(([a, op, b]) => `(${a} ${op} ${b})`),
    ),
    w(
      1,
      sub.map((a) => `(not ${a})`),
    ),
    w(
      1,
      fc.tuple(pick(['-', '+']), sub).map(([op, a]) => `(${op}${a})`),
    ),
    w(
      1,
      fc.tuple(sub, sub, sub).map(([a, c, b]) => `(${a} if ${c} else ${b})`),
    ),
    w(
      1,
      fc.tuple(sub, fc.integer({ min: 0, max: 3 })).map(([a, n]) => `(${a} ** ${n})`),
    ),
    w(
      1,
      sub.map((a) => `abs(${a})`),
    ),
    w(
      1,
      fc.tuple(pick(['min', 'max']), sub, sub).map(([f, a, b]) => `${f}(${a}, ${b})`),
    ),
    w(
      1,
      fc.tuple(pick(['int', 'bool']), sub).map(([f, a]) => `${f}(${a})`),
    ),
    w(
      1,
      fc.tuple(sub, fc.integer({ min: 0, max: 3 })).map(([a, n]) => `pow(${a}, ${n})`),
    ),
  ];
  for (const [name, arity] of scope.helpers) {
    const args = fc.array(sub, { minLength: arity, maxLength: arity });
    options.push(
      w(
        2,
        args.map((a) => `${name}(${a.join(', ')})`),
      ),
    );
  }
  return fc.oneof(...options);
}

function indent(lines: readonly string[], by = '    '): string[] {
  return lines.map((l) => by + l);
}

/** A statement as lines (unindented), nested at most `depth` deep. */
function pyStatement(scope: Scope, depth: number, exprDepth: number): fc.Arbitrary<string[]> {
  const e = pyExpression(scope, exprDepth);
  const cond = pyExpression(scope, Math.min(2, exprDepth));
  const simple: fc.Arbitrary<string[]>[] = [
    fc.tuple(pick(scope.vars), e).map(([v, x]) => [`${v} = ${x}`]),
    fc.tuple(pick(scope.vars), pick(AUGMENTED), e).map(([v, op, x]) => [`${v} ${op} ${x}`]),
    cond.map((c) => [`assert ${c}`]),
    e.map((x) => [`return ${x}`]),
    fc.constant(['pass']),
    e.map((x) => [`print(${x})`]),
  ];
  if (scope.inLoop) simple.push(fc.constant(['break']), fc.constant(['continue']));
  if (depth <= 0) return fc.oneof(...simple);
  const block = (s: Scope) =>
    fc
      .array(pyStatement(s, depth - 1, exprDepth), { minLength: 1, maxLength: 3 })
      .map((ss) => indent(ss.flat()));
  const loopVar = `i${depth}`;
  const body = block(scope);
  const loopBody = block({ ...scope, inLoop: true, vars: [...scope.vars, loopVar] });
  const whileBody = block({ ...scope, inLoop: true });
  const compound: fc.Arbitrary<string[]>[] = [
    fc.tuple(cond, body).map(([c, b]) => [`if ${c}:`, ...b]),
    fc.tuple(cond, body, body).map(([c, b, d]) => [`if ${c}:`, ...b, 'else:', ...d]),
    fc
      .tuple(cond, body, cond, body, body)
      .map(([c, b, c2, b2, d]) => [`if ${c}:`, ...b, `elif ${c2}:`, ...b2, 'else:', ...d]),
    fc.tuple(cond, whileBody).map(([c, b]) => [`while ${c}:`, ...b]),
    fc
      .tuple(
        fc.oneof(
          fc.integer({ min: 0, max: 12 }).map(String),
          pyExpression(scope, 1),
          fc.tuple(pyExpression(scope, 1), pyExpression(scope, 1)).map(([a, b]) => `${a}, ${b}`),
          fc
            .tuple(pyExpression(scope, 1), pyExpression(scope, 1), fc.integer({ min: -3, max: 3 }))
            .map(([a, b, s]) => `${a}, ${b}, ${s}`),
        ),
        loopBody,
      )
      .map(([args, b]) => [`for ${loopVar} in range(${args}):`, ...b]),
  ];
  return fc.oneof(
    { weight: 2, arbitrary: fc.oneof(...simple) },
    { weight: 1, arbitrary: fc.oneof(...compound) },
  );
}

const HINTS = fc.constantFrom('int', 'int', 'bool', '');

function pyFunction(
  name: string,
  helpers: readonly (readonly [string, number])[],
  stmtDepth: number,
  exprDepth: number,
): fc.Arbitrary<{ text: string; arity: number }> {
  return fc
    .tuple(fc.array(HINTS, { minLength: 0, maxLength: 3 }), fc.boolean())
    .chain(([hints, returnHint]) => {
      const params = hints.map((_, i) => `p${i}`);
      const scope: Scope = { vars: [...params, 'acc'], helpers, inLoop: false };
      return fc
        .tuple(
          pyExpression({ vars: params, helpers }, 1),
          fc.array(pyStatement(scope, stmtDepth, exprDepth), { minLength: 1, maxLength: 4 }),
          pyExpression(scope, exprDepth),
        )
        .map(([init, stmts, result]) => {
          const head = `def ${name}(${params.map((p, i) => (hints[i] === '' ? p : `${p}: ${hints[i]}`)).join(', ')})${returnHint ? ' -> int' : ''}:`;
          const lines = [head, ...indent([`acc = ${init}`, ...stmts.flat(), `return ${result}`])];
          return { text: lines.join('\n'), arity: params.length };
        });
    });
}

/** A program in the subset: up to two helpers and the entry `f`. */
export function validPythonProgram(stmtDepth = 3, exprDepth = 3): fc.Arbitrary<GeneratedPython> {
  return fc.integer({ min: 0, max: 2 }).chain((n) => {
    const h0 = pyFunction('h0', [], 1, 2);
    const helpers =
      n === 0
        ? fc.constant([])
        : n === 1
          ? h0.map((h) => [['h0', h] as const])
          : h0.chain((a) =>
              pyFunction('h1', [['h0', a.arity]], 1, 2).map((b) => [
                ['h0', a] as const,
                ['h1', b] as const,
              ]),
            );
    return helpers.chain((hs) =>
      pyFunction(
        'f',
        hs.map(([name, h]) => [name, h.arity] as const),
        stmtDepth,
        exprDepth,
      ).map((f) => ({
        text: [
          'from typing import Optional',
          '',
          ...hs.map(([, h]) => `${h.text}\n`),
          f.text,
          '',
        ].join('\n'),
        entry: 'f',
        kind: 'valid' as const,
        note: '',
      })),
    );
  });
}

/** Constructs outside the subset (statements inserted at the top of `f`). */
const PY_UNSUPPORTED_FRAGMENTS: readonly (readonly [string, string])[] = [
  ['float', 'acc = 1.5'],
  ['true division', 'acc = acc / 2'],
  ['string', 'acc = len("abc")'],
  ['list', 'acc = [1, 2][0]'],
  ['tuple', 'acc, other = 1, 2'],
  ['dict', 'acc = {1: 2}[1]'],
  ['set', 'acc = len({1, 2})'],
  ['None', 'acc = None'],
  ['attribute', 'acc = acc.real'],
  ['lambda', 'acc = (lambda q: q)(1)'],
  ['comprehension', 'acc = sum([q for q in range(3)])'],
  ['nested function', 'def inner():\n        return 1'],
  ['class', 'class C:\n        pass'],
  ['global', 'global counter'],
  ['try', 'try:\n        acc = 1\n    except Exception:\n        acc = 2'],
  ['raise', 'raise ValueError("x")'],
  ['with', 'with open("x") as fh:\n        pass'],
  ['import', 'import os'],
  ['bitwise', 'acc = acc & 3'],
  ['shift', 'acc = acc << 2'],
  ['is', 'acc = int(acc is 1)'],
  ['in', 'acc = int(acc in range(3))'],
  ['variable exponent', 'acc = 2 ** acc'],
  ['keyword argument', 'acc = int(x=1)'],
  ['unknown builtin', 'acc = len(acc)'],
  ['walrus', 'acc = (w := 3)'],
  ['while else', 'while acc > 100:\n        acc -= 1\n    else:\n        acc = 0'],
  ['for over a list', 'for q in [1, 2]:\n        acc += q'],
  ['yield', 'yield acc'],
  ['await', 'await acc'],
  ['del', 'del acc'],
  ['starred', 'acc = max(*[1, 2])'],
  ['complex', 'acc = 1j'],
];

/** Syntax errors and other malformations of a valid program. */
const PY_MALFORMATIONS: readonly (readonly [string, (text: string, at: number) => string])[] = [
  ['missing colon', (t) => t.replace(/^(def f\([^)]*\)(?: -> int)?):/m, '$1')],
  ['bad indentation', (t) => t.replace(/\n {4}acc = /, '\n      acc = ')],
  ['tab and spaces', (t) => t.replace(/\n {4}acc = /, '\n\tacc = ')],
  ['unbalanced parenthesis', (t, at) => removeNth(t, ')', at)],
  ['stray character', (t, at) => insertAt(t, at, ' $ ')],
  ['truncated', (t, at) => t.slice(0, at % Math.max(1, t.length))],
  ['unterminated string', (t) => t.replace(/\n {4}acc = /, '\n    s = "oops\n    acc = ')],
  ['missing body', (t) => `${t}\ndef g():\n`],
  ['wrong arity builtin', (t) => t.replace(/\n {4}acc = /, '\n    acc = abs()\n    acc = ')],
  [
    'range with four arguments',
    (t) => t.replace(/\n {4}acc = /, '\n    acc = sum(range(1, 2, 3, 4))\n    acc = '),
  ],
  [
    'undefined name',
    (t) => t.replace(/\n {4}acc = /, '\n    acc = undefined_name + 1\n    acc = '),
  ],
  ['return outside function', (t) => `${t}\nreturn 1\n`],
  ['break outside loop', (t) => t.replace(/\n {4}acc = /, '\n    break\n    acc = ')],
  [
    'recursion',
    (t) =>
      t.replace(/\n {4}acc = /, '\n    if p0 if False else 0:\n        return f()\n    acc = '),
  ],
  ['duplicate parameter', (t) => t.replace(/^def f\(/m, 'def f(p0, p0, ')],
  ['NUL byte', (t, at) => insertAt(t, at, '\u0000')],
  [
    'deep parentheses',
    (t) =>
      t.replace(/\n {4}acc = /, `\n    acc = ${'('.repeat(300)}1${')'.repeat(300)}\n    acc = `),
  ],
];

function removeNth(text: string, ch: string, at: number): string {
  const positions = [...text].flatMap((c, i) => (c === ch ? [i] : []));
  if (positions.length === 0) return text;
  const i = positions[at % positions.length];
  return text.slice(0, i) + text.slice(i + 1);
}

function insertAt(text: string, at: number, what: string): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + what + text.slice(i);
}

function unsupportedPythonProgram(): fc.Arbitrary<GeneratedPython> {
  return fc
    .tuple(validPythonProgram(2, 2), pick(PY_UNSUPPORTED_FRAGMENTS))
    .map(([p, [note, fragment]]) => ({
      ...p,
      text: p.text.replace(/^(def f\([^)]*\)(?: -> int)?:\n)/m, `$1    ${fragment}\n`),
      kind: 'unsupported' as const,
      note,
    }));
}

export function malformedPythonProgram(): fc.Arbitrary<GeneratedPython> {
  return fc
    .tuple(validPythonProgram(2, 2), pick(PY_MALFORMATIONS), fc.nat({ max: 100_000 }))
    .map(([p, [note, mutate], at]) => ({
      ...p,
      text: mutate(p.text, at),
      kind: 'malformed' as const,
      note,
    }));
}

/** Corner cases of Python that grammar-driven generation rarely reaches. */
export const PY_CORNER_FILES: readonly GeneratedPython[] = [
  ['decorator', 'import functools\n@functools.cache\ndef f(x: int) -> int:\n    return x'],
  ['async def', 'async def f(x: int) -> int:\n    return x'],
  ['default parameter', 'def f(x: int = 3) -> int:\n    return x + 1'],
  ['star arguments', 'def f(*args) -> int:\n    return 0'],
  ['keyword-only parameter', 'def f(x: int, *, y: int = 0) -> int:\n    return x + y'],
  ['Optional hint', 'from typing import Optional\ndef f(x: Optional[int]) -> int:\n    return 0'],
  ['module-level code', 'N = 3\ndef f(x: int) -> int:\n    return x + N'],
  [
    'main guard',
    'def f(x: int) -> int:\n    return x\nif __name__ == "__main__":\n    print(f(1))',
  ],
  [
    'match statement',
    'def f(x: int) -> int:\n    match x:\n        case 1:\n            return 2\n        case _:\n            return 0',
  ],
  ['f-string', 'def f(x: int) -> int:\n    s = f"{x}"\n    return x'],
  ['returns None sometimes', 'def f(x: int) -> int:\n    if x > 0:\n        return x'],
  [
    'reads a maybe-unassigned name',
    'def f(x: int) -> int:\n    if x > 0:\n        y = 1\n    return y',
  ],
  ['recursion', 'def f(x: int) -> int:\n    return 0 if x <= 0 else f(x - 1)'],
  [
    'mutual recursion',
    'def g(x: int) -> int:\n    return f(x - 1) if x > 0 else 0\ndef f(x: int) -> int:\n    return g(x)',
  ],
  ['huge power', 'def f(x: int) -> int:\n    return x ** 64 + 2 ** 1000'],
  [
    'floor division corners',
    'def f(x: int, y: int) -> int:\n    assert y != 0\n    return (x // y) * y + x % y - x',
  ],
  [
    'range step zero',
    'def f(x: int) -> int:\n    for i in range(0, 10, x):\n        pass\n    return 0',
  ],
  [
    'range with a big bound',
    'def f(x: int) -> int:\n    s = 0\n    for i in range(10 ** 12):\n        s += 1\n    return s',
  ],
  ['assert isinstance', 'def f(x) -> int:\n    assert isinstance(x, int)\n    return x'],
  ['bool parameter', 'def f(b: bool) -> int:\n    return b + True'],
  [
    'chained comparison side effects',
    'def h(x: int) -> int:\n    return x\ndef f(x: int) -> bool:\n    return 0 < h(x) < 10 < h(x + 1)',
  ],
  [
    'while True with break',
    'def f(x: int) -> int:\n    while True:\n        x -= 1\n        if x < 0:\n            break\n    return x',
  ],
  [
    'for else',
    'def f(x: int) -> int:\n    for i in range(3):\n        x += i\n    else:\n        x = 0\n    return x',
  ],
  ['tabs', 'def f(x: int) -> int:\n\tif x:\n\t\treturn 1\n\treturn 0'],
  ['CRLF', 'def f(x: int) -> int:\r\n    return x\r\n'],
  ['unicode identifier', 'def f(x: int) -> int:\n    caf\u00e9 = x\n    return caf\u00e9'],
  ['docstring only', 'def f(x: int) -> int:\n    """Nothing."""'],
  ['pass only', 'def f(x: int) -> int:\n    pass'],
  ['lambda assignment', 'f = lambda x: x'],
  ['class method', 'class C:\n    def f(self, x: int) -> int:\n        return x'],
  ['print with sep', 'def f(x: int) -> int:\n    print(x, sep="")\n    return x'],
  [
    'deep indentation',
    `def f(x: int) -> int:\n${Array.from({ length: 60 }, (_, i) => `${'    '.repeat(i + 1)}if x > ${i}:`).join('\n')}\n${'    '.repeat(61)}return 1\n    return 0`,
  ],
].map(([note, text]) => ({ text: `${text}\n`, entry: 'f', kind: 'valid' as const, note }));

/** Any generated Python program: mostly valid, then unsupported and malformed ones. */
export function pythonProgram(): fc.Arbitrary<GeneratedPython> {
  return fc.oneof(
    { weight: 5, arbitrary: validPythonProgram() },
    { weight: 2, arbitrary: unsupportedPythonProgram() },
    { weight: 3, arbitrary: malformedPythonProgram() },
  );
}
