// expect: no
// args: --function main --property memory-leak --malloc-may-fail
// violation: valid-memcleanup 17
// witness: main() with malloc succeeding and __VERIFIER_nondet_int() = 1
// note: exit ends the program while the block is still allocated (reachable from buffer but never freed).
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);

static int *buffer;

int main(void) {
  buffer = malloc(8 * sizeof *buffer);
  if (buffer == NULL)
    return 1;
  buffer[0] = 1;
  if (__VERIFIER_nondet_int())
    exit(1);
  free(buffer);
  return 0;
}
