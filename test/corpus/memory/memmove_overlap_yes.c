// expect: yes
// args: --function main --property memory-safety --property assertions
// note: memmove handles overlapping regions (C11 7.24.2.2); both ranges stay inside a[6].
#include <assert.h>
#include <string.h>

int main(void) {
  int a[6] = {1, 2, 3, 4, 5, 6};
  memmove(a + 1, a, 5 * sizeof a[0]);
  assert(a[0] == 1 && a[1] == 1 && a[5] == 5);
  memmove(a, a + 2, 4 * sizeof a[0]);
  assert(a[0] == 2 && a[3] == 5);
  return 0;
}
