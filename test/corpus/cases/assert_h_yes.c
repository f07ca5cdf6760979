// expect: yes
// args: --function f
// note: the sum of two unsigned chars computed in int is at most 510.
#include <assert.h>

int f(unsigned char a, unsigned char b) {
  int s = a + b;
  assert(s <= 510);
  return s;
}
