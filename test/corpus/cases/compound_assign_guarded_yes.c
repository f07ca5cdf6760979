// expect: yes
// args: --function f
// note: with |x| <= 1000 every intermediate of += *= <<= -= stays within +-16100 (and x is non-negative before <<=).
extern void __VERIFIER_assert(int cond);

int f(int x) {
  if (x > 1000 || x < 0) {
    return 0;
  }
  x += 5;
  x *= 2;
  x <<= 3;
  x -= 7;
  x /= 3;
  x %= 1000;
  __VERIFIER_assert(x >= 0 && x < 1000);
  return x;
}
