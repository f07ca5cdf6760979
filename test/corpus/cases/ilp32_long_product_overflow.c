// expect: no
// args: --function f --data-model ILP32 --property no-overflow
// property: f.overflow.1
// witness: f(65536, 65536)
// note: under ILP32 long is 32 bits: 65536 * 65536 = 2^32 overflows (UB).
long f(int a, int b) {
  return (long)a * b;
}
