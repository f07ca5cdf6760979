#define ARC_SCENARIOS 6
#include "harness.h"
#include <limits.h>
int bucket(int h);
static void scenario(int k) {
  static const int h[6] = {INT_MIN, -7, -1, 0, 6, INT_MAX};
  bucket(h[k]);
}
