#define ARC_SCENARIOS 6
#include "harness.h"
int f(char sep);
static void scenario(int k) {
  static const char seps[6] = {'=', 'k', 'e', '#', '\0', (char)0xe9};
  f(seps[k]);
}
