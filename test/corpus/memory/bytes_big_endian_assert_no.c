// expect: no
// args: --function main --property memory-safety --property assertions
// violation: assertion 11
// witness: main(): b[0] is 0x44, not 0x11
// note: on a little-endian target the first byte of 0x11223344 is the least significant one, 0x44.
#include <assert.h>

int main(void) {
  unsigned int x = 0x11223344u;
  unsigned char *b = (unsigned char *)&x;
  assert(b[0] == 0x11);
  return 0;
}
