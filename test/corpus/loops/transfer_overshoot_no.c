// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(1001)
// note: x + y == n is invariant, but x >= 0 is only almost true: for odd n, x ends at -1 and y at n + 1 (the guard needs n >= 1000, so at least 500 iterations).
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 1000 || n > 1000000) return 0;
  int x = n;
  int y = 0;
  while (x > 0) {
    x -= 2;
    y += 2;
  }
  __VERIFIER_assert(y <= n);
  return y;
}
