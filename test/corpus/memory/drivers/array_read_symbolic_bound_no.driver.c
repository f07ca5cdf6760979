#define ARC_SCENARIOS 1
#include "harness.h"
int f(int n);
static void scenario(int k) { (void)k; f(4); }
