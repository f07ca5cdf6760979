// expect: yes
// args: --function main --property memory-safety --property assertions
// note: storing any int into `unsigned v : 5` keeps its low 5 bits (C11 6.3.1.3p2); the value read back promotes to int (C11 6.3.1.1p2), so v - 32 is negative; the byte view shows the 3 bits of tag above v.
#include <assert.h>
extern int __VERIFIER_nondet_int(void);

union view {
  struct {
    unsigned v : 5;
    unsigned tag : 3;
  } f;
  unsigned char b[4];
};

int main(void) {
  int n = __VERIFIER_nondet_int();
  union view u;
  u.b[0] = 0;
  u.f.tag = 5;
  u.f.v = n;
  assert(u.f.v == (n & 31));
  assert(u.f.v - 32 < 0);
  assert(u.f.tag == 5);
  assert(u.b[0] == (0xa0 | (n & 31)));
  return 0;
}
