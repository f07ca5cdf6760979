// expect: yes
// args: --function f --property memory-safety --property assertions
// note: the longest source "1234567" has 7 chars + NUL = 8 bytes, exactly the size of buf.
#include <assert.h>
#include <string.h>

int f(int w) {
  const char *src = w ? "1234567" : "hi";
  char buf[8];
  strcpy(buf, src);
  assert(strlen(buf) == (w ? 7u : 2u));
  return buf[0];
}
