// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(128)
// note: x promotes to int; 128 << 24 = 2^31 is not representable in int (C11 6.5.7p4), so it is UB.
int f(unsigned char x) {
  return x << 24;
}
