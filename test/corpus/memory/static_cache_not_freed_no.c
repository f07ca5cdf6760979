// expect: no
// args: --function main --property memory-leak --malloc-never-fails
// violation: valid-memcleanup 21
// witness: main(): the block behind the static cache is still allocated when main returns
// gap: two calls that both touch memory in one expression: arc does not choose an order C leaves unspecified
// note: the static pointer keeps the block reachable, but nothing frees it before the program ends.
#include <stdlib.h>

static int *lookup(int i) {
  static int *cache;
  if (cache == NULL) {
    cache = malloc(16 * sizeof *cache);
    for (int k = 0; k < 16; k++)
      cache[k] = k * k;
  }
  return &cache[i];
}

int main(void) {
  int v = *lookup(3) + *lookup(4);
  return v - 25;
}
