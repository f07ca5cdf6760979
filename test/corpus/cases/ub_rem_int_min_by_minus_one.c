// expect: no
// args: --function f --property no-undefined-behaviour
// property: f.overflow.1
// witness: f(-2147483647 - 1, -1)
// note: C11 6.5.5p6: INT_MIN % -1 is undefined because INT_MIN / -1 is not representable.
int f(int a, int b) {
  if (b == 0) {
    return 0;
  }
  return a % b;
}
