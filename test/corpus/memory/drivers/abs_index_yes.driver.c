#define ARC_SCENARIOS 9
#include "harness.h"
int f(int d);
static void scenario(int k) { f(k - 4); }
