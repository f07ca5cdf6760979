// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(65535, 65535)
// note: unsigned short operands promote to (signed) int; 65535 * 65535 = 4294836225 > INT_MAX is UB.
int f(unsigned short a, unsigned short b) {
  return a * b;
}
