#define ARC_SCENARIOS 4
#include "harness.h"
int suffix_len(int k);
static void scenario(int k) { suffix_len(k); }
