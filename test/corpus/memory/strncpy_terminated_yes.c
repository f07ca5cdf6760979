// expect: yes
// args: --function main --property memory-safety --property assertions
// note: copying sizeof dst - 1 chars and setting the last byte keeps dst terminated; a short source is zero-padded to n.
#include <assert.h>
#include <string.h>

int main(void) {
  char dst[5];
  strncpy(dst, "hello", sizeof dst - 1);
  dst[sizeof dst - 1] = '\0';
  assert(strlen(dst) == 4);
  char pad[6];
  strncpy(pad, "ab", sizeof pad);
  assert(pad[2] == '\0' && pad[5] == '\0');
  return 0;
}
