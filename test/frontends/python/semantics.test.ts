import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerFn, pyFloorDiv, pyMod, range, result, run } from './helpers.js';

const G = `def g(x, y):
   assert isinstance(x, int) and isinstance(y, int)
   if y > 0:
      while x > y:
         x = x - y
`;

test("the article's g.py lowers and runs like Python", async () => {
  const fn = await lowerFn(G, 'g');
  assert.equal(fn.returnType, null);
  assert.deepEqual(
    fn.properties.map((p) => p.id),
    ['g.assertion.1'],
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
  assert.equal(fn.properties[0].span.startLine, 2);
  assert.equal(fn.properties[0].span.startCol, 4);
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
