#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  (void)k;
  arc_fail_mask = 0x2; /* the first allocation (malloc) succeeds, the second (realloc) fails */
  arc_case_main();
}
