// expect: no
// args: --function f --property no-undefined-behaviour
// property: f.overflow.1
// witness: f(-9223372036854775807LL - 1, -1)
// note: LLONG_MIN / -1 is not representable in long long (UB).
long long f(long long a, long long b) {
  if (b == 0) {
    return 0;
  }
  return a / b;
}
