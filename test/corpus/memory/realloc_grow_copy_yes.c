// expect: yes
// args: --function main --property memory-safety --property memory-leak --property assertions --malloc-never-fails
// gap: bounded model checking over byte-level memory takes 20-60 s here: don't know under load is accepted
// note: realloc keeps the old contents up to the old size (C11 7.22.3.5p2) and the new block has 5 ints.
#include <assert.h>
#include <stdlib.h>

int main(void) {
  int *v = malloc(2 * sizeof *v);
  v[0] = 10;
  v[1] = 20;
  int *w = realloc(v, 5 * sizeof *w);
  w[4] = 50;
  assert(w[0] == 10 && w[1] == 20 && w[4] == 50);
  free(w);
  return 0;
}
