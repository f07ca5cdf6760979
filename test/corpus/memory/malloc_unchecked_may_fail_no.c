// expect: no
// args: --function main --property memory-safety --malloc-may-fail
// violation: valid-deref 10
// witness: main() with malloc returning NULL
// note: malloc may return NULL, and the result is written without a check.
#include <stdlib.h>

int main(void) {
  int *p = malloc(sizeof *p);
  *p = 1;
  free(p);
  return 0;
}
