// expect: yes
// args: --function f
// note: in u > -1 the -1 converts to UINT_MAX, so the comparison is always false; (signed char)255 is -1 with gcc's conversion.
extern void __VERIFIER_assert(int cond);

int f(unsigned u, unsigned char c) {
  __VERIFIER_assert(!(u > -1));
  __VERIFIER_assert((signed char)255 == -1);
  __VERIFIER_assert((unsigned char)c != -1);
  return 0;
}
