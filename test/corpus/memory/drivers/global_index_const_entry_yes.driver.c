#define ARC_SCENARIOS 2
#include "harness.h"
#include <limits.h>
extern int table[4];
int f(void);
static void scenario(int k) {
  for (int i = 0; i < 4; i++)
    table[i] = k ? -1000 * i : 1000 * i;
  f();
}
