#define ARC_SCENARIOS 4
#include "harness.h"
struct value {
  int tag;
  union {
    int num;
    char text[8];
  } u;
};
int describe(struct value v, int i);
static void scenario(int k) {
  struct value v;
  memset(&v, 0x41, sizeof v);
  static const int tags[4] = {0, 1, 7, -1}, is[4] = {100, 7, 8, -1};
  v.tag = tags[k];
  describe(v, is[k]);
}
