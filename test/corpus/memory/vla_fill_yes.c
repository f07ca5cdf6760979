// expect: yes
// args: --function f --property memory-safety --property assertions
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: the VLA has n >= 1 elements and the loop writes a[0..n-1]; a[n-1] = n - 1.
#include <assert.h>
extern void __VERIFIER_assume(int);

int f(int n) {
  __VERIFIER_assume(n >= 1 && n <= 10);
  int a[n];
  for (int i = 0; i < n; i++)
    a[i] = i;
  assert(a[n - 1] == n - 1);
  return a[n - 1];
}
