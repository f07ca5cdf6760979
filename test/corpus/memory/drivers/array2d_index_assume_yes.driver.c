#define ARC_SCENARIOS 12
#include "harness.h"
int f(int r, int c);
static void scenario(int k) { f(k / 4, k % 4); }
