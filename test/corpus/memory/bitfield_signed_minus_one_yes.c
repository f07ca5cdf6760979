// expect: yes
// args: --function main --property memory-safety --property assertions
// note: plain int bit-fields are signed in gcc and clang: a 1-bit field holds 0 or -1, a 4-bit one -8..7, read back sign-extended; storing 8 wraps to -8 (implementation-defined, modulo 2^4 in gcc); the stored bits are all ones for -1.
#include <assert.h>

struct flags {
  int on : 1;
  int level : 4;
  unsigned rest : 3;
};

int main(void) {
  struct flags f = {0, 0, 0};
  f.on = -1;
  assert(f.on == -1);
  assert(f.on < 0);
  f.level = 7;
  f.level++;
  assert(f.level == -8);
  f.level = -1;
  assert(f.level == -1 && f.rest == 0);
  unsigned char *b = (unsigned char *)&f;
  assert((b[0] & 0x1f) == 0x1f);
  return 0;
}
