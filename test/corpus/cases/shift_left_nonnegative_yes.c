// expect: yes
// args: --function f
// note: a non-negative int below 2^15 shifted by at most 16 stays below 2^31: the amount is valid and nothing overflows.
int f(int x, int s) {
  if (x >= 0 && x < 32768 && s >= 0 && s <= 16) {
    return x << s;
  }
  return 0;
}
