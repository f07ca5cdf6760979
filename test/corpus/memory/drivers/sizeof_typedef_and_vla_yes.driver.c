#define ARC_SCENARIOS 8
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) { NONDET(k - 1); arc_case_main(); }
