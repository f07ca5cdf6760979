#define ARC_SCENARIOS 4
#include "harness.h"
int f(int i, int j);
static void scenario(int k) {
  static const int is[4] = {0, 7, 3, 0}, js[4] = {7, 0, 3, 0};
  f(is[k], js[k]);
}
