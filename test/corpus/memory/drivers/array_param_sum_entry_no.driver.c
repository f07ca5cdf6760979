#include "harness.h"
int sum(const int *a, int n);
static void scenario(int k) {
  (void)k;
  int *a = arc_object(0, sizeof(int), 0);
  sum(a, 1);
  free(a);
}
