// expect: no
// args: --function main --property memory-safety --malloc-may-fail
// violation: valid-free 18
// witness: main() with malloc succeeding and __VERIFIER_nondet_int() = 1
// note: the error path frees buf but does not leave, so the common cleanup frees it a second time.
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);

int main(void) {
  char *buf = malloc(32);
  if (buf == NULL)
    return 1;
  int status = 0;
  if (__VERIFIER_nondet_int()) {
    free(buf);
    status = 2;
  }
  free(buf);
  return status;
}
