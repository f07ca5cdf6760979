// expect: no
// args: --function f --property memory-safety
// violation: valid-pointer-arith 11
// witness: f(k = 5)
// note: a + k may point at most one past the end of int a[4] (k <= 4); a + 5 is undefined even without a dereference (C11 6.5.6p8).
extern void __VERIFIER_assume(int);

int f(int k) {
  int a[4] = {0};
  __VERIFIER_assume(k >= 0 && k <= 8);
  int *q = a + k;
  return q == a + 4;
}
