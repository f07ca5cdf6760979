#define ARC_SCENARIOS 3
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  static const long mode[3] = {-1, 0, 5};
  NONDET(mode[k]);
  arc_case_main();
}
