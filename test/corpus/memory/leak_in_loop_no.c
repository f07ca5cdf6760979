// expect: no
// args: --function main --property memory-leak --malloc-never-fails
// violation: valid-memtrack 11
// witness: main(): the second iteration overwrites buf, losing the first block
// note: only the last of the three blocks is freed; each earlier one is lost when buf is reassigned.
#include <stdlib.h>

int main(void) {
  char *buf = NULL;
  for (int i = 0; i < 3; i++) {
    buf = malloc(8);
    buf[0] = (char)i;
  }
  free(buf);
  return 0;
}
