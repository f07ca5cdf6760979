#define ARC_SCENARIOS 3
#include "harness.h"
int f(int *p);
static void scenario(int k) {
  int *p = k == 0 ? NULL : arc_object(k == 1 ? 0 : 3, sizeof(int), 0x7f);
  f(p);
  free(p);
}
