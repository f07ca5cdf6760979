// expect: yes
// args: --function f
// note: odd i are skipped by continue and the loop breaks at i == 8: s = 0 + 2 + 4 + 6 = 12.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 10; i++) {
    if (i % 2) continue;
    if (i == 8) break;
    s += i;
  }
  __VERIFIER_assert(s == 12);
  return s;
}
