// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(1001)
// note: the first loop sets k == n; the second counts down by 2 and ends at k == -1 when n is odd (n >= 1000, so the first loop alone runs 1000 times).
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 1000 || n > 1000000) return 0;
  int k = 0;
  for (int i = 0; i < n; i++) {
    k++;
  }
  while (k > 0) {
    k -= 2;
  }
  __VERIFIER_assert(k == 0);
  return k;
}
