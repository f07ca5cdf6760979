// expect: yes
// args: --function main --property memory-safety --property assertions
// note: reading another union member reinterprets the stored bytes (C11 6.5.2.3p3, footnote 95); little-endian puts 0x04 first.
#include <assert.h>

union word {
  unsigned int u;
  unsigned char b[4];
};

int main(void) {
  union word w;
  w.u = 0x01020304u;
  assert(w.b[0] == 4 && w.b[3] == 1);
  w.b[0] = 0xff;
  assert(w.u == 0x010203ffu);
  return 0;
}
