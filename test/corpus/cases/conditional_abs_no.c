// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(-2147483647 - 1)
// note: without the INT_MIN guard, -x overflows for x = INT_MIN.
int f(int x) {
  return x < 0 ? -x : x;
}
