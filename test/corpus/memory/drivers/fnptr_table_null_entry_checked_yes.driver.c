#define ARC_SCENARIOS 4
#include "harness.h"
int dispatch(int sig);
static void scenario(int k) { dispatch(k); }
