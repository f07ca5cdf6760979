// expect: yes
// args: --function f
// note: under LP64 long can represent every unsigned int, so in x < u the unsigned converts to long and a negative x is smaller.
extern void __VERIFIER_assert(int cond);

int f(long x, unsigned u) {
  if (x < 0) {
    __VERIFIER_assert(x < u);
  }
  return 0;
}
