// expect: no
// args: --function main --property memory-safety
// violation: valid-pointer-compare 7
// witness: main(): move(dst = to, src = from) compares pointers into two different arrays
// note: a hand-written memmove that decides the direction with dst < src is undefined when dst and src are different objects (C11 6.5.8p5).
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
  char from[4] = "abc";
  char to[4];
  move(to, from, 4);
  return to[0];
}
