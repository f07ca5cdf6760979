// expect: no
// args: --function main --property memory-safety --malloc-may-fail
// violation: valid-deref 17
// witness: main() with __VERIFIER_nondet_int() = 3 and malloc succeeding: buf[3] is written
// note: the loop bound i <= n writes buf[n], one past the n-int block.
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int);

int main(void) {
  int n = __VERIFIER_nondet_int();
  __VERIFIER_assume(n >= 1 && n <= 10);
  int *buf = malloc(n * sizeof *buf);
  if (buf == NULL)
    return 1;
  for (int i = 0; i <= n; i++)
    buf[i] = 0;
  free(buf);
  return 0;
}
