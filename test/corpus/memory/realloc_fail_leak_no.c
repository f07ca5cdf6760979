// expect: no
// args: --function main --property memory-leak --malloc-may-fail
// violation: valid-memtrack 12
// witness: main() with malloc succeeding and realloc returning NULL
// note: when realloc fails it returns NULL and keeps the old block, whose only pointer v is then overwritten.
#include <stdlib.h>

int main(void) {
  int *v = malloc(4 * sizeof *v);
  if (v == NULL)
    return 1;
  v = realloc(v, 8 * sizeof *v);
  if (v == NULL)
    return 1;
  free(v);
  return 0;
}
