// expect: yes
// args: --function f
// note: invariant of the first loop: k == i && 0 <= i <= n; of the second: j + k == n && k >= 0; so the second loop counts j up to n.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0) return 0;
  int k = 0;
  for (int i = 0; i < n; i++) {
    k++;
  }
  int j = 0;
  while (k > 0) {
    k--;
    j++;
  }
  __VERIFIER_assert(j == n);
  return j;
}
