// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(-1)
// note: in x < 1u, a negative x converts to unsigned (>= 2^31), so -1 < 1u is false.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  if (x < 0) {
    __VERIFIER_assert(x < 1u);
  }
  return 0;
}
