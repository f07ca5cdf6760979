#define ARC_SCENARIOS 3
#include "harness.h"
int run(int which, int x);
static void scenario(int k) { run(k, -12345); }
