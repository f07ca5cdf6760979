#define ARC_SCENARIOS 4
#include "harness.h"
int f(int n);
static void scenario(int k) { f(k + 1); }
