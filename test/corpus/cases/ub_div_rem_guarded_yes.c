// expect: yes
// args: --function f
// note: b != 0 and not (INT_MIN, -1); |a / b| + |a % b| <= |a| with equal signs when both nonzero, so the sum fits too.
int f(int a, int b) {
  if (b == 0 || (a == -2147483647 - 1 && b == -1)) {
    return 0;
  }
  return a / b + a % b;
}
