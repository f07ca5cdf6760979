#define ARC_SCENARIOS 5
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  static const long inputs[] = {0, 31, 32, -1, 0x7fffffff};
  NONDET(inputs[k]);
  arc_case_main();
}
