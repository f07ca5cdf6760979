#define ARC_SCENARIOS 4
#include "harness.h"
int f(int i);
static void scenario(int k) { f(k); }
