// expect: yes
// args: --function f
// note: 0x80000000 is unsigned int (so its negation is positive), while 2147483648 is a signed long (so its negation is negative); -7 % 2u is computed in unsigned.
extern void __VERIFIER_assert(int cond);

int f(void) {
  __VERIFIER_assert(-0x80000000 > 0);
  __VERIFIER_assert(-2147483648 < 0);
  __VERIFIER_assert(-7 % 2u == 1);
  __VERIFIER_assert((unsigned)-7 / 2 == 2147483644u);
  return 0;
}
