// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: each iteration frees its block (free(NULL) is a no-op when malloc failed) before the pointer is reassigned.
#include <stdlib.h>

int main(void) {
  char *buf = NULL;
  for (int i = 0; i < 3; i++) {
    buf = malloc(8);
    if (buf != NULL)
      buf[0] = (char)i;
    free(buf);
  }
  return 0;
}
