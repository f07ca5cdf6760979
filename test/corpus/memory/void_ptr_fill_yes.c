// expect: yes
// args: --function main --property memory-safety --property assertions
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: fill writes exactly sizeof(object) bytes through unsigned char *; all-ones bytes read back as -1 (two's complement, signed char).
#include <assert.h>
#include <stddef.h>

static void fill(void *dst, unsigned char v, size_t n) {
  unsigned char *d = dst;
  for (size_t i = 0; i < n; i++)
    d[i] = v;
}

struct rec {
  short s;
  char c;
};

int main(void) {
  int a[3];
  struct rec r;
  fill(a, 0, sizeof a);
  fill(&r, 0xff, sizeof r);
  assert(a[2] == 0 && r.s == -1 && r.c == -1);
  return 0;
}
