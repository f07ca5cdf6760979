// expect: yes
// args: --function f
// note: invariant at the loop: 2*s == i*(i-1) && 0 <= i <= n <= 10000 (non-linear); s stays below 5*10^7 and n*(n-1) below 10^8, so nothing overflows.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0 || n > 10000) return 0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += i;
  }
  __VERIFIER_assert(2 * s == n * (n - 1));
  return s;
}
