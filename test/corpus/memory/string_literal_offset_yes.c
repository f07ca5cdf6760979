// expect: yes
// args: --function suffix_len --property memory-safety --property assertions
// note: for 0 <= k <= 3, "abc" + k points at or before the NUL, and the scan stops at the NUL.
#include <assert.h>
extern void __VERIFIER_assume(int);

int suffix_len(int k) {
  __VERIFIER_assume(k >= 0 && k <= 3);
  const char *p = "abc" + k;
  int n = 0;
  while (p[n] != '\0')
    n++;
  assert(n == 3 - k);
  return n;
}
