// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 13
// witness: f(n = 4): the loop reads a[4]
// note: for n = 4 the loop bound i <= n reads a[4], past the end of int a[4].
extern void __VERIFIER_assume(int);

int f(int n) {
  int a[4] = {1, 2, 3, 4};
  int s = 0;
  __VERIFIER_assume(n >= 0 && n <= 4);
  for (int i = 0; i <= n; i++)
    s += a[i];
  return s;
}
