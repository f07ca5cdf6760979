// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-pointer-compare 11
// witness: main(): a < b for two different malloc blocks
// note: two separate allocations are different objects; ordering them with < is undefined (C11 6.5.8p5).
#include <stdlib.h>

int main(void) {
  char *a = malloc(8);
  char *b = malloc(8);
  int first = a < b;
  free(a);
  free(b);
  return first;
}
