// expect: yes
// args: --function f
// note: counting the set bits of an unsigned char with an 8-iteration loop gives a value in [0, 8], and 0 only for 0.
extern void __VERIFIER_assert(int cond);

int f(unsigned char x) {
  int n = 0;
  for (int i = 0; i < 8; i++) {
    if (x & (1 << i)) n++;
  }
  __VERIFIER_assert(n >= 0 && n <= 8);
  __VERIFIER_assert((n == 0) == (x == 0));
  return n;
}
