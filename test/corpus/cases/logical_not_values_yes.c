// expect: yes
// args: --function f
// note: ! and comparisons yield int 0 or 1; ~0u is UINT_MAX.
extern void __VERIFIER_assert(int cond);

int f(int x, int y) {
  int n = !x;
  int c = (x < y) + (x == y) + (x > y);
  __VERIFIER_assert(n == 0 || n == 1);
  __VERIFIER_assert(c == 1);
  __VERIFIER_assert(~0u == 4294967295u);
  __VERIFIER_assert((x ^ y ^ y) == x);
  __VERIFIER_assert(x == -2147483647 - 1 || ~x == -x - 1);
  return n;
}
