// expect: yes
// args: --function f
// note: invariant at the loop: b == i % 2 && i <= n, so b == n % 2 at the exit.
extern void __VERIFIER_assert(int cond);

int f(unsigned n) {
  int b = 0;
  unsigned i;
  for (i = 0; i < n; i++) {
    b = 1 - b;
  }
  __VERIFIER_assert(b == (int)(n % 2));
  return b;
}
