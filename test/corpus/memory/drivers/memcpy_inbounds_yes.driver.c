#define ARC_SCENARIOS 4
#include "harness.h"
int f(int n);
static void scenario(int k) {
  static const int n[4] = {0, 1, 7, 8};
  f(n[k]);
}
