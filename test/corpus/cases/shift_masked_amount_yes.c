// expect: yes
// args: --function f
// note: s & 31 is always a valid amount for a 32-bit unsigned shift; rotating left then right restores x.
extern void __VERIFIER_assert(int cond);

unsigned f(unsigned x, unsigned s) {
  unsigned k = s & 31u;
  unsigned r = k == 0 ? x : (x << k) | (x >> (32u - k));
  unsigned back = k == 0 ? r : (r >> k) | (r << (32u - k));
  __VERIFIER_assert(back == x);
  return r;
}
