// expect: no
// args: --function main --property assertions
// violation: assertion 15
// sanitizer: none
// witness: the three bytes of u.i that u.ch does not cover hold anything, e.g. 0xbe
// note: initialising a local union through .ch leaves its other bytes unspecified (C11 6.2.6.1p7), so u.i need not be 1
#include <assert.h>
union U {
  int i;
  char ch;
};

int main(void) {
  union U u = {.ch = 1};
  assert(u.i == 1);
  return 0;
}
