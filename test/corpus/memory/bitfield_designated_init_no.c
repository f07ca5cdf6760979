// expect: no
// args: --function main --property memory-safety --property assertions
// violation: assertion 16
// witness: main(): .mode = 6 stores 6 in a 2-bit field, which holds 2
// note: the initialiser converts 6 to the field's width like an assignment (C11 6.7.9p11): unsigned mode : 2 keeps the low 2 bits.
#include <assert.h>

struct cfg {
  unsigned on : 1;
  unsigned mode : 2;
};

int main(void) {
  struct cfg c = {.mode = 6, .on = 1};
  assert(c.on == 1);
  assert(c.mode == 6);
  return 0;
}
