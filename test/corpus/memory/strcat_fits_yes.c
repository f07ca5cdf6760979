// expect: yes
// args: --function main --property memory-safety --property assertions
// note: "/usr" + "/bin" + NUL is 9 bytes, within path[16].
#include <assert.h>
#include <string.h>

int main(void) {
  char path[16] = "/usr";
  strcat(path, "/bin");
  assert(strlen(path) == 8 && strcmp(path, "/usr/bin") == 0);
  return 0;
}
