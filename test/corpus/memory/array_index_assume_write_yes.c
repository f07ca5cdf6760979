// expect: yes
// args: --function f --property memory-safety --property assertions
// note: 0 <= i < 8 makes both a[i] and a[7 - i] in bounds; they differ (i != 7 - i), so a[i] keeps v.
#include <assert.h>
extern void __VERIFIER_assume(int);

int f(int i, int v) {
  int a[8] = {0};
  __VERIFIER_assume(0 <= i && i < 8);
  a[i] = v;
  a[7 - i] += 1;
  assert(a[i] == v);
  return a[i];
}
