// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: the buffer is freed only when it is not the static pool, i.e. exactly when it came from malloc.
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
  if (b != pool)
    free(b);
  return 0;
}
