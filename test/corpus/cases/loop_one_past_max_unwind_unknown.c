// expect: unknown
// args: --function f --max-unwind 5
// reason: unbounded-loop
// note: the loop runs 6 times, one more than the 5 unwindings allowed; the assertion is true, so only don't know is right.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 6; i++) {
    s += i;
  }
  __VERIFIER_assert(s == 15);
  return s;
}
