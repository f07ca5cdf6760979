// expect: no
// args: --function main --property memory-safety --property assertions --malloc-never-fails
// violation: assertion 11
// witness: main() with the fresh block holding the bytes 0xbe (any nonzero content)
// note: malloc'd memory holds arbitrary values (C11 7.22.3.4), unlike calloc's, so *p need not be 0.
#include <assert.h>
#include <stdlib.h>

int main(void) {
  int *p = malloc(sizeof *p);
  assert(*p == 0);
  free(p);
  return 0;
}
