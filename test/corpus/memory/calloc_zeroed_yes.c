// expect: yes
// args: --function main --property memory-safety --property memory-leak --property assertions --malloc-never-fails
// note: calloc returns zero-filled memory (C11 7.22.3.2), so every element reads 0.
#include <assert.h>
#include <stdlib.h>

int main(void) {
  int *c = calloc(6, sizeof *c);
  for (int i = 0; i < 6; i++)
    assert(c[i] == 0);
  c[5] = 1;
  free(c);
  return 0;
}
