// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(4294967295u)
// note: UINT_MAX + 1 wraps to 0 (defined), so the successor is not always larger.
extern void __VERIFIER_assert(int cond);

unsigned f(unsigned a) {
  unsigned b = a + 1u;
  __VERIFIER_assert(b > a);
  return b;
}
