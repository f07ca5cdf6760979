// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 12
// witness: f(d = -5)
// note: the lower bound -5 is inclusive, and abs(-5) = 5 is past the end of weights[5].
#include <stdlib.h>
extern void __VERIFIER_assume(int);

int f(int d) {
  static const int weights[5] = {1, 2, 4, 8, 16};
  __VERIFIER_assume(d >= -5 && d < 5);
  return weights[abs(d)];
}
