// expect: no
// args: --function main --property memory-safety
// violation: library 9
// witness: main(): clear writes 8 ints into the 6-int array small
// note: clear assumes 8 ints behind its pointer parameter, but main passes an int[6].
#include <string.h>

static void clear(int *a) {
  memset(a, 0, 8 * sizeof *a);
}

int main(void) {
  int small[6];
  clear(small);
  return small[0];
}
