// expect: yes
// args: --function f
// note: 0u - 1 wraps to UINT_MAX; decrementing an unsigned is never undefined and is undone by ++.
extern void __VERIFIER_assert(int cond);

unsigned f(unsigned x) {
  unsigned y = x;
  y--;
  y++;
  __VERIFIER_assert(y == x);
  return y;
}
