// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 12
// witness: f(n = 3): the last iteration writes a[3]
// note: the loop bound i <= n writes a[n], one past the end of the VLA int a[n].
extern void __VERIFIER_assume(int);

int f(int n) {
  __VERIFIER_assume(n >= 1 && n <= 10);
  int a[n];
  for (int i = 0; i <= n; i++)
    a[i] = i;
  return a[0];
}
