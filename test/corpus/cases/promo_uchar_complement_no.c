// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(0)
// note: ~a is computed in int, so it is negative (-a-1) and never equals 255 - a.
extern void __VERIFIER_assert(int cond);

int f(unsigned char a) {
  __VERIFIER_assert(~a == 255 - a);
  return 0;
}
