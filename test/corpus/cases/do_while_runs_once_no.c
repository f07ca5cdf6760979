// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(0)
// note: a do-while body runs at least once, so for n = 0 the counter is 1, not 0.
extern void __VERIFIER_assert(int cond);

int f(unsigned char n) {
  int c = 0;
  int i = 0;
  do {
    c++;
    i++;
  } while (i < n);
  __VERIFIER_assert(c == n);
  return c;
}
