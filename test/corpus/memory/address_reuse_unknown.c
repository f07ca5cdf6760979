// expect: unknown
// reason: unsupported
// args: --function main --property memory-safety --malloc-never-fails
// note: after free(y), malloc may return y's address again, and then x is freed twice; arc never reuses an address, so it does not claim yes
#include <stdint.h>
#include <stdlib.h>

int main(void) {
  int *y = malloc(sizeof(int));
  intptr_t old = (intptr_t)y;
  free(y);
  int *x = malloc(sizeof(int));
  if ((intptr_t)x == old) free(x);
  free(x);
  return 0;
}
