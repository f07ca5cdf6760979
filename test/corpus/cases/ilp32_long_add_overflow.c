// expect: no
// args: --function f --data-model ILP32
// property: f.overflow.1
// witness: f(2147483647)
// note: under ILP32 long has 32 bits, so INT_MAX + 1 in long overflows (UB).
long f(int a) {
  long b = a;
  return b + 1;
}
