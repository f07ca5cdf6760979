// expect: yes
// args: --function f
// note: every int except INT_MIN has a representable negation; the constant -2147483647 - 1 itself does not overflow.
int f(int x) {
  if (x == -2147483647 - 1) {
    return 0;
  }
  return -x;
}
