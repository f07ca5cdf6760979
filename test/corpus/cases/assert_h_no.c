// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(200, 100)
// note: the sum of two unsigned chars is computed in int, and 200 + 100 = 300 > 255.
#include <assert.h>

int f(unsigned char a, unsigned char b) {
  int s = a + b;
  assert(s <= 255);
  return s;
}
