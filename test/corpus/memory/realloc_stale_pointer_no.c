// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-deref 12
// witness: main(): v[0] is written after realloc(v, ...) succeeded
// note: a successful realloc deallocates the old object (C11 7.22.3.5p2); v is invalid even if the address happens to be reused.
#include <stdlib.h>

int main(void) {
  int *v = malloc(2 * sizeof *v);
  v[0] = 10;
  int *w = realloc(v, 64 * sizeof *w);
  v[0] = 11;
  int r = w[0];
  free(w);
  return r;
}
