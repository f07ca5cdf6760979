// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(2147483647, 1)
// note: signed addition INT_MAX + 1 overflows int (UB).
int f(int a, int b) {
  return a + b;
}
