#include "harness.h"
int last(int a[4]);
static void scenario(int k) {
  (void)k;
  int *a = arc_object(1, sizeof(int), 0);
  last(a);
  free(a);
}
