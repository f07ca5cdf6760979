#define ARC_SCENARIOS 3
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  if (k == 0) NONDET(4, 'a', 'b', 'c');
  if (k == 1) NONDET(1);
  if (k == 2) NONDET(5, 'x', 0, 'y', 'z'); /* a terminator before the last byte */
  arc_case_main();
}
