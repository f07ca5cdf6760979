// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(1000000)
// note: sum_twos (inlined) returns 2*n; the bound 2*n < 2000000 is almost true but fails for n == 1000000, after a million iterations.
extern void __VERIFIER_assert(int cond);

static int sum_twos(int n) {
  int s = 0;
  for (int i = 1; i <= n; i++) {
    s += 2;
  }
  return s;
}

int f(int n) {
  if (n < 0 || n > 1000000) return 0;
  int t = sum_twos(n);
  __VERIFIER_assert(t < 2000000);
  return t;
}
