// expect: yes
// args: --function f
// note: invariant of the outer loop: c == i*m && 0 <= i <= n; of the inner: c == i*m + j && 0 <= j <= m (non-linear); n, m <= 1000 so c <= 10^6.
extern void __VERIFIER_assert(int cond);

int f(int n, int m) {
  if (n < 0 || n > 1000 || m < 0 || m > 1000) return 0;
  int c = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < m; j++) {
      c++;
    }
  }
  __VERIFIER_assert(c == n * m);
  return c;
}
