import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerFails, lowerFn, pyFloorDiv, pyMod, range, result, run } from './helpers.js';

const G = `def g(x, y):
   assert isinstance(x, int) and isinstance(y, int)
   if y > 0:
      while x > y:
         x = x - y
`;

test("the article's g.py lowers and runs like Python", async () => {
  const fn = await lowerFn(G, 'g');
  assert.equal(fn.returnType, null);
  // `assert isinstance(x, int)` on parameters states their type: no property to check.
  assert.deepEqual(
    fn.properties.map((p) => p.id),
    [],
  );
  assert.deepEqual(
    fn.params.map((p) => [p.name, p.type.kind]),
    [
      ['x', 'int'],
      ['y', 'int'],
    ],
  );
  for (const x of range(-6, 6)) for (const y of range(-6, 6)) assert.equal(result(fn, x, y), null);
  for (const n of fn.nodes) assert.ok(n.span, `node ${n.id} has a span`);
  for (const e of fn.edges) assert.ok(e.span, `edge ${e.from}->${e.to} has a span`);
});

test('assert isinstance on a parameter is an assumption; mixed with a test it is checked', async () => {
  const mixed = await lowerFn(
    'def h(x):\n    assert isinstance(x, int) and x > 0\n    return x\n',
    'h',
  );
  assert.deepEqual(
    mixed.properties.map((p) => p.id),
    ['h.assertion.1'],
  );
  assert.equal(mixed.properties[0].span.startLine, 2);
  assert.equal(mixed.properties[0].span.startCol, 5);
  assert.equal(result(mixed, 3n), 3n);
  assert.equal(result(mixed, 0n), 'violated h.assertion.1');
  // On a local (not a parameter) it stays a (trivially holding) assertion.
  const local = await lowerFn(
    'def k(x):\n    y = x // 2\n    assert isinstance(y, int)\n    return y\n',
    'k',
  );
  assert.deepEqual(
    local.properties.map((p) => p.id),
    ['k.assertion.1'],
  );
});

test('floor division and modulo follow Python on negative operands', async () => {
  const d = await lowerFn('def d(a, b):\n    return a // b\n', 'd');
  const m = await lowerFn('def m(a, b):\n    return a % b\n', 'm');
  assert.equal(result(d, -7n, 2n), -4n);
  assert.equal(result(m, -7n, 2n), 1n);
  assert.equal(result(m, 7n, -2n), -1n);
  for (const a of range(-9, 9))
    for (const b of range(-4, 4)) {
      if (b === 0n) {
        assert.equal(result(d, a, b), 'violated d.div-by-zero.1');
        assert.equal(result(m, a, b), 'violated m.div-by-zero.1');
      } else {
        assert.equal(result(d, a, b), pyFloorDiv(a, b));
        assert.equal(result(m, a, b), pyMod(a, b));
      }
    }
});

test('augmented assignment, unary operators, big integers', async () => {
  const src = `def f(x):
    y = x
    y += 3
    y -= 1
    y *= -2
    y //= 3
    y %= 7
    return -y + +x
`;
  const fn = await lowerFn(src, 'f');
  assert.deepEqual(
    fn.properties.map((p) => p.id),
    [],
  );
  for (const x of range(-20, 20)) {
    let y = x + 3n - 1n;
    y *= -2n;
    y = pyFloorDiv(y, 3n);
    y = pyMod(y, 7n);
    assert.equal(result(fn, x), -y + x);
  }
  const big = await lowerFn('def b(x):\n    return x * 100000000000000000000 + 0x_ff\n', 'b');
  assert.equal(result(big, 3n), 300000000000000000255n);
});

test('chained comparisons evaluate each operand once and short-circuit', async () => {
  const fn = await lowerFn('def c(a, b, d):\n    return a < b <= d\n', 'c');
  for (const a of range(-2, 2))
    for (const b of range(-2, 2))
      for (const d of range(-2, 2)) assert.equal(result(fn, a, b, d), a < b && b <= d ? 1n : 0n);
  // The third operand is not evaluated when the first comparison is false.
  const sc = await lowerFn('def s(a, b):\n    return a > 0 > b // a\n', 's');
  assert.equal(result(sc, 0n, 5n), 0n);
  assert.equal(result(sc, 2n, 5n), 0n);
  assert.equal(result(sc, 2n, -5n), 1n);
  const cond = await lowerFn(
    'def k(a, b):\n    if 0 <= a < b != 3:\n        return 1\n    return 2\n',
    'k',
  );
  for (const a of range(-3, 5))
    for (const b of range(-3, 5))
      assert.equal(result(cond, a, b), 0n <= a && a < b && b !== 3n ? 1n : 2n);
});

