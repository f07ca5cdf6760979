// expect: yes
// args: --function f
// note: the conditional operator only evaluates -x when x < 0 and x != INT_MIN.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  int r = x == -2147483647 - 1 ? 0 : (x < 0 ? -x : x);
  __VERIFIER_assert(r >= 0);
  return r;
}
