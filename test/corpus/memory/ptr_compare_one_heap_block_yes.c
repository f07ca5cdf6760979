// expect: yes
// args: --function main --property memory-safety --property memory-leak --property assertions --malloc-never-fails
// note: all comparisons and the subtraction involve pointers into one malloc block (or one past its end).
#include <assert.h>
#include <stdlib.h>

int main(void) {
  int *buf = malloc(8 * sizeof *buf);
  int *lo = buf + 1, *hi = buf + 6, *end = buf + 8;
  assert(lo < hi && hi <= end && end - buf == 8);
  for (int *p = lo; p < hi; p++)
    *p = (int)(p - buf);
  assert(buf[5] == 5 && hi - lo == 5);
  free(buf);
  return 0;
}
