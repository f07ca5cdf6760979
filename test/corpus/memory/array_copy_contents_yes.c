// expect: yes
// args: --function main --property memory-safety --property assertions --data-model ILP32
// note: b is copied from a element by element, so a[x] == b[x] for every x. 10,000 elements is far beyond unwinding: the proof needs an invariant over the arrays' contents for every index K (K < i ==> a[K] == b[K] at the copy loop, K < 10000 ==> a[K] == b[K] after it).
#include <assert.h>
extern int __VERIFIER_nondet_int(void);

int main(void) {
  int seed = __VERIFIER_nondet_int();
  int a[10000];
  int b[10000];
  for (int i = 0; i < 10000; i++)
    a[i] = seed ^ i;
  for (int i = 0; i < 10000; i++)
    b[i] = a[i];
  for (int x = 0; x < 10000; x++)
    assert(a[x] == b[x]);
  return 0;
}
