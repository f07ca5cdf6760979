#define ARC_SCENARIOS 3
#include "harness.h"
int apply(int op, int a, int b);
static void scenario(int k) { apply(k, -1, 0x5a5a); }
