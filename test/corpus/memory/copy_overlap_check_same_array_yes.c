// expect: yes
// args: --function main --property memory-safety --property assertions
// note: both calls pass pointers into the same array buf, so dst < src is defined; the copies stay within buf[8].
#include <assert.h>

static void move(char *dst, const char *src, int n) {
  if (dst < src) {
    for (int i = 0; i < n; i++)
      dst[i] = src[i];
  } else {
    for (int i = n - 1; i >= 0; i--)
      dst[i] = src[i];
  }
}

int main(void) {
  char buf[8] = "abcdef";
  move(buf + 1, buf, 6);
  assert(buf[1] == 'a' && buf[6] == 'f');
  move(buf, buf + 2, 4);
  assert(buf[0] == 'b' && buf[3] == 'e');
  return 0;
}
