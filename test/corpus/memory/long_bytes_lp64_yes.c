// expect: yes
// args: --function main --property memory-safety --property assertions
// gap: bounded model checking over byte-level memory takes 20-60 s here: don't know under load is accepted
// note: in LP64 a long has 8 bytes, so b[7] is inside v; little-endian makes b[7] the most significant byte.
#include <assert.h>

int main(void) {
  long v = 0;
  unsigned char *b = (unsigned char *)&v;
  b[7] = 0x80;
  assert(v < 0);
  b[0] = 1;
  assert((v & 0xff) == 1);
  return 0;
}
