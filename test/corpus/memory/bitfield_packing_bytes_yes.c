// expect: yes
// args: --function main --property memory-safety --property assertions
// note: System V x86-64 layout (gcc, clang): bit-fields fill each unit from the least significant bit; b (5 bits) would straddle the first 32-bit unit, so it starts the next one; `int : 0` moves c to the next int; a named short bit-field gives the struct 2-byte alignment at least, and the struct is 12 bytes.
#include <assert.h>
#include <string.h>

struct packed {
  unsigned a : 30;
  unsigned b : 5;
  int : 0;
  unsigned char c : 4;
  short d : 6;
};

union view {
  struct packed s;
  unsigned char bytes[sizeof(struct packed)];
};

int main(void) {
  union view u;
  memset(&u, 0, sizeof u);
  u.s.a = 0x3fffffff;
  u.s.b = 0x1f;
  u.s.c = 0xf;
  u.s.d = -1;
  assert(sizeof(struct packed) == 12);
  assert(u.bytes[3] == 0x3f);
  assert(u.bytes[4] == 0x1f && u.bytes[5] == 0);
  assert(u.bytes[8] == 0xff && u.bytes[9] == 0x03);
  return 0;
}
