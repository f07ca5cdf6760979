// expect: yes
// args: --function f
// note: right-shifting a negative value is implementation-defined (arithmetic in gcc), not UB; the result keeps the sign.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  int r = x >> 1;
  __VERIFIER_assert((x < 0) == (r < 0));
  return r;
}
