// expect: yes
// args: --function main --property memory-safety --property assertions
// note: both subtractions are between pointers into the same array (or one past it); results count elements.
#include <assert.h>

int main(void) {
  long a[8];
  long *lo = &a[2], *hi = &a[7];
  assert(hi - lo == 5);
  assert((a + 8) - a == 8);
  assert((char *)&a[1] - (char *)&a[0] == (long)sizeof(long));
  return 0;
}
