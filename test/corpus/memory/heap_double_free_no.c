// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-free 14
// witness: main(): the block is freed through a and again through its alias b
// note: b aliases a, so the second free releases an already freed block (C11 7.22.3.3p2).
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *a = malloc(16);
  char *b = a;
  strcpy(a, "token");
  free(a);
  free(b);
  return 0;
}
