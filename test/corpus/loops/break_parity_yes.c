// expect: yes
// args: --function f
// note: invariant at the loop: i % 2 == 0 && 0 <= i <= n + 1 (n <= 1000000 after the guard); the loop leaves by the break once i >= n.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0 || n > 1000000) return 0;
  int i = 0;
  while (1) {
    if (i >= n) break;
    i += 2;
  }
  __VERIFIER_assert(i % 2 == 0 && i >= n && i <= n + 1);
  return i;
}
