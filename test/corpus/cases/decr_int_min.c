// expect: no
// args: --function f
// property: f.overflow.1
// witness: f(-2147483647 - 1)
// note: --x on an int at INT_MIN overflows (UB).
int f(int x) {
  --x;
  return x;
}
