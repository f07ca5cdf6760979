// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(65535)
// gap: gcc narrows the multiplication and its UBSan stays silent, so where clang is not installed the compiled replay disagrees and the answer is don't know (never yes)
// note: x *= x multiplies in int, so 65535 * 65535 is UB by C11; clang's UBSan reports it, and the compiled replay prefers clang.
unsigned short f(unsigned short x) {
  x *= x;
  return x;
}
