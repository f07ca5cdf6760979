// expect: no
// args: --function main --property memory-leak --malloc-never-fails
// violation: valid-memcleanup 14
// witness: main(): the block is still allocated (reachable from cache) when main returns
// note: the global cache still points to the block at program exit, but it is never freed.
#include <stdlib.h>

static int *cache;

int main(void) {
  cache = malloc(10 * sizeof *cache);
  for (int i = 0; i < 10; i++)
    cache[i] = i;
  return cache[9] - 9;
}
