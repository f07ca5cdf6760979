// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: allocated storage outlives the function that allocated it; the caller checks for NULL and frees it.
#include <stdlib.h>

static int *make_counter(int start) {
  int *c = malloc(sizeof *c);
  if (c != NULL)
    *c = start;
  return c;
}

int main(void) {
  int *c = make_counter(41);
  if (c == NULL)
    return 1;
  *c += 1;
  int v = *c;
  free(c);
  return v - 42;
}
