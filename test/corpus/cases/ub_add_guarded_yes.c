// expect: yes
// args: --function f
// note: the classic pre-check (b > INT_MAX - a for a > 0, b < INT_MIN - a for a < 0) rules out every overflow of a + b.
int f(int a, int b) {
  if (a > 0 && b > 2147483647 - a) {
    return 0;
  }
  if (a < 0 && b < (-2147483647 - 1) - a) {
    return 0;
  }
  return a + b;
}
