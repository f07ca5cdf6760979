#define ARC_SCENARIOS 4
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  static const long n[4] = {1, 32, 33, 64};
  NONDET(n[k]);
  arc_case_main();
}
