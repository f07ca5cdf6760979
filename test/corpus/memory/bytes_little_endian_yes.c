// expect: yes
// args: --function main --property memory-safety --property assertions
// note: x86-64 is little-endian, so the bytes of 0x11223344 are 44 33 22 11 in memory; reading them through unsigned char * is allowed.
#include <assert.h>

int main(void) {
  unsigned int x = 0x11223344u;
  unsigned char *b = (unsigned char *)&x;
  assert(sizeof x == 4);
  assert(b[0] == 0x44 && b[1] == 0x33 && b[2] == 0x22 && b[3] == 0x11);
  b[3] = 0;
  assert(x == 0x223344u);
  return 0;
}
