// expect: yes
// args: --function main --property memory-safety --property assertions
// note: designated initialisers set bit-fields in any order, members without one are 0, and the unnamed padding bits of a static object are 0 too (C11 6.7.9p10); sizeof is 4 (one unsigned holds all the fields).
#include <assert.h>

struct mode {
  unsigned read : 1;
  unsigned : 3;
  unsigned write : 1;
  int level : 3;
  unsigned owner : 8;
};

static struct mode fixed = {.owner = 200, .level = -3, .read = 1};

int main(void) {
  struct mode m = {.write = 1, .owner = 7};
  const unsigned char *b = (const unsigned char *)&fixed;
  assert(sizeof fixed == 4);
  assert(fixed.read == 1 && fixed.write == 0 && fixed.level == -3 && fixed.owner == 200);
  assert(b[0] == 0xa1 && b[1] == 200 && b[2] == 0 && b[3] == 0);
  assert(m.read == 0 && m.write == 1 && m.level == 0 && m.owner == 7);
  return 0;
}
