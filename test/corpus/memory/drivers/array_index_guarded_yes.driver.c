#define ARC_SCENARIOS 6
#include "harness.h"
#include <limits.h>
int f(int i);
static void scenario(int k) {
  static const int inputs[6] = {INT_MIN, -1, 0, 5, 6, INT_MAX};
  f(inputs[k]);
}
