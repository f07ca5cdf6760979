// expect: yes
// args: --function main --property memory-safety --property assertions
// note: LP64 layout: c at 0, i at 4 (after 3 padding bytes), p at 8 (8-byte aligned), size 16; the byte view reads i's low byte at offset 4.
#include <assert.h>
#include <stddef.h>

struct mixed {
  char c;
  int i;
  void *p;
};

int main(void) {
  struct mixed m = {'x', 0x01020304, NULL};
  unsigned char *b = (unsigned char *)&m;
  assert(offsetof(struct mixed, i) == 4 && offsetof(struct mixed, p) == 8);
  assert(sizeof m == 16);
  assert(b[0] == 'x' && b[4] == 0x04 && b[7] == 0x01);
  return 0;
}
