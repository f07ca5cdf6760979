// expect: yes
// args: --function f
// note: default written first is taken only when no case matches and ends in break; case 0 falls into case 1 (k = 2), case 1 alone gives 1.
extern void __VERIFIER_assert(int cond);

int f(unsigned char c) {
  int k = 0;
  switch (c % 4) {
    default:
      k = 7;
      break;
    case 0:
      k = 1;
    case 1:
      k += 1;
      break;
  }
  __VERIFIER_assert((k == 2) == (c % 4 == 0));
  __VERIFIER_assert((k == 1) == (c % 4 == 1));
  __VERIFIER_assert((k == 7) == (c % 4 >= 2));
  return k;
}
