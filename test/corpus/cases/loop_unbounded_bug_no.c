// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(3u)
// note: the loop is unbounded, but the bug shows after 3 iterations: s == 6 for n = 3.
extern void __VERIFIER_assert(int cond);

int f(unsigned n) {
  unsigned i = 0;
  int s = 0;
  while (i < n) {
    s += 2;
    i++;
  }
  __VERIFIER_assert(s != 6);
  return s;
}
