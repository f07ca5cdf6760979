// expect: yes
// args: --function f
// note: the do-while runs 10 times: s = 0 + 1 + ... + 9 = 45.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int i = 0;
  int s = 0;
  do {
    s += i;
    i++;
  } while (i < 10);
  __VERIFIER_assert(s == 45 && i == 10);
  return s;
}
