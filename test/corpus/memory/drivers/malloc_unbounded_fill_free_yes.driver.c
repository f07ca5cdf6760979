#define ARC_SCENARIOS 3
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  if (k == 0) NONDET(5);
  if (k == 1) NONDET(0);
  if (k == 2) NONDET(100000);
  arc_case_main();
}
