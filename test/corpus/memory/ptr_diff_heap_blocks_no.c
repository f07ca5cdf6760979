// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-pointer-compare 11
// witness: main(): b - a for two different malloc blocks
// note: the "distance" between two separate allocations is undefined (C11 6.5.6p9); only pointers into one object may be subtracted.
#include <stdlib.h>

int main(void) {
  int *a = malloc(4 * sizeof *a);
  int *b = malloc(4 * sizeof *b);
  long gap = b - a;
  free(a);
  free(b);
  return gap == 0;
}
