// expect: yes
// args: --function f --property memory-safety
// note: with 0 <= k <= 4, a + k stays within int a[4] or one past its end; it is only dereferenced when k < 4.
extern void __VERIFIER_assume(int);

int f(int k) {
  int a[4] = {5, 6, 7, 8};
  __VERIFIER_assume(k >= 0 && k <= 4);
  int *q = a + k;
  if (q == a + 4)
    return -1;
  return *q;
}
