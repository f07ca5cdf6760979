// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 11
// witness: f(w = 1)
// note: "hello, world" needs 13 bytes with its NUL; buf has 8.
#include <string.h>

int f(int w) {
  const char *src = w ? "hello, world" : "hi";
  char buf[8];
  strcpy(buf, src);
  return buf[0];
}
