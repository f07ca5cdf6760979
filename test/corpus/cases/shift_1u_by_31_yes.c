// expect: yes
// args: --function f
// note: 1u << 31 is fine for unsigned int, and every amount in [0, 31] is valid.
extern void __VERIFIER_assert(int cond);

unsigned f(unsigned s) {
  if (s < 32) {
    unsigned r = 1u << s;
    __VERIFIER_assert(r != 0);
    return r;
  }
  return 0;
}
