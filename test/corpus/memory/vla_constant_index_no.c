// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 12
// witness: f(n = 3)
// note: a VLA of n elements may hold fewer than 4, so a[3] is out of bounds for n <= 3.
extern void __VERIFIER_assume(int);

int f(int n) {
  __VERIFIER_assume(n >= 1 && n <= 10);
  int a[n];
  a[0] = 1;
  a[3] = 2;
  return a[0];
}
