// expect: yes
// args: --function main --property memory-safety --property assertions
// note: every call passes a pointer into an array together with at most the number of elements left in it.
#include <assert.h>

static int sum(const int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

int main(void) {
  int a[4] = {1, 2, 3, 4};
  int b[2] = {10, 20};
  assert(sum(a, 4) == 10);
  assert(sum(b, 2) == 30);
  assert(sum(a + 1, 3) == 9);
  assert(sum(b, 0) == 0);
  return 0;
}
