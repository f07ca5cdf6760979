// expect: yes
// args: --function main --property memory-safety --property assertions
// note: with the inner braces elided, the initialisers fill the array member first, then b; the rest of the outer array is zero (C11 6.7.9p20)
#include <assert.h>

struct P {
  int a[2];
  int b;
};

int main(void) {
  struct P ps[2] = {1, 2, 3, 4};
  assert(ps[0].a[1] == 2 && ps[0].b == 3 && ps[1].a[0] == 4 && ps[1].b == 0);
  return 0;
}
