// expect: yes
// args: --function f
// note: a loop built with a backward goto that runs exactly 5 times: s = 0 + 1 + 2 + 3 + 4 = 10.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int i = 0;
  int s = 0;
again:
  if (i < 5) {
    s += i;
    i++;
    goto again;
  }
  __VERIFIER_assert(s == 10);
  return s;
}
