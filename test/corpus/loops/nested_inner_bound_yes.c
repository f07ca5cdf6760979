// expect: yes
// args: --function f
// note: invariant of the outer loop: 0 <= i <= n; of the inner: 0 <= j <= i < n; so j == i after the inner loop, in every outer iteration.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0) return 0;
  int last = 0;
  for (int i = 0; i < n; i++) {
    int j = 0;
    while (j < i) {
      j++;
    }
    __VERIFIER_assert(j == i && j < n);
    last = j;
  }
  return last;
}
