// expect: no
// args: --function main --property library --malloc-never-fails
// violation: library 13
// witness: choose is nonzero: data is NULL
// note: memset's destination must be n writable bytes: the library check fails even though valid-deref is not asked about
#include <stdlib.h>
#include <string.h>

extern int __VERIFIER_nondet_int(void);

int main(void) {
  char *data = __VERIFIER_nondet_int() ? NULL : malloc(8);
  memset(data, 0, 8);
  free(data);
  return 0;
}
