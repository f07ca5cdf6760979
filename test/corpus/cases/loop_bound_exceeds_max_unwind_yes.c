// expect: yes
// args: --function f --max-unwind 10
// note: the loop runs 40 times, more than the 10 unwindings allowed, so BMC cannot prove it; the loop invariant does (the assertion is true).
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 40; i++) {
    s += 1;
  }
  __VERIFIER_assert(s == 40);
  return s;
}
