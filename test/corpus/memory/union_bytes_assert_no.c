// expect: no
// args: --function main --property memory-safety --property assertions
// violation: assertion 16
// witness: main(): w.b[0] is 4 on a little-endian target
// note: the first byte of the union is the least significant byte of w.u, 0x04, not 0x01.
#include <assert.h>

union word {
  unsigned int u;
  unsigned char b[4];
};

int main(void) {
  union word w;
  w.u = 0x01020304u;
  assert(w.b[0] == 1);
  return 0;
}
