// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(-2147483647 - 1)
// note: -INT_MIN is not representable in int (UB).
int f(int x) {
  return -x;
}
