// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: the error path frees the block before exit, the normal path before return.
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);

static int *buffer;

int main(void) {
  buffer = malloc(8 * sizeof *buffer);
  if (buffer == NULL)
    return 1;
  buffer[0] = 1;
  if (__VERIFIER_nondet_int()) {
    free(buffer);
    exit(1);
  }
  free(buffer);
  return 0;
}
