// expect: yes
// args: --function f
// note: whatever the undefined g returns, it is clamped to [0, 10] before the assertion.
extern void __VERIFIER_assert(int cond);
int g(int x);

int f(int x) {
  int y = g(x);
  if (y > 10) y = 10;
  if (y < 0) y = 0;
  __VERIFIER_assert(y >= 0 && y <= 10);
  return y;
}
