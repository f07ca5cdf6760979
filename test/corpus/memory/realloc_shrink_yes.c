// expect: yes
// args: --function main --property memory-safety --property memory-leak --property assertions --malloc-may-fail
// gap: bounded model checking does not finish in time yet
// note: after shrinking to 2 ints only v[0..1] are accessed, and they keep their old values; every path frees the live block.
#include <assert.h>
#include <stdlib.h>

int main(void) {
  int *v = malloc(6 * sizeof *v);
  if (v == NULL)
    return 1;
  for (int i = 0; i < 6; i++)
    v[i] = i + 10;
  int *t = realloc(v, 2 * sizeof *v);
  if (t == NULL) {
    free(v);
    return 1;
  }
  assert(t[0] == 10 && t[1] == 11);
  free(t);
  return 0;
}
