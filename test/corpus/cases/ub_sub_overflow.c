// expect: no
// args: --function f --property no-undefined-behaviour
// property: f.overflow.1
// witness: f(-2147483647 - 1, 1)
// note: INT_MIN - 1 overflows int (UB).
int f(int a, int b) {
  return a - b;
}
