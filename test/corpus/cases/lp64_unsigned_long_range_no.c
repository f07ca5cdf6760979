// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(4294967296UL)
// note: under LP64 unsigned long has 64 bits, so 2^32 is a valid value above 4294967295.
extern void __VERIFIER_assert(int cond);

unsigned long f(unsigned long x) {
  __VERIFIER_assert(x <= 4294967295UL);
  return x;
}
