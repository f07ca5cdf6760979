#include "harness.h"
void set(int *p);
static void scenario(int k) {
  (void)k;
  int *p = arc_object(0, sizeof(int), 0);
  set(p);
  free(p);
}
