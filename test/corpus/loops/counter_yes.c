// expect: yes
// args: --function f
// note: invariant at the loop: c == i && 0 <= i <= n (n >= 0 after the guard), so c == n at the exit and neither increment overflows.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0) return 0;
  int i = 0;
  int c = 0;
  while (i < n) {
    i++;
    c++;
  }
  __VERIFIER_assert(c == n);
  return c;
}
