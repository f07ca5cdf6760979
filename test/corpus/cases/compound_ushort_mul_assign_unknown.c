// expect: unknown
// args: --function f --property no-overflow
// reason: replay-failed
// note: x *= x multiplies in int, so 65535 * 65535 is UB by C11, but gcc narrows the multiplication and UBSan stays silent; a no that the compiler replay cannot confirm must become don't know.
unsigned short f(unsigned short x) {
  x *= x;
  return x;
}
