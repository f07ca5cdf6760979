// expect: no
// args: --function sum --property memory-safety
// violation: valid-deref 12
// witness: sum(a = object of 0 ints, n = 1)
// note: n says nothing about the object a points to, which may hold fewer than n ints (even none).
extern void __VERIFIER_assume(int);

int sum(const int *a, int n) {
  __VERIFIER_assume(a != 0 && n >= 0 && n <= 4);
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}
