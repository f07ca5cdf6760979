#define ARC_SCENARIOS 4
#include "harness.h"
#include <limits.h>
int f(int i, int v);
static void scenario(int k) {
  static const int is[4] = {0, 3, 4, 7}, vs[4] = {INT_MIN, -5, 0, INT_MAX};
  f(is[k], vs[k]);
}
