// expect: no
// args: --function f --property no-undefined-behaviour
// property: f.overflow.1
// witness: f(31)
// note: the amount is valid, but 1 << 31 = 2^31 is not representable in int (C11 6.5.7p4).
int f(int s) {
  if (s >= 0 && s < 32) {
    return 1 << s;
  }
  return 0;
}
