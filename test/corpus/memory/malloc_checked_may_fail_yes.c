// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: every allocation is checked before use, and every successful one is freed on every path.
#include <stdlib.h>

int main(void) {
  int *a = malloc(4 * sizeof *a);
  if (a == NULL)
    return 1;
  int *b = calloc(4, sizeof *b);
  if (b == NULL) {
    free(a);
    return 1;
  }
  for (int i = 0; i < 4; i++)
    a[i] = b[i] + i;
  free(b);
  free(a);
  return 0;
}