test('and / or short-circuit and return operand values; not; conditional expressions', async () => {
  const s = await lowerFn('def s(a, b):\n    return b != 0 and a // b > 1\n', 's');
  assert.equal(result(s, 5n, 0n), 0n);
  assert.equal(result(s, 5n, 2n), 1n);
  const o = await lowerFn('def o(a, b):\n    return a or b\n', 'o');
  const n = await lowerFn('def n(a, b):\n    return a and b\n', 'n');
  for (const a of range(-2, 2))
    for (const b of range(-2, 2)) {
      assert.equal(result(o, a, b), a !== 0n ? a : b);
      assert.equal(result(n, a, b), a === 0n ? a : b);
    }
  const nt = await lowerFn('def t(a):\n    return not a\n', 't');
  assert.equal(result(nt, 0n), 1n);
  assert.equal(result(nt, 4n), 0n);
  const ce = await lowerFn('def c(a):\n    return a // 2 if a > 0 else -a\n', 'c');
  for (const a of range(-5, 5)) assert.equal(result(ce, a), a > 0n ? pyFloorDiv(a, 2n) : -a);
  const guard = await lowerFn('def z(a):\n    return 1 if a == 0 else 10 // a\n', 'z');
  assert.equal(result(guard, 0n), 1n);
  assert.equal(result(guard, -3n), -4n);
});

test('bools are ints: True + 1, -True, comparisons of bools', async () => {
  const fn = await lowerFn(
    'def b(x):\n    t = True + 1\n    u = -True\n    return t + u + (x > 0) + (False == 0)\n',
    'b',
  );
  assert.equal(result(fn, 5n), 2n + -1n + 1n + 1n);
  assert.equal(result(fn, -5n), 2n + -1n + 0n + 1n);
});

test('while with break, continue and elif', async () => {
  const src = `def w(n):
    i = 0
    s = 0
    while True:
        i += 1
        if i > n:
            break
        elif i % 3 == 0:
            continue
        else:
            pass
        s = s + i
    return s
`;
  const fn = await lowerFn(src, 'w');
  for (const n of range(-2, 15)) {
    let s = 0n;
    for (let i = 1n; i <= n; i++) if (i % 3n !== 0n) s += i;
    assert.equal(result(fn, n), s);
  }
});

test('calls of functions in the file are inlined; properties are numbered per function', async () => {
  const src = `def half(v):
    assert v % 2 == 0
    return v // 2

def main(a, b):
    return half(a) + half(b * 2)
`;
  const fn = await lowerFn(src, 'main');
  assert.deepEqual(
    fn.properties.map((p) => p.id),
    ['half.assertion.1'],
  );
  assert.equal(result(fn, 4n, 3n), 5n);
  assert.equal(result(fn, 3n, 3n), 'violated half.assertion.1');
});

test('returns-true: the return value is truthy', async () => {
  const t = await lowerFn('def t(x):\n    return x * x >= 0\n', 't', { returnsTrue: true });
  assert.deepEqual(
    t.properties.map((p) => p.id),
    ['t.returns-true.1'],
  );
  for (const x of range(-5, 5)) assert.equal(result(t, x), 1n);
  const f = await lowerFn('def f(x):\n    return x - 1\n', 'f', { returnsTrue: true });
  assert.equal(result(f, 1n), 'violated f.returns-true.1');
  assert.equal(result(f, 0n), -1n);
  const v = await lowerFn('def v(x):\n    pass\n', 'v', { returnsTrue: true });
  assert.equal(run(v, 0n).kind, 'violated');
});

test('dead code after return does not confuse the assignment analysis', async () => {
  const src = `def d(x):
    if x > 0:
        y = 1
    else:
        y = 2
    return y
    if x:
        z = 3
    return x + z
`;
  const fn = await lowerFn(src, 'd');
  assert.equal(result(fn, 5n), 1n);
  assert.equal(result(fn, -5n), 2n);
});

test('a while True loop left by break or return needs no fall-through return', async () => {
  const src = `def first(n):
    i = n
    while True:
        if i % 7 == 0:
            return i
        i += 1
`;
  const fn = await lowerFn(src, 'first');
  for (const n of range(-10, 10)) assert.equal(result(fn, n), n + pyMod(-n, 7n));
});

