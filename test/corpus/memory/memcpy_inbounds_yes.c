// expect: yes
// args: --function f --property memory-safety
// note: with 0 <= n <= 8, memcpy reads n bytes of the 16-byte src and writes n bytes of the 8-byte dst.
#include <string.h>
extern void __VERIFIER_assume(int);

int f(int n) {
  static const char src[16] = "0123456789abcde";
  char dst[8] = {0};
  __VERIFIER_assume(n >= 0 && n <= 8);
  memcpy(dst, src, (size_t)n);
  return dst[0];
}
