// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-deref 12
// witness: main(): a[1] is bytes 4..7 of a 4-byte block
// note: malloc(n) allocates n bytes, not n ints; the loop writes 4 ints = 16 bytes into 4.
#include <stdlib.h>

int main(void) {
  int n = 4;
  int *a = malloc(n);
  for (int i = 0; i < n; i++)
    a[i] = i;
  free(a);
  return 0;
}