test('** with a constant exponent, abs, min, max, pow, int, bool', async () => {
  const src = `def p(x, y):
    a = x ** 3 + (-2) ** 3 + 2 ** 10 - 2 ** 2 ** 3 + 0 ** 0 + x ** 0 + -x ** 2
    b = abs(x) + abs(-7) + abs(True)
    c = min(x, y) * 100 + max(x, y, 0) * 10 + min(3, 1, 2) + max(True, 0)
    d = pow(y, 2) + int(x > y) + bool(x) + bool()
    e = x
    e **= 2
    return a * 1000000 + b * 10000 + c + d + e
`;
  const fn = await lowerFn(src, 'p');
  assert.deepEqual(
    fn.properties.map((p) => p.id),
    [],
  );
  const abs = (v: bigint): bigint => (v < 0n ? -v : v);
  const min = (u: bigint, v: bigint): bigint => (u < v ? u : v);
  const max = (u: bigint, v: bigint): bigint => (u > v ? u : v);
  for (const x of range(-4, 4))
    for (const y of range(-3, 3)) {
      const a = x ** 3n - 8n + 1024n - 256n + 1n + 1n - x * x;
      const b = abs(x) + 7n + 1n;
      const c = min(x, y) * 100n + max(max(x, y), 0n) * 10n + 1n + 1n;
      const d = y * y + (x > y ? 1n : 0n) + (x !== 0n ? 1n : 0n);
      assert.equal(result(fn, x, y), a * 1000000n + b * 10000n + c + d + x * x, `p(${x}, ${y})`);
    }
  const big = await lowerFn('def b(x):\n    return x ** 64 - 3 ** 200\n', 'b');
  assert.equal(result(big, -2n), 2n ** 64n - 3n ** 200n);
});

test('a bool parameter is the int 0 or 1', async () => {
  const fn = await lowerFn('def f(b: bool) -> int:\n    return b + 1\n', 'f');
  assert.equal(fn.params[0].sourceType, 'bool');
  assert.equal(result(fn, 1n), 2n);
  assert.equal(result(fn, 0n), 1n);
  // Inputs outside {0, 1} are not runs of f: the interpreter stops at the assumption.
  assert.equal(run(fn, 5n).kind, 'blocked');
});

/** Python's range(start, stop, step) as a list. */
function pyRange(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  for (let i = start; step > 0n ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

test('for i in range(...) with 1, 2 and 3 arguments, negative and variable steps', async () => {
  const src = `def r(a, b, c):
    s = 0
    for i in range(a):
        s = s * 3 + i
    for i in range(a, b):
        s = s * 5 + i
    for j in range(b, a, -2):
        s = s * 7 + j
    for k in range(a, b, c):
        s = s * 11 + k
    return s
`;
  const fn = await lowerFn(src, 'r');
  assert.deepEqual(
    fn.properties.map((p) => p.id),
    ['r.error-call.1'],
  );
  for (const a of range(-3, 4))
    for (const b of range(-4, 4))
      for (const c of range(-3, 3)) {
        if (c === 0n) {
          assert.equal(result(fn, a, b, c), 'violated r.error-call.1');
          continue;
        }
        let s = 0n;
        for (const i of pyRange(0n, a, 1n)) s = s * 3n + i;
        for (const i of pyRange(a, b, 1n)) s = s * 5n + i;
        for (const j of pyRange(b, a, -2n)) s = s * 7n + j;
        for (const k of pyRange(a, b, c)) s = s * 11n + k;
        assert.equal(result(fn, a, b, c), s, `r(${a}, ${b}, ${c})`);
      }
});

test('range arguments are evaluated once; assigning the loop variable does not change the iteration', async () => {
  const src = `def r(n):
    count = 0
    i = 100
    for i in range(n):
        n = n + 1
        i = i * 10
        count += 1
    return count * 1000 + i
`;
  const fn = await lowerFn(src, 'r');
  for (const n of range(-2, 6)) {
    // After the loop i is the last value assigned (the body's i * 10), or 100 without iterations.
    const expected = n <= 0n ? 100n : n * 1000n + (n - 1n) * 10n;
    assert.equal(result(fn, n), expected, `r(${n})`);
  }
});

test('break and continue in a for loop; the loop variable may be unbound after it', async () => {
  const src = `def f(n):
    s = 0
    for i in range(10, 0, -1):
        if i > n:
            continue
        if i % 4 == 0:
            break
        s += i
    return s
`;
  const fn = await lowerFn(src, 'f');
  for (const n of range(-2, 12)) {
    let s = 0n;
    for (const i of pyRange(10n, 0n, -1n)) {
      if (i > n) continue;
      if (i % 4n === 0n) break;
      s += i;
    }
    assert.equal(result(fn, n), s, `f(${n})`);
  }
  const ds = await lowerFails(
    'def g(n):\n    for i in range(n):\n        pass\n    return i\n',
    'g',
  );
  assert.match(ds[0].message, /i may be read before it is assigned/);
});
