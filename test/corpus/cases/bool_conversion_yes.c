// expect: yes
// args: --function f
// note: converting to _Bool gives 1 for every nonzero value (256 becomes 1, not 0 as a truncation would).
extern void __VERIFIER_assert(int cond);

int f(int x) {
  _Bool b = x;
  __VERIFIER_assert(b == (x != 0));
  return b;
}
