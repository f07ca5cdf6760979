#define ARC_SCENARIOS 2
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  if (k == 0) NONDET(12345);
  if (k == 1) NONDET(-1);
  arc_case_main();
}
