// expect: yes
// args: --function f
// note: unsigned arithmetic is modulo 2^32, so (a + b) - b == a for all inputs, and nothing is undefined.
extern void __VERIFIER_assert(int cond);

unsigned f(unsigned a, unsigned b) {
  unsigned s = a + b;
  __VERIFIER_assert(s - b == a);
  return s;
}
