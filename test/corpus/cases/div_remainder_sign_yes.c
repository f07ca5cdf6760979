// expect: yes
// args: --function f
// note: C's remainder has the sign of the dividend and magnitude below |b| (e.g. -7 % 2 == -1, 7 % -2 == 1).
extern void __VERIFIER_assert(int cond);

int f(short a, signed char b) {
  if (b == 0) {
    return 0;
  }
  int r = a % b;
  __VERIFIER_assert(a >= 0 || r <= 0);
  __VERIFIER_assert(a <= 0 || r >= 0);
  __VERIFIER_assert(r < b || r < -b);
  return 1;
}
