// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(63)
// note: 1LL << 63 is not representable in long long (UB), although the amount is valid.
long long f(int s) {
  if (s >= 0 && s < 64) {
    return 1LL << s;
  }
  return 0;
}
