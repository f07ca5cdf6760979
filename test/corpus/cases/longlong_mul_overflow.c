// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(4611686018427387904LL)
// note: 2^62 * 2 = 2^63 exceeds LLONG_MAX (UB).
long long f(long long a) {
  return a * 2;
}
