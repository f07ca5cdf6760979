// expect: no
// args: --function f --property no-undefined-behaviour
// property: f.overflow.1
// witness: f(-2147483647 - 1, -1)
// note: b == 0 is excluded, but INT_MIN / -1 = 2^31 is not representable (UB).
int f(int a, int b) {
  if (b == 0) {
    return 0;
  }
  return a / b;
}
