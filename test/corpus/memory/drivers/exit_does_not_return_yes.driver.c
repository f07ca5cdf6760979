#define ARC_SCENARIOS 2
#include "harness.h"
int arc_case_main(void);
static void scenario(int k) { NONDET(k); arc_case_main(); }
