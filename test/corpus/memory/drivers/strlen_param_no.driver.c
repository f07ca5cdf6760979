#include "harness.h"
size_t len(const char *s);
static void scenario(int k) {
  (void)k;
  char *s = arc_object(2, 1, 'a');
  s[1] = 'b';
  len(s);
  free(s);
}
