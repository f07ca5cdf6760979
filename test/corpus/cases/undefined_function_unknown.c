// expect: unknown
// args: --function f --property assertions
// reason: undefined-function
// note: the assertion fails only if the undefined g returns 3; g's result is arbitrary, so a no would not be trustworthy.
extern void __VERIFIER_assert(int cond);
int g(int x);

int f(int x) {
  int y = g(x);
  __VERIFIER_assert(y != 3);
  return y;
}
