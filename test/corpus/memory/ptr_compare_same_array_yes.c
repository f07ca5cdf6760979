// expect: yes
// args: --function main --property memory-safety --property assertions
// note: lo and hi stay inside a[0..4] and only ever cross by one, so every < compares pointers into the same array.
#include <assert.h>

static void reverse(int *lo, int *hi) {
  while (lo < hi) {
    int t = *lo;
    *lo++ = *hi;
    *hi-- = t;
  }
}

int main(void) {
  int a[5] = {1, 2, 3, 4, 5};
  int b[4] = {1, 2, 3, 4};
  reverse(a, a + 4);
  reverse(b, b + 3);
  assert(a[0] == 5 && a[2] == 3 && a[4] == 1);
  assert(b[0] == 4 && b[1] == 3 && b[3] == 1);
  return 0;
}
