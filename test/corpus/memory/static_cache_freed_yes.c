// expect: yes
// args: --function main --property memory-safety --property memory-leak --property assertions --malloc-never-fails
// gap: two calls that both touch memory in one expression: arc does not choose an order C leaves unspecified
// note: the cache is filled once, read twice in bounds (i = 3, 4 < 16) and released before main returns.
#include <assert.h>
#include <stdlib.h>

static int *cache;

static int *lookup(int i) {
  if (cache == NULL) {
    cache = malloc(16 * sizeof *cache);
    for (int k = 0; k < 16; k++)
      cache[k] = k * k;
  }
  return &cache[i];
}

int main(void) {
  int v = *lookup(3) + *lookup(4);
  assert(v == 25);
  free(cache);
  cache = NULL;
  return 0;
}
