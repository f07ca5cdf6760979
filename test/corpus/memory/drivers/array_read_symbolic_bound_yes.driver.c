#define ARC_SCENARIOS 5
#include "harness.h"
int f(int n);
static void scenario(int k) { f(k); }
