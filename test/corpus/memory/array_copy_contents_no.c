// expect: no
// args: --function main --property assertions --data-model ILP32
// violation: assertion 17
// witness: seed = 0: a[7777] is 7777 where b[7777] is 0
// note: the copy skips element 7777 and writes 0 there; a run needs 7,778 iterations of the check loop to see it, beyond unwinding, so the bug is found by a long test run.
#include <assert.h>
extern int __VERIFIER_nondet_int(void);

int main(void) {
  int seed = __VERIFIER_nondet_int();
  int a[10000];
  int b[10000];
  for (int i = 0; i < 10000; i++)
    a[i] = seed ^ i;
  for (int i = 0; i < 10000; i++)
    b[i] = i == 7777 ? 0 : a[i];
  for (int x = 0; x < 10000; x++) assert(a[x] == b[x]);
  return 0;
}
