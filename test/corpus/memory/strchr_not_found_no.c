// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 11
// witness: f(sep = '#')
// note: strchr returns NULL when sep does not occur in the string, and the result is dereferenced unchecked.
#include <string.h>

int f(char sep) {
  const char *s = "key=value";
  const char *at = strchr(s, sep);
  return *at;
}
