// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-deref 17
// witness: main(): the iteration i = 3 writes r[3].len, past the 3 records of the block
// note: struct rec is 4 bytes (its two bit-fields share one unsigned); the block holds 3 of them, so r[3].len writes bytes 12 and up of a 12-byte block.
#include <stdlib.h>

struct rec {
  unsigned tag : 4;
  unsigned len : 12;
};

int main(void) {
  struct rec *r = malloc(3 * sizeof *r);
  int i;
  for (i = 0; i <= 3; i++) {
    r[i].len = 0;
    r[i].tag = i;
  }
  free(r);
  return 0;
}
