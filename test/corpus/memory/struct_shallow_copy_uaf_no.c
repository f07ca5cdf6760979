// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-deref 19
// witness: main(): b.data is the block freed through a.data
// note: struct assignment copies the pointer, not the block; after free(a.data), b.data dangles.
#include <stdlib.h>

struct holder {
  int *data;
  int n;
};

int main(void) {
  struct holder a = {malloc(2 * sizeof(int)), 2};
  a.data[0] = 1;
  a.data[1] = 2;
  struct holder b = a;
  free(a.data);
  return b.data[1];
}
