// expect: yes
// args: --function main --property memory-safety --property assertions
// note: p is either NULL or &x, and it is only written when non-NULL.
#include <assert.h>
extern int __VERIFIER_nondet_int(void);

int main(void) {
  int x = 0;
  int c = __VERIFIER_nondet_int();
  int *p = c ? &x : 0;
  if (p != 0)
    *p = 5;
  assert(x == (c ? 5 : 0));
  return 0;
}
