#include "harness.h"
int arc_case_main(void);
static void scenario(int k) {
  (void)k;
  arc_fail_mask = 0x1; /* malloc returns NULL */
  arc_case_main();
}
