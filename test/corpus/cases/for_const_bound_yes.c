// expect: yes
// args: --function f
// note: a constant-bound loop of 10 iterations: 0 + 1 + ... + 9 = 45.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 10; i++) {
    s += i;
  }
  __VERIFIER_assert(s == 45);
  return s;
}
