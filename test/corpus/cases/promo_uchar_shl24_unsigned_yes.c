// expect: yes
// args: --function f
// note: shifting an unsigned int is never an overflow; 255u << 24 fits in 32 bits.
extern void __VERIFIER_assert(int cond);

unsigned f(unsigned char x) {
  unsigned r = (unsigned)x << 24;
  __VERIFIER_assert((r >> 24) == x);
  return r;
}
