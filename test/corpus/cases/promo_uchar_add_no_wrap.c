// expect: yes
// args: --function f
// note: unsigned char operands are promoted to int, so a + b is at most 510: no wrap, no overflow.
extern void __VERIFIER_assert(int cond);

int f(unsigned char a, unsigned char b) {
  int s = a + b;
  __VERIFIER_assert(s >= a && s >= b && s <= 510);
  return s;
}
