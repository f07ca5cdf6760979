// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 10
// witness: main(): strlen(s) reads s[3]
// note: char s[3] = "abc" drops the NUL (C11 6.7.9p14), so strlen runs past the end of s.
#include <string.h>

int main(void) {
  char s[3] = "abc";
  return (int)strlen(s);
}
