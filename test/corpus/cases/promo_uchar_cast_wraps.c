// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(1, 255)
// note: converting the int sum back to unsigned char wraps modulo 256: 1 + 255 becomes 0.
extern void __VERIFIER_assert(int cond);

int f(unsigned char a, unsigned char b) {
  unsigned char s = (unsigned char)(a + b);
  __VERIFIER_assert(s >= a);
  return s;
}
