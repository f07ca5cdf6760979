// expect: no
// args: --function main --property memory-leak --malloc-may-fail
// violation: valid-memtrack 15
// witness: main() with malloc succeeding and __VERIFIER_nondet_int() = -1
// note: the mode < 0 path returns without freeing tmp; tmp goes out of scope and the block is lost.
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);

static int process(int mode) {
  int *tmp = malloc(4 * sizeof *tmp);
  if (tmp == NULL)
    return -1;
  tmp[0] = mode;
  if (mode < 0)
    return -1;
  int r = tmp[0] & 1;
  free(tmp);
  return r;
}

int main(void) {
  return process(__VERIFIER_nondet_int()) + 1;
}
