// expect: yes
// args: --function f
// note: continue inside a switch continues the loop, break only leaves the switch: s = 11 + 0 + 11 + 1 + 11 = 34.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 5; i++) {
    switch (i) {
      case 1:
        continue;
      case 3:
        break;
      default:
        s += 10;
    }
    s += 1;
  }
  __VERIFIER_assert(s == 34);
  return s;
}
