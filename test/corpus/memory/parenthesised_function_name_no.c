// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 9
// witness: main(): s is NULL
// note: a function defined with its name in parentheses, char *(first)(char *s), is still the function first: its NULL read is found
#include <stddef.h>

static char(first)(const char *s) {
  return *s;
}

int main(void) {
  const char *s = NULL;
  return (first)(s) == 'x';
}
