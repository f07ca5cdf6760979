// expect: yes
// args: --function main --property memory-safety --property memory-leak --property assertions --malloc-may-fail
// gap: bounded model checking does not finish in time yet
// note: the block is freed through line, the pointer malloc returned; value is only read while the block is alive.
#include <assert.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *line = malloc(16);
  if (line == NULL)
    return 1;
  strcpy(line, "key=value");
  char *value = strchr(line, '=');
  assert(value != NULL && value - line == 3);
  int c = value[1];
  free(line);
  return c == 'v' ? 0 : 1;
}
