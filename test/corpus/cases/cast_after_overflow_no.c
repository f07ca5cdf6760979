// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(65536, 65536)
// note: the cast comes too late: a * b is computed (and overflows) in int before the conversion to unsigned.
unsigned f(int a, int b) {
  return (unsigned)(a * b);
}
