// expect: yes
// args: --function f
// note: unsigned long long arithmetic wraps modulo 2^64: x * 3 - x - x - x == 0 for every x.
extern void __VERIFIER_assert(int cond);

unsigned long long f(unsigned long long x) {
  unsigned long long y = x * 3ULL;
  __VERIFIER_assert(y - x - x - x == 0);
  return y;
}
