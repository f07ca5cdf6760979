// expect: no
// args: --function main --property memory-safety --malloc-may-fail
// violation: valid-free 17
// witness: main() with malloc succeeding: value points 4 bytes into the block
// note: strchr returns a pointer into the block, so freeing value (instead of line) frees a pointer not at the block's start.
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *line = malloc(16);
  if (line == NULL)
    return 1;
  strcpy(line, "key=value");
  char *value = strchr(line, '=');
  if (value == NULL)
    return 2;
  free(value);
  return 0;
}
