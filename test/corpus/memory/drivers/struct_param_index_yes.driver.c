#define ARC_SCENARIOS 6
#include "harness.h"
#include <limits.h>
struct vec {
  int len;
  int items[4];
};
int get(struct vec v, int i);
static void scenario(int k) {
  static const int lens[6] = {5, 4, 4, 0, -3, INT_MAX};
  static const int is[6] = {4, 3, 4, 0, -1, 3};
  struct vec v = {lens[k], {1, 2, 3, 4}};
  get(v, is[k]);
}
