// expect: yes
// args: --function f
// note: every negative int converts to an unsigned value >= 2^31, which is never < 1u.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  if (x < 0) {
    __VERIFIER_assert(!(x < 1u));
    __VERIFIER_assert((unsigned)x > 2147483647u);
  }
  return 0;
}
