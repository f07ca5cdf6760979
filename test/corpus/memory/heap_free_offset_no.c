// expect: no
// args: --function main --property memory-safety --malloc-may-fail
// violation: valid-free 15
// witness: main() with malloc succeeding: p = buf + 1 is freed
// note: free must get the pointer malloc returned; buf + 1 points inside the block, not at its start.
#include <stdlib.h>

int main(void) {
  char *buf = malloc(8);
  if (buf == NULL)
    return 1;
  char *p = buf;
  *p++ = 'a';
  *p = '\0';
  free(p);
  return 0;
}
