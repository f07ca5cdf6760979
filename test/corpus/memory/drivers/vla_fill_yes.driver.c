#define ARC_SCENARIOS 4
#include "harness.h"
int f(int n);
static void scenario(int k) {
  static const int ns[4] = {1, 2, 7, 10};
  f(ns[k]);
}
