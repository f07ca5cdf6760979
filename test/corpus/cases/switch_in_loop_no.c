// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f()
// note: a break inside the switch does not leave the loop, so s is 34, not 30.
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
  __VERIFIER_assert(s != 34);
  return s;
}
