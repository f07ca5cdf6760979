// expect: yes
// args: --function f --property memory-safety
// note: at is NULL or points into "key=value"; when *at is not the NUL, at + 1 is at most the terminator, so at[1] is in bounds.
#include <string.h>

int f(char sep) {
  const char *s = "key=value";
  const char *at = strchr(s, sep);
  if (at != NULL && *at != '\0')
    return at[1];
  return -1;
}
