// expect: yes
// args: --function f --max-unwind 5
// note: the loop runs 6 times, one more than the 5 unwindings allowed; the assertion is true: BMC cannot show it, the loop invariant does.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 6; i++) {
    s += i;
  }
  __VERIFIER_assert(s == 15);
  return s;
}
