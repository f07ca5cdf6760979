// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(1251)
// note: i + j == 2500 with i, j < n needs n >= 1251; the first hit is i == j == 1250, in the 1251st outer iteration.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0 || n > 2000) return 0;
  int c = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      __VERIFIER_assert(i + j != 2500);
      c++;
    }
  }
  return c;
}
