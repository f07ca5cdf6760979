// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// gap: a loop over a block of symbolic size: bounded model checking cannot prove it
// note: the block holds n ints and the pointer walk stops at buf + n (one past the end, compared only).
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int);

int main(void) {
  int n = __VERIFIER_nondet_int();
  __VERIFIER_assume(n >= 1 && n <= 10);
  int *buf = malloc(n * sizeof *buf);
  if (buf == NULL)
    return 1;
  for (int *p = buf; p < buf + n; p++)
    *p = 0;
  buf[n - 1] = n;
  free(buf);
  return 0;
}
