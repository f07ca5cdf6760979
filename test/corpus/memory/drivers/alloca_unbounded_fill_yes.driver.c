#define ARC_SCENARIOS 3
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  if (k == 0) NONDET(3, 5, -1, 2);
  if (k == 1) NONDET(1, 0);
  if (k == 2) NONDET(0, 7); /* n < 1 becomes 1 */
  arc_case_main();
}
