// expect: yes
// args: --function f
// note: c << s with s < 24 is valid: the width is that of int (32), and 255 << 23 = 2139095040 <= INT_MAX.
int f(unsigned char c, unsigned char s) {
  if (s < 24) {
    return c << s;
  }
  return 0;
}
