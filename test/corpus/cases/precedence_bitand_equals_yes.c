// expect: yes
// args: --function f
// note: == binds tighter than &, so x & 0xFF == 255 means x & (0xFF == 255), i.e. x & 1.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  __VERIFIER_assert((x & 0xFF == 255) == (x & 1));
  return 0;
}
