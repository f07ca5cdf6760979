// expect: no
// args: --function f --property memory-safety
// violation: library 13
// witness: f(n = 9)
// note: the bound allows n up to 12, but dst has only 8 bytes; memcpy of 9 bytes writes past it.
#include <string.h>
extern void __VERIFIER_assume(int);

int f(int n) {
  static const char src[16] = "0123456789abcde";
  char dst[8] = {0};
  __VERIFIER_assume(n >= 0 && n <= 12);
  memcpy(dst, src, (size_t)n);
  return dst[0];
}
