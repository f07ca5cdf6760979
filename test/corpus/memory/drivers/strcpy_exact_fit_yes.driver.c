#define ARC_SCENARIOS 3
#include "harness.h"
int f(int w);
static void scenario(int k) { f(k == 2 ? -4 : k); }
