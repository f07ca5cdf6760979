// expect: yes
// args: --function f --max-unwind 5
// note: the loop runs exactly 5 times, so 5 unwindings suffice: s = 0 + 1 + 2 + 3 + 4 = 10.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 5; i++) {
    s += i;
  }
  __VERIFIER_assert(s == 10);
  return s;
}
