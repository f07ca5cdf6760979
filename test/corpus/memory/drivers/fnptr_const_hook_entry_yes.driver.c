#include "harness.h"
int run(void);
static void scenario(int k) { (void)k; run(); }
