// expect: yes
// args: --function f
// note: invariant at the loop: s == 3*i && 0 <= i <= 2000; the constant bound 2000 is far beyond the default unwinding of 64.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 2000; i++) {
    s += 3;
  }
  __VERIFIER_assert(s == 6000);
  return s;
}
