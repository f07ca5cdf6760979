// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: die frees p and calls exit, which never returns (C11 7.22.4.4), so *p after the call only runs when p is live.
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);

static void die(int *p) {
  free(p);
  exit(2);
}

int main(void) {
  int *p = malloc(sizeof *p);
  if (p == NULL)
    exit(1);
  *p = 7;
  if (__VERIFIER_nondet_int())
    die(p);
  int v = *p;
  free(p);
  return v - 7;
}
