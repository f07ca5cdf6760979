// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: any number of elements (no bound for unwinding to reach); the pointer walk writes each element once and the block is freed.
#include <stdlib.h>
extern unsigned __VERIFIER_nondet_uint(void);

int main(void) {
  unsigned n = __VERIFIER_nondet_uint();
  if (n == 0 || n > 100000)
    return 0;
  long *buf = malloc(n * sizeof(long));
  if (buf == NULL)
    return 0;
  for (unsigned i = 0; i < n; i++)
    buf[i] = (long)i;
  free(buf);
  return 0;
}
