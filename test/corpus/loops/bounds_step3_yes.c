// expect: yes
// args: --function f
// note: invariant at the loop: 0 <= i <= n + 2 && i % 3 == 0 (n <= 1000000 after the guard), so n <= i <= n + 2 at the exit.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0 || n > 1000000) return 0;
  int i = 0;
  while (i < n) {
    i += 3;
  }
  __VERIFIER_assert(i >= n && i <= n + 2 && i % 3 == 0);
  return i;
}
