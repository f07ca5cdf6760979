#include "harness.h"
struct vec {
  int len;
  int items[4];
};
int get(struct vec v, int i);
static void scenario(int k) {
  (void)k;
  struct vec v = {5, {1, 2, 3, 4}};
  get(v, 4);
}
