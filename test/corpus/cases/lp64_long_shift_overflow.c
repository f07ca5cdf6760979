// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(8388608)
// note: (long)x << 40 with x = 2^23 gives 2^63, which does not fit a 64-bit long (UB).
long f(int x) {
  if (x < 0) {
    return 0;
  }
  return (long)x << 40;
}
