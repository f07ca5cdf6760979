// expect: no
// args: --function f --property memory-safety
// violation: valid-pointer-arith 11
// witness: f(i = 5)
// note: &a[i] is a + i (C11 6.5.3.2p3), so &a[5] is more than one past the end of int a[4] even though nothing is read.
extern void __VERIFIER_assume(int);

int f(int i) {
  int a[4] = {0};
  __VERIFIER_assume(i >= 0 && i <= 5);
  int *p = &a[i];
  return p == &a[4];
}
