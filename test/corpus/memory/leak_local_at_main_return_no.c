// expect: no
// args: --function main --property memory-leak --malloc-never-fails
// violation: valid-memtrack 11
// witness: main(): returns with the only pointer to the block in its local p
// note: p's lifetime ends when main returns, and with it the only reference to the unfreed block.
#include <stdlib.h>

int main(void) {
  int *p = malloc(sizeof *p);
  *p = 0;
  return *p;
}
