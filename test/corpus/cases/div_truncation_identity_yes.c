// expect: yes
// args: --function f
// note: (a / b) * b + a % b == a whenever a / b is defined, and the remainder has the sign of the dividend.
extern void __VERIFIER_assert(int cond);

int f(int a, int b) {
  if (a < -100000 || a > 100000 || b == 0 || b < -1000 || b > 1000) {
    return 0;
  }
  __VERIFIER_assert((a / b) * b + a % b == a);
  __VERIFIER_assert(a >= 0 || a % b <= 0);
  return 1;
}
