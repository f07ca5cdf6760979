// expect: yes
// args: --function main --property memory-safety --property assertions
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: an object with static storage duration lives for the whole run, so returning its address is fine.
#include <assert.h>

static int *counter(void) {
  static int c;
  c++;
  return &c;
}

int main(void) {
  int *p = counter();
  int *q = counter();
  assert(p == q && *p == 2);
  return 0;
}
