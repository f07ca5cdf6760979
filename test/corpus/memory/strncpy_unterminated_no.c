// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 11
// witness: main(): strncpy fills all 5 bytes with "hello" and writes no NUL; strlen reads dst[5]
// note: strncpy does not terminate when the source is at least n chars long (C11 7.24.2.4p2).
#include <string.h>

int main(void) {
  char dst[5];
  strncpy(dst, "hello", sizeof dst);
  return (int)strlen(dst);
}
