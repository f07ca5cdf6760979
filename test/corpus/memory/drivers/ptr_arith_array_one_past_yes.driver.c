#define ARC_SCENARIOS 5
#include "harness.h"
int f(int k);
static void scenario(int k) { f(k); }
