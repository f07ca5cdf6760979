// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(1000)
// note: the loop runs to i <= n instead of i < n, so for n == 1000 the 1001st iteration sees i == 1000.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0 || n > 1000) return 0;
  int i;
  for (i = 0; i <= n; i++) {
    __VERIFIER_assert(i < 1000);
  }
  return i;
}
