// expect: no
// args: --function len --property memory-safety
// violation: valid-deref 12
// witness: len(s = object of 2 chars "ab" with no NUL)
// note: a non-NULL char * parameter may point to an object without a NUL (or with no bytes at all).
#include <stddef.h>
#include <string.h>

size_t len(const char *s) {
  if (s == NULL)
    return 0;
  return strlen(s);
}
