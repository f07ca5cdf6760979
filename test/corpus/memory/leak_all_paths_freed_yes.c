// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: process frees tmp on both the early-return path and the normal path; a failed malloc allocates nothing.
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);

static int process(int mode) {
  int *tmp = malloc(4 * sizeof *tmp);
  if (tmp == NULL)
    return -1;
  tmp[0] = mode;
  if (mode < 0) {
    free(tmp);
    return -1;
  }
  int r = tmp[0] & 1;
  free(tmp);
  return r;
}

int main(void) {
  return process(__VERIFIER_nondet_int()) + 1;
}
