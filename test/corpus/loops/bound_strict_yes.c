// expect: yes
// args: --function f
// note: invariant at the loop: 0 <= i <= n <= 1000, so i < n <= 1000 in the body (the off-by-one version is bound_off_by_one_no.c).
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0 || n > 1000) return 0;
  int i;
  for (i = 0; i < n; i++) {
    __VERIFIER_assert(i < 1000);
  }
  return i;
}
