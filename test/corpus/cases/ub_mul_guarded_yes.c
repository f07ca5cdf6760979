// expect: yes
// args: --function f
// note: with |a| <= 46340, a * a <= 2147395600 <= INT_MAX.
int f(int a) {
  if (a > 46340 || a < -46340) {
    return 0;
  }
  return a * a;
}
