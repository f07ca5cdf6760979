// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: the realloc result goes to a temporary; on failure the old block is still freed, on success the new one.
#include <stdlib.h>

int main(void) {
  int *v = malloc(4 * sizeof *v);
  if (v == NULL)
    return 1;
  v[3] = 3;
  int *t = realloc(v, 8 * sizeof *v);
  if (t == NULL) {
    free(v);
    return 1;
  }
  v = t;
  v[7] = v[3];
  free(v);
  return 0;
}
