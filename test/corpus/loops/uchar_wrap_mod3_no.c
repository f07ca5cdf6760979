// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(86u)
// note: the naive invariant c % 3 == 0 breaks when the unsigned char wraps: after 86 iterations c == 258 - 256 == 2.
extern void __VERIFIER_assert(int cond);

int f(unsigned n) {
  unsigned char c = 0;
  for (unsigned i = 0; i < n; i++) {
    c += 3;
  }
  __VERIFIER_assert(c % 3 == 0);
  return c;
}
