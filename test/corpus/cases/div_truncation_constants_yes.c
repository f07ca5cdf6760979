// expect: yes
// args: --function f
// note: C division truncates toward zero: -7 / 2 == -3 and -7 % 2 == -1; 7 / -2 == -3 and 7 % -2 == 1.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int a = -7;
  int b = 2;
  __VERIFIER_assert(a / b == -3);
  __VERIFIER_assert(a % b == -1);
  __VERIFIER_assert(-a / -b == -3);
  __VERIFIER_assert(-a % -b == 1);
  return 0;
}
