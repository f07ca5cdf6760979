// expect: no
// args: --function main --property memory-leak --malloc-never-fails
// violation: valid-memtrack 11
// witness: main(): the second malloc overwrites the only pointer to the first block
// note: after p = malloc(32) nothing points to the 16-byte block any more, so it can never be freed.
#include <stdlib.h>

int main(void) {
  char *p = malloc(16);
  p[0] = 'a';
  p = malloc(32);
  p[0] = 'b';
  free(p);
  return 0;
}
