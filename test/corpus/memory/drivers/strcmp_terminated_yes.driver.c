#define ARC_SCENARIOS 2
#include "harness.h"
int f(int which);
static void scenario(int k) { f(k); }
