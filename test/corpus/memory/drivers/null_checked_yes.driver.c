#define ARC_SCENARIOS 3
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  static const long c[3] = {0, 1, -7};
  NONDET(c[k]);
  arc_case_main();
}
