#include "harness.h"
int arc_case_main(void);
static void scenario(int k) { (void)k; NONDET(0); NONDET(0); arc_case_main(); }
