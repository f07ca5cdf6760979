// expect: no
// args: --function main --property memory-safety --malloc-may-fail
// violation: valid-free 25
// witness: main() with __VERIFIER_nondet_int() = 16: get_buffer returns the global pool, which is then freed
// note: small requests are served from the static pool, and free of a static array's address is invalid.
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int);

static char pool[32];

static char *get_buffer(int n) {
  if (n <= 32)
    return pool;
  return malloc(n);
}

int main(void) {
  int n = __VERIFIER_nondet_int();
  __VERIFIER_assume(n > 0 && n <= 64);
  char *b = get_buffer(n);
  if (b == NULL)
    return 1;
  b[n - 1] = 0;
  free(b);
  return 0;
}
