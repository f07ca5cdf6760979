// expect: no
// args: --function main --property memory-safety --malloc-may-fail
// violation: valid-deref 17
// witness: main() with malloc succeeding: p[2] is read after free(p)
// note: after free(p) the block is gone (C11 7.22.3.3); reading p[2] is a use after free.
#include <stdlib.h>

int main(void) {
  int *p = malloc(3 * sizeof *p);
  if (p == NULL)
    return 1;
  p[0] = 1;
  p[1] = 2;
  p[2] = 3;
  int first = p[0];
  free(p);
  return first + p[2];
}
