// expect: no
// args: --function f --property no-undefined-behaviour
// property: f.overflow.1
// witness: f(-2147483647 - 1, -1)
// note: y != 0 guards against division by zero but not against INT_MIN / -1.
int f(int x, int y) {
  if (y != 0 && x / y > 1) {
    return 1;
  }
  return 0;
}
