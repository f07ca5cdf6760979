// expect: no
// args: --function f --data-model ILP32
// property: f.assertion.1
// witness: f(-1, 1u)
// note: under ILP32 long cannot represent every unsigned int, so both convert to unsigned long and -1 becomes 4294967295 > 1.
extern void __VERIFIER_assert(int cond);

int f(long x, unsigned u) {
  if (x < 0) {
    __VERIFIER_assert(x < u);
  }
  return 0;
}
