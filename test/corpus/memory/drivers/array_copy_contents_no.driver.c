#define ARC_SCENARIOS 1
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  if (k == 0) NONDET(0);
  arc_case_main();
}
