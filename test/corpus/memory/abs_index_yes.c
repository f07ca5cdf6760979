// expect: yes
// args: --function f --property memory-safety
// note: -5 < d < 5 gives 0 <= abs(d) <= 4, a valid index into weights[5] (and abs never sees INT_MIN).
#include <stdlib.h>
extern void __VERIFIER_assume(int);

int f(int d) {
  static const int weights[5] = {1, 2, 4, 8, 16};
  __VERIFIER_assume(d > -5 && d < 5);
  return weights[abs(d)];
}
