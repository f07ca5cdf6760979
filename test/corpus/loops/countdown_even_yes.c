// expect: yes
// args: --function f
// note: invariant at the loop: x % 2 == 0 && x >= 0 (x starts at 2*n, even), so the loop stops exactly at x == 0.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0 || n > 1000000) return 0;
  int x = 2 * n;
  while (x > 0) {
    x -= 2;
  }
  __VERIFIER_assert(x == 0);
  return x;
}
